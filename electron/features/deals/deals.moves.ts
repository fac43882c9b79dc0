import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { moveInput } from '../../../shared/contract/deals';
import { addDays } from '../../../shared/domain/grading';
import {
  checkMove,
  criterionMilestone,
  passedMilestones,
  type DealStatus,
  type ExitCriterion,
  type Milestone,
} from '../../../shared/domain/milestones';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { FieldsOf } from '../../core/tables';
import { collections, receivables } from '../../db/schema';
import { allocateReceipts } from '../receivables/receipts';
import { tickedCriteria, type DealRecord } from './deals.detail';
import { checkChange } from './deals.edits';
import { assertPermitted } from '../team/permit';

type Move = z.output<typeof moveInput>;

/** Days after the signing day a won deal's receivable falls due (domain.md §3). */
export const RECEIVABLE_DUE_DAYS = 30;

function conflict(message: string, key: string, params?: Record<string, string | number>) {
  return new AppError('conflict', message, key, params);
}

function invalid(message: string, key: string, field: string) {
  return new AppError('invalid_input', message, key, undefined, { [field]: key });
}

/**
 * The exit criteria the move dialog ticked for milestones the move skips (M2's when moving
 * M1 → M3): each must belong to a milestone this move passes, so a tick cannot reach past the
 * target or ride along a backward, lost or reopening move. Only the ones not yet ticked count.
 */
function movingChecks(deal: DealRecord, move: Move, ticked: ReadonlySet<string>): ExitCriterion[] {
  const passed = deal.status === 'open' ? passedMilestones(deal.milestone, move.to) : [];
  const fields: Record<string, string> = {};
  (move.checks ?? []).forEach((c, i) => {
    if (!passed.includes(criterionMilestone(c as ExitCriterion)))
      fields[`checks.${i}`] = 'dealErrors.criterionNotPassed';
  });
  if (Object.keys(fields).length > 0)
    throw new AppError(
      'invalid_input',
      `exit criteria outside the milestones ${deal.milestone} → ${move.to} passes`,
      'dealErrors.criterionNotPassed',
      undefined,
      fields,
    );
  return [...new Set(move.checks ?? [])].filter((c) => !ticked.has(c)) as ExitCriterion[];
}

/** Decides whether the move needs a manager's force, or refuses it; returns whether it is forced. */
function gate(
  ctx: AppContext,
  deal: DealRecord,
  move: Move,
  ticked: ReadonlySet<string>,
): { forced: boolean } {
  const check = checkMove(deal, move.to, ticked);
  if (check.kind === 'refused') {
    if (check.reason === 'same')
      throw conflict(`deal already at ${move.to}`, 'dealErrors.sameMilestone');
    throw conflict(`deal ${deal.id} is ${deal.status}`, 'dealErrors.closed');
  }
  if (check.kind === 'needs_checklist') {
    if (!move.forceReason) {
      throw new AppError(
        'conflict',
        `exit criteria not ticked: ${check.missing.join(', ')}`,
        'dealErrors.checklistIncomplete',
        { missing: check.missing.join(','), count: check.missing.length },
        Object.fromEntries(
          check.missing.map((c) => [`checklist.${c}`, 'dealErrors.criterionMissing']),
        ),
      );
    }
    // The stage history row a forced move writes: judged as sync judges it on other devices.
    assertPermitted(ctx, {
      table: 'stage_history',
      before: null,
      after: { forced: true, from_status: deal.status },
    });
    return { forced: true };
  }
  if (check.direction === 'reopen')
    assertPermitted(ctx, {
      table: 'stage_history',
      before: null,
      after: { forced: false, from_status: deal.status, to_status: 'open' },
    });
  return { forced: false };
}

