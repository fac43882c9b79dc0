import { sql, type SQL } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import type { Grade } from '../../../shared/domain/grading';
import { overdueDaysSql } from '../customers/customers.repo';
import { frequencyRules } from '../settings/settings.repo';
import { envelope, ownerIn, type ReportContext } from './context';
import { creditedTally, rowOf, rowsOf } from './fold';
import { previousOf } from './period';
import { overdueSql } from './sources';
import { customerDrill, listed } from './records';

const measures = [
  'abnormalCustomers',
  'overdueVisit',
  'overdueCollection',
  'overdueBalance',
  'orderDrop',
] as const;

/**
 * 8. Abnormal customers 异常客户 (domain.md §7.8), over the live customers in scope (by owner,
 * credited to the owner's team today):
 * - overdueVisit: key and potential customers overdue for a visit today (days since the last
 *   contact > their grade's frequency rule, as the customer list's overdue filter);
 * - overdueCollection: customers with a receivable of a live won deal past its due day
 *   (due_on < today) with a balance (amount − live collections > 0); overdueBalance sums those
 *   balances;
 * - orderDrop: customers whose orders (won amount by close day) fell by half or more against
 *   the previous period: previous > 0 and this period ≤ previous / 2.
 */
export function abnormalCustomersReport(ctx: ReportContext): ReportOf<'abnormalCustomers'> {
  const { db, scoped, today, period } = ctx;
  const previousPeriod = previousOf(period);
  const rules = frequencyRules(db);
  const overdue = overdueDaysSql({ rules, today });
  // Each reason is a small set of customers, narrowed to the scope's customers up front.
  const ofScope = (column: SQL) =>
    scoped.scope.type === 'company'
      ? sql`1`
      : sql`${column} IN (SELECT id FROM customers WHERE deleted_at IS NULL AND ${ownerIn(ctx, sql`owner_id`)})`;
  // What each receivable has collected: for the company one pass over all collections, for a
  // team or rep a lookup per receivable.
  const collected =
    scoped.scope.type === 'company'
      ? sql`LEFT JOIN (SELECT receivable_id, sum(amount) AS amount FROM collections
          WHERE deleted_at IS NULL GROUP BY receivable_id) cl ON cl.receivable_id = r.id`
      : sql``;
  const collectedAmount =
    scoped.scope.type === 'company'
      ? sql`coalesce(cl.amount, 0)`
      : sql`coalesce((SELECT sum(c2.amount) FROM collections c2
          WHERE c2.receivable_id = r.id AND c2.deleted_at IS NULL), 0)`;
  const ctes = sql`WITH
    balance AS MATERIALIZED (SELECT r.customer_id AS customer_id, r.due_on AS due_on,
        r.amount - ${collectedAmount} AS balance
      FROM receivables r CROSS JOIN deals rd ON rd.id = r.deal_id AND rd.deleted_at IS NULL AND rd.status = 'won'
      ${collected}
      WHERE r.deleted_at IS NULL AND r.due_on < ${today} AND ${ofScope(sql`r.customer_id`)}),
    debt AS MATERIALIZED (SELECT d.customer_id AS customer_id, c.owner_id AS owner, d.balance AS balance,
        d.oldest AS oldest
      FROM (SELECT customer_id, sum(balance) AS balance, min(due_on) AS oldest
        FROM balance WHERE balance > 0 GROUP BY customer_id) d
      CROSS JOIN customers c ON c.id = d.customer_id
      WHERE c.deleted_at IS NULL AND ${ownerIn(ctx, sql`c.owner_id`)}),
    ord AS MATERIALIZED (SELECT o.*, c.owner_id AS owner FROM (SELECT od.customer_id AS customer_id,
        sum(CASE WHEN od.closed_on >= ${period.from} THEN od.amount ELSE 0 END) AS orders,
        sum(CASE WHEN od.closed_on <= ${previousPeriod.to} THEN od.amount ELSE 0 END) AS previousOrders
      FROM deals od
      WHERE od.status = 'won' AND od.deleted_at IS NULL
        AND od.closed_on >= ${previousPeriod.from} AND od.closed_on <= ${period.to}
        AND ${ofScope(sql`od.customer_id`)}
      GROUP BY od.customer_id) o
      CROSS JOIN customers c ON c.id = o.customer_id
      WHERE o.previousOrders > 0 AND o.orders * 2 <= o.previousOrders
        AND c.deleted_at IS NULL AND ${ownerIn(ctx, sql`c.owner_id`)}),
    late AS MATERIALIZED (SELECT customers.id AS customer_id, customers.owner_id AS owner FROM customers
      WHERE customers.deleted_at IS NULL AND ${ownerIn(ctx, sql`customers.owner_id`)}
        AND customers.grade IN ('key', 'potential') AND ${overdueSql(rules, today)}),
    ids AS (SELECT customer_id FROM debt UNION SELECT customer_id FROM ord UNION SELECT customer_id FROM late)`;
  const from = sql`ids CROSS JOIN customers ON customers.id = ids.customer_id
    LEFT JOIN debt ON debt.customer_id = ids.customer_id
    LEFT JOIN ord ON ord.customer_id = ids.customer_id
    LEFT JOIN late ON late.customer_id = ids.customer_id
    WHERE customers.deleted_at IS NULL AND ${ownerIn(ctx, sql`customers.owner_id`)}`;

  // Per customer its flags, each set carrying the customer's owner: no join per customer.
  const tallyOf = () =>
    creditedTally(
      db,
      scoped,
      measures,
      sql`${ctes},
        flags AS (SELECT customer_id, owner, 1 AS late, 0 AS debt, 0 AS balance, 0 AS dropped FROM late
          UNION ALL SELECT customer_id, owner, 0, 1, balance, 0 FROM debt
          UNION ALL SELECT customer_id, owner, 0, 0, 0, 1 FROM ord)
        SELECT per.owner AS owner, ${today} AS day, NULL AS bucket,
          count(*) AS abnormalCustomers, sum(per.late) AS overdueVisit, sum(per.debt) AS overdueCollection,
          sum(per.balance) AS overdueBalance, sum(per.dropped) AS orderDrop
        FROM (SELECT customer_id, owner, max(late) AS late, max(debt) AS debt, sum(balance) AS balance,
            max(dropped) AS dropped
          FROM flags GROUP BY customer_id, owner) per
        GROUP BY per.owner`,
      { from: today, to: today },
    );

  if (scoped.scope.type === 'rep') {
    const list = listed<{
      id: string;
      name: string;
      grade: Grade | null;
      isOverdueVisit: number;
      isOverdueCollection: number;
      isOrderDrop: number;
      overdueDays: number | null;
      lastVisitOn: string | null;
      lastContactOn: string | null;
      overdueBalance: number;
      oldestOverdueDueOn: string | null;
      orders: number;
      previousOrders: number;
    }>(db, {
      with: ctes,
      select: sql`customers.id AS id, customers.name AS name, customers.grade AS grade,
        late.customer_id IS NOT NULL AS isOverdueVisit, debt.customer_id IS NOT NULL AS isOverdueCollection,
        ord.customer_id IS NOT NULL AS isOrderDrop, ${overdue} AS overdueDays,
        customers.last_visit_on AS lastVisitOn, substr(customers.last_contact_at, 1, 10) AS lastContactOn,
        coalesce(debt.balance, 0) AS overdueBalance, debt.oldest AS oldestOverdueDueOn,
        coalesce(ord.orders, 0) AS orders, coalesce(ord.previousOrders, 0) AS previousOrders`,
      from,
      order: sql`coalesce(debt.balance, 0) DESC, customers.name_key, customers.id`,
    });
    // The rep's figures are the sums of the listed customers when all of them are listed.
    const total =
      list.total > list.rows.length
        ? tallyOf().total
        : {
            abnormalCustomers: list.rows.length,
            overdueVisit: list.rows.filter((c) => c.isOverdueVisit).length,
            overdueCollection: list.rows.filter((c) => c.isOverdueCollection).length,
            overdueBalance: list.rows.reduce((sum, c) => sum + c.overdueBalance, 0),
            orderDrop: list.rows.filter((c) => c.isOrderDrop).length,
          };
    return envelope('abnormalCustomers', ctx, today, {
      keyFigures: { ...total, previousPeriod },
      trend: null,
      rowKind: 'customer',
      rows: list.rows.map(({ isOverdueVisit, isOverdueCollection, isOrderDrop, ...c }) => ({
        kind: 'customer' as const,
        ...c,
        reasons: [
          ...(isOverdueVisit ? (['overdueVisit'] as const) : []),
          ...(isOverdueCollection ? (['overdueCollection'] as const) : []),
          ...(isOrderDrop ? (['orderDrop'] as const) : []),
        ],
        drill: customerDrill(c.id),
      })),
      rowsTotal: list.total,
    });
  }
  const tally = tallyOf();
  const keyFigures = { ...tally.total, previousPeriod };
  const rows = rowsOf(scoped, tally).map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...rowOf(tally, r.key, measures),
  }));
  return envelope('abnormalCustomers', ctx, today, {
    keyFigures,
    trend: null,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}
