import { sql } from 'drizzle-orm';
import { everyone } from '../team/visibility';
import type { WeeklyFigures } from '../../../shared/contract/weekly';
import {
  isBehind,
  periodOf,
  timeProgress,
  type CalendarOverrides,
  type DayRange,
} from '../../../shared/domain/periods';
import { attainment, targetMetrics, type TargetMetric } from '../../../shared/domain/targets';
import { addDaysTo, isoWeekRange } from '../../../shared/domain/time';
import type { Db } from '../../db/connection';
import { calendarOverrides } from '../targets/calendar.repo';
import { targetsFor } from '../targets/targets.repo';
import { planVsActual } from '../visits/visits.plan';

export type Actuals = Record<TargetMetric, number>;

/**
 * A rep's actuals for the five target metrics over a day range (domain.md §6), one query:
 * - sales 销售额: amount of the rep's live deals won with `closed_on` in the range;
 * - collections 货款回收: money collected in the range on the rep's live deals, and unallocated
 *   receipts of the rep's customers (decision 0019);
 * - newCustomers 新开发客户数: live customers whose first won deal closed in the range, that
 *   deal owned by the rep (as the reports count them: a developed customer, not a prospect);
 * - visits 拜访数: the rep's visits done (planned or not) on a day in the range, of live
 *   customers; effectiveVisits 有效拜访数: those marked effective.
 */
export function repActuals(db: Db, userId: string, range: DayRange): Actuals {
  const { from, to } = range;
  const row = db.get<Actuals>(sql`SELECT
    (SELECT coalesce(sum(d.amount), 0) FROM deals d
      WHERE d.owner_id = ${userId} AND d.status = 'won' AND d.deleted_at IS NULL
        AND d.closed_on >= ${from} AND d.closed_on <= ${to}) AS sales,
    (SELECT coalesce(sum(c.amount), 0) FROM collections c
      LEFT JOIN deals d ON d.id = c.deal_id AND d.deleted_at IS NULL
      LEFT JOIN customers cu ON c.deal_id IS NULL AND cu.id = c.customer_id AND cu.deleted_at IS NULL
      WHERE coalesce(d.owner_id, cu.owner_id) = ${userId} AND c.deleted_at IS NULL
        AND c.collected_on >= ${from} AND c.collected_on <= ${to}) AS collections,
    (SELECT count(*) FROM (SELECT min(d.closed_on) AS day, d.owner_id AS owner FROM deals d
        JOIN customers cu ON cu.id = d.customer_id AND cu.deleted_at IS NULL
        WHERE d.status = 'won' AND d.deleted_at IS NULL
          AND d.customer_id IN (SELECT customer_id FROM deals
            WHERE owner_id = ${userId} AND status = 'won' AND deleted_at IS NULL
              AND closed_on >= ${from} AND closed_on <= ${to})
        GROUP BY d.customer_id) f
      WHERE f.owner = ${userId} AND f.day >= ${from} AND f.day <= ${to}) AS newCustomers,
    (SELECT count(*) FROM visits v JOIN customers cu ON cu.id = v.customer_id AND cu.deleted_at IS NULL
      WHERE v.owner_id = ${userId} AND v.deleted_at IS NULL AND v.status = 'done'
        AND v.day >= ${from} AND v.day <= ${to}) AS visits,
    (SELECT count(*) FROM visits v JOIN customers cu ON cu.id = v.customer_id AND cu.deleted_at IS NULL
      WHERE v.owner_id = ${userId} AND v.deleted_at IS NULL AND v.status = 'done' AND v.effective = 1
        AND v.day >= ${from} AND v.day <= ${to}) AS effectiveVisits`);
  return {
    sales: Number(row?.sales ?? 0),
    collections: Number(row?.collections ?? 0),
    newCustomers: Number(row?.newCustomers ?? 0),
    visits: Number(row?.visits ?? 0),
    effectiveVisits: Number(row?.effectiveVisits ?? 0),
  };
}

/**
 * Deals of the rep that moved in the week: advanced = distinct deals with a forward move to an
 * open milestone (M1 → M3 counts once), won and lost = deals now won or lost with a close
 * date in the week.
 */