/** Receivables of a won deal being reopened: dropped, unless money was collected on them. */
function dropReceivables(ctx: AppContext, dealId: string): Change[] {
  const rows = ctx.db
    .select({ id: receivables.id })
    .from(receivables)
    .where(and(eq(receivables.dealId, dealId), isNull(receivables.deletedAt)))
    .all();
  if (rows.length === 0) return [];
  const collected = ctx.db
    .select({ id: collections.id })
    .from(collections)
    .where(
      and(
        inArray(
          collections.receivableId,
          rows.map((r) => r.id),
        ),
        isNull(collections.deletedAt),
      ),
    )
    .get();
  if (collected) throw conflict('money was collected on this deal', 'dealErrors.hasCollections');
  return rows.map((r) => ({ op: 'delete', table: 'receivables', id: r.id }) as const);
}

/**
 * Every change of one move, for one commit: the exit criteria ticked with it, the deal's
 * milestone/status/stage entry (and close fields), one stage history row, and for a win the
 * receivable (due 30 days after signing). Throws before anything is written when a rule
 * refuses the move.
 */
export function planMove(ctx: AppContext, deal: DealRecord, move: Move): Change[] {
  const saved = tickedCriteria(ctx.db, deal.id);
  const checks = movingChecks(deal, move, saved);
  const { forced } = gate(ctx, deal, move, new Set([...saved, ...checks]));
  const now = ctx.now().toISOString();
  const me = ctx.currentUserId();
  let toMilestone: Milestone;
  let toStatus: DealStatus;
  const values: Partial<FieldsOf<'deals'>> = { stageEnteredAt: now };
  const extra: Change[] = [];

  if (move.to === 'lost') {
    if (!move.lostReason)
      throw invalid('a lost deal needs a reason', 'dealErrors.lostNeedsReason', 'lostReason');
    toMilestone = deal.milestone;
    toStatus = 'lost';
    Object.assign(values, { status: 'lost', lostReason: move.lostReason, closedOn: move.today });
  } else if (move.to === 'M6') {
    if (!move.closedOn || move.closedOn > move.today)
      throw invalid('a won deal needs its signing day', 'dealErrors.wonNeedsDate', 'closedOn');
    if (!move.finalAmount)
      throw invalid(
        'a won deal needs its final amount',
        'dealErrors.wonNeedsAmount',
        'finalAmount',
      );
    toMilestone = 'M6';
    toStatus = 'won';
    Object.assign(values, {
      milestone: 'M6',
      status: 'won',
      closedOn: move.closedOn,
      amount: move.finalAmount,
      lostReason: null,
    });
    const receivableId = ctx.newId();
    extra.push({
      op: 'insert',
      table: 'receivables',
      id: receivableId,
      values: {
        dealId: deal.id,
        customerId: deal.customerId,
        amount: move.finalAmount,
        dueOn: addDays(move.closedOn, RECEIVABLE_DUE_DAYS),
      },
    });
    // Money the customer paid while nothing was owed goes to this receivable (decision 0019).
    const receipts = allocateReceipts(ctx, {
      id: receivableId,
      dealId: deal.id,
      customerId: deal.customerId,
      amount: move.finalAmount,
    });
    extra.push(...receipts.changes);
  } else {
    toMilestone = move.to;
    toStatus = 'open';
    Object.assign(values, { milestone: move.to, status: 'open', closedOn: null, lostReason: null });
    if (deal.status === 'won') extra.push(...dropReceivables(ctx, deal.id));
  }

  return [
    ...checks.map((c) => checkChange(ctx, deal.id, c, true)),
    { op: 'update', table: 'deals', id: deal.id, values },
    {
      op: 'insert',
      table: 'stage_history',
      id: ctx.newId(),
      values: {
        dealId: deal.id,
        customerId: deal.customerId,
        fromMilestone: deal.milestone,
        fromStatus: deal.status,
        toMilestone,
        toStatus,
        at: now,
        byUserId: me,
        forced,
        reason: move.forceReason ?? (move.to === 'lost' ? move.lostReason : null),
      },
    },
    ...extra,
  ];
}
