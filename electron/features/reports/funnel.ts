import { sql, type SQL } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import {
  milestoneProbability,
  milestones,
  type Milestone,
} from '../../../shared/domain/milestones';
import { weightedSql } from '../deals/deals.query';
import { calendarOverrides } from '../targets/calendar.repo';
import { teamAt } from '../team/team.memberships';
import { bucketSql, envelope, ownerIn, type ReportContext } from './context';
import {
  countIf,
  creditedTally,
  ratio,
  rowOf,
  rowsOf,
  zeroOf,
  type Measures,
  type Tally,
} from './fold';
import { dayAfter } from './period';
import { dealColumns, dealRow, listed, ownerId, type DealBase } from './records';
import { lostDealsSql, wonDealsSql, wonMeasures } from './sources';
import { targetsOf } from './targets';
import { medianOfCounts, medianSql, oneDecimal } from './stats';

const openMeasures = ['openDeals', 'openAmount', 'openWeighted', 'closingWeighted'] as const;
const reachedMeasures = [
  'created',
  'reachedM2',
  'reachedM3',
  'reachedM4',
  'reachedM5',
  'reachedM6',
] as const;

/**
 * 5. Funnel 销售漏斗 (domain.md §7.5).
 * - Per milestone: open count, amount, weighted amount (amount × probability) of the open
 *   deals today, credited to the owner's team today.
 * - Stage conversion: of the deals created in the period that reached milestone k, the share
 *   that reached k+1. A deal "reached" every milestone up to the highest it was ever moved to
 *   (stage_history), so a deal moved back still counts at the higher one; every deal reached M1.
 * - Dwell per milestone: stays in the milestone that ended in the period (a move out of it
 *   while open, the loss included), from the move into it to the move out, in whole calendar
 *   days; average and median.
 * - Sales cycle: days from creation to the close day of the deals won in the period.
 * - Average won deal size = won amount / won deals; win rate = won / (won + lost), both
 *   closed in the period.
 * - Pipeline coverage = weighted amount of the open deals expected to close in the period /
 *   remaining target (sales target − won amount); null without a target or when none remains.
 */
