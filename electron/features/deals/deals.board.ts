import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  boardColumns,
  type BoardColumn,
  type BoardColumnData,
  type DealCard,
  type Lane,
  type dealsContract,
} from '../../../shared/contract/deals';
import type { Db } from '../../db/connection';
import { customers, deals } from '../../db/schema';
import {
  boardConditions,
  cardColumns,
  columnOrder,
  columnSql,
  inColumn,
  owner,
  partOf,
  toCard,
  weightedSql,
  type BoardContext,
  type BoardQuery,
} from './deals.query';

type Totals = { count: number; amount: number; weighted: number };
const zero: Totals = { count: 0, amount: 0, weighted: 0 };

/** Count, amount and weighted amount per column over the whole filtered set: a GROUP BY per half. */
function columnTotals(db: Db, query: BoardQuery, ctx: BoardContext): Map<BoardColumn, Totals> {
  const totals = new Map<BoardColumn, Totals>();
  for (const part of ['open', 'closed'] as const) {
    const base = db
      .select({
        column: columnSql,
        count: sql<number>`count(*)`,
        amount: sql<number>`coalesce(sum(${deals.amount}), 0)`,
        weighted: sql<number>`coalesce(sum(${weightedSql}), 0)`,
      })
      .from(deals);
    // The customer's name is only needed to search; otherwise skip 5,000 lookups.
    const rows = (
      query.search.trim() ? base.innerJoin(customers, eq(customers.id, deals.customerId)) : base
    )
      .where(boardConditions(query, ctx, part))
      .groupBy(columnSql)
      .all();
    for (const r of rows)
      totals.set(r.column, { count: r.count, amount: r.amount, weighted: r.weighted });
  }
  return totals;
}

/**
 * One column's cards from `offset`, one extra to know whether more follow. One query per
 * column walks the board index (status, milestone, stage_entered_at) in display order and
 * stops after `limit` rows, which measured faster than ranking the whole set with a window.
 */
export function columnCards(
  db: Db,
  query: BoardQuery,
  ctx: BoardContext,
  column: BoardColumn,
  offset: number,
  limit: number,
): { cards: DealCard[]; hasMore: boolean } {
  const rows = db
    .select(cardColumns)
    .from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .leftJoin(owner, eq(owner.id, deals.ownerId))
    .where(and(boardConditions(query, ctx, partOf(column)), inColumn(column)))
    .orderBy(...columnOrder(column))
    .limit(limit + 1)
    .offset(offset)
    .all();
  return {
    cards: rows.slice(0, limit).map((r) => toCard(r, query.today, ctx)),
    hasMore: rows.length > limit,
  };
}

/** The funnel board: totals per column and the first `perColumn` cards of each. */
export function board(
  db: Db,
  query: z.output<(typeof dealsContract)['deals.board']['input']>,
  ctx: BoardContext,
): { columns: BoardColumnData[] } {
  const totals = columnTotals(db, query, ctx);
  return {
    columns: boardColumns.map((column) => {
      const t = totals.get(column) ?? zero;
      const { cards, hasMore } =
        t.count === 0
          ? { cards: [], hasMore: false }
          : columnCards(db, query, ctx, column, 0, query.perColumn);
      return { column, ...t, cards, hasMore };
    }),
  };
}

/** Cards per swimlane cell: a coaching view, so the first few are enough. */
const LANE_CARDS = 10;

/**
 * Swimlanes by owner: totals per owner × column in one GROUP BY, and each cell's first
 * cards ranked by a window function in a second query (one per cell would be hundreds).
 */
export function lanes(db: Db, query: BoardQuery, ctx: BoardContext): Lane[] {
  const totals = [];
  const cardRows = [];
  for (const part of ['open', 'closed'] as const) {
    const where = boardConditions(query, ctx, part);
    totals.push(
      ...db
        .select({
          ownerId: deals.ownerId,
          ownerName: owner.name,
          column: columnSql,
          count: sql<number>`count(*)`,
          amount: sql<number>`coalesce(sum(${deals.amount}), 0)`,
          weighted: sql<number>`coalesce(sum(${weightedSql}), 0)`,
        })
        .from(deals)
        .innerJoin(customers, eq(customers.id, deals.customerId))
        .leftJoin(owner, eq(owner.id, deals.ownerId))
        .where(where)
        .groupBy(deals.ownerId, columnSql)
        .all(),
    );
    const order = part === 'open' ? sql`${deals.stageEnteredAt} ASC` : sql`${deals.closedOn} DESC`;
    const rank = sql<number>`row_number() OVER (PARTITION BY ${deals.ownerId}, ${columnSql} ORDER BY ${order}, ${deals.id})`;
    // Rank only ids (no name clashes in the subquery), then read those cards.
    const ranked = db
      .select({ id: deals.id, rank: rank.as('rank') })
      .from(deals)
      .innerJoin(customers, eq(customers.id, deals.customerId))
      .where(where)
      .as('ranked');
    cardRows.push(
      ...db
        .select(cardColumns)
        .from(ranked)
        .innerJoin(deals, eq(deals.id, ranked.id))
        .innerJoin(customers, eq(customers.id, deals.customerId))
        .leftJoin(owner, eq(owner.id, deals.ownerId))
        .where(sql`${ranked.rank} <= ${LANE_CARDS}`)
        .orderBy(sql`${ranked.rank}`)
        .all(),
    );
  }

  const byOwner = new Map<string, Lane>();
  const cell = (ownerId: string, ownerName: string | null, column: BoardColumn) => {
    let lane = byOwner.get(ownerId);
    if (!lane) {
      lane = {
        ownerId,
        ownerName,
        cells: boardColumns.map((c) => ({ column: c, ...zero, cards: [] })),
      };
      byOwner.set(ownerId, lane);
    }
    const found = lane.cells.find((c) => c.column === column);
    if (!found) throw new Error(`unknown column ${column}`);
    return found;
  };
  for (const t of totals)
    Object.assign(cell(t.ownerId, t.ownerName, t.column), {
      count: t.count,
      amount: t.amount,
      weighted: t.weighted,
    });
  for (const row of cardRows) {
    const card = toCard(row, query.today, ctx);
    cell(card.ownerId, card.ownerName, card.status === 'lost' ? 'lost' : card.milestone).cards.push(
      card,
    );
  }
  return [...byOwner.values()].sort((a, b) =>
    (a.ownerName ?? '').localeCompare(b.ownerName ?? '', 'zh-CN'),
  );
}
