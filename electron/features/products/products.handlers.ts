import type { productsContract } from '../../../shared/contract/products';
import type { HandlersOf } from '../../ipc/dispatch';

export const productsHandlers: HandlersOf<typeof productsContract> = {};
