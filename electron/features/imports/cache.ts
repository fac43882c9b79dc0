import type { AppContext } from '../../core/context';
import type { SheetRow } from './parse';

/** A file read for import, kept in the main process between preview and commit. */
export type ImportSession = {
  id: string;
  fileName: string;
  sheetName: string;
  /** The sheet row of the headers (1-based). */
  headerLine: number;
  headers: string[];
  /** Data rows below the header that hold anything. */
  rows: SheetRow[];
  /** ms since epoch, for expiry. */
  touchedAt: number;
  /** Set while its commit runs, so a second click cannot start another. */
  committing?: boolean;
};

/** A preview is forgotten after half an hour unused; a 50,000-row file holds tens of MB. */
const TTL_MS = 30 * 60 * 1000;
/** Files kept at once per database: a wizard open in each of a few windows. */
const MAX_SESSIONS = 3;

const sessions = new WeakMap<AppContext, Map<string, ImportSession>>();

function sessionsOf(ctx: AppContext): Map<string, ImportSession> {
  let map = sessions.get(ctx);
  if (!map) {
    map = new Map();
    sessions.set(ctx, map);
  }
  const now = Date.now();
  for (const [id, session] of map) if (now - session.touchedAt > TTL_MS) map.delete(id);
  return map;
}

/** Keeps a read file, dropping the least recently used beyond the limit. */
export function rememberSession(ctx: AppContext, session: ImportSession): void {
  const map = sessionsOf(ctx);
  map.set(session.id, session);
  while (map.size > MAX_SESSIONS) {
    const oldest = [...map.values()].sort((a, b) => a.touchedAt - b.touchedAt)[0];
    if (!oldest) break;
    map.delete(oldest.id);
  }
}

/** The read file of an earlier preview, if it has not expired. */
export function recallSession(ctx: AppContext, id: string): ImportSession | undefined {
  const session = sessionsOf(ctx).get(id);
  if (session) session.touchedAt = Date.now();
  return session;
}

/** Forgets a read file (after its import, or when the wizard closes). */
export function forgetSession(ctx: AppContext, id: string): void {
  sessionsOf(ctx).delete(id);
}