export function funnelReport(ctx: ReportContext): ReportOf<'funnel'> {
  const { db, scoped } = ctx;
  const { from, to } = ctx.period;
  const open = creditedTally(
    db,
    scoped,
    openMeasures,
    sql`SELECT deals.owner_id AS owner, ${ctx.today} AS day, deals.milestone AS bucket,
        count(*) AS openDeals, sum(deals.amount) AS openAmount, sum(${weightedSql}) AS openWeighted,
        coalesce(sum(CASE WHEN deals.expected_close_on >= ${from} AND deals.expected_close_on <= ${to}
          THEN ${weightedSql} END), 0) AS closingWeighted
      FROM deals
      WHERE deals.status = 'open' AND deals.deleted_at IS NULL AND ${ownerIn(ctx, sql`deals.owner_id`)}
      GROUP BY deals.owner_id, deals.milestone`,
    { from: ctx.today, to: ctx.today },
  );
  // The highest milestone each deal created in the period ever reached.
  const reached = creditedTally(
    db,
    scoped,
    reachedMeasures,
    sql`WITH x AS MATERIALIZED (SELECT d.owner_id AS owner, substr(d.created_at, 1, 10) AS day,
          max(d.milestone, coalesce((SELECT max(h.to_milestone) FROM stage_history h
            WHERE h.deal_id = d.id AND h.deleted_at IS NULL), 'M1')) AS top
        FROM deals d
        WHERE d.deleted_at IS NULL AND d.created_at >= ${from} AND d.created_at < ${dayAfter(to)}
          AND ${ownerIn(ctx, sql`d.owner_id`)})
      SELECT x.owner AS owner, x.day AS day, ${bucketSql(ctx, sql`x.day`)} AS bucket, count(*) AS created,
        ${sql.join(
          milestones
            .slice(1)
            .map((m) => sql`${countIf(sql`x.top >= ${m}`)} AS ${sql.identifier(`reached${m}`)}`),
          sql`, `,
        )}
      FROM x
      GROUP BY x.owner, x.day`,
    ctx.period,
  );
  // New opportunities: the deals created in the period (the same rows).
  const created = reached;
  const won = creditedTally(db, scoped, wonMeasures, wonDealsSql(ctx), ctx.period);
  const lost = creditedTally(db, scoped, ['lost'], lostDealsSql(ctx), ctx.period);
  const refs = scoped.scope.type === 'rep' ? [] : rowsOf(scoped, open, created, won, lost);
  const target = targetsOf(ctx, 'sales', refs, ctx.period, calendarOverrides(db));

  type Pick = <K extends string>(t: Tally<K>, m: readonly K[]) => Measures<K>;
  const figures = (pick: Pick, salesTarget: number | null) => {
    const o = pick(open, openMeasures);
    const w = pick(won, wonMeasures);
    const l = pick(lost, ['lost']).lost;
    const remaining = salesTarget === null ? null : salesTarget - w.sales;
    return {
      created: pick(created, ['created']).created,
      won: w.wonDeals,
      lost: l,
      winRate: ratio(w.wonDeals, w.wonDeals + l),
      wonAmount: w.sales,
      avgWonDealSize: w.wonDeals === 0 ? null : Math.round(w.sales / w.wonDeals),
      ...o,
      salesTarget,
      remainingTarget: remaining,
      pipelineCoverage: remaining === null || remaining <= 0 ? null : o.closingWeighted / remaining,
    };
  };

  const dwell = stageDwell(ctx);
  const top = reached.total;
  const reachedAt = (m: Milestone) =>
    m === 'M1' ? top.created : top[`reached${m}` as (typeof reachedMeasures)[number]];
  const stages = milestones.map((m, i) => {
    const o = open.byBucket.get(m) ?? zeroOf(openMeasures);
    const next = milestones[i + 1];
    const d = dwell.get(m);
    return {
      milestone: m,
      probability: milestoneProbability[m],
      openDeals: o.openDeals,
      openAmount: o.openAmount,
      openWeighted: o.openWeighted,
      reached: reachedAt(m),
      conversion: next ? ratio(reachedAt(next), reachedAt(m)) : null,
      stays: d?.stays ?? 0,
      dwellAvgDays: oneDecimal(d?.avgDays ?? null),
      dwellMedianDays: oneDecimal(d?.medianDays ?? null),
    };
  });
  const cycle = salesCycle(ctx);
  const keyFigures = {
    ...figures((t) => t.total, target.scope),
    salesCycleAvgDays: oneDecimal(cycle.avgDays),
    salesCycleMedianDays: oneDecimal(cycle.medianDays),
    stages,
  };
  const trend = ctx.buckets.map((b) => ({
    ...b,
    created: created.byBucket.get(b.key)?.created ?? 0,
    won: won.byBucket.get(b.key)?.wonDeals ?? 0,
    lost: lost.byBucket.get(b.key)?.lost ?? 0,
    wonAmount: won.byBucket.get(b.key)?.sales ?? 0,
  }));

  if (scoped.scope.type === 'rep') {
    const list = listed<
      DealBase & {
        weighted: number;
        createdOn: string;
        expectedCloseOn: string;
        closedOn: string | null;
      }
    >(db, {
      select: sql`${dealColumns}, ${weightedSql} AS weighted,
        substr(deals.created_at, 1, 10) AS createdOn, deals.expected_close_on AS expectedCloseOn,
        deals.closed_on AS closedOn`,
      from: sql`deals LEFT JOIN customers c ON c.id = deals.customer_id
        WHERE deals.owner_id = ${ownerId(ctx)} AND deals.deleted_at IS NULL
          AND (deals.status = 'open' OR (deals.closed_on >= ${from} AND deals.closed_on <= ${to}))`,
      order: sql`deals.status = 'open' DESC, deals.milestone DESC, deals.amount DESC, deals.id`,
    });
    return envelope('funnel', ctx, ctx.today, {
      keyFigures,
      trend,
      rowKind: 'deal',
      rows: list.rows.map(dealRow),
      rowsTotal: list.total,
    });
  }
  const rows = refs.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...figures((t, m) => rowOf(t, r.key, m), target.rows.get(r.key) ?? null),
  }));
  return envelope('funnel', ctx, ctx.today, {
    keyFigures,
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}

/** The scope's condition on a deal owner's team on a day (team scope only), or TRUE. */
function teamOn(ctx: ReportContext, owner: SQL, day: SQL): SQL {
  return ctx.scoped.teamFilter(teamAt(owner, day)) ?? sql`1`;
}

/** Average and median days from creation to the close day, deals won in the period. */
function salesCycle(ctx: ReportContext): { avgDays: number | null; medianDays: number | null } {
  const cycles = sql`SELECT julianday(d.closed_on) - julianday(substr(d.created_at, 1, 10)) AS days
    FROM deals d
    WHERE d.status = 'won' AND d.deleted_at IS NULL
      AND d.closed_on >= ${ctx.period.from} AND d.closed_on <= ${ctx.period.to}
      AND ${ownerIn(ctx, sql`d.owner_id`)} AND ${teamOn(ctx, sql`d.owner_id`, sql`d.closed_on`)}`;
  const row = ctx.db.all<{ avgDays: number | null; medianDays: number | null }>(
    sql`WITH c AS MATERIALIZED (${cycles}) SELECT avg(days) AS avgDays, ${medianSql('c', 'days')} AS medianDays FROM c`,
  )[0];
  return { avgDays: row?.avgDays ?? null, medianDays: row?.medianDays ?? null };
}

/**
 * Stays per milestone that ended in the period: each history row leaving an open milestone
 * (its `from_milestone`) on a day in the period, measured from the deal's previous history row
 * (the move into the milestone) in whole calendar days (UTC), like the board's days in stage.
 * SQL answers how many stays lasted each number of days; the average and median are read from
 * those few counts.
 */
function stageDwell(ctx: ReportContext) {
  // The whole company needs only "the deal is live" (a handful of deleted deals); a team or a
  // rep needs each deal's owner.
  const liveDeal =
    ctx.scoped.scope.type === 'company'
      ? sql`FROM stage_history h WHERE h.deal_id NOT IN (SELECT id FROM deals WHERE deleted_at IS NOT NULL) AND`
      : sql`FROM stage_history h JOIN deals d ON d.id = h.deal_id AND d.deleted_at IS NULL
          WHERE ${ownerIn(ctx, sql`d.owner_id`)} AND ${teamOn(ctx, sql`d.owner_id`, sql`substr(h.at, 1, 10)`)} AND`;
  const stays = sql`SELECT h.from_milestone AS milestone,
      CAST(julianday(substr(h.at, 1, 10)) - julianday(substr((SELECT max(p.at) FROM stage_history p
        WHERE p.deal_id = h.deal_id AND p.deleted_at IS NULL AND p.at < h.at), 1, 10)) AS INTEGER) AS days
    ${liveDeal} h.deleted_at IS NULL AND h.from_status = 'open' AND h.from_milestone IS NOT NULL
      AND h.at >= ${ctx.period.from} AND h.at < ${dayAfter(ctx.period.to)}`;
  const rows = ctx.db.all<{ milestone: Milestone; days: number; stays: number }>(
    sql`WITH s AS MATERIALIZED (${stays})
      SELECT milestone, days, count(*) AS stays FROM s WHERE days IS NOT NULL
      GROUP BY milestone, days ORDER BY milestone, days`,
  );
  const out = new Map<
    Milestone,
    { stays: number; avgDays: number | null; medianDays: number | null }
  >();
  for (const m of milestones) {
    const counts = rows.filter((r) => r.milestone === m).map((r) => [r.days, r.stays] as const);
    const stays = counts.reduce((n, [, c]) => n + c, 0);
    out.set(m, {
      stays,
      avgDays: stays === 0 ? null : counts.reduce((t, [d, c]) => t + d * c, 0) / stays,
      medianDays: medianOfCounts(counts),
    });
  }
  return out;
}
