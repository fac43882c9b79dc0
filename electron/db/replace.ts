import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { openPlain } from './connection';

/**
 * Replacing the database file under a running app (joining a team folder starts from the
 * team's snapshot; restoring a backup) happens while nothing has it open: the app writes a
 * marker beside the file naming the replacement, restarts, and the host applies the marker
 * before opening the database. The file being replaced is kept beside it
 * (`pacer.sqlite.before-<reason>-<time>.bak`), never deleted.
 */
export type ReplaceReason = 'join' | 'restore';
export type PendingReplace = { source: string; reason: ReplaceReason; at: string };

const markerOf = (file: string) => `${file}.replace.json`;

/** Asks for `file` to be replaced by `source` at the next start. */
export function scheduleReplace(
  file: string,
  source: string,
  reason: ReplaceReason,
  now: Date,
): void {
  const marker = markerOf(file);
  const temp = `${marker}.tmp`;
  const pending: PendingReplace = { source, reason, at: now.toISOString() };
  writeFileSync(temp, JSON.stringify(pending));
  renameSync(temp, marker);
}

export function pendingReplace(file: string): PendingReplace | null {
  const marker = markerOf(file);
  if (!existsSync(marker)) return null;
  try {
    const value = JSON.parse(readFileSync(marker, 'utf8')) as Partial<PendingReplace>;
    if (typeof value.source !== 'string' || (value.reason !== 'join' && value.reason !== 'restore'))
      return null;
    return { source: value.source, reason: value.reason, at: String(value.at ?? '') };
  } catch {
    return null;
  }
}

export function cancelReplace(file: string): void {
  rmSync(markerOf(file), { force: true });
}

export type ReplaceOutcome = {
  applied: boolean;
  reason?: ReplaceReason;
  /** Where the replaced file went. */
  previous?: string | null;
  /** Why a pending replacement was dropped. */
  error?: string;
};

/**
 * Applies a pending replacement, if any, before the database is opened: the current file
 * (with its -wal and -shm, if a crash left them) moves aside, then a joined file is moved into
 * place or a backup copied (the backup stays where it is). A marker whose source has gone is
 * dropped with an error and the current file is left alone.
 */
export function applyPendingReplace(file: string, now: Date = new Date()): ReplaceOutcome {
  const pending = pendingReplace(file);
  if (!pending) {
    if (existsSync(markerOf(file))) cancelReplace(file);
    return { applied: false };
  }
  if (!existsSync(pending.source)) {
    cancelReplace(file);
    return { applied: false, error: `${pending.source} is gone; the database was left as it was` };
  }
  let previous: string | null = null;
  if (existsSync(file)) {
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    previous = `${file}.before-${pending.reason}-${stamp}.bak`;
    renameSync(file, previous);
    for (const suffix of ['-wal', '-shm'])
      if (existsSync(file + suffix)) renameSync(file + suffix, previous + suffix);
  }
  if (pending.reason === 'join') renameSync(pending.source, file);
  else {
    const temp = `${file}.restoring`;
    copyFileSync(pending.source, temp);
    renewDeviceIdentity(temp);
    renameSync(temp, file);
  }
  cancelReplace(file);
  return { applied: true, reason: pending.reason, previous };
}

/**
 * A restored copy of a database that syncs with a team folder must not write as the device it
 * was copied from: the folder already holds that device's later batches, so its next batch
 * number is taken (push refuses with `exists`). The copy becomes a new device (a new id is made
 * when it opens) that has applied the old device's batches up to the copy's point, so the next
 * pull brings back, from the folder, every change the old device made after the backup. Its
 * team, user, language and theme stay. A file without a team folder is left as it is.
 */
export function renewDeviceIdentity(file: string): boolean {
  const sqlite = openPlain(file);
  try {
    const hasState = sqlite
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'local_state'")
      .get();
    if (!hasState) return false;
    const get = (key: string) =>
      (
        sqlite.prepare('SELECT value FROM local_state WHERE key = ?').get(key) as
          { value: string } | undefined
      )?.value ?? null;
    const teamId = get('team_id');
    const oldDevice = get('device_id');
    if (!teamId || !oldDevice) return false;
    const batch = Number(get('sync_batch') ?? 0);
    sqlite.transaction(() => {
      sqlite
        .prepare(
          "DELETE FROM local_state WHERE key IN ('device_id', 'sync_batch', 'sync_pushed_change', 'sync_acks_sent')",
        )
        .run();
      for (const table of ['sync_batches', 'sync_seen', 'sync_applied'])
        sqlite.prepare(`DELETE FROM "${table}"`).run();
      sqlite
        .prepare(
          `INSERT INTO sync_cursors (device_id, applied_seq) VALUES (?, ?)
           ON CONFLICT(device_id) DO UPDATE SET applied_seq = excluded.applied_seq,
             waiting_seq = NULL, waiting_since = NULL, problem = NULL`,
        )
        .run(oldDevice, batch);
    })();
    return true;
  } finally {
    sqlite.close();
  }
}
