import type { z } from 'zod';
import type { nextStep, summaryFields } from '../../../shared/contract/visits';
import { utcToZoned, zonedToUtc } from '../../../shared/domain/time';
import { overlaps } from '../../../shared/domain/visits';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { FieldsOf } from '../../core/tables';
import { getReceivable, openReceivablesOldestFirst } from '../receivables/receivables.repo';
import { assertWithinBalance, requireWon } from '../receivables/receivables.rules';
import { getUser } from '../team/team.repo';
import { assertNoOverlap, invalidField, requireActiveRep, resolveTimes } from './visits.guards';
import { orderChanges, type Bookable } from './visits.order';

export type Summary = z.output<typeof summaryFields>;
type NextStep = NonNullable<z.output<typeof nextStep>>;

/** What a summary needs of its visit, stored or about to be inserted (visits.log). */
export type SummarisedVisit = {
  id: string;
  ownerId: string;
  customerId: string;
  customerName: string;
  day: string;
  startAt: string;
  endAt: string;
  timeZone: string;
  area: string | null;
};

/** The collection the visit booked before, replaced by this summary in the same commit. */
type Booking = { id: string; receivableId: string | null; amount: number };

type SummaryValues = Pick<
  FieldsOf<'visits'>,
  | 'status'
  | 'actualStartAt'
  | 'actualEndAt'
  | 'outcome'
  | 'problemsHandled'
  | 'orderAmount'
  | 'collectionAmount'
  | 'competitorInfo'
  | 'customerFeedback'
  | 'customerNews'
  | 'learnings'
  | 'effective'
  | 'nextAction'
  | 'summarizedAt'
  | 'summarizedBy'
>;

/** An actual time on the visit's day, or the planned instant when none is given. */
function actualInstant(
  visit: SummarisedVisit,
  time: string | undefined,
  planned: string,
  field: string,
): string {
  if (time === undefined) return planned;
  const at = zonedToUtc(visit.day, time, visit.timeZone);
  if (at.kind === 'gap')
    throw invalidField('visitErrors.timeSkipped', field, `${visit.day} ${time} does not exist`);
  return at.iso;
}

function summaryInFuture(field: string, message: string): AppError {
  return invalidField('visitErrors.summaryInFuture', field, message);
}

/**
 * A summary's stored fields. Done needs `effective`; done or missed cannot be said before
 * the visit starts (nor an actual start after now). Actual times, money and `effective`
 * belong to a done visit only; otherwise they are stored as null.
 */
function summaryValues(
  ctx: AppContext,
  visit: SummarisedVisit,
  summary: Summary,
  now: string,
): SummaryValues {
  const done = summary.status === 'done';
  if (done && (summary.effective === null || summary.effective === undefined))
    throw invalidField(
      'visitErrors.effectiveRequired',
      'effective',
      'say whether it was effective',
    );
  if (summary.status !== 'cancelled' && visit.startAt > now)
    throw summaryInFuture('status', `visit ${visit.id} starts at ${visit.startAt}, after ${now}`);
  let actualStartAt: string | null = null;
  let actualEndAt: string | null = null;
  if (done) {
    actualStartAt = actualInstant(visit, summary.actualStart, visit.startAt, 'actualStart');
    actualEndAt = actualInstant(visit, summary.actualEnd, visit.endAt, 'actualEnd');
    if (actualEndAt <= actualStartAt)
      throw invalidField('visitErrors.endBeforeStart', 'actualEnd', 'actual end not after start');
    if (actualStartAt > now)
      throw summaryInFuture('actualStart', `actual start ${actualStartAt} is after ${now}`);
  }
  return {
    status: summary.status,
    actualStartAt,
    actualEndAt,
    outcome: summary.outcome,
    problemsHandled: summary.problemsHandled,
    orderAmount: done ? (summary.orderAmount ?? null) : null,
    collectionAmount: done ? (summary.collectionAmount ?? null) : null,
    competitorInfo: summary.competitorInfo,
    customerFeedback: summary.customerFeedback,
    customerNews: summary.customerNews,
    learnings: summary.learnings,
    effective: done ? (summary.effective ?? null) : null,
    nextAction: summary.nextAction,
    summarizedAt: ctx.now().toISOString(),
    summarizedBy: ctx.currentUserId(),
  };
}

/**
 * The collection a done visit books (collections.record's rules: a won deal's receivable of
 * this customer, no more than its balance), collected on the visit's day. The previous
 * booking does not count against the balance: it is deleted in the same commit. `open` are
 * the customer's open receivables as this commit leaves them (its order included). With
 * nothing owed and no receivable chosen, the money is an unallocated receipt (decision 0019).
 */
