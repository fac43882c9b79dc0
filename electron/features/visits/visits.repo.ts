import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { VisitDetail, VisitEvent } from '../../../shared/contract/visits';
import { summaryDue } from '../../../shared/domain/visits';
import type { Db } from '../../db/connection';
import { contacts, customers, users, visits } from '../../db/schema';
import { bookedCollections, orderDeals } from './visits.collections';

/** Calendar reads never parse this many rows in one go; a guard against a runaway scope. */
const EVENTS_MAX = 20_000;

const visitOwner = alias(users, 'visit_owner');
const summarizer = alias(users, 'summarizer');

/** The stored row of a visit, deleted or not, or undefined. */
export function getVisitRecord(db: Db, id: string) {
  return db.select().from(visits).where(eq(visits.id, id)).get();
}
export type VisitRecord = NonNullable<ReturnType<typeof getVisitRecord>>;

/**
 * A visit counts (calendar, route, plan vs actual, overlaps) while it and its customer are
 * live: a deleted customer's visits leave every list with it, like its follow-ups.
 */
export const liveCustomerJoin = and(
  eq(customers.id, visits.customerId),
  isNull(customers.deletedAt),
) as SQL;

/** Order within a day that every list shares: start time, then id. */
export const byStart = [asc(visits.startAt), asc(visits.id)];

const eventColumns = {
  id: visits.id,
  ownerId: visits.ownerId,
  ownerName: visitOwner.name,
  customerId: visits.customerId,
  customerName: customers.name,
  customerGrade: customers.grade,
  day: visits.day,
  startAt: visits.startAt,
  endAt: visits.endAt,
  timeZone: visits.timeZone,
  routeOrder: visits.routeOrder,
  area: visits.area,
  purpose: visits.purpose,
  planned: visits.planned,
  status: visits.status,
  effective: visits.effective,
  updatedAt: visits.updatedAt,
};
type EventRow = Omit<VisitEvent, 'type' | 'customerName' | 'summaryDue' | 'conflict'> & {
  customerName: string | null;
};

function toEvent<R extends EventRow>(
  row: R,
  now: string,
  conflict: boolean,
): Omit<R, 'customerName'> & VisitEvent {
  return {
    type: 'visit',
    ...row,
    customerName: row.customerName ?? '',
    summaryDue: summaryDue(row, now),
    conflict,
  };
}

/**
 * Whether each visit overlaps another live, not cancelled visit of its rep, in one pass over
 * rows sorted by start: per rep, keep the visit that ends latest so far; a visit starting
 * before that end overlaps it, and both are flagged. (A visit overlapping some earlier one
 * also overlaps the latest-ending one, and a visit that overlapped nothing before it is
 * that latest-ending one when the next overlapping visit comes.) Cancelled visits never
 * conflict.
 */
export function conflictFlags(
  rows: readonly { ownerId: string; status: string; startAt: string; endAt: string }[],
): boolean[] {
  const flags = rows.map(() => false);
  const latest = new Map<string, { endAt: string; index: number }>();
  rows.forEach((row, index) => {
    if (row.status === 'cancelled') return;
    const before = latest.get(row.ownerId);
    if (!before) {
      latest.set(row.ownerId, { endAt: row.endAt, index });
      return;
    }
    if (row.startAt < before.endAt) {
      flags[index] = true;
      flags[before.index] = true;
    }
    if (row.endAt > before.endAt) latest.set(row.ownerId, { endAt: row.endAt, index });
  });
  return flags;
}

/**
 * The same flag for a handful of visits read on their own (a route, a customer's list):
 * an indexed probe of the rep's visits on the days around the visit's day (time zones may
 * put an overlapping visit on the local day before or after).
 */
const conflictByProbe = sql<number>`(CASE WHEN ${visits.status} = 'cancelled' THEN 0 ELSE EXISTS (SELECT 1 FROM visits o JOIN customers oc ON oc.id = o.customer_id AND oc.deleted_at IS NULL WHERE o.owner_id = ${visits.ownerId} AND o.day BETWEEN date(${visits.day}, '-1 day') AND date(${visits.day}, '+1 day') AND o.id <> ${visits.id} AND o.deleted_at IS NULL AND o.status <> 'cancelled' AND o.start_at < ${visits.endAt} AND o.end_at > ${visits.startAt}) END)`;

/**
 * Live visits matching `where` as calendar events, by day and start, each with its conflict
 * flag. A calendar's rows hold every visit of each rep on those days, so the flag comes
 * from one pass over them (`conflictFlags`); a short list in another order (`list`: pending
 * summaries, newest first) probes the index for each row instead.
 */
