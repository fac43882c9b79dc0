import { inArray, sql } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { envelope, type ReportContext } from './context';
import { creditedTally, rowOf, rowsOf, type Tally } from './fold';
import { bucketsOf, granularityOf, lastYearOf, previousOf } from './period';
import { wonDealRows } from './attainment';
import { resolveScope } from './scope';
import { wonDealsSql, wonMeasures } from './sources';

type Won = Tally<(typeof wonMeasures)[number]>;

/** (now − before) / before; null when there was nothing before. */
function change(now: number, before: number): number | null {
  return before === 0 ? null : (now - before) / before;
}

/** Competition ranking: 1 + how many peers sold more (ties share a rank). */
function rankAmong(values: readonly number[], value: number): number {
  return 1 + values.filter((v) => v > value).length;
}

/**
 * 2. Performance comparison 销售业绩对比 (domain.md §7.2): sales (won amount by close day)
 * this period, the previous period (the week, month, quarter or year before; a custom range
 * shifted back by its length) and the same period last year; change = (this − that) / that,
 * null when that is 0; rank among peers = 1 + peers with more sales (a team among the
 * company's teams, a rep among the reps of their team on the as-of day).
 */
export function performanceReport(ctx: ReportContext): ReportOf<'performance'> {
  const { db, scoped } = ctx;
  const previousPeriod = previousOf(ctx.period);
  const lastYearPeriod = lastYearOf(ctx.period);
  const now = creditedTally(db, scoped, wonMeasures, wonDealsSql(ctx), ctx.period);
  const before = creditedTally(
    db,
    scoped,
    wonMeasures,
    wonDealsSql(ctx, previousPeriod, false),
    previousPeriod,
  );
  const lastYear = creditedTally(
    db,
    scoped,
    wonMeasures,
    wonDealsSql(ctx, lastYearPeriod),
    lastYearPeriod,
  );

  const figures = (pick: (t: Won) => { sales: number; wonDeals: number }) => {
    const n = pick(now);
    const p = pick(before).sales;
    const l = pick(lastYear).sales;
    return {
      sales: n.sales,
      wonDeals: n.wonDeals,
      previousSales: p,
      lastYearSales: l,
      changeVsPrevious: change(n.sales, p),
      changeVsLastYear: change(n.sales, l),
    };
  };

  const lastYearBuckets = bucketsOf(lastYearPeriod, granularityOf(ctx.period));
  const trend = ctx.buckets.map((b, i) => {
    const ly = lastYearBuckets[i];
    return {
      ...b,
      sales: now.byBucket.get(b.key)?.sales ?? 0,
      lastYearKey: ly?.key ?? null,
      lastYearSales: ly ? (lastYear.byBucket.get(ly.key)?.sales ?? 0) : 0,
    };
  });
  const { rank, peers } = peerRank(ctx, now.total.sales);
  const keyFigures = {
    ...figures((t) => t.total),
    rank,
    peers,
    previousPeriod,
    lastYearPeriod: { from: lastYearPeriod.from, to: lastYearPeriod.to },
  };

  if (scoped.scope.type === 'rep') {
    const deals = wonDealRows(ctx);
    return envelope('performance', ctx, ctx.refDay, {
      keyFigures,
      trend,
      rowKind: 'deal',
      rows: deals.rows,
      rowsTotal: deals.total,
    });
  }
  const refs = rowsOf(scoped, now, before, lastYear);
  const sales = refs.map((r) => rowOf(now, r.key, wonMeasures).sales);
  const rows = refs.map((r, i) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...figures((t) => rowOf(t, r.key, wonMeasures)),
    rank: rankAmong(sales, sales[i] ?? 0),
    peers: refs.length,
  }));
  return envelope('performance', ctx, ctx.refDay, {
    keyFigures,
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}

/**
 * The scope's rank among its peers: a team among the company's team rows; a rep among the
 * rows of their team on the as-of day, each peer with their whole sales in the period.
 */
function peerRank(
  ctx: ReportContext,
  sales: number,
): { rank: number | null; peers: number | null } {
  const { db, scoped } = ctx;
  const s = scoped.scope;
  if (s.type === 'company') return { rank: null, peers: null };
  if (s.type === 'team') {
    const company = resolveScope(db, { type: 'company' }, ctx.refDay);
    const all = creditedTally(
      db,
      company,
      wonMeasures,
      wonDealsSql({ ...ctx, scoped: company }, ctx.period, false),
      ctx.period,
    );
    const teams = rowsOf(company, all).filter((r) => r.kind === 'team');
    const values = teams.map((r) => rowOf(all, r.key, wonMeasures).sales);
    return { rank: rankAmong(values, sales), peers: teams.length };
  }
  const teamId = scoped.people.get(s.id)?.teamOnRefDay ?? null;
  if (teamId === null) return { rank: null, peers: null };
  const team = resolveScope(db, { type: 'team', id: teamId }, ctx.refDay);
  const inTeam = creditedTally(
    db,
    team,
    wonMeasures,
    wonDealsSql({ ...ctx, scoped: team }, ctx.period, false),
    ctx.period,
  );
  const peerIds = [...new Set([s.id, ...rowsOf(team, inTeam).map((r) => r.id)])];
  const byOwner = new Map(
    db
      .all<{ owner: string; sales: number }>(
        sql`SELECT d.owner_id AS owner, sum(d.amount) AS sales FROM deals d
          WHERE d.status = 'won' AND d.deleted_at IS NULL
            AND d.closed_on >= ${ctx.period.from} AND d.closed_on <= ${ctx.period.to}
            AND ${inArray(sql`d.owner_id`, peerIds)}
          GROUP BY d.owner_id`,
      )
      .map((r) => [r.owner, r.sales]),
  );
  const values = peerIds.map((id) => byOwner.get(id) ?? 0);
  return { rank: rankAmong(values, sales), peers: peerIds.length };
}
