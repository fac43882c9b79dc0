import type { scoresContract } from '../../../shared/contract/scores';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { hidden, seesOwner, seesTeam, visibility } from '../team/visibility';
import type { HandlersOf } from '../../ipc/dispatch';
import { boardContext } from '../deals/deals.guards';
import { currentUser } from '../team/current-user';
import { repDeals, repRow, teamScorecard, teamSummary } from './scores.cards';
import { dealScoresOf, liveDeal, type ScoredDealRecord } from './scores.repo';

/** A live deal, or `not_found` with the scores' own message (deleted or never existed). */
function requireDeal(ctx: AppContext, id: string): ScoredDealRecord {
  const deal = liveDeal(ctx.db, id);
  if (!deal || hidden(ctx, 'deal', id))
    throw new AppError('not_found', `deal ${id} not found`, 'scoreErrors.dealGone');
  return deal;
}

export const scoresHandlers: HandlersOf<typeof scoresContract> = {
  'scores.add': (input, ctx) => {
    const deal = requireDeal(ctx, input.dealId);
    // A won or lost deal's score is history: calibration only means something while open.
    if (deal.status !== 'open')
      throw new AppError(
        'conflict',
        `deal ${deal.id} is ${deal.status}; only open deals are scored`,
        'scoreErrors.dealClosed',
      );
    const { levels } = input;
    ctx.commit([
      {
        op: 'insert',
        table: 'deal_scores',
        id: ctx.newId(),
        values: {
          dealId: deal.id,
          scoredAt: ctx.now().toISOString(),
          scoredBy: currentUser(ctx)?.id ?? null,
          problemLevel: levels.problem.level,
          problemWith: levels.problem.with,
          powerLevel: levels.power.level,
          visionLevel: levels.vision.level,
          visionWith: levels.vision.with,
          valueLevel: levels.value.level,
          valueWith: levels.value.with,
          controlLevel: levels.control.level,
          note: input.note,
        },
      },
    ]);
    return dealScoresOf(ctx.db, requireDeal(ctx, deal.id), input.today);
  },

  'scores.forDeal': (input, ctx) =>
    dealScoresOf(ctx.db, requireDeal(ctx, input.dealId), input.today),

  'scores.team': (input, ctx) => teamScorecard(ctx.db, input, boardContext(ctx)),

  'scores.rep': (input, ctx) => {
    const v = visibility(ctx);
    // Someone out of the user's data scope is refused exactly as someone unknown.
    const rep = seesOwner(v, input.repId) ? repRow(ctx.db, input.repId, input.today) : undefined;
    if (!rep)
      throw new AppError('not_found', `person ${input.repId} not found`, 'scoreErrors.repGone');
    return {
      rep,
      // The team's summary only for a team in scope (a rep sees their own card, not the team's).
      team:
        rep.teamId && seesTeam(v, rep.teamId) ? teamSummary(ctx.db, rep.teamId, input.today) : null,
      deals: repDeals(ctx.db, rep.repId, input.today),
    };
  },
};
