import type { followUpsContract } from '../../../shared/contract/followups';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { hidden, visibility } from '../team/visibility';
import type { HandlersOf } from '../../ipc/dispatch';
import { currentUser } from '../team/current-user';
import { getUser } from '../team/team.repo';
import { liveCustomer } from '../timeline/timeline.repo';
import {
  getFollowUp,
  getFollowUpRecord,
  listCustomerFollowUps,
  listFollowUpGroups,
} from './followups.repo';

function requireCustomer(ctx: AppContext, id: string) {
  const customer = liveCustomer(ctx.db, id);
  // Out of the user's scope reads as unknown (docs/data-scope.md).
  if (!customer || hidden(ctx, 'customer', id)) throw notFound('customer', id);
  return customer;
}

/** A follow-up that can still change: live, and on a live customer. */
function requireFollowUp(ctx: AppContext, id: string) {
  const record = getFollowUpRecord(ctx.db, id);
  if (!record) throw notFound('follow-up', id);
  requireCustomer(ctx, record.customerId);
  return record;
}

/**
 * Who does the follow-up: the one asked for (who must be an active user), else the
 * customer's owner while they are active, else the current user.
 */
function resolveOwner(
  ctx: AppContext,
  asked: string | null | undefined,
  customerOwnerId: string | null,
): string {
  if (asked) {
    const owner = getUser(ctx.db, asked);
    if (!owner) {
      throw new AppError(
        'invalid_input',
        `owner ${asked} not found`,
        'errors.ownerUnknown',
        undefined,
        { ownerId: 'errors.ownerUnknown' },
      );
    }
    if (!owner.active) {
      throw new AppError(
        'invalid_input',
        `${owner.name} is deactivated`,
        'errors.userInactive',
        { name: owner.name },
        { ownerId: 'errors.userInactive' },
      );
    }
    return owner.id;
  }
  const customerOwner = customerOwnerId ? getUser(ctx.db, customerOwnerId) : undefined;
  if (customerOwner?.active) return customerOwner.id;
  const me = ctx.currentUserId();
  if (!me) {
    throw new AppError(
      'invalid_input',
      'a follow-up needs an owner',
      'errors.ownerUnknown',
      undefined,
      { ownerId: 'errors.ownerUnknown' },
    );
  }
  return me;
}

export const followUpsHandlers: HandlersOf<typeof followUpsContract> = {
  'followUps.forCustomer': (input, ctx) => {
    requireCustomer(ctx, input.customerId);
    return listCustomerFollowUps(ctx.db, input.customerId);
  },

  'followUps.list': (input, ctx) =>
    listFollowUpGroups(ctx.db, input, currentUser(ctx), visibility(ctx)),

  'followUps.create': (input, ctx) => {
    const customer = requireCustomer(ctx, input.customerId);
    const ownerId = resolveOwner(ctx, input.ownerId, customer.ownerId);
    const id = ctx.newId();
    ctx.commit([
      {
        op: 'insert',
        table: 'follow_ups',
        id,
        values: {
          customerId: customer.id,
          ownerId,
          dueOn: input.dueOn,
          text: input.text,
          doneAt: null,
        },
      },
    ]);
    const created = getFollowUp(ctx.db, id);
    if (!created) throw notFound('follow-up', id);
    return created;
  },

  'followUps.complete': (input, ctx) => {
    const record = requireFollowUp(ctx, input.id);
    if (record.doneAt === null) {
      ctx.commit([
        {
          op: 'update',
          table: 'follow_ups',
          id: record.id,
          values: { doneAt: ctx.now().toISOString() },
        },
      ]);
    }
    return { ok: true as const };
  },

  'followUps.reopen': (input, ctx) => {
    const record = requireFollowUp(ctx, input.id);
    if (record.doneAt !== null) {
      ctx.commit([{ op: 'update', table: 'follow_ups', id: record.id, values: { doneAt: null } }]);
    }
    return { ok: true as const };
  },
};
