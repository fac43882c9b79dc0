import { asc, desc, eq, gte, lte } from 'drizzle-orm';
import type { CalendarEvent, visitsContract } from '../../../shared/contract/visits';
import { daysBetween } from '../../../shared/domain/grading';
import { routeSort } from '../../../shared/domain/visits';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { hidden, seesOwner, visibility } from '../team/visibility';
import { users, visits } from '../../db/schema';
import type { HandlersOf } from '../../ipc/dispatch';
import {
  coachingCoverage,
  meetingDetail,
  meetingEvents,
  planMeetingCreate,
  planMeetingUpdate,
  requireLiveMeeting,
} from './meetings';
import {
  assertNoOverlap,
  assertVisitFresh,
  invalidField,
  requireActiveRep,
  requireCustomer,
  requireLiveVisit,
} from './visits.guards';
import { pendingVisits, planVsActual, weekSuggestions } from './visits.plan';
import { bookedCollection } from './visits.collections';
import { visitDetail, visitDetails, visitEvents } from './visits.repo';
import { viewer, whoConditions } from './visits.scope';
import { summaryChanges } from './visits.summary';
import {
  planCreate,
  planDelete,
  planMove,
  planReorder,
  planRestore,
  planUpdate,
  planValues,
} from './visits.write';

/** The longest calendar range one call reads (two months and a bit). */
export const RANGE_MAX_DAYS = 62;

/** The visit as the visit form opens it, or `not_found` (also when out of the user's scope). */
function readable(ctx: AppContext, id: string, now = ctx.now().toISOString()) {
  if (hidden(ctx, 'visit', id))
    throw new AppError('not_found', `visit ${id} not found`, 'visitErrors.visitGone');
  return detail(ctx, id, now);
}

/** The visit as the form shows it after a write (its guard refused one out of scope), or `not_found`. */
function detail(ctx: AppContext, id: string, now = ctx.now().toISOString()) {
  const visit = visitDetail(ctx.db, id, now);
  if (!visit) throw new AppError('not_found', `visit ${id} not found`, 'visitErrors.visitGone');
  return visit;
}

/** A meeting is readable when its organizer or one of its attendees is in the user's scope. */
function meeting(ctx: AppContext, id: string) {
  const found = meetingDetail(ctx.db, id);
  const v = visibility(ctx);
  if (!found || ![found.organizerId, ...found.attendeeIds].some((p) => p && seesOwner(v, p)))
    throw new AppError('not_found', `meeting ${id} not found`, 'visitErrors.meetingGone');
  return found;
}

/** A day range: `to` not before `from`, and at most `max` days long when given. */
function assertRange(from: string, to: string, max?: number): void {
  if (to < from) throw invalidField('validation.range', 'to', `${to} is before ${from}`);
  if (max !== undefined && daysBetween(from, to) + 1 > max)
    throw invalidField('visitErrors.rangeTooLong', 'to', `${from} … ${to} is over ${max} days`);
}

