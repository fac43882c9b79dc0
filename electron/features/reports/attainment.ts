import { sql } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { isBehind, timeProgress } from '../../../shared/domain/periods';
import { attainment, targetMetrics, type TargetMetric } from '../../../shared/domain/targets';
import { calendarOverrides } from '../targets/calendar.repo';
import { targetFor } from '../targets/targets.repo';
import { envelope, type ReportContext } from './context';
import { creditedTally, rowOf, rowsOf, zeroOf, type Measures, type Tally } from './fold';
import { dealColumns, dealRow, listed, ownerId, type DealBase } from './records';
import {
  collectionsSql,
  newCustomersSql,
  newProspectsSql,
  visitCountsSql,
  wonDealsSql,
  wonMeasures,
} from './sources';
import { scopeKeyOf, targetsOf } from './targets';

type Actuals = Measures<TargetMetric>;

/**
 * 1. Target attainment 销售目标达成 (domain.md §7.1, §6): per metric the target, the actual,
 * attainment = actual / target (null without a target), time progress = working days elapsed
 * / working days of the period, and behind = attainment below time progress by 10 points or
 * more. Actuals: sales = won amount by close day; collections = collected amount; new
 * customers = customers whose first won deal closed in the period (new prospects, the
 * customers entered, are a figure of their own); visits = done visits; effective visits = done
 * and effective — each in the period, credited to the rep's team on the day.
 */
export function attainmentReport(ctx: ReportContext): ReportOf<'attainment'> {
  const { db, scoped } = ctx;
  const overrides = calendarOverrides(db);
  const progress = timeProgress(ctx.period, ctx.today, overrides);

  const won = creditedTally(db, scoped, wonMeasures, wonDealsSql(ctx), ctx.period);
  const collected = creditedTally(db, scoped, ['collections'], collectionsSql(ctx), ctx.period);
  const developed = creditedTally(db, scoped, ['newCustomers'], newCustomersSql(ctx), ctx.period);
  const entered = creditedTally(db, scoped, ['newProspects'], newProspectsSql(ctx), ctx.period);
  const visited = creditedTally(
    db,
    scoped,
    ['done', 'effective'],
    visitCountsSql(ctx, ['done', 'effective']),
    ctx.period,
  );

  const actualsOf = (pick: <K extends string>(t: Tally<K>, m: readonly K[]) => Measures<K>) => {
    const w = pick(won, wonMeasures);
    const v = pick(visited, ['done', 'effective']);
    return {
      sales: w.sales,
      collections: pick(collected, ['collections']).collections,
      newCustomers: pick(developed, ['newCustomers']).newCustomers,
      visits: v.done,
      effectiveVisits: v.effective,
    } satisfies Actuals;
  };
  const prospectsOf = (pick: (t: Tally<'newProspects'>) => Measures<'newProspects'>) =>
    pick(entered).newProspects;

  const refs = rowsOf(scoped, won, collected, developed, entered, visited);
  const targets = Object.fromEntries(
    targetMetrics.map((m) => [m, targetsOf(ctx, m, refs, ctx.period, overrides)]),
  ) as Record<TargetMetric, ReturnType<typeof targetsOf>>;
  const figures = (actual: Actuals, target: (m: TargetMetric) => number | null) =>
    Object.fromEntries(
      targetMetrics.map((m) => {
        const a = attainment(actual[m], target(m));
        return [
          m,
          { target: target(m), actual: actual[m], attainment: a, behind: isBehind(a, progress) },
        ];
      }),
    ) as Record<
      TargetMetric,
      { target: number | null; actual: number; attainment: number | null; behind: boolean }
    >;

  const total = actualsOf((t) => t.total);
  // The target as it accrues (时间进度): what the decomposition gives the days from the period's
  // start to each bucket's end, so the chart shows at a glance whether sales run ahead or behind.
  const accrues = targets.sales.scope !== null;
  const scopeKey = scopeKeyOf(ctx);
  let cumulative = 0;
  const trend = ctx.buckets.map((b) => {
    const a = actualsOf((t, m) => t.byBucket.get(b.key) ?? zeroOf(m));
    cumulative += a.sales;
    const newProspects = prospectsOf((t) => t.byBucket.get(b.key) ?? zeroOf(['newProspects']));
    const cumulativeTarget = accrues
      ? (targetFor(db, 'sales', scopeKey, { from: ctx.period.from, to: b.to }, overrides) ?? 0)
      : null;
    return { ...b, ...a, newProspects, cumulativeSales: cumulative, cumulativeTarget };
  });

  if (scoped.scope.type === 'rep') {
    const deals = wonDealRows(ctx);
    return envelope('attainment', ctx, ctx.refDay, {
      keyFigures: {
        ...figures(total, (m) => targets[m].scope),
        newProspects: prospectsOf((t) => t.total),
        timeProgress: progress,
      },
      trend,
      rowKind: 'deal',
      rows: deals.rows,
      rowsTotal: deals.total,
    });
  }
  const rows = refs.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...figures(
      actualsOf((t, m) => rowOf(t, r.key, m)),
      (m) => targets[m].rows.get(r.key) ?? null,
    ),
    newProspects: prospectsOf((t) => rowOf(t, r.key, ['newProspects'])),
  }));
  return envelope('attainment', ctx, ctx.refDay, {
    keyFigures: {
      ...figures(total, (m) => targets[m].scope),
      newProspects: prospectsOf((t) => t.total),
      timeProgress: progress,
    },
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}

/** A rep's deals won in the period, latest first: what the sales actual adds up. */
export function wonDealRows(ctx: ReportContext) {
  const { rows, total } = listed<DealBase & { closedOn: string | null }>(ctx.db, {
    select: sql`${dealColumns}, deals.closed_on AS closedOn`,
    from: sql`deals LEFT JOIN customers c ON c.id = deals.customer_id
      WHERE deals.owner_id = ${ownerId(ctx)} AND deals.status = 'won' AND deals.deleted_at IS NULL
        AND deals.closed_on >= ${ctx.period.from} AND deals.closed_on <= ${ctx.period.to}`,
    order: sql`deals.closed_on DESC, deals.id`,
  });
  return { rows: rows.map(dealRow), total };
}
