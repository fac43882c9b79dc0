import { sql } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { probabilitySql, weightedSql } from '../deals/deals.query';
import { intensityWeightedSql } from '../scores/scores.sql';
import { envelope, ownerIn, type ReportContext } from './context';
import { creditedTally, rowOf, rowsOf, zeroOf } from './fold';
import { bucketsOf } from './period';
import { dealColumns, dealRow, listed, ownerId, type DealBase } from './records';

const measures = ['deals', 'amount', 'weighted', 'intensityWeighted', 'scoredDeals'] as const;

/**
 * 6. Forecast 销售预测 (domain.md §7.6): the open deals (today) expected to close in the
 * period, by expected close month: amount; milestone-weighted amount = amount × milestone
 * probability; intensity-weighted amount = amount × latest intensity score / 100 (0 for a deal
 * never scored). Credited to the owner's team today.
 */
export function forecastReport(ctx: ReportContext): ReportOf<'forecast'> {
  const { db, scoped } = ctx;
  const { from, to } = ctx.period;
  const open = creditedTally(
    db,
    scoped,
    measures,
    sql`SELECT deals.owner_id AS owner, ${ctx.today} AS day, substr(deals.expected_close_on, 1, 7) AS bucket,
        count(*) AS deals, sum(deals.amount) AS amount, sum(${weightedSql}) AS weighted,
        sum(${intensityWeightedSql}) AS intensityWeighted, count(deals.score_id) AS scoredDeals
      FROM deals
      WHERE deals.status = 'open' AND deals.deleted_at IS NULL
        AND deals.expected_close_on >= ${from} AND deals.expected_close_on <= ${to}
        AND ${ownerIn(ctx, sql`deals.owner_id`)}
      GROUP BY deals.owner_id, substr(deals.expected_close_on, 1, 7)`,
    { from: ctx.today, to: ctx.today },
  );
  const trend = bucketsOf(ctx.period, 'month').map((b) => ({
    ...b,
    ...(open.byBucket.get(b.key) ?? zeroOf(measures)),
  }));

  if (scoped.scope.type === 'rep') {
    const list = listed<
      DealBase & {
        expectedCloseOn: string;
        probability: number;
        weighted: number;
        scoreTotal: number | null;
        intensityWeighted: number;
      }
    >(db, {
      select: sql`${dealColumns}, deals.expected_close_on AS expectedCloseOn,
        ${probabilitySql} AS probability, ${weightedSql} AS weighted,
        deals.score_total AS scoreTotal, ${intensityWeightedSql} AS intensityWeighted`,
      from: sql`deals LEFT JOIN customers c ON c.id = deals.customer_id
        WHERE deals.owner_id = ${ownerId(ctx)} AND deals.status = 'open' AND deals.deleted_at IS NULL
          AND deals.expected_close_on >= ${from} AND deals.expected_close_on <= ${to}`,
      order: sql`deals.expected_close_on, deals.amount DESC, deals.id`,
    });
    return envelope('forecast', ctx, ctx.today, {
      keyFigures: open.total,
      trend,
      rowKind: 'deal',
      rows: list.rows.map(dealRow),
      rowsTotal: list.total,
    });
  }
  const rows = rowsOf(scoped, open).map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...rowOf(open, r.key, measures),
  }));
  return envelope('forecast', ctx, ctx.today, {
    keyFigures: open.total,
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}
