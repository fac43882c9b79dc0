import { z } from 'zod';
import { method } from './define';

/**
 * Local backups and integrity (issue 9): a daily copy of the database made with SQLite's
 * backup API (the newest 14 kept) in a `backups` folder beside it, "back up now", and restore
 * (the chosen copy replaces the database at a restart; the replaced file is kept beside it).
 */
export const backupEntry = z.object({
  /** The file name (`pacer-2026-11-23T0800.sqlite`): what `backup.restore` takes. */
  name: z.string(),
  /** When it was made (ISO instant). */
  at: z.string(),
  bytes: z.number(),
});
export type BackupEntry = z.infer<typeof backupEntry>;

export const backupList = z.object({
  folder: z.string(),
  /** Newest first. */
  backups: z.array(backupEntry),
  /** How many are kept. */
  keep: z.number(),
});

const empty = z.object({}).strict();

export const backupContract = {
  'backup.list': method(empty, backupList),
  /** Makes a backup now (also what the daily backup does). */
  'backup.now': method(empty, backupEntry),
  /** Schedules the restore of a backup at the next start; the app then restarts (`app.restart`). */
  'backup.restore': method(
    z
      .object({
        name: z
          .string()
          .regex(/^[\w.-]+\.sqlite$/, 'validation.invalid')
          .max(200),
      })
      .strict(),
    z.object({ restartRequired: z.literal(true) }),
  ),
};
