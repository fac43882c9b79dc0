import type { receivablesContract } from '../../../shared/contract/receivables';
import type { HandlersOf } from '../../ipc/dispatch';

export const receivablesHandlers: HandlersOf<typeof receivablesContract> = {};
