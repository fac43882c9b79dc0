import type { settingsContract } from '../../../shared/contract/settings';
import type { HandlersOf } from '../../ipc/dispatch';

export const settingsHandlers: HandlersOf<typeof settingsContract> = {};
