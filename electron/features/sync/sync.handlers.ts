import type { syncContract } from '../../../shared/contract/sync';
import type { HandlersOf } from '../../ipc/dispatch';

const notYet = () => {
  throw new Error('not built yet');
};

/** Placeholder: the team-folder handlers are being built (issue 9). */
export const syncHandlers: HandlersOf<typeof syncContract> = {
  'sync.status': notYet,
  'sync.now': notYet,
  'sync.chooseFolder': notYet,
  'sync.createTeam': notYet,
  'sync.joinTeam': notYet,
  'sync.leave': notYet,
  'sync.conflicts': notYet,
  'sync.restoreMine': notYet,
  'sync.dismiss': notYet,
};