export function visitEvents(
  db: Db,
  where: SQL[],
  now: string,
  list?: { order: SQL[]; limit: number },
): VisitEvent[] {
  const live = and(isNull(visits.deletedAt), ...where);
  if (list)
    return db
      .select({ ...eventColumns, conflict: conflictByProbe })
      .from(visits)
      .innerJoin(customers, liveCustomerJoin)
      .leftJoin(visitOwner, eq(visitOwner.id, visits.ownerId))
      .where(live)
      .orderBy(...list.order)
      .limit(list.limit)
      .all()
      .map(({ conflict, ...row }) => toEvent(row, now, conflict === 1));
  const rows = db
    .select(eventColumns)
    .from(visits)
    .innerJoin(customers, liveCustomerJoin)
    .leftJoin(visitOwner, eq(visitOwner.id, visits.ownerId))
    .where(live)
    .orderBy(...byStart)
    .limit(EVENTS_MAX)
    .all();
  const flags = conflictFlags(rows);
  const events = rows.map((row, i) => toEvent(row, now, flags[i] ?? false));
  // By start is by day but for a rep who changed time zones mid-range: nearly sorted already.
  return events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

const detailColumns = {
  ...eventColumns,
  conflict: conflictByProbe,
  contactIds: visits.contactIds,
  goal: visits.goal,
  actualStartAt: visits.actualStartAt,
  actualEndAt: visits.actualEndAt,
  outcome: visits.outcome,
  problemsHandled: visits.problemsHandled,
  orderAmount: visits.orderAmount,
  collectionAmount: visits.collectionAmount,
  competitorInfo: visits.competitorInfo,
  customerFeedback: visits.customerFeedback,
  customerNews: visits.customerNews,
  learnings: visits.learnings,
  nextAction: visits.nextAction,
  summarizedAt: visits.summarizedAt,
  summarizedByName: summarizer.name,
  createdAt: visits.createdAt,
};

/** Contact ids stored as a JSON array; anything else reads as none. */
export function parseIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Live visits matching `where` with everything the visit form and summary show, in
 * `order`. Contacts and booked collections come in one query each for all the visits.
 */
export function visitDetails(
  db: Db,
  where: SQL[],
  options: { order: SQL[]; limit?: number; now: string },
): VisitDetail[] {
  const base = db
    .select(detailColumns)
    .from(visits)
    .innerJoin(customers, liveCustomerJoin)
    .leftJoin(visitOwner, eq(visitOwner.id, visits.ownerId))
    .leftJoin(summarizer, eq(summarizer.id, visits.summarizedBy))
    .where(and(isNull(visits.deletedAt), ...where))
    .orderBy(...options.order);
  const rows = options.limit === undefined ? base.all() : base.limit(options.limit).all();
  if (rows.length === 0) return [];

  const contactIds = [...new Set(rows.flatMap((r) => parseIds(r.contactIds)))];
  const people = new Map(
    (contactIds.length === 0
      ? []
      : db
          .select({ id: contacts.id, name: contacts.name, title: contacts.title })
          .from(contacts)
          .where(and(inArray(contacts.id, contactIds), isNull(contacts.deletedAt)))
          .all()
    ).map((c) => [c.id, c]),
  );
  const booked = bookedCollections(
    db,
    rows.map((r) => r.id),
    [...new Set(rows.map((r) => r.customerId))],
  );

  const orders = orderDeals(
    db,
    rows.filter((r) => r.orderAmount !== null).map((r) => r.id),
  );

  return rows.map(({ conflict, contactIds: ids, ...row }) => ({
    ...toEvent(row, options.now, conflict === 1),
    contacts: parseIds(ids).flatMap((id) => {
      const person = people.get(id);
      return person ? [person] : [];
    }),
    collection: booked.get(row.id) ?? null,
    order: orders.get(row.id) ?? null,
  }));
}

/** One live visit (and live customer) as the visit form shows it, or undefined. */
export function visitDetail(db: Db, id: string, now: string): VisitDetail | undefined {
  return visitDetails(db, [eq(visits.id, id)], { order: byStart, now })[0];
}

/**
 * The first live, not cancelled visit of a rep that overlaps [startAt, endAt), other than
 * `exceptId`: the one an overlap warning names.
 */
export function firstOverlap(
  db: Db,
  slot: { ownerId: string; day: string; startAt: string; endAt: string; exceptId?: string },
): { id: string; customerName: string; startAt: string; endAt: string } | undefined {
  return db
    .select({
      id: visits.id,
      customerName: customers.name,
      startAt: visits.startAt,
      endAt: visits.endAt,
    })
    .from(visits)
    .innerJoin(customers, liveCustomerJoin)
    .where(
      and(
        eq(visits.ownerId, slot.ownerId),
        sql`${visits.day} BETWEEN date(${slot.day}, '-1 day') AND date(${slot.day}, '+1 day')`,
        isNull(visits.deletedAt),
        sql`${visits.status} <> 'cancelled'`,
        sql`${visits.startAt} < ${slot.endAt}`,
        sql`${visits.endAt} > ${slot.startAt}`,
        slot.exceptId ? sql`${visits.id} <> ${slot.exceptId}` : undefined,
      ),
    )
    .orderBy(...byStart)
    .get();
}

/** The ids of a rep's live visits on a day: what a route must list. */
export function dayVisitIds(db: Db, ownerId: string, day: string): string[] {
  return db
    .select({ id: visits.id })
    .from(visits)
    .innerJoin(customers, liveCustomerJoin)
    .where(and(eq(visits.ownerId, ownerId), eq(visits.day, day), isNull(visits.deletedAt)))
    .all()
    .map((r) => r.id);
}
