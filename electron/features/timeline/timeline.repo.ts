import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type {
  TimelineCursor,
  TimelineEntry,
  TimelinePage,
} from '../../../shared/contract/timeline';
import type { CustomerStatus } from '../../../shared/domain/customers';
import type { Db } from '../../db/connection';
import { activities, contacts, customers, users } from '../../db/schema';
import { collectionSource, dealMoveSource } from './timeline.deals';
import { beforeCursor, type TimelineSourceQuery } from './timeline.source';
import { visitSource } from './timeline.visits';

/** Activities as timeline entries, newest first. */
function selectActivities(
  db: Db,
  where: SQL | undefined,
  limit: number,
  viewerId: string | null,
): TimelineEntry[] {
  return db
    .select({
      id: activities.id,
      source: sql<'activity'>`'activity'`,
      kind: activities.kind,
      category: activities.category,
      at: activities.at,
      body: activities.body,
      userId: activities.userId,
      userName: users.name,
      contactId: activities.contactId,
      // A deleted contact's name still says who the customer spoke to back then.
      contactName: contacts.name,
      deletable: sql<number>`(${activities.kind} <> 'handover' AND ${activities.userId} IS NOT NULL AND ${activities.userId} = ${viewerId})`,
    })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.userId))
    .leftJoin(contacts, eq(contacts.id, activities.contactId))
    .where(and(isNull(activities.deletedAt), where))
    .orderBy(desc(activities.at), desc(activities.id))
    .limit(limit)
    .all()
    .map((row) => ({ ...row, deletable: row.deletable === 1 }));
}

/** Calls, messages, notes, and handover records: the timeline's own table. */
const activitySource: TimelineSourceQuery = {
  page: (db, customerId, before, limit, viewerId) =>
    selectActivities(
      db,
      and(
        eq(activities.customerId, customerId),
        beforeCursor(activities.at, activities.id, before),
      ),
      limit,
      viewerId,
    ),
  count: (db, customerId) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(activities)
      .where(and(eq(activities.customerId, customerId), isNull(activities.deletedAt)))
      .get()?.n ?? 0,
};

/** Every source of the timeline, in no particular order (entries are merged by time). */
const timelineSources: readonly TimelineSourceQuery[] = [
  activitySource,
  dealMoveSource,
  collectionSource,
  visitSource,
];

function newestFirst(a: TimelineEntry, b: TimelineEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * One page of a customer's timeline, newest first. Each source returns at most
 * `limit + 1` rows before the cursor; the merged top `limit` is the page, and the extra
 * row (if any source had one) says there is a next page. Keyset paging keeps a page
 * cheap however deep the user scrolls, and an entry logged meanwhile does not shift it.
 */
export function listTimeline(
  db: Db,
  query: { customerId: string; before?: TimelineCursor | undefined; limit: number },
  viewerId: string | null,
): TimelinePage {
  const merged = timelineSources
    .flatMap((s) => s.page(db, query.customerId, query.before, query.limit + 1, viewerId))
    .sort(newestFirst);
  const entries = merged.slice(0, query.limit);
  const last = entries[entries.length - 1];
  const total = timelineSources.reduce((sum, s) => sum + s.count(db, query.customerId), 0);
  return {
    entries,
    next: merged.length > query.limit && last ? { at: last.at, id: last.id } : null,
    total,
  };
}

/** A live customer's status and owner, or undefined when unknown or deleted. */
export function liveCustomer(
  db: Db,
  id: string,
): { id: string; status: CustomerStatus; ownerId: string | null } | undefined {
  return db
    .select({ id: customers.id, status: customers.status, ownerId: customers.ownerId })
    .from(customers)
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
    .get();
}

/** Whether a contact is live and belongs to the customer. */
export function isContactOf(db: Db, contactId: string, customerId: string): boolean {
  return (
    db
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(
          eq(contacts.id, contactId),
          eq(contacts.customerId, customerId),
          isNull(contacts.deletedAt),
        ),
      )
      .get() !== undefined
  );
}

/** One live activity row (for delete), or undefined. */
export function getActivity(db: Db, id: string) {
  return db
    .select({
      id: activities.id,
      customerId: activities.customerId,
      userId: activities.userId,
      kind: activities.kind,
    })
    .from(activities)
    .where(and(eq(activities.id, id), isNull(activities.deletedAt)))
    .get();
}

/** One live activity as a timeline entry. */
export function getActivityEntry(
  db: Db,
  id: string,
  viewerId: string | null,
): TimelineEntry | undefined {
  return selectActivities(db, eq(activities.id, id), 1, viewerId)[0];
}
