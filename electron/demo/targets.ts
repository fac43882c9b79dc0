import type { CalendarOverrides } from '../../shared/domain/periods';
import {
  monthKey,
  quarterKey,
  splitByWeights,
  targetMetrics,
  type PeriodKey,
  type TargetMetric,
  targetUnit,
} from '../../shared/domain/targets';
import { addDaysTo } from '../../shared/domain/time';
import type { BulkInserter } from './bulk';
import { Rng } from './random';
import { demoWeeklyReports } from './weekly';
import { rowMeta, type DemoPart, type DemoWorld } from './world';

type Kind = 'holiday' | 'workday';

/**
 * DEMO DATA — China's public holidays and 调休 make-up workdays as the State Council
 * announced them for 2025 and 2026 (国务院办公厅, November 2024 and November 2025). The app
 * itself ships no holidays: a manager types or imports them. 2027 is left out: its schedule
 * was not published when this list was written.
 */
const holidaySchedule: readonly (readonly [from: string, to: string, kind: Kind, name: string])[] =
  [
    ['2025-01-01', '2025-01-01', 'holiday', '元旦'],
    ['2025-01-26', '2025-01-26', 'workday', '春节调休'],
    ['2025-01-28', '2025-02-04', 'holiday', '春节'],
    ['2025-02-08', '2025-02-08', 'workday', '春节调休'],
    ['2025-04-04', '2025-04-06', 'holiday', '清明节'],
    ['2025-04-27', '2025-04-27', 'workday', '劳动节调休'],
    ['2025-05-01', '2025-05-05', 'holiday', '劳动节'],
    ['2025-05-31', '2025-06-02', 'holiday', '端午节'],
    ['2025-09-28', '2025-09-28', 'workday', '国庆节调休'],
    ['2025-10-01', '2025-10-08', 'holiday', '国庆节、中秋节'],
    ['2025-10-11', '2025-10-11', 'workday', '国庆节调休'],
    ['2026-01-01', '2026-01-03', 'holiday', '元旦'],
    ['2026-01-04', '2026-01-04', 'workday', '元旦调休'],
    ['2026-02-14', '2026-02-14', 'workday', '春节调休'],
    ['2026-02-15', '2026-02-23', 'holiday', '春节'],
    ['2026-02-28', '2026-02-28', 'workday', '春节调休'],
    ['2026-04-04', '2026-04-06', 'holiday', '清明节'],
    ['2026-05-01', '2026-05-05', 'holiday', '劳动节'],
    ['2026-05-09', '2026-05-09', 'workday', '劳动节调休'],
    ['2026-06-19', '2026-06-21', 'holiday', '端午节'],
    ['2026-09-20', '2026-09-20', 'workday', '国庆节调休'],
    ['2026-09-25', '2026-09-27', 'holiday', '中秋节'],
    ['2026-10-01', '2026-10-07', 'holiday', '国庆节'],
    ['2026-10-10', '2026-10-10', 'workday', '国庆节调休'],
  ];

/** Month weights: fewer sales around the Spring Festival, a strong December. */
const seasonality: Record<'money' | 'counts', number[]> = {
  money: [0.8, 0.6, 1, 1, 1, 1.1, 0.9, 0.9, 1, 1, 1.1, 1.4],
  counts: [0.9, 0.6, 1, 1, 1, 1, 1, 1, 1, 0.8, 1, 1],
};
const isMoney = (metric: TargetMetric) => metric === 'sales' || metric === 'collections';

/** A rep's actuals per metric and year, from what the earlier parts wrote. */
type Actuals = Map<string, Record<TargetMetric, number>>;

