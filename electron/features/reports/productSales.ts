import { sql } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { bucketSql, envelope, ownerIn, type ReportContext } from './context';
import { creditedGroups, creditedTally, ratio, rowOf, rowsOf, zeroOf } from './fold';
import { dealColumns, dealRow, listed, ownerId, type DealBase } from './records';

const wonMeasures = ['wonDeals', 'wonAmount', 'dealsWithLines', 'linesAmount'] as const;
const productMeasures = ['quantity', 'amount', 'deals'] as const;
type ProductAmount = { productId: string; quantity: number; amount: number };

/** Won in the period: status won, close day in the period, live. */
function wonIn(ctx: ReportContext) {
  return sql`deals.status = 'won' AND deals.deleted_at IS NULL
    AND deals.closed_on >= ${ctx.period.from} AND deals.closed_on <= ${ctx.period.to}
    AND ${ownerIn(ctx, sql`deals.owner_id`)}`;
}

/** A deal's live product lines' total (quantity × unit price), NULL without lines. */
const linesTotal = sql`(SELECT sum(l.quantity * l.unit_price) FROM deal_lines l
  WHERE l.deal_id = deals.id AND l.deleted_at IS NULL)`;

/**
 * 10. Product sales 产品销售 (domain.md §7.10): the deals won in the period (close day), and by
 * product the lines of those deals: quantity, amount = Σ quantity × unit price, the deals
 * holding the product, and its share of all lines' amount. Deals without lines are counted
 * in wonAmount only (the won amount may differ from the lines' total when the final amount
 * was changed at signing). Credited to the owner's team on the close day.
 */
export function productSalesReport(ctx: ReportContext): ReportOf<'productSales'> {
  const { db, scoped } = ctx;
  const won = creditedTally(
    db,
    scoped,
    wonMeasures,
    sql`SELECT x.owner AS owner, x.day AS day, x.bucket AS bucket, count(*) AS wonDeals,
        sum(x.amount) AS wonAmount, count(x.lines) AS dealsWithLines,
        coalesce(sum(x.lines), 0) AS linesAmount
      FROM (SELECT deals.owner_id AS owner, deals.closed_on AS day,
          ${bucketSql(ctx, sql`deals.closed_on`)} AS bucket, deals.amount AS amount, ${linesTotal} AS lines
        FROM deals WHERE ${wonIn(ctx)}) x
      GROUP BY x.owner, x.day`,
    ctx.period,
  );
  // By product (in the bucket column), per rep and day.
  const groups = creditedGroups(
    db,
    scoped,
    productMeasures,
    sql`SELECT deals.owner_id AS owner, deals.closed_on AS day, l.product_id AS bucket,
        sum(l.quantity) AS quantity, sum(l.quantity * l.unit_price) AS amount,
        count(DISTINCT l.deal_id) AS deals
      FROM deals JOIN deal_lines l ON l.deal_id = deals.id AND l.deleted_at IS NULL
      WHERE ${wonIn(ctx)}
      GROUP BY deals.owner_id, deals.closed_on, l.product_id`,
    ctx.period,
  );
  const byProduct = new Map<string, Record<(typeof productMeasures)[number], number>>();
  const byRowProduct = new Map<string, Map<string, ProductAmount>>();
  for (const g of groups) {
    const id = g.bucket ?? '';
    const p = byProduct.get(id) ?? zeroOf(productMeasures);
    for (const m of productMeasures) p[m] += g[m];
    byProduct.set(id, p);
    const key = scoped.rowKey(g.team, g.owner);
    if (key === null) continue;
    let products = byRowProduct.get(key);
    if (!products) byRowProduct.set(key, (products = new Map()));
    const r = products.get(id) ?? { productId: id, quantity: 0, amount: 0 };
    r.quantity += g.quantity;
    r.amount += g.amount;
    products.set(id, r);
  }
  const sorted = (list: ProductAmount[]) =>
    list.sort((a, b) => b.amount - a.amount || a.productId.localeCompare(b.productId));

  const catalogue = new Map(
    db
      .all<{ id: string; name: string; unit: string | null }>(
        sql`SELECT id, name, unit FROM products`,
      )
      .map((p) => [p.id, p]),
  );
  const products = sorted(
    [...byProduct].map(([productId, p]) => ({ productId, quantity: p.quantity, amount: p.amount })),
  ).map((p) => ({
    ...p,
    name: catalogue.get(p.productId)?.name ?? '',
    unit: catalogue.get(p.productId)?.unit ?? null,
    deals: byProduct.get(p.productId)?.deals ?? 0,
    share: ratio(p.amount, won.total.linesAmount),
  }));
  const keyFigures = { ...won.total, products };
  const trend = ctx.buckets.map((b) => {
    const t = won.byBucket.get(b.key) ?? zeroOf(wonMeasures);
    return { ...b, linesAmount: t.linesAmount, wonAmount: t.wonAmount };
  });

  if (scoped.scope.type === 'rep') {
    const list = listed<DealBase & { closedOn: string | null; linesAmount: number }>(db, {
      select: sql`${dealColumns}, deals.closed_on AS closedOn, coalesce(${linesTotal}, 0) AS linesAmount`,
      from: sql`deals LEFT JOIN customers c ON c.id = deals.customer_id
        WHERE deals.owner_id = ${ownerId(ctx)} AND ${wonIn(ctx)}`,
      order: sql`deals.closed_on DESC, deals.id`,
    });
    return envelope('productSales', ctx, ctx.refDay, {
      keyFigures,
      trend,
      rowKind: 'deal',
      rows: list.rows.map(dealRow),
      rowsTotal: list.total,
    });
  }
  const rows = rowsOf(scoped, won).map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...rowOf(won, r.key, wonMeasures),
    products: sorted([...(byRowProduct.get(r.key)?.values() ?? [])]),
  }));
  return envelope('productSales', ctx, ctx.refDay, {
    keyFigures,
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}
