import { sql, type SQL } from 'drizzle-orm';
import { defaultActivityCategory } from '../../../shared/domain/activities';
import { addDays, grades, type FrequencyRules } from '../../../shared/domain/grading';
import type { DayRange } from '../../../shared/domain/periods';
import { bucketSql, ownerIn, type ReportContext } from './context';
import { countIf } from './fold';
import { dayAfter } from './period';

/**
 * The event queries several reports share. Each selects `owner`, `day` (the day whose team
 * gets the credit), `bucket` and its measures, grouped by owner and day (see fold.ts).
 * Instants (`created_at`, `at`, `scored_at`) are UTC: their day is the UTC date, bounded as
 * `at >= from AND at < the day after to`, which compares ISO strings without parsing them.
 * Done-only visit queries write `+v.status = 'done'`: the unary plus keeps SQLite off the
 * (status, day) index, whose rows it would have to read, and on the covering report index.
 */

const noBucket = sql`NULL`;

/**
 * The customer is live (not soft-deleted). Written as NOT IN the few deleted customers (a
 * tiny partial index) so a report over tens of thousands of visits never looks up customers.
 */
export function liveCustomer(column: SQL): SQL {
  return sql`${column} NOT IN (SELECT id FROM customers WHERE deleted_at IS NOT NULL)`;
}

/**
 * Sales 销售额 = the amount of deals won, by the day they were won (domain.md §6 "won deals
 * by close date"): status won, `closed_on` in the range; credited to the deal's owner.
 */
export function wonDealsSql(ctx: ReportContext, range: DayRange = ctx.period, bucket = true): SQL {
  return sql`SELECT d.owner_id AS owner, d.closed_on AS day,
      ${bucket ? bucketSql(ctx, sql`d.closed_on`) : noBucket} AS bucket,
      sum(d.amount) AS sales, count(*) AS wonDeals
    FROM deals d
    WHERE d.status = 'won' AND d.deleted_at IS NULL
      AND d.closed_on >= ${range.from} AND d.closed_on <= ${range.to}
      AND ${ownerIn(ctx, sql`d.owner_id`)}
    GROUP BY d.owner_id, d.closed_on`;
}
export const wonMeasures = ['sales', 'wonDeals'] as const;

/** Deals lost in the range, by the day they were lost (`closed_on`). */
export function lostDealsSql(ctx: ReportContext): SQL {
  return sql`SELECT d.owner_id AS owner, d.closed_on AS day, ${bucketSql(ctx, sql`d.closed_on`)} AS bucket,
      count(*) AS lost
    FROM deals d
    WHERE d.status = 'lost' AND d.deleted_at IS NULL
      AND d.closed_on >= ${ctx.period.from} AND d.closed_on <= ${ctx.period.to}
      AND ${ownerIn(ctx, sql`d.owner_id`)}
    GROUP BY d.owner_id, d.closed_on`;
}

/**
 * Collections 货款回收 = money collected in the range (`collected_on`), live collections of
 * live deals, credited to the deal's owner (who the receivable belongs to, not who typed it).
 */
export function collectionsSql(ctx: ReportContext): SQL {
  // An unallocated receipt (no deal yet, decision 0019) is credited to the customer's owner.
  return sql`SELECT coalesce(d.owner_id, cu.owner_id) AS owner, c.collected_on AS day,
      ${bucketSql(ctx, sql`c.collected_on`)} AS bucket, sum(c.amount) AS collections
    FROM collections c
    LEFT JOIN deals d ON d.id = c.deal_id AND d.deleted_at IS NULL
    LEFT JOIN customers cu ON c.deal_id IS NULL AND cu.id = c.customer_id AND cu.deleted_at IS NULL
    WHERE c.deleted_at IS NULL
      AND c.collected_on >= ${ctx.period.from} AND c.collected_on <= ${ctx.period.to}
      AND (d.id IS NOT NULL OR cu.id IS NOT NULL)
      AND ${ownerIn(ctx, sql`coalesce(d.owner_id, cu.owner_id)`)}
    GROUP BY coalesce(d.owner_id, cu.owner_id), c.collected_on`;
}

/**
 * New customers 新开发客户数 (domain.md §6) = customers **developed** in the range: live
 * customers whose first won deal (the earliest close day among their live won deals) falls in
 * the range, credited to that deal's owner on its close day. A customer counts once, in the
 * period of its first order; a prospect entered in the period is not one (see newProspectsSql).
 * SQLite takes the bare `owner_id` from the row holding the min().
 */
export function newCustomersSql(ctx: ReportContext, range: DayRange = ctx.period): SQL {
  return sql`SELECT f.owner AS owner, f.day AS day, ${bucketSql(ctx, sql`f.day`)} AS bucket,
      count(*) AS newCustomers
    FROM (SELECT d.customer_id, min(d.closed_on) AS day, d.owner_id AS owner
      FROM deals d
      WHERE d.status = 'won' AND d.deleted_at IS NULL AND ${liveCustomer(sql`d.customer_id`)}
      GROUP BY d.customer_id) f
    WHERE f.day >= ${range.from} AND f.day <= ${range.to} AND ${ownerIn(ctx, sql`f.owner`)}
    GROUP BY f.owner, f.day`;
}

/**
 * New prospects 新增潜在客户 = live customers entered (created) in the range, whatever became of
 * them, credited to their owner: the book's growth, shown beside new customers.
 */
