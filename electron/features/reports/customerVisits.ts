import { inArray, sql, type SQL } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { grades, type Grade } from '../../../shared/domain/grading';
import { daysBetween } from '../../../shared/domain/periods';
import { addDaysTo } from '../../../shared/domain/time';
import { gradeOrder, overdueDaysSql } from '../customers/customers.repo';
import { frequencyRules } from '../settings/settings.repo';
import { bucketSql, envelope, ownerIn, type ReportContext } from './context';
import { countIf, creditedTally, ratio, rowOf, rowsOf } from './fold';
import { customerDrill, listed, ownerId } from './records';
import { ownersOnRefDay } from './scope';
import { liveCustomer, overdueSql } from './sources';

const measures = [
  'customers',
  'visitedCustomers',
  'visits',
  'overdueCustomers',
  'keyCustomers',
  'keyCovered',
] as const;
const UNGRADED = 'ungraded';

/**
 * The customer (the `customers` row of the outer query) had a done visit on a day in
 * [from, to]: one pass over those days' visits (the covering report index), then a lookup.
 */
function visitedBetween(from: string, to: string): SQL {
  return sql`customers.id IN (SELECT v.customer_id FROM visits v
    WHERE v.day >= ${from} AND v.day <= ${to} AND +v.status = 'done' AND v.deleted_at IS NULL)`;
}

/**
 * 4. Customer visit statistics 客户被拜访统计 (domain.md §7.4), over the live customers in scope
 * (by their owner, credited to the owner's team on the as-of day), per grade and per row:
 * - visits = done visits (by anyone) with a day in the period; visitedCustomers = customers
 *   with at least one;
 * - overdueCustomers = customers past their grade's frequency rule today (超期未拜访: days since
 *   the last contact > the rule, as the customer list counts it);
 * - coverage = keyCovered / keyCustomers, where a key customer is covered when its latest done
 *   visit on or before the as-of day is at most the key rule's days before it.
 */
