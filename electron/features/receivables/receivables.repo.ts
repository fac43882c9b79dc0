import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type {
  CollectionView,
  CustomerReceivables,
  DealReceivables,
  OpenReceivable,
} from '../../../shared/contract/receivables';
import type { DealStatus } from '../../../shared/domain/milestones';
import type { Db } from '../../db/connection';
import { collections, deals, receivables, users } from '../../db/schema';
import { unallocatedTotal } from './receipts';

/**
 * What has been collected against a receivable: its live collections, summed in SQL, but
 * for `exceptCollectionId` (a visit's booking about to be replaced in the same commit).
 * Spelled out with table names because drizzle leaves columns unqualified in a select
 * without joins, which would bind `id` inside the subquery to the collection's own id.
 */
function collectedSumExcept(exceptCollectionId: string | undefined) {
  const except = exceptCollectionId ? sql` AND c.id <> ${exceptCollectionId}` : sql``;
  return sql<number>`coalesce((SELECT sum(c.amount) FROM collections c WHERE c.receivable_id = "receivables"."id" AND c.deleted_at IS NULL${except}), 0)`;
}
const collectedSum = collectedSumExcept(undefined);

export type DealRecord = {
  id: string;
  customerId: string;
  title: string;
  amount: number;
  status: DealStatus;
};

/** A live deal's fields that receivables depend on, or undefined when unknown or deleted. */
export function getDeal(db: Db, id: string): DealRecord | undefined {
  return db
    .select({
      id: deals.id,
      customerId: deals.customerId,
      title: deals.title,
      amount: deals.amount,
      status: deals.status,
    })
    .from(deals)
    .where(and(eq(deals.id, id), isNull(deals.deletedAt)))
    .get();
}

export type ReceivableRecord = {
  id: string;
  dealId: string;
  customerId: string;
  amount: number;
  dueOn: string;
  collected: number;
};

/** A deal's live receivables with what each has collected, earliest due first. */
export function receivablesOfDeal(db: Db, dealId: string): ReceivableRecord[] {
  return db
    .select({
      id: receivables.id,
      dealId: receivables.dealId,
      customerId: receivables.customerId,
      amount: receivables.amount,
      dueOn: receivables.dueOn,
      collected: collectedSum,
    })
    .from(receivables)
    .where(and(eq(receivables.dealId, dealId), isNull(receivables.deletedAt)))
    .orderBy(asc(receivables.dueOn), asc(receivables.id))
    .all();
}

/**
 * One live receivable with its deal's status and what it has collected (leaving out
 * `exceptCollectionId`, a booking about to be replaced).
 */
export function getReceivable(
  db: Db,
  id: string,
  exceptCollectionId?: string,
): (ReceivableRecord & { dealStatus: DealStatus | null; dealTitle: string | null }) | undefined {
  return db
    .select({
      id: receivables.id,
      dealId: receivables.dealId,
      customerId: receivables.customerId,
      amount: receivables.amount,
      dueOn: receivables.dueOn,
      collected: collectedSumExcept(exceptCollectionId),
      dealTitle: deals.title,
      // Null when the deal was deleted: its receivables are frozen with it.
      dealStatus: deals.status,
    })
    .from(receivables)
    .leftJoin(deals, and(eq(deals.id, receivables.dealId), isNull(deals.deletedAt)))
    .where(and(eq(receivables.id, id), isNull(receivables.deletedAt)))
    .get();
}

const collectionColumns = {
  id: collections.id,
  receivableId: collections.receivableId,
  amount: collections.amount,
  collectedOn: collections.collectedOn,
  byUserId: collections.byUserId,
  byName: users.name,
  note: collections.note,
};

/**
 * A deal's live collections, latest first. Reached through its receivables: collections
 * are indexed by receivable (and customer), not by deal, and a receivable with collections
 * is never removed (decision 0011).
 */
