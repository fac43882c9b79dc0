import { sql } from 'drizzle-orm';
import type { DimensionAverages, ScoreSummary } from '../../../shared/contract/scores';
import { dimensions, weakestDimension } from '../../../shared/domain/intensity';
import { dealScores, deals } from '../../db/schema';
import { scoreFlagSql, weightedSql } from '../deals/deals.query';

/**
 * amount × latest intensity total / 100 per deal (rounded like `intensityWeighted`), 0 when
 * never scored, as SQL over the deal's cached score. For the scorecards and the reports.
 */
export const intensityWeightedSql = sql<number>`coalesce(CAST(round(${deals.amount} * ${deals.scoreTotal} / 100.0) AS INTEGER), 0)`;

/** Averages and scorecard figures are shown with one decimal. */
function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

const countOf = (condition: ReturnType<typeof scoreFlagSql>) =>
  sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/**
 * The scorecard figures as sums over open deals joined to their latest scoring
 * (`deals LEFT JOIN deal_scores ON deal_scores.id = deals.score_id`): counts, the points of
 * the scored ones, the calibration flags (the board's own conditions) and the three amounts.
 * Sums rather than averages, so rows add up exactly into a summary.
 */
export function summaryColumns(today: string) {
  return {
    openDeals: sql<number>`count(*)`,
    scoredDeals: sql<number>`count(${dealScores.id})`,
    total: sql<number>`coalesce(sum(${dealScores.totalPoints}), 0)`,
    problem: sql<number>`coalesce(sum(${dealScores.problemPoints}), 0)`,
    power: sql<number>`coalesce(sum(${dealScores.powerPoints}), 0)`,
    vision: sql<number>`coalesce(sum(${dealScores.visionPoints}), 0)`,
    value: sql<number>`coalesce(sum(${dealScores.valuePoints}), 0)`,
    control: sql<number>`coalesce(sum(${dealScores.controlPoints}), 0)`,
    overClaimed: countOf(scoreFlagSql('overClaimed', today)),
    stale: countOf(scoreFlagSql('stale', today)),
    unscored: countOf(scoreFlagSql('unscored', today)),
    amount: sql<number>`coalesce(sum(${deals.amount}), 0)`,
    weighted: sql<number>`coalesce(sum(${weightedSql}), 0)`,
    intensityWeighted: sql<number>`coalesce(sum(${intensityWeightedSql}), 0)`,
  };
}

const summed = [
  'openDeals',
  'scoredDeals',
  'total',
  ...dimensions,
  'overClaimed',
  'stale',
  'unscored',
  'amount',
  'weighted',
  'intensityWeighted',
] as const;

/** One aggregate row: every figure a sum (or a count) over a set of open deals. */
export type SummaryRow = Record<(typeof summed)[number], number>;

/** An empty set of open deals. */
export const emptySummaryRow = Object.fromEntries(summed.map((k) => [k, 0])) as SummaryRow;

/** Two sets of deals together. */
export function addRows(a: SummaryRow, b: SummaryRow): SummaryRow {
  return Object.fromEntries(summed.map((k) => [k, a[k] + b[k]])) as SummaryRow;
}

/**
 * The contract's summary of one aggregate row: averages over the scored deals rounded to one
 * decimal, and the weakest dimension read from the rounded averages, so the coaching hint
 * matches the figures shown.
 */
export function toSummary(row: SummaryRow): ScoreSummary {
  const average = (sum: number) =>
    row.scoredDeals === 0 ? null : oneDecimal(sum / row.scoredDeals);
  const averages = Object.fromEntries(
    dimensions.map((d) => [d, average(row[d])]),
  ) as DimensionAverages;
  return {
    openDeals: row.openDeals,
    scoredDeals: row.scoredDeals,
    avgTotal: average(row.total),
    averages,
    weakest: weakestDimension(averages),
    overClaimed: row.overClaimed,
    stale: row.stale,
    unscored: row.unscored,
    amount: row.amount,
    weighted: row.weighted,
    intensityWeighted: row.intensityWeighted,
  };
}
