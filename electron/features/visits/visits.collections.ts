import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { collections, deals } from '../../db/schema';

/*
 * The collections visit summaries book (collections.visit_id). Always looked up with the
 * visit's customer: collections are indexed by customer, not by visit, and a visit books
 * only for its own customer.
 */

/** The collection a visit's summary booked, as the visit shows it. */
export type Booked = {
  id: string;
  /** Null with dealId and dealTitle: an unallocated receipt (decision 0019). */
  receivableId: string | null;
  dealId: string | null;
  dealTitle: string | null;
};

/**
 * The live collections visits booked, by visit. Looked up through the customers' index
 * (collections has none on visit_id, and a visit books only for its own customer).
 */
export function bookedCollections(
  db: Db,
  visitIds: string[],
  customerIds: string[],
): Map<string, Booked> {
  if (visitIds.length === 0) return new Map();
  const rows = db
    .select({
      id: collections.id,
      visitId: collections.visitId,
      receivableId: collections.receivableId,
      dealId: collections.dealId,
      dealTitle: deals.title,
    })
    .from(collections)
    .leftJoin(deals, eq(deals.id, collections.dealId))
    .where(
      and(
        inArray(collections.customerId, customerIds),
        inArray(collections.visitId, visitIds),
        isNull(collections.deletedAt),
      ),
    )
    .all();
  return new Map(
    rows.map((r) => [
      r.visitId ?? '',
      { id: r.id, receivableId: r.receivableId, dealId: r.dealId, dealTitle: r.dealTitle },
    ]),
  );
}

/** The live collection a visit's summary booked, if any. */
export function bookedCollection(db: Db, visit: { id: string; customerId: string }) {
  return db
    .select({
      id: collections.id,
      receivableId: collections.receivableId,
      amount: collections.amount,
    })
    .from(collections)
    .where(
      and(
        eq(collections.customerId, visit.customerId),
        eq(collections.visitId, visit.id),
        isNull(collections.deletedAt),
      ),
    )
    .get();
}

/**
 * The collection deleted with a visit: its latest booking, deleted at the same instant (a
 * visit has at most one live booking; older ones were replaced by summary rewrites).
 */
export function collectionDeletedWith(
  db: Db,
  visit: { id: string; customerId: string; deletedAt: string | null },
) {
  if (visit.deletedAt === null) return undefined;
  const latest = db
    .select({
      id: collections.id,
      receivableId: collections.receivableId,
      amount: collections.amount,
      deletedAt: collections.deletedAt,
    })
    .from(collections)
    .where(and(eq(collections.customerId, visit.customerId), eq(collections.visitId, visit.id)))
    .orderBy(desc(collections.createdAt), desc(collections.id))
    .get();
  return latest?.deletedAt === visit.deletedAt ? latest : undefined;
}

/** The live order deals visits' summaries made (decision 0019), by visit. */
export function orderDeals(
  db: Db,
  visitIds: string[],
): Map<string, { dealId: string; title: string }> {
  if (visitIds.length === 0) return new Map();
  const rows = db
    .select({ visitId: deals.visitId, dealId: deals.id, title: deals.title })
    .from(deals)
    .where(and(isNotNull(deals.visitId), inArray(deals.visitId, visitIds), isNull(deals.deletedAt)))
    .all();
  return new Map(rows.map((r) => [r.visitId ?? '', { dealId: r.dealId, title: r.title }]));
}
