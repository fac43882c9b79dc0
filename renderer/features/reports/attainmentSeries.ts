import type { ReportOf } from '../../../shared/contract/reports';

/** The attainment chart's two lines, one point per bucket (fen). */
export type AttainmentSeries = {
  /** Sales won to the bucket's end; null for buckets after the figures' date (no sales yet). */
  actual: (number | null)[];
  /** The sales target accrued to the bucket's end (by working days); null without a target. */
  target: number[] | null;
  /** Where the last known actual stands against the target accrued by then (fen; + = ahead). */
  gap: number | null;
};

/**
 * The attainment chart's data: cumulative sales against the target as it accrues over the
 * period (时间进度), so the gap between the lines says ahead or behind at a glance.
 */
export function attainmentSeries(data: ReportOf<'attainment'>): AttainmentSeries {
  const actual = data.trend.map((b) => (b.from > data.asOf ? null : b.cumulativeSales));
  const hasTarget =
    data.keyFigures.sales.target !== null && data.trend.every((b) => b.cumulativeTarget !== null);
  const target = hasTarget ? data.trend.map((b) => b.cumulativeTarget ?? 0) : null;
  let last = -1;
  actual.forEach((v, i) => {
    if (v !== null) last = i;
  });
  const gap = target && last >= 0 ? (actual[last] ?? 0) - (target[last] ?? 0) : null;
  return { actual, target, gap };
}
