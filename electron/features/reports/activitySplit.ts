import { sql, type SQL } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { activityCategories, type ActivityCategory } from '../../../shared/domain/activities';
import { visitCategory, visitPurposes } from '../../../shared/domain/visits';
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
import { customerDrill, listed, ownerId, visitDrill } from './records';
import {
  activityCategoriesSql,
  activityCategory,
  activityDay,
  categoryMeasures,
  liveCustomer,
} from './sources';

type Counts = Measures<ActivityCategory>;

/**
 * A visit's category (domain.md §5) as SQL over `v` (visits), built
 * from `visitCategory` itself: for each purpose the category it gives with and without a won
 * deal, for a customer and for anyone else, asking only what the purpose depends on. "Has a
 * won deal" means a live deal of the customer won on or before the visit's day.
 */
export function visitCategorySql(): SQL {
  const won = sql`EXISTS (SELECT 1 FROM deals wd WHERE wd.customer_id = v.customer_id
    AND wd.status = 'won' AND wd.deleted_at IS NULL AND wd.closed_on <= v.day)`;
  const isCustomer = sql`(SELECT cs.status FROM customers cs WHERE cs.id = v.customer_id) = 'customer'`;
  const arms = visitPurposes.map((p) => {
    const at = (hasWonDeal: boolean, customer: boolean) =>
      visitCategory(p, { hasWonDeal, status: customer ? 'customer' : 'prospect' });
    const byStatus = (hasWonDeal: boolean): SQL =>
      at(hasWonDeal, true) === at(hasWonDeal, false)
        ? sql`${at(hasWonDeal, true)}`
        : sql`(CASE WHEN ${isCustomer} THEN ${at(hasWonDeal, true)} ELSE ${at(hasWonDeal, false)} END)`;
    const sameWon = at(true, true) === at(false, true) && at(true, false) === at(false, false);
    const value = sameWon
      ? byStatus(false)
      : sql`(CASE WHEN ${won} THEN ${byStatus(true)} ELSE ${byStatus(false)} END)`;
    return sql`WHEN ${p} THEN ${value}`;
  });
  return sql`(CASE v.purpose ${sql.join(arms, sql` `)} END)`;
}

const visitMeasures = ['vDevelopment', 'vNegotiation', 'vMaintenance'] as const;
const visitMeasureOf: Record<ActivityCategory, (typeof visitMeasures)[number]> = {
  development: 'vDevelopment',
  negotiation: 'vNegotiation',
  maintenance: 'vMaintenance',
};

function shares(c: Counts) {
  const total = c.development + c.negotiation + c.maintenance;
  return {
    development: ratio(c.development, total),
    negotiation: ratio(c.negotiation, total),
    maintenance: ratio(c.maintenance, total),
  };
}

/**
 * 9. Activity split 业务动作追踪 (domain.md §7.9, §5): done visits in the period by their
 * category (visitCategory) and activities (calls, messages, notes) by their own category, each
 * credited to its rep's team on its day; per scope and row the counts and each category's
 * share of the visits, of the activities and of both (null when there are none).
 */
export function activitySplitReport(ctx: ReportContext): ReportOf<'activitySplit'> {
  const { db, scoped } = ctx;
  const category = visitCategorySql();
  const visits = creditedTally(
    db,
    scoped,
    visitMeasures,
    sql`SELECT v.owner_id AS owner, v.day AS day, ${bucketSql(ctx, sql`v.day`)} AS bucket,
        ${sql.join(
          activityCategories.map(
            (k) => sql`${countIf(sql`${category} = ${k}`)} AS ${sql.identifier(visitMeasureOf[k])}`,
          ),
          sql`, `,
        )}
      FROM visits v
      WHERE v.deleted_at IS NULL AND +v.status = 'done'
        AND v.day >= ${ctx.period.from} AND v.day <= ${ctx.period.to}
        AND ${liveCustomer(sql`v.customer_id`)} AND ${ownerIn(ctx, sql`v.owner_id`)}
      GROUP BY v.day, v.owner_id`,
    ctx.period,
  );
  const activities = creditedTally(
    db,
    scoped,
    categoryMeasures,
    activityCategoriesSql(ctx, true),
    ctx.period,
  );

  type Pick = <K extends string>(t: Tally<K>, m: readonly K[]) => Measures<K>;
  const figures = (pick: Pick) => {
    const v = pick(visits, visitMeasures);
    const visitCounts: Counts = {
      development: v.vDevelopment,
      negotiation: v.vNegotiation,
      maintenance: v.vMaintenance,
    };
    const activityCounts = pick(activities, categoryMeasures);
    const total = Object.fromEntries(
      activityCategories.map((k) => [k, visitCounts[k] + activityCounts[k]]),
    ) as Counts;
    return {
      visits: visitCounts,
      activities: activityCounts,
      total,
      visitShares: shares(visitCounts),
      activityShares: shares(activityCounts),
      totalShares: shares(total),
    };
  };
  const keyFigures = figures((t) => t.total);
  const trend = ctx.buckets.map((b) => ({
    ...b,
    ...figures((t, m) => t.byBucket.get(b.key) ?? zeroOf(m)).total,
  }));

  if (scoped.scope.type === 'rep') {
    const rep = ownerId(ctx);
    const { from, to } = ctx.period;
    const list = listed<{
      kind: 'visit' | 'activity';
      id: string;
      day: string;
      customerId: string;
      customerName: string;
      category: ActivityCategory;
      what: string;
    }>(db, {
      select: sql`x.*`,
      from: sql`(SELECT 'visit' AS kind, v.id AS id, v.day AS day, v.customer_id AS customerId,
          c.name AS customerName, ${category} AS category, v.purpose AS what
        FROM visits v JOIN customers c ON c.id = v.customer_id AND c.deleted_at IS NULL
        WHERE v.owner_id = ${rep} AND v.deleted_at IS NULL AND v.status = 'done'
          AND v.day >= ${from} AND v.day <= ${to}
        UNION ALL
        SELECT 'activity', a.id, ${activityDay}, a.customer_id, c.name, ${activityCategory}, a.kind
        FROM activities a JOIN customers c ON c.id = a.customer_id AND c.deleted_at IS NULL
        WHERE a.user_id = ${rep} AND a.deleted_at IS NULL AND a.kind <> 'handover'
          AND ${activityDay} >= ${from} AND ${activityDay} <= ${to}) x`,
      order: sql`x.day DESC, x.kind, x.id`,
    });
    return envelope('activitySplit', ctx, ctx.refDay, {
      keyFigures,
      trend,
      rowKind: 'item',
      rows: list.rows.map((r) => ({
        ...r,
        drill: r.kind === 'visit' ? visitDrill(r.id) : customerDrill(r.customerId),
      })),
      rowsTotal: list.total,
    });
  }
  const rows = rowsOf(scoped, visits, activities).map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...figures((t, m) => rowOf(t, r.key, m)),
  }));
  return envelope('activitySplit', ctx, ctx.refDay, {
    keyFigures,
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}
