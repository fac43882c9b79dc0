import { and, eq, isNull } from 'drizzle-orm';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import type { Db } from '../../db/connection';
import { collections, deals, receivables } from '../../db/schema';
import { addDays } from '../../../shared/domain/grading';
import { RECEIVABLE_DUE_DAYS } from '../deals/deals.moves';
import { allocateReceipts, releaseCollections } from '../receivables/receipts';
import { getReceivable } from '../receivables/receivables.repo';
import { invalidField } from './visits.guards';
import type { Summary, SummarisedVisit } from './visits.summary';

/*
 * The order (订货) a visit summary takes becomes sales as one won deal of the visit
 * (deals.visit_id, docs/decisions/0019): created at the first summary with an amount, changed
 * when the amount is edited, deleted when it is cleared. The deal carries a receivable like
 * any won deal, so the order is owed, collected and overdue the same way.
 */

/** A receivable a summary's collection may be booked against, as it will be after the commit. */
export type Bookable = {
  id: string;
  dealId: string;
  amount: number;
  collected: number;
  dueOn: string;
};

export type OrderDeal = { id: string; amount: number; status: string; title: string };

/** The live won deal a visit's order made, if any (on the partial visit index). */
export function orderDealOf(
  db: Db,
  visit: { id: string; customerId: string },
): OrderDeal | undefined {
  return db
    .select({ id: deals.id, amount: deals.amount, status: deals.status, title: deals.title })
    .from(deals)
    .where(
      and(
        eq(deals.visitId, visit.id),
        eq(deals.customerId, visit.customerId),
        isNull(deals.deletedAt),
      ),
    )
    .get();
}

/** The order deal deleted together with a (deleted) visit, at the same instant. */
export function orderDeletedWith(db: Db, visit: { id: string; deletedAt: string | null }) {
  if (visit.deletedAt === null) return undefined;
  return db
    .select({ id: deals.id })
    .from(deals)
    .where(and(eq(deals.visitId, visit.id), eq(deals.deletedAt, visit.deletedAt)))
    .get();
}

/** The receivables of a deal deleted at the given instant (with their visit). */
export function receivablesDeletedWith(db: Db, dealId: string, deletedAt: string): string[] {
  return db
    .select({ id: receivables.id })
    .from(receivables)
    .where(and(eq(receivables.dealId, dealId), eq(receivables.deletedAt, deletedAt)))
    .all()
    .map((r) => r.id);
}

function liveReceivableIds(db: Db, dealId: string): string[] {
  return db
    .select({ id: receivables.id })
    .from(receivables)
    .where(and(eq(receivables.dealId, dealId), isNull(receivables.deletedAt)))
    .all()
    .map((r) => r.id);
}

/**
 * Removing an order deal: the deal and its receivables are deleted; money collected on them
 * (but the visit's own booking, which its summary replaces) becomes unallocated receipts of
 * the customer, so no collected money disappears from the figures.
 */
export function removeOrderChanges(db: Db, dealId: string, keepBookingId?: string): Change[] {
  const ids = liveReceivableIds(db, dealId);
  const released = ids.flatMap((receivableId) =>
    db
      .select({ id: collections.id })
      .from(collections)
      .where(and(eq(collections.receivableId, receivableId), isNull(collections.deletedAt)))
      .all()
      .map((c) => c.id)
      .filter((id) => id !== keepBookingId),
  );
  return [
    ...releaseCollections(released),
    ...ids.map((id): Change => ({ op: 'delete', table: 'receivables', id })),
    { op: 'delete', table: 'deals', id: dealId },
  ];
}

type OrderPlan = {
  changes: Change[];
  /** The customer's open receivables (oldest due first) as this plan leaves them. */
  patch: (open: Bookable[]) => Bookable[];
  dealId: string | null;
};

const byDue = (a: Bookable, b: Bookable) =>
  a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.id < b.id ? -1 : 1;

