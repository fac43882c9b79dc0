import type { Sqlite } from './connection';

/** Keys of per-device state; these never leave the device. */
export type LocalKey =
  | 'device_id'
  | 'current_user_id'
  /** current_user_id sealed by the OS key store (the Electron app only; decision 0022). */
  | 'current_user_seal'
  | 'language'
  | 'theme'
  /** The dashboard's getting-started panel: `open` once this device created the team, then `dismissed`. */
  | 'getting_started'
  | 'hlc'
  | 'base_snapshot'
  // Team sync (electron/sync): the team this file belongs to, its folder, and push progress.
  | 'team_id'
  | 'team_name'
  | 'team_folder'
  /** The last change_log.seq of this device written to a batch. */
  | 'sync_pushed_change'
  /** The last batch sequence number this device wrote. */
  | 'sync_batch'
  /** JSON array: own batch slots passed over because they held a file this device did not sign (push.ts). */
  | 'sync_skipped'
  /** The last sync_applied.id sent with a batch. */
  | 'sync_acks_sent'
  /** The last own batch the rolling check of the folder found whole (electron/sync/repair.ts). */
  | 'sync_audit_batch'
  /** The newest snapshot this device knows of in the folder, and its log position then (snapshots.ts). */
  | 'sync_snapshot';

export function getLocal(sqlite: Sqlite, key: LocalKey): string | null {
  const row = sqlite.prepare('SELECT value FROM local_state WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setLocal(sqlite: Sqlite, key: LocalKey, value: string | null): void {
  if (value === null) sqlite.prepare('DELETE FROM local_state WHERE key = ?').run(key);
  else
    sqlite
      .prepare(
        'INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
}
