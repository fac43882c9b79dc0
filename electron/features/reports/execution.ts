import { sql, type SQL } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { addDaysTo, isoWeek, isoWeekday } from '../../../shared/domain/time';
import {
  effectiveVisitRate,
  planCompletionRate,
  type VisitPurpose,
  type VisitStatus,
} from '../../../shared/domain/visits';
import { envelope, ownerIn, type ReportContext } from './context';
import { creditedTally, rowOf, rowsOf, zeroOf, type Measures, type Tally } from './fold';
import { listed, ownerId, visitDrill } from './records';
import {
  activityCategoriesSql,
  categoryMeasures,
  createdDealsSql,
  visitCountsSql,
  visitMeasures,
} from './sources';
import { dayAfter } from './period';

const weeklyMeasures = ['weeklyReportsSubmitted', 'weeklyReportsExpected'] as const;

/** The ISO weeks whose Monday lies in the period: the weekly reports (周报) it expects. */
function weeksOf(ctx: ReportContext): { week: string; monday: string; sunday: string }[] {
  const out = [];
  const first = addDaysTo(ctx.period.from, (8 - isoWeekday(ctx.period.from)) % 7);
  for (let d = first; d <= ctx.period.to; d = addDaysTo(d, 7))
    out.push({ week: isoWeek(d), monday: d, sunday: addDaysTo(d, 6) });
  return out;
}

/**
 * Weekly reports: submitted = reports (submitted or reviewed) of reps for the weeks whose
 * Monday is in the period; expected = for each such week, the active reps who existed by its
 * Sunday. Both are credited to the rep's team on the Monday.
 */
function weeklySql(ctx: ReportContext): SQL | null {
  const weeks = weeksOf(ctx);
  if (weeks.length === 0) return null;
  const values = sql.join(
    weeks.map((w) => sql`(${w.week}, ${w.monday}, ${w.sunday})`),
    sql`, `,
  );
  const wk = sql`(SELECT column1 AS week, column2 AS monday, column3 AS sunday FROM (VALUES ${values}))`;
  return sql`SELECT owner, day, NULL AS bucket, sum(submitted) AS weeklyReportsSubmitted,
      sum(expected) AS weeklyReportsExpected FROM (
      SELECT w.user_id AS owner, wk.monday AS day, 1 AS submitted, 0 AS expected
        FROM weekly_reports w JOIN ${wk} wk ON wk.week = w.week
        JOIN users u ON u.id = w.user_id AND u.role = 'rep'
        WHERE w.deleted_at IS NULL AND w.status IN ('submitted', 'reviewed')
          AND ${ownerIn(ctx, sql`w.user_id`)}
      UNION ALL
      SELECT u.id, wk.monday, 0, 1
        FROM users u CROSS JOIN ${wk} wk
        WHERE u.role = 'rep' AND u.active = 1 AND u.deleted_at IS NULL
          AND substr(u.created_at, 1, 10) <= wk.sunday
          AND ${ownerIn(ctx, sql`u.id`)}
    ) GROUP BY owner, day`;
}

/** Scorings recorded in the period on the rep's deals ("scores updated"), by the UTC day scored. */
function scoringsSql(ctx: ReportContext): SQL {
  return sql`SELECT d.owner_id AS owner, substr(s.scored_at, 1, 10) AS day, NULL AS bucket,
      count(*) AS scoresUpdated
    FROM deal_scores s JOIN deals d ON d.id = s.deal_id AND d.deleted_at IS NULL
    WHERE s.deleted_at IS NULL
      AND s.scored_at >= ${ctx.period.from} AND s.scored_at < ${dayAfter(ctx.period.to)}
      AND ${ownerIn(ctx, sql`d.owner_id`)}
    GROUP BY d.owner_id, substr(s.scored_at, 1, 10)`;
}

/**
 * 3. Work execution 销售工作执行 (domain.md §7.3): visits planned / done / effective with plan
 * completion rate = done planned visits / planned visits and effective visit rate 有效拜访率 =
 * effective / done (null when the denominator is 0); activities by category; new
 * opportunities (deals created); scores updated (scorings of the rep's deals); weekly
 * reports submitted against expected.
 */
export function executionReport(ctx: ReportContext): ReportOf<'execution'> {
  const { db, scoped } = ctx;
  const visits = creditedTally(db, scoped, visitMeasures, visitCountsSql(ctx), ctx.period);
  const activities = creditedTally(
    db,
    scoped,
    categoryMeasures,
    activityCategoriesSql(ctx, false),
    ctx.period,
  );
  const created = creditedTally(db, scoped, ['created'], createdDealsSql(ctx), ctx.period);
  const scorings = creditedTally(db, scoped, ['scoresUpdated'], scoringsSql(ctx), ctx.period);
  const weekly = weeklySql(ctx);
  const reports = weekly
    ? creditedTally(db, scoped, weeklyMeasures, weekly, ctx.period)
    : { total: zeroOf(weeklyMeasures), byBucket: new Map(), byRow: new Map() };

  const figures = (pick: <K extends string>(t: Tally<K>, m: readonly K[]) => Measures<K>) => {
    const v = pick(visits, visitMeasures);
    return {
      ...v,
      planCompletionRate: planCompletionRate(v),
      effectiveVisitRate: effectiveVisitRate(v),
      activities: pick(activities, categoryMeasures),
      newOpportunities: pick(created, ['created']).created,
      scoresUpdated: pick(scorings, ['scoresUpdated']).scoresUpdated,
      ...pick(reports as Tally<(typeof weeklyMeasures)[number]>, weeklyMeasures),
    };
  };
  const keyFigures = figures((t) => t.total);
  const trend = ctx.buckets.map((b) => {
    const v = visits.byBucket.get(b.key) ?? zeroOf(visitMeasures);
    return { ...b, planned: v.planned, done: v.done, effective: v.effective };
  });

  if (scoped.scope.type === 'rep') {
    const list = listed<{
      id: string;
      day: string;
      customerId: string;
      customerName: string;
      purpose: VisitPurpose;
      status: VisitStatus;
      planned: number;
      effective: number | null;
    }>(db, {
      select: sql`v.id AS id, v.day AS day, v.customer_id AS customerId, c.name AS customerName,
        v.purpose AS purpose, v.status AS status, v.planned AS planned, v.effective AS effective`,
      from: sql`visits v JOIN customers c ON c.id = v.customer_id AND c.deleted_at IS NULL
        WHERE v.owner_id = ${ownerId(ctx)} AND v.deleted_at IS NULL
          AND v.day >= ${ctx.period.from} AND v.day <= ${ctx.period.to}`,
      order: sql`v.day DESC, v.start_at DESC, v.id`,
    });
    return envelope('execution', ctx, ctx.refDay, {
      keyFigures,
      trend,
      rowKind: 'visit',
      rows: list.rows.map((v) => ({
        kind: 'visit' as const,
        ...v,
        planned: v.planned === 1,
        effective: v.effective === null ? null : v.effective === 1,
        drill: visitDrill(v.id),
      })),
      rowsTotal: list.total,
    });
  }
  const refs = rowsOf(scoped, visits, activities, created, scorings, reports);
  const rows = refs.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...figures((t, m) => rowOf(t, r.key, m)),
  }));
  return envelope('execution', ctx, ctx.refDay, {
    keyFigures,
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}
