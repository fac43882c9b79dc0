import type { importsContract } from '../../../shared/contract/imports';
import type { HandlersOf } from '../../ipc/dispatch';

export const importsHandlers: HandlersOf<typeof importsContract> = {};
