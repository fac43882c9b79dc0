/**
 * Report periods and working days (domain.md §6–7): week (ISO), month, quarter, year or a
 * custom range; time progress is the share of the period's working days elapsed, on a
 * calendar of weekends, holidays and 调休 make-up workdays.
 */
import { addDaysTo, isoWeek, isoWeekRange, isoWeekday } from './time';

export const periodKinds = ['week', 'month', 'quarter', 'year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export type DayRange = { from: string; to: string };

/** The period of a kind that holds `day` (custom: the day itself). */
export function periodOf(kind: Exclude<PeriodKind, 'custom'>, day: string): DayRange {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  switch (kind) {
    case 'week':
      return isoWeekRange(isoWeek(day)) ?? { from: day, to: day };
    case 'month':
      return { from: `${day.slice(0, 7)}-01`, to: lastDayOfMonth(y, m) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      return { from: `${y}-${pad(q * 3 + 1)}-01`, to: lastDayOfMonth(y, q * 3 + 3) };
    }
    case 'year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
  }
}

/** The period just before (same kind). */
export function previousPeriod(kind: Exclude<PeriodKind, 'custom'>, range: DayRange): DayRange {
  return periodOf(kind, addDaysTo(range.from, -1));
}

/** The same period a year earlier: the same ISO week number, month, quarter or year. */
export function samePeriodLastYear(kind: Exclude<PeriodKind, 'custom'>, range: DayRange): DayRange {
  if (kind === 'week') {
    const week = isoWeek(range.from);
    const last = `${Number(week.slice(0, 4)) - 1}${week.slice(4)}`;
    // Week 53 has no twin in a 52-week year: take the last week of that year.
    return isoWeekRange(last) ?? periodOf('week', `${Number(week.slice(0, 4)) - 1}-12-28`);
  }
  const y = Number(range.from.slice(0, 4)) - 1;
  return periodOf(kind, `${y}${range.from.slice(4)}`);
}

/** A custom range shifted back by its own length (its "previous period"). */
export function previousRange(range: DayRange): DayRange {
  const days = daysBetween(range.from, range.to) + 1;
  return { from: addDaysTo(range.from, -days), to: addDaysTo(range.to, -days) };
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0));
  return d.toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Days that differ from the Mon–Fri default: a holiday on a weekday, a make-up workday (调休) on a weekend. */
export type CalendarOverrides = ReadonlyMap<string, 'holiday' | 'workday'>;

export function isWorkingDay(day: string, overrides: CalendarOverrides): boolean {
  const o = overrides.get(day);
  if (o === 'holiday') return false;
  if (o === 'workday') return true;
  return isoWeekday(day) <= 5;
}

/** Working days in [from, to], both inclusive (0 when to < from). */
export function workingDays(range: DayRange, overrides: CalendarOverrides): number {
  let n = 0;
  for (let d = range.from; d <= range.to; d = addDaysTo(d, 1)) if (isWorkingDay(d, overrides)) n++;
  return n;
}

/**
 * Time progress 时间进度 on `today`: working days elapsed (today included) over the period's
 * working days; 0 before the period, 1 after it; a period without working days counts by
 * calendar days.
 */
export function timeProgress(range: DayRange, today: string, overrides: CalendarOverrides): number {
  if (today < range.from) return 0;
  if (today >= range.to) return 1;
  const total = workingDays(range, overrides);
  if (total === 0)
    return (daysBetween(range.from, today) + 1) / (daysBetween(range.from, range.to) + 1);
  return workingDays({ from: range.from, to: today }, overrides) / total;
}

/** Behind 落后: attainment below time progress by 10 points or more (both as fractions). */
export const BEHIND_POINTS = 0.1;
export function isBehind(attainment: number | null, progress: number): boolean {
  return attainment !== null && progress - attainment >= BEHIND_POINTS - 1e-9;
}
