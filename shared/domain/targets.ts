/**
 * Targets 销售目标 (domain.md §6): a yearly target per metric for the company, a team or a
 * rep, decomposed into quarters → months → ISO weeks (→ days by working days), by an equal
 * split or by month weights. Every split is in whole units (fen or counts) and adds up
 * exactly to its parent (largest remainder).
 */
import { isWorkingDay, lastDayOfMonth, type CalendarOverrides, type DayRange } from './periods';
import { addDaysTo, isoWeek, isoWeekRange } from './time';

export const targetMetrics = [
  'sales',
  'collections',
  'newCustomers',
  'visits',
  'effectiveVisits',
] as const;
export type TargetMetric = (typeof targetMetrics)[number];
/** Money metrics are in fen; the others are counts. */
export const moneyMetrics: readonly TargetMetric[] = ['sales', 'collections'];

/**
 * The smallest part a split of a metric's target makes: whole yuan (100 fen) for money, so a
 * decomposed sales target reads ¥627,458, never ¥627,457.53; 1 for counts.
 */
export function targetUnit(metric: TargetMetric): number {
  return moneyMetrics.includes(metric) ? 100 : 1;
}

export const targetScopes = ['company', 'team', 'rep'] as const;
export type TargetScope = (typeof targetScopes)[number];

/** Period keys: `2026`, `2026-Q1`, `2026-03`, `2026-W12`. */
export type PeriodKey = string;
export const quarterKey = (year: number, q: number) => `${year}-Q${q}`;
export const monthKey = (year: number, m: number) => `${year}-${String(m).padStart(2, '0')}`;

export const periodLevels = ['year', 'quarter', 'month', 'week'] as const;
export type PeriodLevel = (typeof periodLevels)[number];

/**
 * Splits a whole amount by weights into whole parts that add up exactly (largest remainder;
 * earlier parts win ties). All-zero weights split equally. With a `unit` (100: whole yuan)
 * every part is a multiple of it, and what is left below one unit goes to the first part.
 */
export function splitByWeights(total: number, weights: readonly number[], unit = 1): number[] {
  if (weights.length === 0) return [];
  if (unit > 1) {
    const units = Math.floor(total / unit);
    const parts = splitByWeights(units, weights).map((p) => p * unit);
    parts[0] = (parts[0] ?? 0) + (total - units * unit);
    return parts;
  }
  const w = weights.every((x) => x <= 0)
    ? weights.map(() => 1)
    : weights.map((x) => Math.max(0, x));
  const sum = w.reduce((a, b) => a + b, 0);
  const exact = w.map((x) => (total * x) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left--;
  }
  // Floating point can round a huge share up to the next whole unit: take the excess back
  // from the parts with the smallest remainders, so the parts still add up to the total.
  for (let k = order.length - 1; left < 0 && k >= 0; k--) {
    const i = order[k]?.i ?? 0;
    if ((parts[i] ?? 0) > 0) {
      parts[i] = (parts[i] ?? 0) - 1;
      left++;
    }
  }
  return parts;
}

/** The period a key names, clipped to `year` (an ISO week across New Year keeps its days in `year` only); null when the key is malformed or outside the year. */
export function periodRange(year: number, key: PeriodKey): DayRange | null {
  const yearRange = { from: `${year}-01-01`, to: `${year}-12-31` };
  if (key === String(year)) return yearRange;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter) {
    if (Number(quarter[1]) !== year) return null;
    const q = Number(quarter[2]);
    return { from: `${monthKey(year, q * 3 - 2)}-01`, to: lastDayOfMonth(year, q * 3) };
  }
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key);
  if (month) {
    if (Number(month[1]) !== year) return null;
    const m = Number(month[2]);
    return { from: `${monthKey(year, m)}-01`, to: lastDayOfMonth(year, m) };
  }
  const week = isoWeekRange(key);
  if (!week) return null;
  const from = week.from < yearRange.from ? yearRange.from : week.from;
  const to = week.to > yearRange.to ? yearRange.to : week.to;
  return from <= to ? { from, to } : null;
}

/** Which level a (well-formed) period key is. */
export function periodLevel(key: PeriodKey): PeriodLevel {
  if (/^\d{4}$/.test(key)) return 'year';
  if (key.includes('-Q')) return 'quarter';
  if (key.includes('-W')) return 'week';
  return 'month';
}

/** The ISO weeks that hold days of `year`, in order, each clipped to the year. */
export function weeksOfYear(year: number): { key: PeriodKey; from: string; to: string }[] {
  return yearCalendar(year, noOverrides).weeks.map((w) => ({ ...w }));
}

const DAY_MS = 86_400_000;
const noOverrides: CalendarOverrides = new Map();

/** A month's working days, and the runs of them that fall in each ISO week. */
type MonthDays = {
  workingDays: number;
  lastDay: string;
  /** Indexes into the month's working days, [from, to), per ISO week, in order. */
  weeks: { key: PeriodKey; from: number; to: number }[];
};
type YearCalendar = { weeks: { key: PeriodKey; from: string; to: string }[]; months: MonthDays[] };

