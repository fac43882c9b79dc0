import { z } from 'zod';
import { grades as customerGrades } from '../domain/grading';
import { milestones } from '../domain/milestones';
import { scopes } from '../domain/people';
import { isTimeZone, TIME_PATTERN } from '../domain/time';
import { meetingKinds, summaryStatuses, visitPurposes, visitStatuses } from '../domain/visits';
import { method } from './define';
import { day, id, ok, optionalText, requiredText } from './common';
import { instant } from './timeline';

/**
 * Visits, meetings and the calendar (domain.md §5). Time rules and error conventions:
 * - A visit or meeting is entered as a local `day`, `start` and `end` (`HH:mm`, 24-hour) in
 *   the user's IANA `timeZone`; the main process stores UTC instants plus the local day.
 *   End must be after start on the same day (`invalid_input`, `fields.end =
 *   'visitErrors.endBeforeStart'`): nothing crosses midnight. A time skipped by a DST change
 *   is `invalid_input` `visitErrors.timeSkipped` on the field concerned.
 * - Overlapping visits of one rep are `conflict` `visitErrors.overlap` (params `{ customer,
 *   start, end }` of the first visit in the way) unless `allowOverlap` — the renderer asks
 *   "plan anyway?" and resends with it.
 * - A visit for an inactive rep: `invalid_input` `visitErrors.inactiveRep`, field ownerId; for a
 *   deleted customer: `not_found` `visitErrors.customerGone`; contacts must belong to the
 *   customer (`invalid_input` `visitErrors.contactElsewhere`, field contactIds).
 * - Money fields are integer fen ≥ 0 (`validation.range`). An order amount is sales: the
 *   summary keeps one won deal for it (the visit's order, `deals.visit_id`, owned by the
 *   visit's rep, won on the visit's day, with its receivable); editing the amount changes that
 *   deal, clearing it deletes the deal (its collections become unallocated receipts). An order
 *   deal split into instalments or with more collected than the new amount is `invalid_input`
 *   `visitErrors.orderSplit` / `visitErrors.orderBelowCollected`, field orderAmount
 *   (decision 0019).
 * - A collection amount is booked against an open receivable of the customer (default: the
 *   oldest due, this summary's order included); more than its balance is `invalid_input`
 *   `visitErrors.collectionTooLarge`, field collectionAmount. A customer with nothing owed
 *   gets an unallocated receipt, which the customer's next receivable takes.
 * - A stale `expectedUpdatedAt` is `conflict` `visitErrors.changedMeanwhile` (params
 *   `{ name, at }`; meetings: `visitErrors.meetingChangedMeanwhile`).
 * - A summary with status done needs `effective` (`invalid_input`
 *   `visitErrors.effectiveRequired`, field effective); done or missed before the visit's
 *   start is `invalid_input` `visitErrors.summaryInFuture` (cancelled is fine any time).
 *   Actual times, money and `effective` count only when done: otherwise they are stored
 *   as null and nothing is booked.
 * - A chosen receivable of another customer is `invalid_input`
 *   `visitErrors.receivableElsewhere` (field collectionReceivableId); a frozen one (its deal
 *   reopened) is `conflict` `receivables.errors.frozen`.
 * - A summarised visit stays on its day (`invalid_input` `visitErrors.summarizedDayFixed`,
 *   field day), and a visit that booked a collection keeps its customer
 *   (`visitErrors.collectionBooked`, field customerId).
 * - Meetings: attendees must be active users (`visitErrors.attendeeUnknown`, field
 *   attendeeIds), the team a live team (`visitErrors.teamUnknown`, field teamId).
 * - `calendar.range` covers at most 62 days (`invalid_input` `visitErrors.rangeTooLong`);
 *   `visits.reorder` must list each of the day's live visits once (`visitErrors.routeMismatch`).
 */
