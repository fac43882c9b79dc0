import { hidden } from '../team/visibility';
import type { z } from 'zod';
import type { visitPlanFields } from '../../../shared/contract/visits';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { FieldsOf } from '../../core/tables';
import { getReceivable } from '../receivables/receivables.repo';
import { assertWithinBalance, requireWon } from '../receivables/receivables.rules';
import {
  assertNoOverlap,
  assertVisitFresh,
  invalidField,
  requireActiveRep,
  requireContactsOf,
  requireCustomer,
  requireLiveVisit,
  resolveTimes,
} from './visits.guards';
import { bookedCollection, collectionDeletedWith } from './visits.collections';
import {
  orderDealOf,
  orderDeletedWith,
  receivablesDeletedWith,
  removeOrderChanges,
} from './visits.order';
import { dayVisitIds, getVisitRecord, type VisitRecord } from './visits.repo';

export type VisitPlan = z.output<typeof visitPlanFields>;
type When = { day: string; start: string; end: string; timeZone: string };

/** The plan's stored fields, checked: live customer, active rep, the customer's contacts, real times. */
export type PlanValues = Pick<
  FieldsOf<'visits'>,
  | 'ownerId'
  | 'customerId'
  | 'contactIds'
  | 'day'
  | 'startAt'
  | 'endAt'
  | 'timeZone'
  | 'area'
  | 'purpose'
  | 'goal'
>;

/**
 * Checks a plan in the order a user fixes it (customer, rep, contacts, times) and answers
 * its stored fields. `owner` resolves the rep: a new visit's must be active, an edited one
 * keeps its rep without that check.
 */
export function planValues(
  ctx: AppContext,
  plan: VisitPlan,
  owner: (asked: string | undefined) => string,
): PlanValues {
  requireCustomer(ctx, plan.customerId);
  const ownerId = owner(plan.ownerId);
  const contactIds = requireContactsOf(ctx, plan.customerId, plan.contactIds);
  const { startAt, endAt } = resolveTimes(plan);
  return {
    ownerId,
    customerId: plan.customerId,
    contactIds: JSON.stringify(contactIds),
    day: plan.day,
    startAt,
    endAt,
    timeZone: plan.timeZone,
    area: plan.area,
    purpose: plan.purpose,
    goal: plan.goal,
  };
}

/** The insert of a new planned visit (plan checked, no overlap unless allowed); answers its id. */
export function planCreate(
  ctx: AppContext,
  plan: VisitPlan,
  allowOverlap: boolean,
): { id: string; changes: Change[] } {
  const values = planValues(ctx, plan, (asked) => requireActiveRep(ctx, asked));
  assertNoOverlap(ctx, values, allowOverlap);
  const id = ctx.newId();
  return {
    id,
    changes: [
      {
        op: 'insert',
        table: 'visits',
        id,
        values: { ...values, routeOrder: 0, planned: true, status: 'planned' },
      },
    ],
  };
}

/** A summarised visit happened on its day: it may change times, not days. */
function assertDayKept(visit: VisitRecord, day: string): void {
  if (visit.status !== 'planned' && day !== visit.day)
    throw invalidField(
      'visitErrors.summarizedDayFixed',
      'day',
      `visit ${visit.id} is ${visit.status} on ${visit.day}`,
    );
}

/** Moving to another day or rep drops the visit to the end of that day's route. */
function routeOrderAfter(visit: VisitRecord, next: { ownerId: string; day: string }): number {
  return next.ownerId === visit.ownerId && next.day === visit.day ? visit.routeOrder : 0;
}

/** Edits a visit's plan (visits.update). */
export function planUpdate(
  ctx: AppContext,
  input: { id: string; expectedUpdatedAt: string; fields: VisitPlan; allowOverlap: boolean },
): Change[] {
  const visit = requireLiveVisit(ctx, input.id);
  assertVisitFresh(ctx, visit, input.expectedUpdatedAt);
  const values = planValues(ctx, input.fields, (asked) =>
    asked === undefined || asked === visit.ownerId ? visit.ownerId : requireActiveRep(ctx, asked),
  );
  assertDayKept(visit, values.day);
  if (values.customerId !== visit.customerId && bookedCollection(ctx.db, visit))
    throw invalidField(
      'visitErrors.collectionBooked',
      'customerId',
      `visit ${visit.id} booked a collection for customer ${visit.customerId}`,
    );
  if (visit.status !== 'cancelled')
    assertNoOverlap(ctx, { ...values, exceptId: visit.id }, input.allowOverlap);
  return [
    {
      op: 'update',
      table: 'visits',
      id: visit.id,
      values: { ...values, routeOrder: routeOrderAfter(visit, values) },
    },
  ];
}