export function collectionsOfDeal(db: Db, dealId: string): CollectionView[] {
  return db
    .select(collectionColumns)
    .from(receivables)
    .innerJoin(collections, eq(collections.receivableId, receivables.id))
    .leftJoin(users, eq(users.id, collections.byUserId))
    .where(
      and(
        eq(receivables.dealId, dealId),
        isNull(receivables.deletedAt),
        isNull(collections.deletedAt),
      ),
    )
    .orderBy(sql`${collections.collectedOn} DESC`, sql`${collections.id} DESC`)
    .all();
}

/** One live collection, or undefined. */
export function getCollection(db: Db, id: string): CollectionView | undefined {
  return db
    .select(collectionColumns)
    .from(collections)
    .leftJoin(users, eq(users.id, collections.byUserId))
    .where(and(eq(collections.id, id), isNull(collections.deletedAt)))
    .get();
}

/** A balance is overdue once its due date has passed (due today is not yet late). */
function isOverdue(balance: number, dueOn: string, today: string): boolean {
  return balance > 0 && dueOn < today;
}

/** A deal's receivables and collections as the deal page shows them, against `today`. */
export function dealReceivables(db: Db, deal: DealRecord, today: string): DealReceivables {
  const byReceivable = new Map<string, CollectionView[]>();
  for (const c of collectionsOfDeal(db, deal.id)) {
    const key = c.receivableId ?? '';
    const list = byReceivable.get(key) ?? [];
    list.push(c);
    byReceivable.set(key, list);
  }
  const rows = receivablesOfDeal(db, deal.id).map((r) => {
    const balance = r.amount - r.collected;
    return {
      id: r.id,
      dealId: r.dealId,
      amount: r.amount,
      dueOn: r.dueOn,
      collected: r.collected,
      balance,
      overdue: isOverdue(balance, r.dueOn, today),
      collections: byReceivable.get(r.id) ?? [],
    };
  });
  const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    dealId: deal.id,
    dealTitle: deal.title,
    dealStatus: deal.status,
    dealAmount: deal.amount,
    canCollect: deal.status === 'won',
    receivables: rows,
    total: sum((r) => r.amount),
    collected: sum((r) => r.collected),
    balance: sum((r) => r.balance),
    overdueBalance: sum((r) => (r.overdue ? r.balance : 0)),
  };
}

/**
 * A customer's receivables that still have a balance, oldest due first: what a visit's
 * collection is booked against (the oldest debt is paid first). Only won, live deals
 * count: a reopened deal's receivables are frozen until it is won again. A visit whose
 * summary is rewritten passes its previous booking as `exceptCollectionId`.
 */
export function openReceivablesOldestFirst(
  db: Db,
  customerId: string,
  exceptCollectionId?: string,
): Omit<OpenReceivable, 'overdue'>[] {
  const collected = collectedSumExcept(exceptCollectionId);
  return db
    .select({
      id: receivables.id,
      dealId: receivables.dealId,
      dealTitle: deals.title,
      amount: receivables.amount,
      collected,
      balance: sql<number>`${receivables.amount} - ${collected}`,
      dueOn: receivables.dueOn,
    })
    .from(receivables)
    .innerJoin(
      deals,
      and(eq(deals.id, receivables.dealId), isNull(deals.deletedAt), eq(deals.status, 'won')),
    )
    .where(
      and(
        eq(receivables.customerId, customerId),
        isNull(receivables.deletedAt),
        sql`${receivables.amount} > ${collected}`,
      ),
    )
    .orderBy(asc(receivables.dueOn), asc(receivables.id))
    .all();
}

/** A customer's open balance, overdue total, oldest due date (against `today`) and unallocated receipts. */
export function customerReceivables(
  db: Db,
  customerId: string,
  today: string,
): CustomerReceivables {
  const open = openReceivablesOldestFirst(db, customerId).map((r) => ({
    ...r,
    overdue: isOverdue(r.balance, r.dueOn, today),
  }));
  const overdue = open.filter((r) => r.overdue);
  return {
    open,
    openBalance: open.reduce((s, r) => s + r.balance, 0),
    overdueBalance: overdue.reduce((s, r) => s + r.balance, 0),
    overdueCount: overdue.length,
    oldestDueOn: open[0]?.dueOn ?? null,
    unallocated: unallocatedTotal(db, customerId),
  };
}