export const localTime = z.string().regex(TIME_PATTERN, 'validation.time');
export const timeZone = z.string().max(64).refine(isTimeZone, 'validation.invalid');
/** Fen, 0 … 100 million yuan. */
export const moneyFen = z
  .number()
  .int('validation.invalid')
  .min(0, 'validation.range')
  .max(10_000_000_000, 'validation.range');

const when = {
  day,
  start: localTime,
  end: localTime,
  timeZone,
};

export const visitPlanFields = z
  .object({
    customerId: id,
    /** The rep who visits; default: the current user. */
    ownerId: id.optional(),
    contactIds: z.array(id).max(20).default([]),
    ...when,
    purpose: z.enum(visitPurposes),
    area: optionalText(100),
    goal: optionalText(500),
  })
  .strict();
export type VisitPlanFields = z.input<typeof visitPlanFields>;

/** What a summary may schedule next. */
export const nextStep = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('visit'),
      ...when,
      purpose: z.enum(visitPurposes),
      goal: optionalText(500),
      allowOverlap: z.boolean().default(false),
    })
    .strict(),
  z.object({ kind: z.literal('followUp'), dueOn: day, text: requiredText(300) }).strict(),
]);

export const summaryFields = z
  .object({
    status: z.enum(summaryStatuses),
    /** Local times on the visit's day; default: the planned ones. */
    actualStart: localTime.optional(),
    actualEnd: localTime.optional(),
    outcome: optionalText(2000),
    problemsHandled: optionalText(2000),
    orderAmount: moneyFen.nullish(),
    /** The title of the won deal a new order creates (the form's words); default: customer · day. */
    orderTitle: optionalText(120),
    collectionAmount: moneyFen.nullish(),
    /** Which receivable the collection goes to; default: the customer's oldest open one. */
    collectionReceivableId: id.optional(),
    competitorInfo: optionalText(2000),
    customerFeedback: optionalText(2000),
    customerNews: optionalText(2000),
    learnings: optionalText(2000),
    /** Required when done (`visitErrors.effectiveRequired`); ignored otherwise. */
    effective: z.boolean().nullish(),
    nextAction: optionalText(500),
    /** Schedules the next visit or a follow-up in the same commit. */
    next: nextStep.nullish(),
  })
  .strict();
export type SummaryFields = z.input<typeof summaryFields>;

const person = z.object({ id: z.string(), name: z.string(), title: z.string().nullable() });

/** A visit as the calendar draws it. */
export const visitEvent = z.object({
  type: z.literal('visit'),
  id: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  customerId: z.string(),
  customerName: z.string(),
  customerGrade: z.enum(customerGrades).nullable(),
  day: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  /** The zone the visit was planned in: its day and wall times are that zone's (ADR 0013). */
  timeZone: z.string(),
  routeOrder: z.number(),
  area: z.string().nullable(),
  purpose: z.enum(visitPurposes),
  planned: z.boolean(),
  status: z.enum(visitStatuses),
  effective: z.boolean().nullable(),
  /** Still planned and its end has passed. */
  summaryDue: z.boolean(),
  /** Overlaps another live visit of the same rep. */
  conflict: z.boolean(),
  updatedAt: z.string(),
});
export type VisitEvent = z.infer<typeof visitEvent>;

export const meetingEvent = z.object({
  type: z.literal('meeting'),
  id: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  organizerId: z.string(),
  organizerName: z.string().nullable(),
  teamId: z.string().nullable(),
  attendeeIds: z.array(z.string()),
  day: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  /** The zone the meeting was planned in (ADR 0013). */
  timeZone: z.string(),
  location: z.string().nullable(),
  updatedAt: z.string(),
});
export type MeetingEvent = z.infer<typeof meetingEvent>;

export const calendarEvent = z.discriminatedUnion('type', [visitEvent, meetingEvent]);
export type CalendarEvent = z.infer<typeof calendarEvent>;