/** Moves or resizes a visit (calendar drag): new day and times, same everything else. */
export function planMove(
  ctx: AppContext,
  input: When & { id: string; expectedUpdatedAt: string; allowOverlap: boolean },
): Change[] {
  const visit = requireLiveVisit(ctx, input.id);
  assertVisitFresh(ctx, visit, input.expectedUpdatedAt);
  requireCustomer(ctx, visit.customerId);
  const { startAt, endAt } = resolveTimes(input);
  assertDayKept(visit, input.day);
  const slot = { ownerId: visit.ownerId, day: input.day, startAt, endAt, timeZone: input.timeZone };
  if (visit.status !== 'cancelled')
    assertNoOverlap(ctx, { ...slot, exceptId: visit.id }, input.allowOverlap);
  return [
    {
      op: 'update',
      table: 'visits',
      id: visit.id,
      values: {
        day: input.day,
        startAt,
        endAt,
        timeZone: input.timeZone,
        routeOrder: routeOrderAfter(visit, slot),
      },
    },
  ];
}

/** A rep's day route: exactly the day's live visits, each once, numbered 1…n in the given order. */
export function planReorder(
  ctx: AppContext,
  input: { ownerId: string; day: string; ids: string[] },
): Change[] {
  const live = dayVisitIds(ctx.db, input.ownerId, input.day);
  const asked = new Set(input.ids);
  if (
    asked.size !== input.ids.length ||
    asked.size !== live.length ||
    live.some((id) => !asked.has(id))
  )
    throw invalidField(
      'visitErrors.routeMismatch',
      'ids',
      `the route must list the ${live.length} live visits of ${input.day} once each`,
    );
  return input.ids.map((id, i) => ({
    op: 'update',
    table: 'visits',
    id,
    values: { routeOrder: i + 1 },
  }));
}

/**
 * Deleting a visit takes the collection its summary booked and the order deal it made with
 * it (restore brings them back); others' collections on that order become unallocated receipts.
 */
export function planDelete(ctx: AppContext, id: string): Change[] {
  const visit = requireLiveVisit(ctx, id);
  const booked = bookedCollection(ctx.db, visit);
  const order = orderDealOf(ctx.db, visit);
  return [
    { op: 'delete', table: 'visits', id: visit.id },
    ...(booked ? [{ op: 'delete' as const, table: 'collections' as const, id: booked.id }] : []),
    ...(order ? removeOrderChanges(ctx.db, order.id, booked?.id) : []),
  ];
}

/**
 * Restores a deleted visit of a live customer, the order deal deleted with it (and its
 * receivables), and the collection deleted with it as long as its receivable still has room
 * for it (someone may have collected meanwhile); an unallocated receipt always comes back.
 */
export function planRestore(ctx: AppContext, id: string): Change[] {
  const visit = getVisitRecord(ctx.db, id);
  if (!visit || hidden(ctx, 'visit', id))
    throw new AppError('not_found', `visit ${id} not found`, 'visitErrors.visitGone');
  if (visit.deletedAt === null) return [];
  requireCustomer(ctx, visit.customerId);
  const changes: Change[] = [{ op: 'restore', table: 'visits', id: visit.id }];
  const order = orderDeletedWith(ctx.db, visit);
  const restoredReceivables = new Set<string>();
  if (order) {
    changes.push({ op: 'restore', table: 'deals', id: order.id });
    for (const r of receivablesDeletedWith(ctx.db, order.id, visit.deletedAt)) {
      restoredReceivables.add(r);
      changes.push({ op: 'restore', table: 'receivables', id: r });
    }
  }
  const c = collectionDeletedWith(ctx.db, visit);
  if (c) {
    if (c.receivableId !== null && !restoredReceivables.has(c.receivableId)) {
      const receivable = getReceivable(ctx.db, c.receivableId);
      if (!receivable) throw notFound('receivable', c.receivableId);
      requireWon({ status: receivable.dealStatus }, true);
      assertWithinBalance(
        receivable,
        c.amount,
        'visitErrors.collectionTooLarge',
        'collectionAmount',
      );
    }
    changes.push({ op: 'restore', table: 'collections', id: c.id });
  }
  return changes;
}