// Decomposing a year for fifty reps reads the same calendar fifty times: build it once per
// calendar (the overrides map a caller loaded) and year.
const yearCalendars = new WeakMap<CalendarOverrides, Map<number, YearCalendar>>();

function yearCalendar(year: number, overrides: CalendarOverrides): YearCalendar {
  let byYear = yearCalendars.get(overrides);
  if (!byYear) yearCalendars.set(overrides, (byYear = new Map()));
  const cached = byYear.get(year);
  if (cached) return cached;
  const months: MonthDays[] = Array.from({ length: 12 }, () => ({
    workingDays: 0,
    lastDay: '',
    weeks: [],
  }));
  const weeks: YearCalendar['weeks'] = [];
  let week = '';
  for (let ms = Date.UTC(year, 0, 1); ; ms += DAY_MS) {
    const date = new Date(ms);
    if (date.getUTCFullYear() !== year) break;
    const day = date.toISOString().slice(0, 10);
    const weekday = date.getUTCDay();
    if (week === '' || weekday === 1) {
      week = isoWeek(day);
      weeks.push({ key: week, from: day, to: day });
    } else {
      const current = weeks[weeks.length - 1];
      if (current) current.to = day;
    }
    const month = months[date.getUTCMonth()];
    if (!month) continue;
    month.lastDay = day;
    const override = overrides.get(day);
    const working = override ? override === 'workday' : weekday >= 1 && weekday <= 5;
    if (!working) continue;
    const index = month.workingDays++;
    const run = month.weeks[month.weeks.length - 1];
    if (run && run.key === week) run.to = index + 1;
    else month.weeks.push({ key: week, from: index, to: index + 1 });
  }
  const calendar = { weeks, months };
  byYear.set(year, calendar);
  return calendar;
}

/** The quarter, month and ISO week a day belongs to (time's parents of a day). */
function keysOfDay(day: string): { year: string; quarter: string; month: string; week: string } {
  const year = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return {
    year: String(year),
    quarter: quarterKey(year, Math.ceil(m / 3)),
    month: day.slice(0, 7),
    week: isoWeek(day),
  };
}

/**
 * A derived target as the reports and the grid read it: money to the whole fen, counts to four
 * decimals (shown to one), which only removes floating-point noise from the exact share.
 */
export function roundTarget(value: number, unit = 1): number {
  return unit > 1 ? Math.round(value) : Math.round(value * 10_000) / 10_000;
}

/**
 * A target spread over the working days of a range: each working day carries its exact share
 * (total ÷ working days, not rounded, so no working day gets 0 while the total is positive, and
 * the shares add up to the total); a range without working days puts it all on its last day.
 * Derived week and day targets are sums of these shares (domain.md §6: a count target of 9 for
 * a 21-working-day month gives a 5-day week 2.14, not 0 because whole units went to the first
 * days).
 */
export function spreadOverWorkingDays(
  range: DayRange,
  total: number,
  overrides: CalendarOverrides,
): [string, number][] {
  const days: string[] = [];
  for (let d = range.from; d <= range.to; d = addDaysTo(d, 1))
    if (isWorkingDay(d, overrides)) days.push(d);
  if (days.length === 0) return [[range.to, total]];
  return days.map((d) => [d, total / days.length]);
}

export type Decomposition = {
  year: number;
  total: number;
  /** Q1–Q4 */
  quarters: number[];
  /** Jan–Dec */
  months: number[];
  /**
   * Every ISO week holding days of the year, in order (a week without working days gets 0):
   * the week's share of the year's target, from the days of the year it holds.
   */
  weeks: Map<PeriodKey, number>;
};

/**
 * A year's target split into months by weights (equal by default), quarters as the sums of
 * their months, and ISO weeks by working days: each month's target spread over its working
 * days, and a week gets the days it holds (a week across a month or year boundary takes its
 * share from each side; days outside the year belong to the neighbouring year's target).
 */
export function decomposeYear(
  year: number,
  total: number,
  overrides: CalendarOverrides,
  monthWeights: readonly number[] = Array.from({ length: 12 }, () => 1),
  unit = 1,
): Decomposition {
  const months = splitByWeights(total, monthWeights, unit);
  const quarters = [0, 1, 2, 3].map((q) =>
    months.slice(q * 3, q * 3 + 3).reduce((a, b) => a + b, 0),
  );
  const weeks = new Map<PeriodKey, number>();
  for (const [key, value] of weeksFromMonths(year, months, overrides, unit))
    weeks.set(key, value ?? 0);
  return { year, total, quarters, months, weeks };
}

/**
 * Week targets spread from month targets (null: no target set for that month): each month's
 * target over its working days, and a week gets the days it holds, from each month it
 * straddles (days outside the year belong to the neighbouring year). A week is null when
 * none of the months its days fall in has a target; a week without working days gets 0.
 */