function yearActuals(out: BulkInserter, year: number): Actuals {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const acc: Actuals = new Map();
  const add = (rows: { o: string | null; v: number | null }[], metric: TargetMetric) => {
    for (const r of rows) {
      if (!r.o) continue;
      let a = acc.get(r.o);
      if (!a)
        acc.set(
          r.o,
          (a = { sales: 0, collections: 0, newCustomers: 0, visits: 0, effectiveVisits: 0 }),
        );
      a[metric] += Number(r.v ?? 0);
    }
  };
  type Row = { o: string | null; v: number | null };
  add(
    out.rows<Row>(
      "SELECT owner_id AS o, sum(amount) AS v FROM deals WHERE status = 'won' AND deleted_at IS NULL AND closed_on BETWEEN ? AND ? GROUP BY owner_id",
      from,
      to,
    ),
    'sales',
  );
  add(
    out.rows<Row>(
      'SELECT d.owner_id AS o, sum(c.amount) AS v FROM collections c JOIN deals d ON d.id = c.deal_id WHERE c.collected_on BETWEEN ? AND ? GROUP BY d.owner_id',
      from,
      to,
    ),
    'collections',
  );
  add(
    out.rows<Row>(
      // Customers developed in the year: their first won deal closed in it (the reports' rule).
      "SELECT owner AS o, count(*) AS v FROM (SELECT min(closed_on) AS day, owner_id AS owner FROM deals WHERE status = 'won' AND deleted_at IS NULL GROUP BY customer_id) WHERE day BETWEEN ? AND ? GROUP BY owner",
      from,
      to,
    ),
    'newCustomers',
  );
  add(
    out.rows<Row>(
      "SELECT owner_id AS o, count(*) AS v FROM visits WHERE status = 'done' AND day BETWEEN ? AND ? GROUP BY owner_id",
      from,
      to,
    ),
    'visits',
  );
  add(
    out.rows<Row>(
      "SELECT owner_id AS o, count(*) AS v FROM visits WHERE status = 'done' AND effective = 1 AND day BETWEEN ? AND ? GROUP BY owner_id",
      from,
      to,
    ),
    'effectiveVisits',
  );
  return acc;
}

/** A target people would type: whole thousands of yuan, tens of visits, whole customers. */
function round(metric: TargetMetric, value: number, coarse = false): number {
  const unit = isMoney(metric)
    ? coarse
      ? 1_000_000
      : 100_000
    : metric === 'newCustomers'
      ? 1
      : 10;
  return Math.max(unit, Math.round(value / unit) * unit);
}

/** Target cells per scope key (`rep:<id>`, `team:<id>`, `company:`), metric and year. */
export type DemoTargets = Map<string, Map<TargetMetric, Map<number, Map<PeriodKey, number>>>>;

function cellsOfYear(
  year: number,
  total: number,
  weights: number[],
  unit: number,
): Map<PeriodKey, number> {
  const months = splitByWeights(total, weights, unit);
  const cells = new Map<PeriodKey, number>([[String(year), total]]);
  for (let q = 0; q < 4; q++)
    cells.set(
      quarterKey(year, q + 1),
      months.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0),
    );
  months.forEach((v, i) => cells.set(monthKey(year, i + 1), v));
  return cells;
}

/**
 * Targets for the previous and the current year, for every rep, team and the company and
 * all five metrics, sized on the demo's own volumes: last year's target within ±10% of what
 * the rep then did, this year's 0–15% above it (so some reps are on track and some behind);
 * a team's target a little above its reps' sum and the company's above its teams', so the
 * grid shows what is unassigned. Year, quarters and months are stored; weeks follow.
 */
