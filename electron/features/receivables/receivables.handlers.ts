import type { receivablesContract } from '../../../shared/contract/receivables';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { hidden } from '../team/visibility';
import type { HandlersOf } from '../../ipc/dispatch';
import { currentUser } from '../team/current-user';
import { liveCustomer } from '../timeline/timeline.repo';
import { assertWithinBalance, requireWon, yuan } from './receivables.rules';
import {
  customerReceivables,
  dealReceivables,
  getCollection,
  getDeal,
  getReceivable,
  receivablesOfDeal,
  type DealRecord,
} from './receivables.repo';

function requireDeal(ctx: AppContext, id: string): DealRecord {
  const deal = getDeal(ctx.db, id);
  if (!deal || hidden(ctx, 'deal', id)) throw notFound('deal', id);
  return deal;
}

function invalid(message: string, key: string, field: string, params?: Record<string, string>) {
  return new AppError('invalid_input', message, key, params, { [field]: key });
}

export const receivablesHandlers: HandlersOf<typeof receivablesContract> = {
  'receivables.forDeal': (input, ctx) =>
    dealReceivables(ctx.db, requireDeal(ctx, input.dealId), input.today),

  'receivables.split': (input, ctx) => {
    const deal = requireDeal(ctx, input.dealId);
    const current = receivablesOfDeal(ctx.db, deal.id);
    requireWon(deal, current.length > 0);
    const sum = input.instalments.reduce((s, i) => s + i.amount, 0);
    if (sum !== deal.amount) {
      throw invalid(
        `instalments add up to ${sum} fen, the deal is ${deal.amount} fen`,
        'receivables.errors.sumMismatch',
        'instalments',
        { sum: yuan(sum), amount: yuan(deal.amount) },
      );
    }
    const byId = new Map(current.map((r) => [r.id, r]));
    const kept = new Set<string>();
    for (const instalment of input.instalments) {
      if (!instalment.id) continue;
      const existing = byId.get(instalment.id);
      if (!existing || kept.has(instalment.id)) {
        throw invalid(
          `receivable ${instalment.id} is not an instalment of deal ${deal.id}`,
          'receivables.errors.unknownInstalment',
          'instalments',
        );
      }
      kept.add(instalment.id);
      if (instalment.amount < existing.collected) {
        throw invalid(
          `instalment ${existing.id} has ${existing.collected} fen collected, more than ${instalment.amount}`,
          'receivables.errors.belowCollected',
          'instalments',
          { collected: yuan(existing.collected), dueOn: existing.dueOn },
        );
      }
    }
    // Collected money never loses the receivable it was booked against.
    const removed = current.filter((r) => !kept.has(r.id));
    const withMoney = removed.find((r) => r.collected > 0);
    if (withMoney) {
      throw new AppError(
        'conflict',
        `receivable ${withMoney.id} has collections and cannot be removed`,
        'receivables.errors.removesCollections',
        { dueOn: withMoney.dueOn, collected: yuan(withMoney.collected) },
      );
    }
    const ids: string[] = [];
    const changes: Change[] = removed.map((r) => ({
      op: 'delete' as const,
      table: 'receivables' as const,
      id: r.id,
    }));
    for (const instalment of input.instalments) {
      if (instalment.id) {
        ids.push(instalment.id);
        changes.push({
          op: 'update',
          table: 'receivables',
          id: instalment.id,
          values: { amount: instalment.amount, dueOn: instalment.dueOn },
        });
      } else {
        const id = ctx.newId();
        ids.push(id);
        changes.push({
          op: 'insert',
          table: 'receivables',
          id,
          values: {
            dealId: deal.id,
            customerId: deal.customerId,
            amount: instalment.amount,
            dueOn: instalment.dueOn,
          },
        });
      }
    }
    ctx.commit(changes);
    return { receivableIds: ids };
  },

  'receivables.forCustomer': (input, ctx) => {
    if (!liveCustomer(ctx.db, input.customerId) || hidden(ctx, 'customer', input.customerId))
      throw notFound('customer', input.customerId);
    return customerReceivables(ctx.db, input.customerId, input.today);
  },

  'collections.record': (input, ctx) => {
    const receivable = getReceivable(ctx.db, input.receivableId);
    if (!receivable || hidden(ctx, 'receivable', input.receivableId))
      throw notFound('receivable', input.receivableId);
    requireWon({ status: receivable.dealStatus }, true);
    if (input.collectedOn > input.today) {
      throw invalid(
        `${input.collectedOn} is after today (${input.today})`,
        'receivables.errors.futureCollection',
        'collectedOn',
      );
    }
    assertWithinBalance(receivable, input.amount);
    const id = ctx.newId();
    ctx.commit([
      {
        op: 'insert',
        table: 'collections',
        id,
        values: {
          receivableId: receivable.id,
          dealId: receivable.dealId,
          customerId: receivable.customerId,
          amount: input.amount,
          collectedOn: input.collectedOn,
          byUserId: ctx.currentUserId(),
          note: input.note,
        },
      },
    ]);
    const recorded = getCollection(ctx.db, id);
    if (!recorded) throw notFound('collection', id);
    return recorded;
  },

  'collections.delete': (input, ctx) => {
    const collection = getCollection(ctx.db, input.id);
    if (!collection || hidden(ctx, 'collection', input.id)) throw notFound('collection', input.id);
    const me = currentUser(ctx);
    // Money records are corrected by who recorded them or by a manager, not by any colleague.
    if (!me || (me.role === 'rep' && collection.byUserId !== me.id)) {
      throw new AppError(
        'conflict',
        'only the person who recorded a collection or a manager may delete it',
        'receivables.errors.deleteNotAllowed',
      );
    }
    ctx.commit([{ op: 'delete', table: 'collections', id: collection.id }]);
    return { ok: true as const };
  },
};