export function weeksFromMonths(
  year: number,
  months: readonly (number | null)[],
  overrides: CalendarOverrides,
  unit = 1,
): Map<PeriodKey, number | null> {
  const calendar = yearCalendar(year, overrides);
  const weeks = new Map<PeriodKey, number | null>();
  const has = (day: string) => (months[Number(day.slice(5, 7)) - 1] ?? null) !== null;
  for (const w of calendar.weeks) weeks.set(w.key, has(w.from) || has(w.to) ? 0 : null);
  const add = (key: PeriodKey, value: number) => weeks.set(key, (weeks.get(key) ?? 0) + value);
  months.forEach((monthTotal, i) => {
    const days = calendar.months[i];
    if (monthTotal === null || !days) return;
    if (days.workingDays === 0) {
      add(isoWeek(days.lastDay), monthTotal);
      return;
    }
    // The same shares as `daySplit` without listing the days: each working day of the month
    // carries monthTotal / workingDays, and a week the days it holds.
    for (const run of days.weeks)
      add(run.key, (monthTotal * (run.to - run.from)) / days.workingDays);
  });
  return roundRunning(weeks, unit);
}

/**
 * Rounds a sequence of exact shares so they still add up: each value becomes the step of the
 * rounded running total (cumulative rounding), in whole units for money (whole yuan; what is
 * left below one goes to the first value) and in tenths for counts, so a week whose exact share
 * is 0.4 shows 0.4 rather than 0, and the year's weeks add up to the year's target.
 */
function roundRunning(
  values: Map<PeriodKey, number | null>,
  unit: number,
): Map<PeriodKey, number | null> {
  const perUnit = unit > 1 ? 1 / unit : 10;
  const out = new Map<PeriodKey, number | null>();
  let exact = 0;
  let steps = 0;
  let placed = 0;
  let first: PeriodKey | null = null;
  for (const [key, value] of values) {
    if (value === null) {
      out.set(key, null);
      continue;
    }
    first ??= key;
    exact += value;
    const upTo = Math.round(exact * perUnit);
    const part = (upTo - steps) / perUnit;
    steps = upTo;
    placed += part;
    out.set(key, part);
  }
  const left = roundTarget(exact, unit) - placed;
  if (first !== null && unit > 1 && left !== 0) out.set(first, (out.get(first) ?? 0) + left);
  return out;
}

/** A month's target over its working days (exact shares); a month without working days puts it all on its last day. */
export function daySplit(
  year: number,
  month: number,
  total: number,
  overrides: CalendarOverrides,
): [string, number][] {
  const from = `${monthKey(year, month)}-01`;
  return spreadOverWorkingDays({ from, to: lastDayOfMonth(year, month) }, total, overrides);
}

/**
 * The target of a day range within one year, from that year's stored cells of one scope
 * (key → value). Whole periods inside the range take their own cell, coarsest first (the
 * year, a quarter, a month, an ISO week), so a month's report shows the month's target as
 * set; the days left over take their share of the most detailed cell holding them (the week
 * if stored, else the month, quarter or year), spread over that cell's working days. Null
 * when no stored cell covers any day of the range. Days outside `year` are ignored.
 */
export function targetOfRange(
  year: number,
  cells: ReadonlyMap<PeriodKey, number>,
  range: DayRange,
  overrides: CalendarOverrides,
  unit = 1,
): number | null {
  const from = range.from < `${year}-01-01` ? `${year}-01-01` : range.from;
  const to = range.to > `${year}-12-31` ? `${year}-12-31` : range.to;
  if (from > to || cells.size === 0) return null;
  const splits = new Map<PeriodKey, Map<string, number>>();
  const dayValue = (key: PeriodKey, day: string): number => {
    let split = splits.get(key);
    if (!split) {
      const period = periodRange(year, key);
      split = new Map(period ? spreadOverWorkingDays(period, cells.get(key) ?? 0, overrides) : []);
      splits.set(key, split);
    }
    return split.get(day) ?? 0;
  };
  let total = 0;
  let found = false;
  for (let d = from; d <= to;) {
    const keys = keysOfDay(d);
    // The coarsest whole period starting on d that the range holds and that is stored.
    let whole: { value: number; to: string } | null = null;
    for (const key of [keys.year, keys.quarter, keys.month, keys.week]) {
      const value = cells.get(key);
      const period = value === undefined ? null : periodRange(year, key);
      if (value !== undefined && period && period.from === d && period.to <= to) {
        whole = { value, to: period.to };
        break;
      }
    }
    if (whole) {
      total += whole.value;
      found = true;
      d = addDaysTo(whole.to, 1);
      continue;
    }
    const finest = [keys.week, keys.month, keys.quarter, keys.year].find((k) => cells.has(k));
    if (finest !== undefined) {
      total += dayValue(finest, d);
      found = true;
    }
    d = addDaysTo(d, 1);
  }
  return found ? roundTarget(total, unit) : null;
}

/**
 * What is left unassigned between a parent target and the sum of its children ("reps sum to
 * 1.2M, team target 1.5M: 0.3M unassigned"); negative when the children exceed the parent.
 */
export function unassigned(parent: number | null, children: readonly number[]): number | null {
  if (parent === null) return null;
  return parent - children.reduce((a, b) => a + b, 0);
}

/** Attainment = actual / target; null without a (positive) target. */
export function attainment(actual: number, target: number | null): number | null {
  return target === null || target <= 0 ? null : actual / target;
}