function dealMoves(db: Db, userId: string, range: DayRange): WeeklyFigures['deals'] {
  const end = addDaysTo(range.to, 1);
  const row = db.get<WeeklyFigures['deals']>(sql`SELECT
    (SELECT count(DISTINCT sh.deal_id) FROM stage_history sh JOIN deals d ON d.id = sh.deal_id
      WHERE d.owner_id = ${userId} AND d.deleted_at IS NULL AND sh.deleted_at IS NULL
        AND sh.from_milestone IS NOT NULL AND sh.to_status = 'open'
        AND sh.to_milestone > sh.from_milestone
        AND sh.at >= ${range.from} AND sh.at < ${end}) AS advanced,
    (SELECT count(*) FROM deals d WHERE d.owner_id = ${userId} AND d.deleted_at IS NULL
      AND d.status = 'won' AND d.closed_on >= ${range.from} AND d.closed_on <= ${range.to}) AS won,
    (SELECT count(*) FROM deals d WHERE d.owner_id = ${userId} AND d.deleted_at IS NULL
      AND d.status = 'lost' AND d.closed_on >= ${range.from} AND d.closed_on <= ${range.to}) AS lost`);
  return {
    advanced: Number(row?.advanced ?? 0),
    won: Number(row?.won ?? 0),
    lost: Number(row?.lost ?? 0),
  };
}

function figure(
  target: number | null,
  actual: number,
  range: DayRange,
  asOf: string,
  overrides: CalendarOverrides,
) {
  const progress = timeProgress(range, asOf, overrides);
  const rate = attainment(actual, target);
  return {
    target,
    actual,
    attainment: rate,
    timeProgress: progress,
    behind: isBehind(rate, progress),
  };
}

/**
 * The weekly report's auto-filled figures (domain.md §8) for a rep and ISO week, as of
 * `today` (the earlier of today and the week's Sunday): the week's sales, new customers,
 * collections, plan vs actual visits, deal moves, and per target metric the week's and the
 * month-to-date attainment against time progress (the month of the as-of day; the whole
 * month's target against the actual from the 1st to the as-of day).
 */
export function weeklyFigures(
  db: Db,
  userId: string,
  week: string,
  today: string,
  overrides: CalendarOverrides = calendarOverrides(db),
): WeeklyFigures {
  const range = isoWeekRange(week);
  if (!range) throw new Error(`not an ISO week: ${week}`);
  const asOf = today < range.to ? today : range.to;
  const monthDay = asOf < range.from ? range.from : asOf;
  const month = periodOf('month', monthDay);
  const weekActuals = repActuals(db, userId, range);
  const mtdActuals =
    asOf < month.from
      ? { sales: 0, collections: 0, newCustomers: 0, visits: 0, effectiveVisits: 0 }
      : repActuals(db, userId, { from: month.from, to: asOf });
  const rep = [{ type: 'rep' as const, id: userId }];
  const metricFigures = Object.fromEntries(
    targetMetrics.map((metric) => {
      const weekTarget = targetsFor(db, metric, rep, range, overrides).get(userId) ?? null;
      const monthTarget = targetsFor(db, metric, rep, month, overrides).get(userId) ?? null;
      return [
        metric,
        {
          week: figure(weekTarget, weekActuals[metric], range, asOf, overrides),
          monthToDate: {
            month: month.from.slice(0, 7),
            ...figure(monthTarget, mtdActuals[metric], month, asOf, overrides),
          },
        },
      ];
    }),
  ) as WeeklyFigures['attainment'];
  const plan = planVsActual(
    db,
    {
      scope: 'all',
      ownerIds: [userId],
      from: range.from,
      to: range.to,
      now: `${asOf}T23:59:59.999Z`,
    },
    // The handlers check that the asker sees this person's report before its figures are made.
    { id: null, teamId: null, visible: everyone },
  ).total;
  return {
    week,
    from: range.from,
    to: range.to,
    asOf,
    sales: weekActuals.sales,
    newCustomers: weekActuals.newCustomers,
    collections: weekActuals.collections,
    visits: {
      planned: plan.planned,
      plannedDone: plan.plannedDone,
      done: plan.done,
      effective: plan.effective,
      completionRate: plan.completionRate,
      effectiveRate: plan.effectiveRate,
    },
    deals: dealMoves(db, userId, range),
    attainment: metricFigures,
  };
}