export function newProspectsSql(ctx: ReportContext): SQL {
  return sql`SELECT c.owner_id AS owner, substr(c.created_at, 1, 10) AS day,
      ${bucketSql(ctx, sql`c.created_at`)} AS bucket, count(*) AS newProspects
    FROM customers c
    WHERE c.deleted_at IS NULL
      AND c.created_at >= ${ctx.period.from} AND c.created_at < ${dayAfter(ctx.period.to)}
      AND ${ownerIn(ctx, sql`c.owner_id`)}
    GROUP BY c.owner_id, substr(c.created_at, 1, 10)`;
}

/**
 * Plan vs actual (计划与实际, domain.md §5, §7.3) over the visits whose day is in the period,
 * of live customers, credited to the visit's rep:
 * - planned = visits that were in the plan (whatever became of them);
 * - plannedDone = planned visits done; done = every done visit (planned or not);
 * - effective = done visits marked effective (有效拜访); unplanned = done without a plan;
 * - cancelled, missed; awaitingSummary = still `planned` on a day before today.
 */
export function visitCountsSql(
  ctx: ReportContext,
  measures: readonly VisitMeasure[] = visitMeasures,
): SQL {
  const done = sql`v.status = 'done'`;
  const conditions: Record<VisitMeasure, SQL> = {
    planned: sql`v.planned = 1`,
    plannedDone: sql`v.planned = 1 AND ${done}`,
    done,
    effective: sql`${done} AND v.effective = 1`,
    unplanned: sql`v.planned = 0 AND ${done}`,
    cancelled: sql`v.status = 'cancelled'`,
    missed: sql`v.status = 'missed'`,
    awaitingSummary: sql`v.status = 'planned' AND v.day < ${ctx.today}`,
  };
  return sql`SELECT v.owner_id AS owner, v.day AS day, ${bucketSql(ctx, sql`v.day`)} AS bucket,
      ${sql.join(
        measures.map((m) => sql`${countIf(conditions[m])} AS ${sql.identifier(m)}`),
        sql`, `,
      )}
    FROM visits v
    WHERE v.deleted_at IS NULL AND v.day >= ${ctx.period.from} AND v.day <= ${ctx.period.to}
      AND ${liveCustomer(sql`v.customer_id`)} AND ${ownerIn(ctx, sql`v.owner_id`)}
    GROUP BY v.day, v.owner_id`;
}
export const visitMeasures = [
  'planned',
  'plannedDone',
  'done',
  'effective',
  'unplanned',
  'cancelled',
  'missed',
  'awaitingSummary',
] as const;
type VisitMeasure = (typeof visitMeasures)[number];

/** New opportunities = live deals created in the range (the UTC day of `created_at`), by owner. */
export function createdDealsSql(ctx: ReportContext): SQL {
  return sql`SELECT d.owner_id AS owner, substr(d.created_at, 1, 10) AS day,
      ${bucketSql(ctx, sql`d.created_at`)} AS bucket, count(*) AS created
    FROM deals d
    WHERE d.deleted_at IS NULL
      AND d.created_at >= ${ctx.period.from} AND d.created_at < ${dayAfter(ctx.period.to)}
      AND ${ownerIn(ctx, sql`d.owner_id`)}
    GROUP BY d.owner_id, substr(d.created_at, 1, 10)`;
}

/**
 * A timeline activity's category for the activity split (domain.md §5): its own, else the
 * default for its customer (work on a customer is maintenance, on anyone else development).
 */
export const activityCategory = sql`coalesce(a.category, (SELECT CASE WHEN ac.status = 'customer'
  THEN ${defaultActivityCategory('customer')} ELSE ${defaultActivityCategory('prospect')} END
  FROM customers ac WHERE ac.id = a.customer_id))`;

/** An activity's day (UTC), as the activities report index holds it. */
export const activityDay = sql`substr(a.at, 1, 10)`;

/**
 * Activities (calls, messages, notes: not handover records) of live customers in the range by
 * category, on the UTC day of `at`, credited to who had the contact (`user_id`).
 */
export function activityCategoriesSql(ctx: ReportContext, bucket: boolean): SQL {
  return sql`SELECT a.user_id AS owner, ${activityDay} AS day,
      ${bucket ? bucketSql(ctx, sql`a.at`) : noBucket} AS bucket,
      ${countIf(sql`${activityCategory} = 'development'`)} AS development,
      ${countIf(sql`${activityCategory} = 'negotiation'`)} AS negotiation,
      ${countIf(sql`${activityCategory} = 'maintenance'`)} AS maintenance
    FROM activities a
    WHERE a.deleted_at IS NULL AND a.kind <> 'handover'
      AND ${activityDay} >= ${ctx.period.from} AND ${activityDay} <= ${ctx.period.to}
      AND ${liveCustomer(sql`a.customer_id`)} AND ${ownerIn(ctx, sql`a.user_id`)}
    GROUP BY ${activityDay}, a.user_id`;
}
export const categoryMeasures = ['development', 'negotiation', 'maintenance'] as const;

/**
 * A customer (the `customers` row of the outer query) overdue for a visit today, as a
 * condition: the customer list's rule (`overdueDaysSql`: days since the last done visit, or
 * since creation, > the grade's frequency rule) written as "that day < today − rule", which
 * compares strings instead of computing days for every customer.
 */
export function overdueSql(rules: FrequencyRules, today: string): SQL {
  const cutoff = sql`(CASE customers.grade ${sql.join(
    grades.map(
      (g) => sql`WHEN ${g} THEN ${rules[g] === null ? null : addDays(today, -(rules[g] ?? 0))}`,
    ),
    sql` `,
  )} END)`;
  return sql`(coalesce(customers.last_visit_on, substr(customers.created_at, 1, 10)) < ${cutoff})`;
}
