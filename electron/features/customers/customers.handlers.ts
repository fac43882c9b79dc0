import type { z } from 'zod';
import type { customerFields, customersContract } from '../../../shared/contract/customers';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { frequencyRules } from '../settings/settings.repo';
import { currentUser } from '../team/current-user';
import { getUser } from '../team/team.repo';
import { everyone, seesOwner, visibility } from '../team/visibility';
import {
  customerFacets,
  findNameClash,
  getCustomer,
  getCustomerRecord,
  gradingMatrix,
  listCustomers,
  liveCustomerIds,
  type ListContext,
} from './customers.repo';

type Fields = z.output<typeof customerFields>;

/** Who asks, the team's frequency rules and the user's today: what derived figures depend on. */
function listContext(ctx: AppContext, today?: string, now?: string): ListContext & { now: string } {
  return {
    currentUser: currentUser(ctx),
    visible: visibility(ctx),
    rules: frequencyRules(ctx.db),
    today: today ?? ctx.now().toISOString().slice(0, 10),
    now: now ?? ctx.now().toISOString(),
  };
}

function requireCustomer(ctx: AppContext, id: string, today?: string, now?: string) {
  const customer = getCustomer(ctx.db, id, listContext(ctx, today, now));
  if (!customer) throw notFound('customer', id);
  return customer;
}

/**
 * A customer just written, as the write answers it: creating one for (or handing one to)
 * someone out of one's scope still answers with what was saved, never with more.
 */
function savedCustomer(ctx: AppContext, id: string) {
  const saved = getCustomer(ctx.db, id, { ...listContext(ctx), visible: everyone });
  if (!saved) throw notFound('customer', id);
  return saved;
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

function assertOwner(ctx: AppContext, ownerId: string | null, field = 'ownerId'): void {
  if (!ownerId) return;
  const owner = getUser(ctx.db, ownerId);
  if (!owner || !owner.active) {
    throw new AppError(
      'invalid_input',
      `owner ${ownerId} not found or inactive`,
      'errors.ownerUnknown',
      undefined,
      { [field]: 'errors.ownerUnknown' },
    );
  }
}

/** Overriding a grade is a manager's call (domain.md §2). */
function assertManager(ctx: AppContext): void {
  const me = currentUser(ctx);
  if (!me || me.role === 'rep')
    throw new AppError(
      'conflict',
      'only a manager can override a grade',
      'errors.overrideNeedsManager',
    );
}

function toValues(fields: Fields) {
  return { ...fields, tags: JSON.stringify(fields.tags) };
}

export const customersHandlers: HandlersOf<typeof customersContract> = {
  'customers.list': (input, ctx) => listCustomers(ctx.db, input, listContext(ctx, input.today)),

  'customers.facets': (_input, ctx) => customerFacets(ctx.db, visibility(ctx)),

  'customers.get': (input, ctx) => requireCustomer(ctx, input.id, undefined, input.now),

  'customers.create': (input, ctx) => {
    assertNameFree(ctx, input.name);
    assertOwner(ctx, input.ownerId);
    const id = ctx.newId();
    ctx.commit([{ op: 'insert', table: 'customers', id, values: toValues(input) }]);
    return savedCustomer(ctx, id);
  },

  'customers.update': (input, ctx) => {
    const current = requireCustomer(ctx, input.id);
    assertNameFree(ctx, input.fields.name, input.id);
    // Keeping a customer with an owner who has since left is fine; choosing one is not.
    if (input.fields.ownerId !== current.ownerId) assertOwner(ctx, input.fields.ownerId);
    ctx.commit([
      { op: 'update', table: 'customers', id: input.id, values: toValues(input.fields) },
    ]);
    return savedCustomer(ctx, input.id);
  },

  'customers.delete': (input, ctx) => {
    requireCustomer(ctx, input.id);
    ctx.commit([{ op: 'delete', table: 'customers', id: input.id }]);
    return { ok: true as const };
  },

  'customers.restore': (input, ctx) => {
    const record = getCustomerRecord(ctx.db, input.id);
    if (!record || !seesOwner(visibility(ctx), record.ownerId))
      throw notFound('customer', input.id);
    if (record.deletedAt === null) return { ok: true as const };
    assertNameFree(ctx, record.name, record.id);
    ctx.commit([{ op: 'restore', table: 'customers', id: input.id }]);
    return { ok: true as const };
  },

  'customers.setGrading': (input, ctx) => {
    const current = requireCustomer(ctx, input.id, input.today);
    const overrideChanges =
      input.override !== current.gradeOverride ||
      (input.override !== null && input.overrideReason !== current.gradeOverrideReason);
    if (input.override !== null && overrideChanges) assertManager(ctx);
    ctx.commit([
      {
        op: 'update',
        table: 'customers',
        id: input.id,
        values: {
          relationship: input.relationship,
          attractiveness: input.attractiveness,
          gradeOverride: input.override,
          gradeOverrideReason: input.override === null ? null : input.overrideReason,
          gradeReviewedOn: input.today,
        },
      },
    ]);
    return requireCustomer(ctx, input.id, input.today);
  },

  'customers.markReviewed': (input, ctx) => {
    const ids = liveCustomerIds(ctx.db, input.ids, visibility(ctx));
    ctx.commit(
      ids.map((id) => ({
        op: 'update',
        table: 'customers',
        id,
        values: { gradeReviewedOn: input.today },
      })),
    );
    return { count: ids.length };
  },

  'customers.reassign': (input, ctx) => {
    assertOwner(ctx, input.ownerId);
    const ids = liveCustomerIds(ctx.db, input.ids, visibility(ctx));
    ctx.commit(
      ids.map((id) => ({
        op: 'update',
        table: 'customers',
        id,
        values: { ownerId: input.ownerId },
      })),
    );
    return { count: ids.length };
  },

  'customers.matrix': (input, ctx) => gradingMatrix(ctx.db, input, listContext(ctx, input.today)),
};
