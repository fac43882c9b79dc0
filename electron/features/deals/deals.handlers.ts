import type { dealsContract } from '../../../shared/contract/deals';
import type { HandlersOf } from '../../ipc/dispatch';

export const dealsHandlers: HandlersOf<typeof dealsContract> = {};
