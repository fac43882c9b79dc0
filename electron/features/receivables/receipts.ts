import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import type { Db } from '../../db/connection';
import { collections } from '../../db/schema';

/*
 * Unallocated receipts (预收款, docs/decisions/0019): collections with no receivable, booked
 * when a customer paid while nothing was owed. The customer's next receivable takes them,
 * oldest first, in the commit that creates it.
 */

export type Receipt = { id: string; amount: number; collectedOn: string };

/** A customer's live unallocated receipts, oldest first (on the customer's collections index). */
export function unallocatedReceipts(db: Db, customerId: string, exceptId?: string): Receipt[] {
  return db
    .select({
      id: collections.id,
      amount: collections.amount,
      collectedOn: collections.collectedOn,
    })
    .from(collections)
    .where(
      and(
        eq(collections.customerId, customerId),
        isNull(collections.receivableId),
        isNull(collections.deletedAt),
        exceptId ? sql`${collections.id} <> ${exceptId}` : undefined,
      ),
    )
    .orderBy(asc(collections.collectedOn), asc(collections.id))
    .all();
}

/** What a customer holds in unallocated receipts (fen). */
export function unallocatedTotal(db: Db, customerId: string): number {
  return unallocatedReceipts(db, customerId).reduce((s, r) => s + r.amount, 0);
}

/**
 * The changes by which a new receivable takes the customer's unallocated receipts, oldest
 * first, each whole while it fits in what is still owed (a receipt is never cut in two: a
 * visit keeps its one booking, and deleting the visit deletes it). Returns what it took.
 * `exceptId`: a receipt about to be replaced in the same commit (a rewritten summary's).
 */
export function allocateReceipts(
  ctx: AppContext,
  receivable: { id: string; dealId: string; customerId: string; amount: number },
  exceptId?: string,
): { changes: Change[]; taken: number } {
  const changes: Change[] = [];
  let taken = 0;
  for (const receipt of unallocatedReceipts(ctx.db, receivable.customerId, exceptId)) {
    if (taken + receipt.amount > receivable.amount) continue;
    taken += receipt.amount;
    changes.push({
      op: 'update',
      table: 'collections',
      id: receipt.id,
      values: { receivableId: receivable.id, dealId: receivable.dealId },
    });
  }
  return { changes, taken };
}

/** Changes that turn collections back into unallocated receipts (their receivable is going). */
export function releaseCollections(ids: string[]): Change[] {
  return ids.map((id) => ({
    op: 'update',
    table: 'collections',
    id,
    values: { receivableId: null, dealId: null },
  }));
}