export const visitDetail = visitEvent.extend({
  contacts: z.array(person),
  goal: z.string().nullable(),
  actualStartAt: z.string().nullable(),
  actualEndAt: z.string().nullable(),
  outcome: z.string().nullable(),
  problemsHandled: z.string().nullable(),
  orderAmount: z.number().nullable(),
  collectionAmount: z.number().nullable(),
  /** The collection the summary booked, if any; `receivableId` null: an unallocated receipt. */
  collection: z
    .object({
      id: z.string(),
      receivableId: z.string().nullable(),
      dealId: z.string().nullable(),
      dealTitle: z.string().nullable(),
    })
    .nullable(),
  /** The won deal the summary's order amount keeps, if any. */
  order: z.object({ dealId: z.string(), title: z.string() }).nullable(),
  competitorInfo: z.string().nullable(),
  customerFeedback: z.string().nullable(),
  customerNews: z.string().nullable(),
  learnings: z.string().nullable(),
  nextAction: z.string().nullable(),
  summarizedAt: z.string().nullable(),
  summarizedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type VisitDetail = z.infer<typeof visitDetail>;

export const meetingDetail = meetingEvent.extend({
  attendees: z.array(z.object({ id: z.string(), name: z.string() })),
  notes: z.string().nullable(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const meetingFields = z
  .object({
    kind: z.enum(meetingKinds),
    title: requiredText(120),
    attendeeIds: z.array(id).min(1, 'validation.required').max(200),
    ...when,
    location: optionalText(200),
    notes: optionalText(2000),
    /** Whose meeting it is; default: the current user's team. */
    teamId: id.nullish(),
  })
  .strict();
export type MeetingFields = z.input<typeof meetingFields>;

/** Who is on the calendar: a scope, narrowed by a team or an explicit list of reps. */
const whoFields = {
  scope: z.enum(scopes),
  teamId: id.optional(),
  ownerIds: z.array(id).max(200).optional(),
};

export const planRow = z.object({
  ownerId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  planned: z.number(),
  plannedDone: z.number(),
  done: z.number(),
  effective: z.number(),
  unplanned: z.number(),
  cancelled: z.number(),
  missed: z.number(),
  awaitingSummary: z.number(),
  /** done planned / planned; null without a plan. */
  completionRate: z.number().nullable(),
  /** effective / done; null when nothing was done. */
  effectiveRate: z.number().nullable(),
});
export type PlanRow = z.infer<typeof planRow>;

export const suggestions = z.object({
  /** Customers past their grade's visit frequency with no visit planned from `from` on; most overdue first. */
  overdueCustomers: z.array(
    z.object({
      customerId: z.string(),
      name: z.string(),
      grade: z.enum(customerGrades).nullable(),
      region: z.string().nullable(),
      lastContactAt: z.string().nullable(),
      overdueDays: z.number(),
    }),
  ),
  /** The rep's open key deals whose customer has no visit planned from `from` on. */
  keyDeals: z.array(
    z.object({
      dealId: z.string(),
      title: z.string(),
      customerId: z.string(),
      customerName: z.string(),
      milestone: z.enum(milestones),
      amount: z.number(),
    }),
  ),
  /** The rep's open follow-ups due on or before `to`. */
  followUps: z.array(
    z.object({
      id: z.string(),
      customerId: z.string(),
      customerName: z.string(),
      dueOn: z.string(),
      text: z.string(),
    }),
  ),
});
export type Suggestions = z.infer<typeof suggestions>;

export const coachingRow = z.object({
  repId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  /** Latest coaching session on or before today, and the next one after today (days). */
  lastSession: z.string().nullable(),
  nextSession: z.string().nullable(),
  /** A session within 14 days either side of today (slide 43). */
  covered: z.boolean(),
});
export type CoachingRow = z.infer<typeof coachingRow>;

const expected = { id, expectedUpdatedAt: z.string().max(40) };

export const visitsContract = {
  /**
   * Visits and meetings between two days (inclusive, at most 62 days) for the people in
   * scope; meetings where any of them attends or organises. Each visit says whether it
   * overlaps another of the same rep.
   */
  'calendar.range': method(
    z
      .object({
        from: day,
        to: day,
        ...whoFields,
        meetings: z.boolean().default(true),
        /** The user's now (ISO instant): what "summary due" counts from. */
        now: instant,
      })
      .strict(),
    z.object({ events: z.array(calendarEvent) }),
  ),
  'visits.get': method(z.object({ id, now: instant }).strict(), visitDetail),
  /** Plans a visit (status planned). */
  'visits.create': method(
    visitPlanFields.extend({ allowOverlap: z.boolean().default(false) }).strict(),
    visitDetail,
  ),
  /** Edits a visit's plan. */
  'visits.update': method(
    z
      .object({
        ...expected,
        fields: visitPlanFields,
        allowOverlap: z.boolean().default(false),
      })
      .strict(),
    visitDetail,
  ),
  /** Moves or resizes a visit (calendar drag). */
  'visits.move': method(
    z.object({ ...expected, ...when, allowOverlap: z.boolean().default(false) }).strict(),
    visitDetail,
  ),
  /** Sets a rep's day route: the visits of that day in the given order (every one of them, once). */
  'visits.reorder': method(
    z.object({ ownerId: id, day, ids: z.array(id).min(1).max(100) }).strict(),
    ok,
  ),
  /** One rep's day in route order. */
  'visits.route': method(
    z.object({ ownerId: id, day, now: instant }).strict(),
    z.array(visitDetail),
  ),
  /** Writes (or rewrites) a visit's summary; books the collection and schedules the next step in one commit. */
  'visits.summarize': method(
    z
      .object({
        ...expected,
        summary: summaryFields,
        today: day,
        /** The user's now: a summary (done or missed) cannot come before the visit's start. Default: the host's. */
        now: instant.optional(),
      })
      .strict(),
    visitDetail,
  ),
  /** Logs an unplanned visit that already happened: plan and summary at once (planned = false). */
  'visits.log': method(
    z
      .object({
        plan: visitPlanFields,
        summary: summaryFields,
        allowOverlap: z.boolean().default(false),
        today: day,
        /** The user's now; default: the host's. */
        now: instant.optional(),
      })
      .strict(),
    visitDetail,
  ),
  'visits.delete': method(z.object({ id }).strict(), ok),
  'visits.restore': method(z.object({ id }).strict(), ok),
  /** A customer's visits, latest first (the deal and customer pages). */
  'visits.forCustomer': method(
    z
      .object({
        customerId: id,
        limit: z.number().int().min(1).max(100).default(20),
        now: instant,
      })
      .strict(),
    z.array(visitDetail),
  ),
  /** Plan the week: what to schedule for one rep between `from` and `to`. */
  'visits.suggestions': method(
    z.object({ ownerId: id, from: day, to: day, today: day }).strict(),
    suggestions,
  ),
  /** Plan vs actual (计划与实际) per rep for the visits whose day is in [from, to]. */
  'visits.planVsActual': method(
    z.object({ from: day, to: day, ...whoFields, now: instant }).strict(),
    z.object({
      rows: z.array(planRow),
      total: planRow.omit({ ownerId: true, name: true, teamId: true, teamName: true }),
    }),
  ),
  /** What needs doing about past visits: summaries due, and missed visits not yet rescheduled (last 30 days). */
  'visits.pending': method(
    z.object({ scope: z.enum(scopes), now: instant, today: day }).strict(),
    z.object({ summaryDue: z.array(visitEvent), missed: z.array(visitEvent) }),
  ),
  'meetings.get': method(z.object({ id }).strict(), meetingDetail),
  'meetings.create': method(meetingFields, meetingDetail),
  'meetings.update': method(
    z.object({ ...expected, fields: meetingFields }).strict(),
    meetingDetail,
  ),
  'meetings.delete': method(z.object({ id }).strict(), ok),
  /** Slide 43: each rep's last and next coaching session, and whether one is within two weeks. */
  'meetings.coaching': method(
    z.object({ scope: z.enum(scopes), teamId: id.optional(), today: day }).strict(),
    z.array(coachingRow),
  ),
} as const;
