import type { ReportPeriod, ReportScope } from '../../../shared/contract/reports';
import { fixedPeriodKinds } from '../../../shared/contract/reports';

/**
 * A report's period and scope live in the URL's search params (`?period=month&date=…&scope=
 * team:<id>`), so a drill-down is a link and Back returns to the level above.
 */
export type PeriodKindParam = (typeof fixedPeriodKinds)[number] | 'custom';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function readPeriod(params: URLSearchParams, today: string): ReportPeriod {
  const kind = params.get('period');
  if (kind === 'custom') {
    const from = params.get('from');
    const to = params.get('to');
    if (from && to && DAY.test(from) && DAY.test(to)) return { kind: 'custom', from, to };
  }
  const date = params.get('date');
  const fixed = (fixedPeriodKinds as readonly string[]).includes(kind ?? '')
    ? (kind as (typeof fixedPeriodKinds)[number])
    : 'month';
  return { kind: fixed, date: date && DAY.test(date) ? date : today };
}

export function readScope(params: URLSearchParams): ReportScope {
  const raw = params.get('scope') ?? 'company';
  const [type, id] = raw.split(':');
  if ((type === 'team' || type === 'rep') && id) return { type, id };
  return { type: 'company' };
}

export function scopeParam(scope: { type: string; id?: string | null }): string {
  return scope.type === 'company' || !scope.id ? 'company' : `${scope.type}:${scope.id}`;
}

/** The search string for a period and scope. */
export function reportSearch(period: ReportPeriod, scope: { type: string; id?: string | null }) {
  const params = new URLSearchParams();
  params.set('period', period.kind);
  if (period.kind === 'custom') {
    params.set('from', period.from);
    params.set('to', period.to);
  } else params.set('date', period.date);
  params.set('scope', scopeParam(scope));
  return `?${params.toString()}`;
}

function addMonths(day: string, months: number): string {
  const [y = 2000, m = 1, d = 1] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  date.setUTCDate(Math.min(d, last));
  return date.toISOString().slice(0, 10);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The period before (-1) or after (+1) a fixed one; a custom range moves by its own length. */
export function shiftPeriod(period: ReportPeriod, step: -1 | 1): ReportPeriod {
  switch (period.kind) {
    case 'week':
      return { kind: 'week', date: addDays(period.date, 7 * step) };
    case 'month':
      return { kind: 'month', date: addMonths(period.date, step) };
    case 'quarter':
      return { kind: 'quarter', date: addMonths(period.date, 3 * step) };
    case 'year':
      return { kind: 'year', date: addMonths(period.date, 12 * step) };
    case 'custom': {
      const length = Math.round((Date.parse(period.to) - Date.parse(period.from)) / 86_400_000) + 1;
      return {
        kind: 'custom',
        from: addDays(period.from, length * step),
        to: addDays(period.to, length * step),
      };
    }
  }
}
