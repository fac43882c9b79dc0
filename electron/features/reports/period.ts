import type { ReportPeriod } from '../../../shared/contract/reports';
import {
  daysBetween,
  lastDayOfMonth,
  periodOf,
  previousPeriod,
  previousRange,
  samePeriodLastYear,
  type DayRange,
  type PeriodKind,
} from '../../../shared/domain/periods';
import { addDaysTo, isoWeek } from '../../../shared/domain/time';

/** A report's period as resolved: its days and a label. */
export type Period = DayRange & { kind: PeriodKind; label: string };

/** The week, month, quarter or year holding the date, or the custom range as given. */
export function resolvePeriod(p: ReportPeriod): Period {
  if (p.kind === 'custom')
    return { kind: 'custom', from: p.from, to: p.to, label: `${p.from}..${p.to}` };
  const range = periodOf(p.kind, p.date);
  const y = range.from.slice(0, 4);
  const label =
    p.kind === 'week'
      ? isoWeek(range.from)
      : p.kind === 'month'
        ? range.from.slice(0, 7)
        : p.kind === 'quarter'
          ? `${y}-Q${Math.floor((Number(range.from.slice(5, 7)) - 1) / 3) + 1}`
          : y;
  return { kind: p.kind, ...range, label };
}

/** The period just before: the previous week/month/quarter/year; a custom range shifted back by its length. */
export function previousOf(p: Period): DayRange {
  return p.kind === 'custom' ? previousRange(p) : previousPeriod(p.kind, p);
}

/** A day a year earlier (29 February → 28 February). */
export function yearEarlier(day: string): string {
  const y = Number(day.slice(0, 4)) - 1;
  const md = day.slice(5);
  return md === '02-29' ? `${y}-02-28` : `${y}-${md}`;
}

/** The same period a year earlier (same ISO week, month, quarter or year; custom: both ends a year back). */
export function lastYearOf(p: Period): DayRange {
  return p.kind === 'custom'
    ? { from: yearEarlier(p.from), to: yearEarlier(p.to) }
    : samePeriodLastYear(p.kind, p);
}

/** Chart buckets are days (weeks, months, custom ranges up to 62 days) or calendar months. */
export type Granularity = 'day' | 'month';
const MAX_DAY_BUCKETS = 62;

export function granularityOf(p: Period): Granularity {
  if (p.kind === 'week' || p.kind === 'month') return 'day';
  if (p.kind === 'custom')
    return daysBetween(p.from, p.to) + 1 <= MAX_DAY_BUCKETS ? 'day' : 'month';
  return 'month';
}

/** How many leading characters of a `YYYY-MM-DD` day name its bucket (SQL `substr(day, 1, n)`). */
export function bucketLength(g: Granularity): 10 | 7 {
  return g === 'day' ? 10 : 7;
}

export type Bucket = { key: string; from: string; to: string };

/** The buckets of a range, in order, clipped to it. */
export function bucketsOf(range: DayRange, g: Granularity): Bucket[] {
  const out: Bucket[] = [];
  if (g === 'day') {
    for (let d = range.from; d <= range.to; d = addDaysTo(d, 1))
      out.push({ key: d, from: d, to: d });
    return out;
  }
  let y = Number(range.from.slice(0, 4));
  let m = Number(range.from.slice(5, 7));
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (`${key}-01` > range.to) break;
    const first = `${key}-01`;
    const last = lastDayOfMonth(y, m);
    out.push({
      key,
      from: first < range.from ? range.from : first,
      to: last > range.to ? range.to : last,
    });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The day after `day`: the exclusive end bound for ISO instants (`at < next day`). */
export function dayAfter(day: string): string {
  return addDaysTo(day, 1);
}

/** The earlier of two days. */
export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}
