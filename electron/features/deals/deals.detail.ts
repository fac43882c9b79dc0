import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type {
  ChecklistItem,
  DealDetail,
  DealLine,
  HistoryEntry,
} from '../../../shared/contract/deals';
import {
  checklistMilestones,
  daysInStage,
  exitCriteria,
  type DealStatus,
  type Milestone,
} from '../../../shared/domain/milestones';
import type { Db } from '../../db/connection';
import {
  customers,
  dealChecks,
  dealLines,
  deals,
  products,
  stageHistory,
  users,
} from '../../db/schema';
import { briefColumns, contactPerson, deciderPerson, toBrief } from './deals.brief';
import { cardColumns, owner, toCard, type BoardContext } from './deals.query';

const editor = alias(users, 'editor');

/** A deal row, deleted or not (moves and edits check liveness and staleness themselves). */
export function getDealRecord(db: Db, id: string) {
  return db.select().from(deals).where(eq(deals.id, id)).get();
}
export type DealRecord = NonNullable<ReturnType<typeof getDealRecord>>;

/** A deal's live product lines with product names, in the order they were added. */
export function dealLineRows(db: Db, dealId: string): DealLine[] {
  return db
    .select({
      id: dealLines.id,
      productId: dealLines.productId,
      productName: products.name,
      unit: products.unit,
      quantity: dealLines.quantity,
      unitPrice: dealLines.unitPrice,
    })
    .from(dealLines)
    .leftJoin(products, eq(products.id, dealLines.productId))
    .where(and(eq(dealLines.dealId, dealId), isNull(dealLines.deletedAt)))
    .orderBy(asc(dealLines.createdAt), asc(dealLines.id))
    .all()
    .map((l) => ({ ...l, productName: l.productName ?? '', total: l.quantity * l.unitPrice }));
}

/** The deal's check rows by criterion (one per criterion, updated in place). */
export function dealCheckRows(db: Db, dealId: string) {
  return db
    .select({
      id: dealChecks.id,
      criterion: dealChecks.criterion,
      checked: dealChecks.checked,
      checkedByName: users.name,
      checkedAt: dealChecks.checkedAt,
    })
    .from(dealChecks)
    .leftJoin(users, eq(users.id, dealChecks.checkedBy))
    .where(and(eq(dealChecks.dealId, dealId), isNull(dealChecks.deletedAt)))
    .all();
}

/** The criteria ticked on a deal, for `checkMove`. */
export function tickedCriteria(db: Db, dealId: string): Set<string> {
  return new Set(
    dealCheckRows(db, dealId)
      .filter((c) => c.checked)
      .map((c) => c.criterion),
  );
}

function checklist(db: Db, dealId: string, milestone: Milestone): ChecklistItem[] {
  const rows = new Map(dealCheckRows(db, dealId).map((r) => [r.criterion, r]));
  return checklistMilestones(milestone).flatMap((m) =>
    exitCriteria[m].map((criterion) => {
      const row = rows.get(criterion);
      return {
        criterion,
        milestone: m,
        checked: row?.checked ?? false,
        checkedByName: row?.checkedByName ?? null,
        checkedAt: row?.checkedAt ?? null,
      };
    }),
  );
}

/** Stage history oldest first, each move with the days spent in the stage it left. */
function history(db: Db, dealId: string): HistoryEntry[] {
  const rows = db
    .select({
      id: stageHistory.id,
      fromMilestone: stageHistory.fromMilestone,
      fromStatus: stageHistory.fromStatus,
      toMilestone: stageHistory.toMilestone,
      toStatus: stageHistory.toStatus,
      at: stageHistory.at,
      byName: users.name,
      forced: stageHistory.forced,
      reason: stageHistory.reason,
    })
    .from(stageHistory)
    .leftJoin(users, eq(users.id, stageHistory.byUserId))
    .where(and(eq(stageHistory.dealId, dealId), isNull(stageHistory.deletedAt)))
    .orderBy(asc(stageHistory.at), asc(stageHistory.id))
    .all();
  return rows.map((r, i) => {
    const previous = rows[i - 1];
    return {
      ...r,
      fromMilestone: r.fromMilestone as Milestone | null,
      fromStatus: r.fromStatus as DealStatus | null,
      toMilestone: r.toMilestone as Milestone,
      toStatus: r.toStatus as DealStatus,
      daysInPreviousStage: previous ? daysInStage(previous.at, r.at) : null,
    };
  });
}

/** One live deal with lines, checklist, history and brief. */
export function getDeal(
  db: Db,
  id: string,
  today: string,
  ctx: BoardContext,
): DealDetail | undefined {
  const row = db
    .select({
      ...cardColumns,
      nextStep: deals.nextStep,
      lostReason: deals.lostReason,
      createdAt: deals.createdAt,
      updatedByName: editor.name,
      ownerTeamId: owner.teamId,
      ...briefColumns,
    })
    .from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .leftJoin(owner, eq(owner.id, deals.ownerId))
    .leftJoin(editor, eq(editor.id, deals.updatedBy))
    .leftJoin(contactPerson, eq(contactPerson.id, deals.contactId))
    .leftJoin(deciderPerson, eq(deciderPerson.id, deals.deciderId))
    .where(and(eq(deals.id, id), isNull(deals.deletedAt)))
    .get();
  if (!row) return undefined;
  return {
    ...toCard(row, today, ctx),
    nextStep: row.nextStep,
    lostReason: row.lostReason,
    createdAt: row.createdAt,
    updatedByName: row.updatedByName,
    ownerTeamId: row.ownerTeamId,
    lines: dealLineRows(db, id),
    checklist: checklist(db, id, row.milestone),
    history: history(db, id),
    brief: toBrief(row),
  };
}