function demoTargets(world: DemoWorld, out: BulkInserter, rng: Rng, thisYear: number): DemoTargets {
  const targets: DemoTargets = new Map();
  const reps = world.reps();
  const teams = [...new Set(reps.map((r) => r.teamId))];
  const set = (scope: string, metric: TargetMetric, year: number, total: number) => {
    let byMetric = targets.get(scope);
    if (!byMetric) targets.set(scope, (byMetric = new Map()));
    let byYear = byMetric.get(metric);
    if (!byYear) byMetric.set(metric, (byYear = new Map()));
    byYear.set(
      year,
      cellsOfYear(
        year,
        total,
        seasonality[isMoney(metric) ? 'money' : 'counts'],
        targetUnit(metric),
      ),
    );
  };
  const lastYear = yearActuals(out, thisYear - 1);
  for (const metric of targetMetrics) {
    const known = reps.map((r) => lastYear.get(r.id)?.[metric] ?? 0).filter((v) => v > 0);
    const typical = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0;
    const teamSums = new Map<string, [number, number]>();
    for (const rep of reps) {
      const base = lastYear.get(rep.id)?.[metric] || typical;
      const previous = round(metric, base * (0.9 + 0.2 * rng.float()));
      const current = round(metric, base * (1 + 0.15 * rng.float()));
      set(`rep:${rep.id}`, metric, thisYear - 1, previous);
      set(`rep:${rep.id}`, metric, thisYear, current);
      const sums = teamSums.get(rep.teamId) ?? [0, 0];
      teamSums.set(rep.teamId, [sums[0] + previous, sums[1] + current]);
    }
    let company: [number, number] = [0, 0];
    for (const team of teams) {
      const [previous, current] = teamSums.get(team) ?? [0, 0];
      const up = 1.02 + 0.06 * rng.float();
      const t: [number, number] = [
        round(metric, previous * up, true),
        round(metric, current * up, true),
      ];
      set(`team:${team}`, metric, thisYear - 1, t[0]);
      set(`team:${team}`, metric, thisYear, t[1]);
      company = [company[0] + t[0], company[1] + t[1]];
    }
    set('company:', metric, thisYear - 1, round(metric, company[0] * 1.02, true));
    set('company:', metric, thisYear, round(metric, company[1] * 1.02, true));
  }
  for (const [scope, byMetric] of targets) {
    const [type = 'company', id = ''] = scope.split(':');
    for (const [metric, byYear] of byMetric)
      for (const [year, cells] of byYear) {
        const setOn = new Date(`${year}-01-05T02:00:00Z`);
        const at = setOn < world.today ? setOn : world.today;
        for (const [periodKey, value] of cells)
          out.insert('targets', {
            id: world.idAt(at),
            metric,
            scope_type: type,
            scope_id: id === '' ? null : id,
            year,
            period_key: periodKey,
            value,
            ...rowMeta(at),
          });
      }
  }
  return targets;
}

/** The holiday list above as calendar rows; answers it as the period maths reads it. */
function demoCalendar(world: DemoWorld, out: BulkInserter): CalendarOverrides {
  const overrides = new Map<string, Kind>();
  for (const [from, to, kind, name] of holidaySchedule) {
    // Announced in November of the year before.
    const announced = new Date(`${Number(from.slice(0, 4)) - 1}-11-10T02:00:00Z`);
    const at = announced < world.today ? announced : world.today;
    for (let day = from; day <= to; day = addDaysTo(day, 1)) {
      out.insert('calendar_days', { id: world.idAt(at), day, kind, name, ...rowMeta(at) });
      overrides.set(day, kind);
    }
  }
  return overrides;
}

/**
 * Two reps of the large demo moved team in the middle of this year: each came from another
 * team on the first of the month about five months ago (their history before that day is
 * credited to the old team).
 */
function demoMemberships(world: DemoWorld, out: BulkInserter): void {
  if (world.size !== 'large') return;
  const teams = [...new Set(world.reps().map((r) => r.teamId))];
  const today = world.today.toISOString().slice(0, 10);
  const moved = `${addDaysTo(today, -150).slice(0, 7)}-01`;
  const at = new Date(`${moved}T01:00:00Z`);
  for (const [fromIndex, toIndex] of [
    [0, 1],
    [2, 3],
  ] as const) {
    const from = teams[fromIndex];
    const rep = world.reps().find((r) => r.teamId === teams[toIndex]);
    if (!from || !rep) continue;
    out.insert('team_memberships', {
      id: world.idAt(at),
      user_id: rep.id,
      team_id: from,
      from_day: '2000-01-01',
      to_day: moved,
      ...rowMeta(at),
    });
    out.insert('team_memberships', {
      id: world.idAt(at),
      user_id: rep.id,
      team_id: rep.teamId,
      from_day: moved,
      to_day: null,
      ...rowMeta(at),
    });
  }
}

/**
 * The working-day calendar (demo holidays), targets for last year and this, weekly reports
 * of the past weeks, and two reps who changed team this year. Runs after the visits.
 */
export const targetsPart: DemoPart = {
  name: 'targets',
  tables: ['calendar_days', 'targets', 'team_memberships', 'weekly_reports'],
  run(world, out) {
    // Its own random stream: adding this part changes nothing the earlier parts made.
    const rng = new Rng(world.seed ^ 0x7a46);
    const overrides = demoCalendar(world, out);
    demoMemberships(world, out);
    const thisYear = world.today.getUTCFullYear();
    const targets = demoTargets(world, out, rng, thisYear);
    demoWeeklyReports(world, out, rng, { targets, overrides });
  },
};