function createOrder(
  ctx: AppContext,
  visit: SummarisedVisit,
  summary: Summary,
  amount: number,
  previousBookingId: string | undefined,
): OrderPlan {
  const dealId = ctx.newId();
  const receivableId = ctx.newId();
  const now = ctx.now().toISOString();
  const dueOn = addDays(visit.day, RECEIVABLE_DUE_DAYS);
  const receipts = allocateReceipts(
    ctx,
    { id: receivableId, dealId, customerId: visit.customerId, amount },
    previousBookingId,
  );
  const changes: Change[] = [
    {
      op: 'insert',
      table: 'deals',
      id: dealId,
      values: {
        customerId: visit.customerId,
        ownerId: visit.ownerId,
        title: summary.orderTitle ?? `${visit.customerName} · ${visit.day}`,
        amount,
        expectedCloseOn: visit.day,
        milestone: 'M6',
        status: 'won',
        closedOn: visit.day,
        stageEnteredAt: now,
        isKey: false,
        visitId: visit.id,
      },
    },
    {
      op: 'insert',
      table: 'stage_history',
      id: ctx.newId(),
      values: {
        dealId,
        customerId: visit.customerId,
        fromMilestone: null,
        fromStatus: null,
        toMilestone: 'M6',
        toStatus: 'won',
        at: now,
        byUserId: ctx.currentUserId(),
        forced: false,
        reason: null,
      },
    },
    {
      op: 'insert',
      table: 'receivables',
      id: receivableId,
      values: { dealId, customerId: visit.customerId, amount, dueOn },
    },
    ...receipts.changes,
  ];
  const created: Bookable = { id: receivableId, dealId, amount, collected: receipts.taken, dueOn };
  return {
    changes,
    dealId,
    patch: (open) => (created.amount > created.collected ? [...open, created].sort(byDue) : open),
  };
}

function changeOrder(
  ctx: AppContext,
  deal: OrderDeal,
  amount: number,
  previousBookingId: string | undefined,
): OrderPlan {
  const changes: Change[] = [{ op: 'update', table: 'deals', id: deal.id, values: { amount } }];
  const ids = liveReceivableIds(ctx.db, deal.id);
  if (deal.status !== 'won' || ids.length === 0)
    return { changes, dealId: deal.id, patch: (open) => open };
  if (ids.length > 1)
    throw invalidField(
      'visitErrors.orderSplit',
      'orderAmount',
      `order deal ${deal.id} is split into ${ids.length} instalments`,
    );
  const receivable = getReceivable(ctx.db, ids[0] ?? '', previousBookingId);
  if (!receivable) return { changes, dealId: deal.id, patch: (open) => open };
  if (amount < receivable.collected)
    throw invalidField(
      'visitErrors.orderBelowCollected',
      'orderAmount',
      `order deal ${deal.id} has ${receivable.collected} fen collected`,
    );
  changes.push({ op: 'update', table: 'receivables', id: receivable.id, values: { amount } });
  const changed: Bookable = { ...receivable, amount };
  return {
    changes,
    dealId: deal.id,
    patch: (open) => {
      const rest = open.filter((r) => r.id !== receivable.id);
      return changed.amount > changed.collected ? [...rest, changed].sort(byDue) : rest;
    },
  };
}

/**
 * The changes that keep a visit's order deal in step with its summary: created, changed or
 * removed (a summary that is not done, or has no order amount, has no order).
 */
export function orderChanges(
  ctx: AppContext,
  visit: SummarisedVisit,
  summary: Summary,
  previousBookingId: string | undefined,
): OrderPlan {
  const amount = summary.status === 'done' ? (summary.orderAmount ?? 0) : 0;
  const existing = orderDealOf(ctx.db, visit);
  if (!existing) {
    if (amount <= 0) return { changes: [], dealId: null, patch: (open) => open };
    return createOrder(ctx, visit, summary, amount, previousBookingId);
  }
  if (amount <= 0) {
    const ids = new Set(liveReceivableIds(ctx.db, existing.id));
    return {
      changes: removeOrderChanges(ctx.db, existing.id, previousBookingId),
      dealId: null,
      patch: (open) => open.filter((r) => !ids.has(r.id)),
    };
  }
  if (amount === existing.amount)
    return { changes: [], dealId: existing.id, patch: (open) => open };
  return changeOrder(ctx, existing, amount, previousBookingId);
}