export function customerVisitsReport(ctx: ReportContext): ReportOf<'customerVisits'> {
  const { db, scoped, refDay } = ctx;
  const rules = frequencyRules(db);
  const overdue = overdueDaysSql({ rules, today: ctx.today });
  const keyRule = rules.key;
  const covered = keyRule === null ? sql`0` : visitedBetween(addDaysTo(refDay, -keyRule), refDay);
  const { from, to } = ctx.period;
  const inScope = sql`customers.deleted_at IS NULL AND ${ownerIn(ctx, sql`customers.owner_id`)}`;
  // Done visits in the period per customer. A team's or rep's customers are checked against
  // the period's visits (`+v.customer_id`: through the day index, not every visit they ever had).
  const restrict =
    scoped.scope.type === 'company'
      ? sql``
      : sql`AND +v.customer_id IN (SELECT id FROM customers WHERE ${inScope})`;
  const perCustomer = sql`(SELECT v.customer_id AS customer_id, count(*) AS n FROM visits v
    WHERE v.deleted_at IS NULL AND +v.status = 'done' AND v.day >= ${from} AND v.day <= ${to} ${restrict}
    GROUP BY v.customer_id)`;

  // The whole company reads the table in order and sorts 20,000 small rows: cheaper than
  // visiting it in owner order through the index.
  const wholeTable = scoped.scope.type === 'company' ? sql`NOT INDEXED` : sql``;
  const tally = creditedTally(
    db,
    scoped,
    measures,
    sql`SELECT customers.owner_id AS owner, ${refDay} AS day,
        coalesce(customers.grade, ${UNGRADED}) AS bucket,
        count(*) AS customers,
        ${countIf(sql`pv.n > 0`)} AS visitedCustomers,
        coalesce(sum(pv.n), 0) AS visits,
        ${countIf(overdueSql(rules, ctx.today))} AS overdueCustomers,
        ${countIf(sql`customers.grade = 'key'`)} AS keyCustomers,
        ${countIf(sql`customers.grade = 'key' AND ${covered}`)} AS keyCovered
      FROM customers ${wholeTable} LEFT JOIN ${perCustomer} pv ON pv.customer_id = customers.id
      WHERE ${inScope}
      GROUP BY customers.owner_id, customers.grade`,
    { from: refDay, to: refDay },
  );
  // The chart: done visits to the scope's customers (their owners on the as-of day) per bucket.
  const owners = ownersOnRefDay(scoped);
  const ofScope =
    owners === null
      ? liveCustomer(sql`v.customer_id`)
      : sql`+v.customer_id IN (SELECT id FROM customers WHERE deleted_at IS NULL AND ${inArray(sql`owner_id`, owners.length > 0 ? owners : [''])})`;
  const perBucket = new Map(
    db
      .all<{ bucket: string; visits: number }>(
        sql`SELECT ${bucketSql(ctx, sql`v.day`)} AS bucket, count(*) AS visits FROM visits v
          WHERE v.deleted_at IS NULL AND +v.status = 'done' AND v.day >= ${from} AND v.day <= ${to}
            AND ${ofScope}
          GROUP BY 1`,
      )
      .map((r) => [r.bucket, r.visits]),
  );

  const withCoverage = <T extends { keyCovered: number; keyCustomers: number }>(m: T) => ({
    ...m,
    coverage: keyRule === null ? null : ratio(m.keyCovered, m.keyCustomers),
  });
  const gradeRows = [...grades, null].map((grade) => {
    const m = tally.byBucket.get(grade ?? UNGRADED);
    return {
      grade,
      ruleDays: grade ? rules[grade] : null,
      customers: m?.customers ?? 0,
      visitedCustomers: m?.visitedCustomers ?? 0,
      visits: m?.visits ?? 0,
      overdueCustomers: m?.overdueCustomers ?? 0,
    };
  });
  const keyFigures = { ...withCoverage(tally.total), grades: gradeRows };
  const trend = ctx.buckets.map((b) => ({
    ...b,
    visits: perBucket.get(b.key) ?? 0,
  }));

  if (scoped.scope.type === 'rep') {
    const ruleDays = sql`(CASE customers.grade ${sql.join(
      grades.map((g) => sql`WHEN ${g} THEN ${rules[g]}`),
      sql` `,
    )} END)`;
    const list = listed<{
      id: string;
      name: string;
      grade: Grade | null;
      ruleDays: number | null;
      visits: number;
      lastVisitOn: string | null;
      overdueDays: number | null;
      lastContactOn: string | null;
    }>(db, {
      select: sql`customers.id AS id, customers.name AS name, customers.grade AS grade,
        ${ruleDays} AS ruleDays, coalesce(pv.n, 0) AS visits,
        (SELECT v.day FROM visits v WHERE v.customer_id = customers.id
          AND v.start_at < ${addDaysTo(refDay, 2)} AND v.day <= ${refDay}
          AND v.status = 'done' AND v.deleted_at IS NULL
          ORDER BY v.start_at DESC LIMIT 1) AS lastVisitOn,
        ${overdue} AS overdueDays, substr(customers.last_contact_at, 1, 10) AS lastContactOn`,
      from: sql`customers LEFT JOIN ${perCustomer} pv ON pv.customer_id = customers.id
        WHERE customers.deleted_at IS NULL AND customers.owner_id = ${ownerId(ctx)}`,
      order: sql`${gradeOrder}, customers.name_key, customers.id`,
    });
    return envelope('customerVisits', ctx, refDay, {
      keyFigures,
      trend,
      rowKind: 'customer',
      rows: list.rows.map((c) => {
        const since = c.lastVisitOn === null ? null : daysBetween(c.lastVisitOn, refDay);
        return {
          kind: 'customer' as const,
          ...c,
          daysSinceVisit: since,
          visitedWithinRule: since !== null && c.ruleDays !== null && since <= c.ruleDays,
          drill: customerDrill(c.id),
        };
      }),
      rowsTotal: list.total,
    });
  }
  const refs = rowsOf(scoped, tally);
  const rows = refs.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...withCoverage(rowOf(tally, r.key, measures)),
  }));
  return envelope('customerVisits', ctx, refDay, {
    keyFigures,
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}
