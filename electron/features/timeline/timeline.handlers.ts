import type { timelineContract } from '../../../shared/contract/timeline';
import type { HandlersOf } from '../../ipc/dispatch';

export const timelineHandlers: HandlersOf<typeof timelineContract> = {};
