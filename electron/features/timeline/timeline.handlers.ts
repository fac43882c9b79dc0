import type { timelineContract } from '../../../shared/contract/timeline';
import { defaultActivityCategory } from '../../../shared/domain/activities';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { hidden } from '../team/visibility';
import type { HandlersOf } from '../../ipc/dispatch';
import {
  getActivity,
  getActivityEntry,
  isContactOf,
  listTimeline,
  liveCustomer,
} from './timeline.repo';

/** How far ahead of this computer's clock a logged moment may be (clock skew, not plans: plans are follow-ups). */
const FUTURE_GRACE_MS = 5 * 60_000;

function requireCustomer(ctx: AppContext, id: string) {
  const customer = liveCustomer(ctx.db, id);
  // Out of the user's scope reads as unknown (docs/data-scope.md).
  if (!customer || hidden(ctx, 'customer', id)) throw notFound('customer', id);
  return customer;
}

export const timelineHandlers: HandlersOf<typeof timelineContract> = {
  'timeline.list': (input, ctx) => {
    requireCustomer(ctx, input.customerId);
    return listTimeline(ctx.db, input, ctx.currentUserId());
  },

  'timeline.log': (input, ctx) => {
    const customer = requireCustomer(ctx, input.customerId);
    if (input.contactId && !isContactOf(ctx.db, input.contactId, customer.id)) {
      throw new AppError(
        'invalid_input',
        `contact ${input.contactId} is not a contact of customer ${customer.id}`,
        'timeline.errors.contactUnknown',
        undefined,
        {
          contactId: 'timeline.errors.contactUnknown',
        },
      );
    }
    const now = ctx.now();
    const at = input.at ?? now.toISOString();
    if (Date.parse(at) > now.getTime() + FUTURE_GRACE_MS) {
      throw new AppError(
        'invalid_input',
        `${at} is in the future`,
        'timeline.errors.future',
        undefined,
        { at: 'timeline.errors.future' },
      );
    }
    const id = ctx.newId();
    ctx.commit([
      {
        op: 'insert',
        table: 'activities',
        id,
        values: {
          customerId: customer.id,
          contactId: input.contactId,
          userId: ctx.currentUserId(),
          kind: input.kind,
          category: input.category ?? defaultActivityCategory(customer.status),
          at,
          body: input.body,
        },
      },
    ]);
    const entry = getActivityEntry(ctx.db, id, ctx.currentUserId());
    if (!entry) throw notFound('timeline entry', id);
    return entry;
  },

  'timeline.delete': (input, ctx) => {
    const activity = getActivity(ctx.db, input.id);
    if (!activity) throw notFound('timeline entry', input.id);
    requireCustomer(ctx, activity.customerId);
    if (activity.kind === 'handover') {
      throw new AppError(
        'conflict',
        'handover records are history and cannot be deleted',
        'timeline.errors.systemEntry',
      );
    }
    if (!activity.userId || activity.userId !== ctx.currentUserId()) {
      throw new AppError(
        'conflict',
        'only the author may delete a timeline entry',
        'timeline.errors.notYours',
      );
    }
    ctx.commit([{ op: 'delete', table: 'activities', id: activity.id }]);
    return { ok: true as const };
  },
};
