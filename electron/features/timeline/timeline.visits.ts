import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { TimelineEntry } from '../../../shared/contract/timeline';
import type { CustomerStatus } from '../../../shared/domain/customers';
import {
  visitCategory,
  type SummaryStatus,
  type VisitPurpose,
} from '../../../shared/domain/visits';
import type { Db } from '../../db/connection';
import { contacts, customers, deals, users, visits } from '../../db/schema';
import { beforeCursor, type TimelineSourceQuery } from './timeline.source';

/*
 * Visit summaries on the customer's timeline (domain.md §5). A visit is history once it is
 * summarised — done, cancelled or missed; a planned one (future, or past with its summary
 * still due) is on the calendar, not here. A done visit is contact: migration 0004's
 * triggers move customers.last_contact_at to its actual start; cancelled and missed ones are
 * shown but are not contact. Visits are deleted on the calendar, never from the timeline.
 *
 * `at` is the planned start (start_at), not the actual one: the (customer_id, start_at)
 * index then bounds each keyset page, where coalesce(actual_start_at, start_at) would make
 * every page read all of the customer's visits. The actual start is on the same local day
 * (the summary keeps it there), so the order differs at most within that day.
 */

const firstContactId = sql<string | null>`json_extract(${visits.contactIds}, '$[0]')`;
const live = and(isNull(visits.deletedAt), ne(visits.status, 'planned'));

/** The customer's status and whether it has a won deal: what a visit's category depends on. */
function categoryInputs(db: Db, customerId: string) {
  const row = db
    .select({
      status: customers.status,
      // Drizzle leaves columns unqualified in a one-table select: the subquery names its own.
      hasWonDeal: sql<number>`exists (SELECT 1 FROM ${deals} WHERE ${deals.customerId} = ${customerId} AND ${deals.status} = 'won' AND ${deals.deletedAt} IS NULL)`,
    })
    .from(customers)
    .where(eq(customers.id, customerId))
    .get();
  return {
    status: (row?.status ?? 'prospect') as CustomerStatus,
    hasWonDeal: row?.hasWonDeal === 1,
  };
}

/** Done, cancelled and missed visits of the customer, on (customer_id, start_at). */
export const visitSource: TimelineSourceQuery = {
  page: (db, customerId, before, limit) => {
    const rows = db
      .select({
        id: visits.id,
        at: visits.startAt,
        userId: visits.ownerId,
        userName: users.name,
        contactId: contacts.id,
        // A deleted contact's name still says who the rep met back then.
        contactName: contacts.name,
        contactCount: sql<number>`json_array_length(${visits.contactIds})`,
        status: visits.status,
        purpose: visits.purpose,
        planned: visits.planned,
        effective: visits.effective,
        day: visits.day,
        timeZone: visits.timeZone,
        startAt: visits.startAt,
        endAt: visits.endAt,
        actualStartAt: visits.actualStartAt,
        actualEndAt: visits.actualEndAt,
        area: visits.area,
        goal: visits.goal,
        outcome: visits.outcome,
        customerFeedback: visits.customerFeedback,
        nextAction: visits.nextAction,
        orderAmount: visits.orderAmount,
        collectionAmount: visits.collectionAmount,
      })
      .from(visits)
      .leftJoin(users, eq(users.id, visits.ownerId))
      .leftJoin(contacts, eq(contacts.id, firstContactId))
      .where(
        and(
          eq(visits.customerId, customerId),
          live,
          beforeCursor(visits.startAt, visits.id, before),
        ),
      )
      .orderBy(desc(visits.startAt), desc(visits.id))
      .limit(limit)
      .all();
    if (rows.length === 0) return [];
    const customer = categoryInputs(db, customerId);
    return rows.map(({ id, at, userId, userName, contactId, contactName, ...v }): TimelineEntry => {
      // Written by the visits feature from the domain's enums; `live` excludes planned.
      const status = v.status as SummaryStatus;
      const purpose = v.purpose as VisitPurpose;
      return {
        id,
        source: 'visit',
        kind: 'visit',
        category: visitCategory(purpose, customer),
        at,
        body: v.outcome ?? v.goal ?? '',
        userId,
        userName,
        contactId,
        contactName,
        deletable: false,
        visit: {
          ...v,
          status,
          purpose,
          effective: status === 'done' ? v.effective : null,
        },
      };
    });
  },
  count: (db, customerId) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(visits)
      .where(and(eq(visits.customerId, customerId), live))
      .get()?.n ?? 0,
};
