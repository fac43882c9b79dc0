import type { Sqlite } from '../db/connection';
import { getLocal, setLocal, type LocalKey } from '../db/local-state';

/** A numeric local_state value (0 when unset). */
export function localNumber(sqlite: Sqlite, key: LocalKey): number {
  const value = getLocal(sqlite, key);
  return value === null ? 0 : Number(value);
}

export function setLocalNumber(sqlite: Sqlite, key: LocalKey, value: number): void {
  setLocal(sqlite, key, String(value));
}

/** The ISO instant of a clock stamp's physical part. */
export function stampInstant(hlc: string): string {
  return new Date(Number(hlc.slice(0, 15))).toISOString();
}

export type CursorRow = {
  device_id: string;
  applied_seq: number;
  waiting_seq: number | null;
  waiting_since: string | null;
  problem: 'missing' | 'torn' | 'newer_format' | 'invalid' | null;
  last_applied_at: string | null;
};

export function readCursors(sqlite: Sqlite): Map<string, CursorRow> {
  const rows = sqlite.prepare('SELECT * FROM sync_cursors').all() as CursorRow[];
  return new Map(rows.map((r) => [r.device_id, r]));
}
