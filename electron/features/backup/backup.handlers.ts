import type { backupContract } from '../../../shared/contract/backup';
import type { HandlersOf } from '../../ipc/dispatch';

const notYet = () => {
  throw new Error('not built yet');
};

/** Placeholder: backups are being built (issue 9). */
export const backupHandlers: HandlersOf<typeof backupContract> = {
  'backup.list': notYet,
  'backup.now': notYet,
  'backup.restore': notYet,
};