export const visitsHandlers: HandlersOf<typeof visitsContract> = {
  'calendar.range': (input, ctx) => {
    assertRange(input.from, input.to, RANGE_MAX_DAYS);
    const me = viewer(ctx);
    const visitEventsInRange = visitEvents(
      ctx.db,
      [
        gte(visits.day, input.from),
        lte(visits.day, input.to),
        ...whoConditions(input, me, visits.ownerId),
      ],
      input.now,
    );
    const events: CalendarEvent[] = visitEventsInRange;
    if (input.meetings) {
      const people = whoConditions(input, me, users.id);
      events.push(...meetingEvents(ctx.db, input, people));
      events.sort(
        (a, b) =>
          a.day.localeCompare(b.day) ||
          a.startAt.localeCompare(b.startAt) ||
          a.id.localeCompare(b.id),
      );
    }
    return { events };
  },

  'visits.get': (input, ctx) => readable(ctx, input.id, input.now),

  'visits.create': (input, ctx) => {
    const { id, changes } = planCreate(ctx, input, input.allowOverlap);
    ctx.commit(changes);
    return detail(ctx, id);
  },

  'visits.update': (input, ctx) => {
    ctx.commit(planUpdate(ctx, input));
    return detail(ctx, input.id);
  },

  'visits.move': (input, ctx) => {
    ctx.commit(planMove(ctx, input));
    return detail(ctx, input.id);
  },

  'visits.reorder': (input, ctx) => {
    ctx.commit(planReorder(ctx, input));
    return { ok: true as const };
  },

  // Someone out of scope has no visits to show, as someone unknown.
  'visits.route': (input, ctx) =>
    !seesOwner(visibility(ctx), input.ownerId)
      ? []
      : routeSort(
          visitDetails(ctx.db, [eq(visits.ownerId, input.ownerId), eq(visits.day, input.day)], {
            order: [asc(visits.startAt)],
            now: input.now,
          }),
        ),

  'visits.summarize': (input, ctx) => {
    const visit = requireLiveVisit(ctx, input.id);
    assertVisitFresh(ctx, visit, input.expectedUpdatedAt);
    const customer = requireCustomer(ctx, visit.customerId);
    const { values, changes } = summaryChanges(
      ctx,
      { ...visit, customerName: customer.name },
      input.summary,
      { now: input.now ?? ctx.now().toISOString(), previous: bookedCollection(ctx.db, visit) },
    );
    ctx.commit([{ op: 'update', table: 'visits', id: visit.id, values }, ...changes]);
    return detail(ctx, visit.id);
  },

  'visits.log': (input, ctx) => {
    const plan = planValues(ctx, input.plan, (asked) => requireActiveRep(ctx, asked));
    if (input.summary.status !== 'cancelled') assertNoOverlap(ctx, plan, input.allowOverlap);
    const customer = requireCustomer(ctx, plan.customerId);
    const id = ctx.newId();
    const { values, changes } = summaryChanges(
      ctx,
      { id, ...plan, area: plan.area ?? null, customerName: customer.name },
      input.summary,
      { now: input.now ?? ctx.now().toISOString() },
    );
    ctx.commit([
      {
        op: 'insert',
        table: 'visits',
        id,
        values: { ...plan, routeOrder: 0, planned: false, ...values },
      },
      ...changes,
    ]);
    return detail(ctx, id);
  },

  'visits.delete': (input, ctx) => {
    ctx.commit(planDelete(ctx, input.id));
    return { ok: true as const };
  },

  'visits.restore': (input, ctx) => {
    const changes = planRestore(ctx, input.id);
    if (changes.length > 0) ctx.commit(changes);
    return { ok: true as const };
  },

  'visits.forCustomer': (input, ctx) => {
    requireCustomer(ctx, input.customerId);
    return visitDetails(ctx.db, [eq(visits.customerId, input.customerId)], {
      order: [desc(visits.startAt), desc(visits.id)],
      limit: input.limit,
      now: input.now,
    });
  },

  'visits.suggestions': (input, ctx) => {
    assertRange(input.from, input.to);
    if (!seesOwner(visibility(ctx), input.ownerId)) throw notFound('person', input.ownerId);
    return weekSuggestions(ctx.db, input);
  },

  'visits.planVsActual': (input, ctx) => {
    assertRange(input.from, input.to);
    return planVsActual(ctx.db, input, viewer(ctx));
  },

  'visits.pending': (input, ctx) => pendingVisits(ctx.db, input, viewer(ctx)),

  'meetings.get': (input, ctx) => meeting(ctx, input.id),

  'meetings.create': (input, ctx) => {
    const { id, changes } = planMeetingCreate(ctx, input);
    ctx.commit(changes);
    return meeting(ctx, id);
  },

  'meetings.update': (input, ctx) => {
    ctx.commit(planMeetingUpdate(ctx, input));
    return meeting(ctx, input.id);
  },

  'meetings.delete': (input, ctx) => {
    const row = requireLiveMeeting(ctx, input.id);
    ctx.commit([{ op: 'delete', table: 'meetings', id: row.id }]);
    return { ok: true as const };
  },

  'meetings.coaching': (input, ctx) => coachingCoverage(ctx.db, input, viewer(ctx)),
};
