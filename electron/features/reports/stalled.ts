import { sql, type SQL } from 'drizzle-orm';
import type { ReportOf } from '../../../shared/contract/reports';
import { addDays } from '../../../shared/domain/grading';
import { daysInStageOn, milestones, type Milestone } from '../../../shared/domain/milestones';
import { weightedSql } from '../deals/deals.query';
import { stalledDays } from '../settings/settings.repo';
import { envelope, ownerIn, type ReportContext } from './context';
import { countIf, creditedTally, ratio, rowOf, rowsOf, zeroOf, type Measures } from './fold';
import { dealColumns, dealRow, listed, ownerId, type DealBase } from './records';

const measures = ['openDeals', 'stalledDeals', 'stalledAmount', 'stalledWeighted'] as const;
type OpenMilestone = Exclude<Milestone, 'M6'>;

/**
 * 7. Stalled deals 停滞机会 (domain.md §7.7): open deals whose time in the current milestone is
 * above the milestone's threshold (settings, default 30 days) today — the board's rule: whole
 * days from the day the deal entered the stage to today > threshold, i.e. it entered before
 * today − threshold. A state as of today (the period does not change it); credited to the
 * owner's team today. stalledShare = stalled / open deals.
 */
export function stalledReport(ctx: ReportContext): ReportOf<'stalled'> {
  const { db, scoped, today } = ctx;
  const thresholds = stalledDays(db);
  const cutoffs = (Object.keys(thresholds) as OpenMilestone[]).map(
    (m) => sql`WHEN ${m} THEN ${addDays(today, -thresholds[m])}`,
  );
  const stalled: SQL = sql`deals.stage_entered_at < (CASE deals.milestone ${sql.join(cutoffs, sql` `)} END)`;
  const open = creditedTally(
    db,
    scoped,
    measures,
    sql`SELECT deals.owner_id AS owner, ${today} AS day, deals.milestone AS bucket,
        count(*) AS openDeals, ${countIf(stalled)} AS stalledDeals,
        coalesce(sum(CASE WHEN ${stalled} THEN deals.amount END), 0) AS stalledAmount,
        coalesce(sum(CASE WHEN ${stalled} THEN ${weightedSql} END), 0) AS stalledWeighted
      FROM deals
      WHERE deals.status = 'open' AND deals.deleted_at IS NULL AND ${ownerIn(ctx, sql`deals.owner_id`)}
      GROUP BY deals.owner_id, deals.milestone`,
    { from: today, to: today },
  );
  const figures = (m: Measures<(typeof measures)[number]>) => ({
    ...m,
    stalledShare: ratio(m.stalledDeals, m.openDeals),
  });
  const trend = milestones
    .filter((m): m is OpenMilestone => m !== 'M6')
    .map((m) => {
      const t = open.byBucket.get(m) ?? zeroOf(measures);
      return {
        milestone: m,
        thresholdDays: thresholds[m],
        openDeals: t.openDeals,
        stalledDeals: t.stalledDeals,
        stalledAmount: t.stalledAmount,
      };
    });

  if (scoped.scope.type === 'rep') {
    const list = listed<DealBase & { weighted: number; stageEnteredAt: string }>(db, {
      select: sql`${dealColumns}, ${weightedSql} AS weighted, deals.stage_entered_at AS stageEnteredAt`,
      from: sql`deals LEFT JOIN customers c ON c.id = deals.customer_id
        WHERE deals.owner_id = ${ownerId(ctx)} AND deals.status = 'open' AND deals.deleted_at IS NULL
          AND ${stalled}`,
      order: sql`deals.stage_entered_at, deals.id`,
    });
    const rows = list.rows.map((d) => {
      const thresholdDays = thresholds[d.milestone as OpenMilestone];
      const days = daysInStageOn(d.stageEnteredAt, today);
      return dealRow({ ...d, daysInStage: days, thresholdDays, daysOver: days - thresholdDays });
    });
    rows.sort((a, b) => b.daysOver - a.daysOver || a.id.localeCompare(b.id));
    return envelope('stalled', ctx, today, {
      keyFigures: figures(open.total),
      trend,
      rowKind: 'deal',
      rows,
      rowsTotal: list.total,
    });
  }
  const rows = rowsOf(scoped, open).map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    drill: r.drill,
    ...figures(rowOf(open, r.key, measures)),
  }));
  return envelope('stalled', ctx, today, {
    keyFigures: figures(open.total),
    trend,
    rowKind: 'scope',
    rows,
    rowsTotal: rows.length,
  });
}
