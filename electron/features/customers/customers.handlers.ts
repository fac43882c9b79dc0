import type { z } from 'zod';
import type { customerFields, customersContract } from '../../../shared/contract/customers';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { getUser } from '../team/team.repo';
import { currentUser } from '../team/current-user';
import { customerFacets, findNameClash, getCustomer, getCustomerRecord, listCustomers } from './customers.repo';

type Fields = z.output<typeof customerFields>;

function requireCustomer(ctx: AppContext, id: string) {
  const customer = getCustomer(ctx.db, id);
  if (!customer) throw notFound('customer', id);
  return customer;
}

/** Refuses a name that folds to an existing customer's, naming that customer. */
function assertNameFree(ctx: AppContext, name: string, exceptId?: string): void {
  const clash = findNameClash(ctx.db, name, exceptId);
  if (clash) {
    throw new AppError(
      'conflict',
      `customer name clashes with existing customer "${clash.name}"`,
      'errors.customerNameTaken',
      { name: clash.name, id: clash.id },
      { name: 'errors.customerNameTaken' },
    );
  }
}

function assertOwner(ctx: AppContext, ownerId: string | null): void {
  if (!ownerId) return;
  const owner = getUser(ctx.db, ownerId);
  if (!owner) throw new AppError('invalid_input', `owner ${ownerId} not found`, 'errors.ownerUnknown', undefined, { ownerId: 'errors.ownerUnknown' });
}

function toValues(fields: Fields) {
  return { ...fields, tags: JSON.stringify(fields.tags) };
}

export const customersHandlers: HandlersOf<typeof customersContract> = {
  'customers.list': (input, ctx) => listCustomers(ctx.db, input, currentUser(ctx)),

  'customers.facets': (_input, ctx) => customerFacets(ctx.db),

  'customers.get': (input, ctx) => requireCustomer(ctx, input.id),

  'customers.create': (input, ctx) => {
    assertNameFree(ctx, input.name);
    assertOwner(ctx, input.ownerId);
    const id = ctx.newId();
    ctx.commit([{ op: 'insert', table: 'customers', id, values: toValues(input) }]);
    return requireCustomer(ctx, id);
  },

  'customers.update': (input, ctx) => {
    requireCustomer(ctx, input.id);
    assertNameFree(ctx, input.fields.name, input.id);
    assertOwner(ctx, input.fields.ownerId);
    ctx.commit([{ op: 'update', table: 'customers', id: input.id, values: toValues(input.fields) }]);
    return requireCustomer(ctx, input.id);
  },

  'customers.delete': (input, ctx) => {
    requireCustomer(ctx, input.id);
    ctx.commit([{ op: 'delete', table: 'customers', id: input.id }]);
    return { ok: true as const };
  },

  'customers.restore': (input, ctx) => {
    const record = getCustomerRecord(ctx.db, input.id);
    if (!record) throw notFound('customer', input.id);
    if (record.deletedAt === null) return { ok: true as const };
    assertNameFree(ctx, record.name, record.id);
    ctx.commit([{ op: 'restore', table: 'customers', id: input.id }]);
    return { ok: true as const };
  },
};