function bookingChanges(
  ctx: AppContext,
  visit: SummarisedVisit,
  summary: Summary,
  previous: Booking | undefined,
  open: Bookable[],
): Change[] {
  const out: Change[] = previous ? [{ op: 'delete', table: 'collections', id: previous.id }] : [];
  const amount = summary.status === 'done' ? (summary.collectionAmount ?? 0) : 0;
  if (amount <= 0) return out;
  let target: Bookable | undefined;
  if (summary.collectionReceivableId) {
    target = open.find((r) => r.id === summary.collectionReceivableId);
    if (!target) {
      const chosen = getReceivable(ctx.db, summary.collectionReceivableId, previous?.id);
      if (!chosen) throw notFound('receivable', summary.collectionReceivableId);
      if (chosen.customerId !== visit.customerId)
        throw invalidField(
          'visitErrors.receivableElsewhere',
          'collectionReceivableId',
          `receivable ${chosen.id} belongs to customer ${chosen.customerId}`,
        );
      requireWon({ status: chosen.dealStatus }, true);
      target = chosen;
    }
  } else {
    target = open[0];
  }
  if (target)
    assertWithinBalance(target, amount, 'visitErrors.collectionTooLarge', 'collectionAmount');
  out.push({
    op: 'insert',
    table: 'collections',
    id: ctx.newId(),
    values: {
      receivableId: target?.id ?? null,
      dealId: target?.dealId ?? null,
      customerId: visit.customerId,
      amount,
      collectedOn: visit.day,
      byUserId: ctx.currentUserId(),
      note: null,
      visitId: visit.id,
    },
  });
  return out;
}

/** Who does a follow-up the summary schedules: the visit's rep while active, else the writer. */
function followUpOwner(ctx: AppContext, ownerId: string): string {
  if (getUser(ctx.db, ownerId)?.active) return ownerId;
  return ctx.currentUserId() ?? ownerId;
}

/**
 * The next step a summary schedules: a planned visit of the same rep and customer (checked
 * like any new visit, also against this visit's own slot) or a follow-up.
 */
function nextChanges(
  ctx: AppContext,
  visit: SummarisedVisit,
  status: Summary['status'],
  next: NextStep,
): Change[] {
  if (next.kind === 'followUp')
    return [
      {
        op: 'insert',
        table: 'follow_ups',
        id: ctx.newId(),
        values: {
          customerId: visit.customerId,
          ownerId: followUpOwner(ctx, visit.ownerId),
          dueOn: next.dueOn,
          text: next.text,
          doneAt: null,
        },
      },
    ];
  const ownerId = requireActiveRep(ctx, visit.ownerId);
  const times = resolveTimes(next, { start: 'next.start', end: 'next.end' });
  const slot = { ownerId, day: next.day, ...times, timeZone: next.timeZone };
  assertNoOverlap(ctx, { ...slot, exceptId: visit.id }, next.allowOverlap);
  if (!next.allowOverlap && status !== 'cancelled' && overlaps(slot, visit))
    throw new AppError('conflict', 'the next visit overlaps this one', 'visitErrors.overlap', {
      customer: visit.customerName,
      start: utcToZoned(visit.startAt, next.timeZone).time,
      end: utcToZoned(visit.endAt, next.timeZone).time,
    });
  return [
    {
      op: 'insert',
      table: 'visits',
      id: ctx.newId(),
      values: {
        ownerId,
        customerId: visit.customerId,
        contactIds: '[]',
        day: next.day,
        startAt: times.startAt,
        endAt: times.endAt,
        timeZone: next.timeZone,
        routeOrder: 0,
        area: visit.area,
        purpose: next.purpose,
        goal: next.goal,
        planned: true,
        status: 'planned',
      },
    },
  ];
}

/**
 * Everything a summary writes besides the visit row itself: the order's won deal (created,
 * changed or removed), the booked collection (the previous one deleted) and the next step. `values` go on the visit's update or insert.
 */
export function summaryChanges(
  ctx: AppContext,
  visit: SummarisedVisit,
  summary: Summary,
  options: { now: string; previous?: Booking | undefined },
): { values: SummaryValues; changes: Change[] } {
  const values = summaryValues(ctx, visit, summary, options.now);
  const order = orderChanges(ctx, visit, summary, options.previous?.id);
  const open = order.patch(
    openReceivablesOldestFirst(ctx.db, visit.customerId, options.previous?.id),
  );
  const changes = [
    ...order.changes,
    ...bookingChanges(ctx, visit, summary, options.previous, open),
  ];
  if (summary.next) changes.push(...nextChanges(ctx, visit, summary.status, summary.next));
  return { values, changes };
}
