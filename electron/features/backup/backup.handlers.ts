import type { backupContract } from '../../../shared/contract/backup';
import { backupFolder, KEEP, listBackups, makeBackup } from '../../backup/backups';
import { checkFile } from '../../backup/integrity';
import { AppError } from '../../core/errors';
import { scheduleReplace } from '../../db/replace';
import type { HandlersOf } from '../../ipc/dispatch';

const entry = ({ name, at, bytes }: { name: string; at: string; bytes: number }) => ({
  name,
  at,
  bytes,
});

/** Local backups (electron/backup/backups.ts): list, back up now, restore at the next start. */
export const backupHandlers: HandlersOf<typeof backupContract> = {
  'backup.list': (_input, ctx) => {
    const folder = backupFolder(ctx.file);
    return { folder, backups: listBackups(folder).map(entry), keep: KEEP };
  },

  'backup.now': async (_input, ctx) =>
    entry(await makeBackup(ctx.sqlite, ctx.file, { now: ctx.now() })),

  'backup.restore': (input, ctx) => {
    // Only a file the list shows: the name is matched, never joined into a path as given.
    const backup = listBackups(backupFolder(ctx.file)).find((b) => b.name === input.name);
    if (!backup)
      throw new AppError('not_found', `no backup named ${input.name}`, 'errors.notFound', {
        what: 'backup',
      });
    const check = checkFile(backup.path);
    if (!check.ok)
      throw new AppError(
        'conflict',
        `${backup.name} is damaged: ${check.problems.join('; ')}`,
        'backup.backupDamaged',
      );
    scheduleReplace(ctx.file, backup.path, 'restore', ctx.now());
    return { restartRequired: true as const };
  },
};
