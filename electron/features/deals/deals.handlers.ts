import type { dealsContract } from '../../../shared/contract/deals';
import type { ExitCriterion } from '../../../shared/domain/milestones';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { board, columnCards, lanes } from './deals.board';
import { dealLineRows, getDeal, getDealRecord } from './deals.detail';
import { planCheck, planCreate, planLines } from './deals.edits';
import {
  assertAmount,
  assertCloseDate,
  assertContactOf,
  assertCustomer,
  assertFresh,
  assertOwner,
  assertProducts,
  boardContext,
  hostToday,
  requireLiveDeal,
} from './deals.guards';
import { dealsForCustomer, keyDeals } from './deals.lists';
import { planMove } from './deals.moves';
import { hidden } from '../team/visibility';
import { linesAmount } from '../../../shared/domain/milestones';

/** The deal as the deal page shows it, or `not_found` (also when out of the user's scope). */
function detail(ctx: AppContext, id: string, today = hostToday(ctx)) {
  if (hidden(ctx, 'deal', id)) throw notFound('deal', id);
  return saved(ctx, id, today);
}

/**
 * A deal just written, as the write answers it (its guard, `requireLiveDeal`, already refused a
 * deal out of scope): creating one for or handing one to someone out of scope answers what was saved.
 */
function saved(ctx: AppContext, id: string, today = hostToday(ctx)) {
  const deal = getDeal(ctx.db, id, today, boardContext(ctx));
  if (!deal) throw notFound('deal', id);
  return deal;
}

export const dealsHandlers: HandlersOf<typeof dealsContract> = {
  'deals.board': (input, ctx) => board(ctx.db, input, boardContext(ctx)),

  'deals.column': (input, ctx) =>
    columnCards(ctx.db, input, boardContext(ctx), input.column, input.offset, input.limit),

  'deals.lanes': (input, ctx) => lanes(ctx.db, input, boardContext(ctx)),

  'deals.get': (input, ctx) => detail(ctx, input.id, input.today),

  'deals.create': (input, ctx) => {
    const customer = assertCustomer(ctx, input.customerId);
    const today = input.today ?? hostToday(ctx);
    assertCloseDate(input.expectedCloseOn, today);
    const ownerId = input.ownerId ?? ctx.currentUserId() ?? customer.ownerId;
    if (!ownerId)
      throw new AppError(
        'invalid_input',
        'a deal needs an owner',
        'errors.ownerUnknown',
        undefined,
        {
          ownerId: 'validation.required',
        },
      );
    assertOwner(ctx, ownerId);
    if (input.lines && input.lines.length > 0) {
      assertProducts(
        ctx,
        input.lines.map((l) => l.productId),
      );
      assertAmount(linesAmount(input.lines));
    }
    const { id, changes } = planCreate(ctx, input, ownerId);
    ctx.commit(changes);
    return saved(ctx, id, today);
  },

  'deals.update': (input, ctx) => {
    const deal = requireLiveDeal(ctx, input.id);
    assertFresh(ctx, deal, input.expectedUpdatedAt);
    const { fields } = input;
    const today = input.today ?? hostToday(ctx);
    if (fields.amount !== deal.amount) {
      if (deal.status !== 'open')
        throw new AppError('conflict', 'a closed deal keeps its amount', 'dealErrors.closedAmount');
      // With lines the amount is derived; a different figure would silently disagree with them.
      if (dealLineRows(ctx.db, deal.id).length > 0)
        throw new AppError(
          'invalid_input',
          'the amount of a deal with lines is their sum',
          'dealErrors.amountFromLines',
          undefined,
          { amount: 'dealErrors.amountFromLines' },
        );
    }
    if (fields.expectedCloseOn !== deal.expectedCloseOn)
      assertCloseDate(fields.expectedCloseOn, today);
    if (fields.ownerId !== deal.ownerId) assertOwner(ctx, fields.ownerId);
    ctx.commit([{ op: 'update', table: 'deals', id: deal.id, values: fields }]);
    return saved(ctx, deal.id, today);
  },

  'deals.move': (input, ctx) => {
    const deal = requireLiveDeal(ctx, input.id);
    assertFresh(ctx, deal, input.expectedUpdatedAt);
    ctx.commit(planMove(ctx, deal, input));
    return saved(ctx, deal.id, input.today);
  },

  'deals.check': (input, ctx) => {
    const deal = requireLiveDeal(ctx, input.dealId);
    ctx.commit(
      planCheck(
        ctx,
        deal,
        input.criterion as ExitCriterion,
        input.checked,
        input.expectedMilestone,
      ),
    );
    return saved(ctx, deal.id, input.today);
  },

  'deals.setBrief': (input, ctx) => {
    const deal = requireLiveDeal(ctx, input.id);
    assertContactOf(ctx, deal.customerId, input.contactId, 'contactId');
    assertContactOf(ctx, deal.customerId, input.deciderId, 'deciderId');
    const { id, ...values } = input;
    ctx.commit([{ op: 'update', table: 'deals', id, values }]);
    return saved(ctx, id);
  },

  'deals.setKey': (input, ctx) => {
    requireLiveDeal(ctx, input.id);
    ctx.commit([{ op: 'update', table: 'deals', id: input.id, values: { isKey: input.isKey } }]);
    return saved(ctx, input.id);
  },

  'deals.setLines': (input, ctx) => {
    const deal = requireLiveDeal(ctx, input.id);
    if (deal.status !== 'open')
      throw new AppError('conflict', 'a closed deal keeps its lines', 'dealErrors.closedLines');
    assertProducts(
      ctx,
      input.lines.map((l) => l.productId),
    );
    if (input.lines.length > 0) assertAmount(linesAmount(input.lines));
    ctx.commit(planLines(ctx, deal, input.lines));
    return saved(ctx, deal.id);
  },

  'deals.delete': (input, ctx) => {
    requireLiveDeal(ctx, input.id);
    ctx.commit([{ op: 'delete', table: 'deals', id: input.id }]);
    return { ok: true as const };
  },

  'deals.restore': (input, ctx) => {
    const deal = getDealRecord(ctx.db, input.id);
    if (!deal || hidden(ctx, 'deal', input.id)) throw notFound('deal', input.id);
    if (deal.deletedAt !== null) ctx.commit([{ op: 'restore', table: 'deals', id: input.id }]);
    return { ok: true as const };
  },

  'deals.keyList': (input, ctx) => keyDeals(ctx.db, input, boardContext(ctx)),

  // A customer out of scope answers as an unknown one does: no deals.
  'deals.forCustomer': (input, ctx) =>
    hidden(ctx, 'customer', input.customerId)
      ? []
      : dealsForCustomer(ctx.db, input.customerId, input.today, boardContext(ctx)),
};
