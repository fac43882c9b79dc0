import type { AppContext } from '../../../../electron/core/context';
import { addDays } from '../../../../shared/domain/grading';
import type { Milestone } from '../../../../shared/domain/milestones';

/**
 * Won deals made straight through `commit`, the way the deals feature records a win (deal
 * row, stage history, one receivable due 30 days after the close), so these tests do not
 * depend on the deals handlers.
 */
export function winDeal(
  ctx: AppContext,
  options: {
    customerId: string;
    ownerId: string;
    amount: number;
    closedOn: string;
    title?: string;
    /** Milestones the deal passed before it was won, each one recorded as a move. */
    path?: Milestone[];
  },
): { dealId: string; receivableId: string; moveIds: string[] } {
  const dealId = ctx.newId();
  const at = `${options.closedOn}T08:00:00.000Z`;
  ctx.commit([
    {
      op: 'insert',
      table: 'deals',
      id: dealId,
      values: {
        customerId: options.customerId,
        ownerId: options.ownerId,
        title: options.title ?? '二期产线改造',
        amount: options.amount,
        expectedCloseOn: options.closedOn,
        milestone: 'M6',
        status: 'won',
        stageEnteredAt: at,
        closedOn: options.closedOn,
      },
    },
  ]);
  const moveIds = recordMoves(ctx, dealId, options.customerId, options.path ?? [], at);
  const receivableId = ctx.newId();
  ctx.commit([
    {
      op: 'insert',
      table: 'receivables',
      id: receivableId,
      values: {
        dealId,
        customerId: options.customerId,
        amount: options.amount,
        dueOn: addDays(options.closedOn, 30),
      },
    },
  ]);
  return { dealId, receivableId, moveIds };
}

/** Stage history for a path M1 → … → won, one hour apart, ending at `wonAt`. */
function recordMoves(
  ctx: AppContext,
  dealId: string,
  customerId: string,
  path: Milestone[],
  wonAt: string,
): string[] {
  if (path.length === 0) return [];
  const ids: string[] = [];
  const steps = [...path, 'won' as const];
  steps.forEach((step, i) => {
    const id = ctx.newId();
    const prev = i === 0 ? null : steps[i - 1];
    const at = new Date(Date.parse(wonAt) - (steps.length - 1 - i) * 3_600_000).toISOString();
    ctx.commit([
      {
        op: 'insert',
        table: 'stage_history',
        id,
        values: {
          dealId,
          customerId,
          fromMilestone: prev === null ? null : prev === 'won' ? 'M6' : prev,
          fromStatus: prev === null ? null : 'open',
          toMilestone: step === 'won' ? 'M6' : step,
          toStatus: step === 'won' ? 'won' : 'open',
          at,
          byUserId: ctx.currentUserId(),
          forced: false,
          reason: null,
        },
      },
    ]);
    ids.push(id);
  });
  return ids;
}

/** Moves a won deal back to an open milestone (what "reopen" does to the deal row). */
export function reopenDeal(ctx: AppContext, dealId: string): void {
  ctx.commit([
    {
      op: 'update',
      table: 'deals',
      id: dealId,
      values: { status: 'open', milestone: 'M5', closedOn: null },
    },
  ]);
}
