import { and, asc, desc, gte, isNull, lte } from 'drizzle-orm';
import type { CalendarDay } from '../../../shared/contract/targets';
import type { CalendarOverrides } from '../../../shared/domain/periods';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import type { Db } from '../../db/connection';
import { calendarDays } from '../../db/schema';
import type { ParsedCalendarDay } from './calendar.parse';

type Row = CalendarDay & { updatedAt: string };

/** Live exception rows, newest change first for each day (two devices may have set the same day). */
function liveRows(db: Db, range?: { from: string; to: string }): Row[] {
  return db
    .select({
      id: calendarDays.id,
      day: calendarDays.day,
      kind: calendarDays.kind,
      name: calendarDays.name,
      updatedAt: calendarDays.updatedAt,
    })
    .from(calendarDays)
    .where(
      and(
        isNull(calendarDays.deletedAt),
        range ? gte(calendarDays.day, range.from) : undefined,
        range ? lte(calendarDays.day, range.to) : undefined,
      ),
    )
    .orderBy(asc(calendarDays.day), desc(calendarDays.updatedAt), desc(calendarDays.id))
    .all();
}

/** One row per day: the latest one. */
function byDay(rows: Row[]): Map<string, Row> {
  const out = new Map<string, Row>();
  for (const row of rows) if (!out.has(row.day)) out.set(row.day, row);
  return out;
}

/**
 * The working-day calendar as the period maths reads it (shared/domain/periods.ts): only the
 * exceptions; weekends are the rule. Nothing is built in — no holidays until someone sets them.
 */
export function calendarOverrides(db: Db): CalendarOverrides {
  return new Map([...byDay(liveRows(db))].map(([day, row]) => [day, row.kind]));
}

/** The exceptions of one year (or all), by day. */
export function listCalendarDays(db: Db, year?: number): CalendarDay[] {
  const range = year === undefined ? undefined : { from: `${year}-01-01`, to: `${year}-12-31` };
  return [...byDay(liveRows(db, range)).values()].map(({ id, day, kind, name }) => ({
    id,
    day,
    kind,
    name,
  }));
}

/**
 * The changes that make each listed day say what it says (an update of the day's row, or an
 * insert), dropping duplicate rows of a day; with counts of what changes.
 */
export function calendarChanges(
  ctx: AppContext,
  days: readonly ParsedCalendarDay[],
): { changes: Change[]; added: number; updated: number; unchanged: number } {
  const rows = liveRows(ctx.db);
  const current = byDay(rows);
  const changes: Change[] = [];
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  const touched = new Set(days.map((d) => d.day));
  for (const row of rows)
    if (touched.has(row.day) && current.get(row.day)?.id !== row.id)
      changes.push({ op: 'delete', table: 'calendar_days', id: row.id });
  for (const d of days) {
    const existing = current.get(d.day);
    if (!existing) {
      changes.push({
        op: 'insert',
        table: 'calendar_days',
        id: ctx.newId(),
        values: { day: d.day, kind: d.kind, name: d.name },
      });
      added++;
    } else if (existing.kind !== d.kind || existing.name !== d.name) {
      changes.push({
        op: 'update',
        table: 'calendar_days',
        id: existing.id,
        values: { kind: d.kind, name: d.name },
      });
      updated++;
    } else unchanged++;
  }
  return { changes, added, updated, unchanged };
}

/** Soft-deletes every live row of a day; false when the day had none. */
export function removeCalendarDay(ctx: AppContext, day: string): boolean {
  const rows = liveRows(ctx.db, { from: day, to: day });
  if (rows.length === 0) return false;
  ctx.commit(
    rows.map((r) => ({ op: 'delete' as const, table: 'calendar_days' as const, id: r.id })),
  );
  return true;
}
