import type { followUpsContract } from '../../../shared/contract/followups';
import type { HandlersOf } from '../../ipc/dispatch';

export const followUpsHandlers: HandlersOf<typeof followUpsContract> = {};
