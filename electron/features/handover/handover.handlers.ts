import type { handoverContract } from '../../../shared/contract/handover';
import type { HandlersOf } from '../../ipc/dispatch';

export const handoverHandlers: HandlersOf<typeof handoverContract> = {};
