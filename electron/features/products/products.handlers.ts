import type { productsContract } from '../../../shared/contract/products';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { findProductName, getProduct, listProducts } from './products.repo';

function requireProduct(ctx: AppContext, id: string) {
  const product = getProduct(ctx.db, id);
  if (!product) throw notFound('product', id);
  return product;
}

export const productsHandlers: HandlersOf<typeof productsContract> = {
  'products.list': (input, ctx) => listProducts(ctx.db, input.includeInactive),

  'products.save': (input, ctx) => {
    const { id: given, ...fields } = input;
    if (given) requireProduct(ctx, given);
    const clash = findProductName(ctx.db, fields.name, given);
    if (clash)
      throw new AppError(
        'conflict',
        `a product named "${clash.name}" exists`,
        'dealErrors.productNameTaken',
        { name: clash.name },
        { name: 'dealErrors.productNameTaken' },
      );
    const id = given ?? ctx.newId();
    ctx.commit([
      given
        ? { op: 'update', table: 'products', id, values: fields }
        : { op: 'insert', table: 'products', id, values: { ...fields, active: true } },
    ]);
    return requireProduct(ctx, id);
  },

  'products.setActive': (input, ctx) => {
    requireProduct(ctx, input.id);
    ctx.commit([
      { op: 'update', table: 'products', id: input.id, values: { active: input.active } },
    ]);
    return requireProduct(ctx, input.id);
  },
};
