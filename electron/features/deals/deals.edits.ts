import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { dealCreateInput, lineInput } from '../../../shared/contract/deals';
import {
  criterionMilestone,
  milestoneIndex,
  linesAmount,
  type ExitCriterion,
  type Milestone,
} from '../../../shared/domain/milestones';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { dealChecks, dealLines } from '../../db/schema';
import type { DealRecord } from './deals.detail';

type Line = z.output<typeof lineInput>;

/** The inserts of a new deal: the deal at M1, its lines, and the creation row of its history. */
export function planCreate(
  ctx: AppContext,
  input: z.output<typeof dealCreateInput>,
  ownerId: string,
): { id: string; changes: Change[] } {
  const id = ctx.newId();
  const now = ctx.now().toISOString();
  const lines = input.lines ?? [];
  const changes: Change[] = [
    {
      op: 'insert',
      table: 'deals',
      id,
      values: {
        customerId: input.customerId,
        ownerId,
        title: input.title,
        amount: lines.length > 0 ? linesAmount(lines) : input.amount,
        expectedCloseOn: input.expectedCloseOn,
        milestone: 'M1',
        status: 'open',
        stageEnteredAt: now,
        nextStep: input.nextStep,
        isKey: false,
      },
    },
    ...lines.map((l): Change => ({
      op: 'insert',
      table: 'deal_lines',
      id: ctx.newId(),
      values: { dealId: id, ...l },
    })),
    {
      op: 'insert',
      table: 'stage_history',
      id: ctx.newId(),
      values: {
        dealId: id,
        customerId: input.customerId,
        fromMilestone: null,
        fromStatus: null,
        toMilestone: 'M1',
        toStatus: 'open',
        at: now,
        byUserId: ctx.currentUserId(),
        forced: false,
        reason: null,
      },
    },
  ];
  return { id, changes };
}

/**
 * Replaces a deal's lines in place: existing rows are updated (only changed fields are
 * logged), extra rows inserted, surplus rows soft-deleted; the amount becomes the sum.
 */
export function planLines(ctx: AppContext, deal: DealRecord, lines: Line[]): Change[] {
  const existing = ctx.db
    .select({ id: dealLines.id })
    .from(dealLines)
    .where(and(eq(dealLines.dealId, deal.id), isNull(dealLines.deletedAt)))
    .orderBy(dealLines.createdAt, dealLines.id)
    .all();
  const changes: Change[] = lines.map((l, i): Change => {
    const row = existing[i];
    return row
      ? { op: 'update', table: 'deal_lines', id: row.id, values: l }
      : { op: 'insert', table: 'deal_lines', id: ctx.newId(), values: { dealId: deal.id, ...l } };
  });
  for (const row of existing.slice(lines.length))
    changes.push({ op: 'delete', table: 'deal_lines', id: row.id });
  if (lines.length > 0)
    changes.push({
      op: 'update',
      table: 'deals',
      id: deal.id,
      values: { amount: linesAmount(lines) },
    });
  return changes;
}

/**
 * Ticks or unticks one exit criterion. The deal must still be where the user saw it, and
 * open, except that a won deal's after-sales items (M6) are ticked after the signing.
 */
export function planCheck(
  ctx: AppContext,
  deal: DealRecord,
  criterion: ExitCriterion,
  checked: boolean,
  expectedMilestone: Milestone,
): Change[] {
  const belongs = criterionMilestone(criterion);
  const afterSales = deal.status === 'won' && belongs === 'M6';
  if (deal.milestone !== expectedMilestone || (deal.status !== 'open' && !afterSales))
    throw new AppError(
      'conflict',
      `deal ${deal.id} is now ${deal.status} at ${deal.milestone}`,
      'dealErrors.movedMeanwhile',
      { milestone: deal.milestone, status: deal.status },
    );
  if (milestoneIndex(belongs) > milestoneIndex(deal.milestone))
    throw new AppError(
      'invalid_input',
      `${criterion} belongs to ${belongs}, after ${deal.milestone}`,
      'dealErrors.criterionLater',
      undefined,
      { criterion: 'dealErrors.criterionLater' },
    );
  return [checkChange(ctx, deal.id, criterion, checked)];
}

/** The one `deal_checks` row of a criterion, inserted or updated in place, with who and when. */
export function checkChange(
  ctx: AppContext,
  dealId: string,
  criterion: ExitCriterion,
  checked: boolean,
): Change {
  const existing = ctx.db
    .select({ id: dealChecks.id })
    .from(dealChecks)
    .where(and(eq(dealChecks.dealId, dealId), eq(dealChecks.criterion, criterion)))
    .get();
  const values = {
    checked,
    checkedBy: ctx.currentUserId(),
    checkedAt: ctx.now().toISOString(),
  };
  return existing
    ? { op: 'update', table: 'deal_checks', id: existing.id, values: { ...values } }
    : {
        op: 'insert',
        table: 'deal_checks',
        id: ctx.newId(),
        values: { dealId, criterion, ...values },
      };
}
