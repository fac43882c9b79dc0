import { addDaysTo, isoWeek, isoWeekRange, ISO_WEEK_PATTERN } from '../../../shared/domain/time';
import { localToday } from '../../components/dates';

/** Every table a weekly report's figures and the list read. */
export const weeklyTables = [
  'weekly_reports',
  'users',
  'teams',
  'team_memberships',
  'deals',
  'stage_history',
  'visits',
  'customers',
  'collections',
  'receivables',
  'targets',
  'calendar_days',
] as const;

export function currentWeek(): string {
  return isoWeek(localToday());
}

export function readWeek(raw: string | null): string {
  return raw && ISO_WEEK_PATTERN.test(raw) ? raw : currentWeek();
}

export function shiftWeek(week: string, step: -1 | 1): string {
  const range = isoWeekRange(week);
  return range ? isoWeek(addDaysTo(range.from, 7 * step)) : week;
}

/** The user's local time of day, HH:mm. */
export function localTime(now: Date = new Date()): string {
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

export const statusColor = {
  missing: 'gray',
  draft: 'yellow',
  submitted: 'blue',
  reviewed: 'teal',
} as const;
