import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ScopeRef, TargetScopeInput } from '../../../shared/contract/targets';
import type { CalendarOverrides, DayRange } from '../../../shared/domain/periods';
import {
  targetOfRange,
  type PeriodKey,
  type TargetMetric,
  type TargetScope,
  targetUnit,
} from '../../../shared/domain/targets';
import type { Db } from '../../db/connection';
import { targets, teams, users } from '../../db/schema';
import { calendarOverrides } from './calendar.repo';

/** A scope as the tables hold it: the company has no id. */
export type ScopeKey = { type: TargetScope; id: string | null };

export function scopeKey(scope: TargetScopeInput): ScopeKey {
  return { type: scope.type, id: scope.type === 'company' ? null : scope.id };
}

const keyOf = (type: string, id: string | null) => `${type}:${id ?? ''}`;

/** A stored cell row (the latest one when two devices wrote the same cell). */
export type CellRow = {
  id: string;
  scopeType: TargetScope;
  scopeId: string | null;
  periodKey: string;
  value: number;
  deletedAt: string | null;
};

const FEW_SCOPES = 4;

/**
 * The rows of one metric and year (deleted ones too when asked: a rewrite reuses them), of
 * the given scopes or all, latest first per cell. Many scopes are matched in JavaScript
 * after one read per scope type: fifty reps cost one lookup, not fifty OR terms.
 */
export function cellRows(
  db: Db,
  metric: TargetMetric,
  year: number,
  filter: { scopes?: ScopeKey[]; periodKey?: string; includeDeleted?: boolean } = {},
): CellRow[] {
  const types = filter.scopes ? [...new Set(filter.scopes.map((s) => s.type))] : undefined;
  if (types && types.length === 0) return [];
  // A few scopes: the index finds each one's cells. Many: one read per type, matched below.
  const few = filter.scopes && filter.scopes.length <= FEW_SCOPES ? filter.scopes : undefined;
  const rows = db
    .select({
      id: targets.id,
      scopeType: targets.scopeType,
      scopeId: targets.scopeId,
      periodKey: targets.periodKey,
      value: targets.value,
      deletedAt: targets.deletedAt,
    })
    .from(targets)
    .where(
      and(
        eq(targets.year, year),
        eq(targets.metric, metric),
        few
          ? or(
              ...few.map((scope) =>
                and(
                  eq(targets.scopeType, scope.type),
                  scope.id === null ? isNull(targets.scopeId) : eq(targets.scopeId, scope.id),
                ),
              ),
            )
          : types
            ? inArray(targets.scopeType, types)
            : undefined,
        filter.includeDeleted ? undefined : isNull(targets.deletedAt),
        filter.periodKey === undefined ? undefined : eq(targets.periodKey, filter.periodKey),
      ),
    )
    .orderBy(sql`${targets.deletedAt} IS NOT NULL`, desc(targets.updatedAt), desc(targets.id))
    .all();
  if (!filter.scopes) return rows;
  const wanted = new Set(filter.scopes.map((s) => keyOf(s.type, s.id)));
  return rows.filter((r) => wanted.has(keyOf(r.scopeType, r.scopeId)));
}

/** Cells keyed by scope (`type:id`), then by period key: the latest live row of each cell. */
export type CellsByScope = Map<string, Map<PeriodKey, number>>;

export function cellsByScope(rows: readonly CellRow[]): CellsByScope {
  const out: CellsByScope = new Map();
  for (const row of rows) {
    if (row.deletedAt !== null) continue;
    const key = keyOf(row.scopeType, row.scopeId);
    let cells = out.get(key);
    if (!cells) out.set(key, (cells = new Map()));
    if (!cells.has(row.periodKey)) cells.set(row.periodKey, row.value);
  }
  return out;
}

export function cellsOf(cells: CellsByScope, scope: ScopeKey): Map<PeriodKey, number> {
  return cells.get(keyOf(scope.type, scope.id)) ?? new Map();
}

/** The years a day range touches. */
function yearsOf(range: DayRange): number[] {
  const out: number[] = [];
  for (let y = Number(range.from.slice(0, 4)); y <= Number(range.to.slice(0, 4)); y++) out.push(y);
  return out;
}

/**
 * Targets of many scopes of one type over any day range, in one query per year: each the
 * sum over the range's days of the stored cells (whole periods take their own cell, other
 * days their share of the most detailed stored cell by working days — shared/domain
 * `targetOfRange`). Null for a scope with no stored cell covering the range.
 */
export function targetsFor(
  db: Db,
  metric: TargetMetric,
  scopes: readonly ScopeKey[],
  range: DayRange,
  overrides: CalendarOverrides = calendarOverrides(db),
): Map<string | null, number | null> {
  const out = new Map<string | null, number | null>(scopes.map((s) => [s.id, null]));
  if (scopes.length === 0 || range.from > range.to) return out;
  for (const year of yearsOf(range)) {
    const cells = cellsByScope(cellRows(db, metric, year, { scopes: [...scopes] }));
    for (const scope of scopes) {
      const value = targetOfRange(
        year,
        cellsOf(cells, scope),
        range,
        overrides,
        targetUnit(metric),
      );
      if (value === null) continue;
      out.set(scope.id, (out.get(scope.id) ?? 0) + value);
    }
  }
  return out;
}

/**
 * The target of one scope (company, a team or a rep) for a metric over any day range; null
 * when none is set. For the reports: e.g. `targetFor(db, 'sales', { type: 'team', id },
 * { from: '2026-10-01', to: '2026-10-31' })`.
 */
export function targetFor(
  db: Db,
  metric: TargetMetric,
  scope: ScopeKey,
  range: DayRange,
  overrides: CalendarOverrides = calendarOverrides(db),
): number | null {
  return targetsFor(db, metric, [scope], range, overrides).get(scope.id) ?? null;
}

/** Whether the scope's team or user exists (the company always does). */
export function scopeExists(db: Db, scope: ScopeKey): boolean {
  if (scope.type === 'company' || scope.id === null) return scope.type === 'company';
  const table = scope.type === 'team' ? teams : users;
  return (
    db
      .select({ id: table.id })
      .from(table)
      .where(and(eq(table.id, scope.id), isNull(table.deletedAt)))
      .get() !== undefined
  );
}

/** Which of many scopes exist, in one query per type (decomposing fifty reps at once). */
export function existingScopes(db: Db, scopes: readonly ScopeKey[]): Set<string> {
  const found = new Set<string>();
  for (const type of ['team', 'rep'] as const) {
    const ids = scopes.flatMap((s) => (s.type === type && s.id ? [s.id] : []));
    if (ids.length === 0) continue;
    const table = type === 'team' ? teams : users;
    for (const row of db
      .select({ id: table.id })
      .from(table)
      .where(and(inArray(table.id, ids), isNull(table.deletedAt)))
      .all())
      found.add(keyOf(type, row.id));
  }
  if (scopes.some((s) => s.type === 'company')) found.add(keyOf('company', null));
  return found;
}

/** The display name of a scope (the company's is empty: the renderer names it). */
export function scopeRef(db: Db, scope: ScopeKey): ScopeRef {
  if (scope.type === 'company' || scope.id === null) return { type: 'company', id: null, name: '' };
  const table = scope.type === 'team' ? teams : users;
  const row = db.select({ name: table.name }).from(table).where(eq(table.id, scope.id)).get();
  return { type: scope.type, id: scope.id, name: row?.name ?? '' };
}

/** Ids of scopes of one type that hold a live cell of the metric and year. */
function scopesWithCells(db: Db, metric: TargetMetric, year: number, type: TargetScope): string[] {
  return db
    .selectDistinct({ id: targets.scopeId })
    .from(targets)
    .where(
      and(
        eq(targets.year, year),
        eq(targets.metric, metric),
        eq(targets.scopeType, type),
        isNull(targets.deletedAt),
      ),
    )
    .all()
    .flatMap((r) => (r.id ? [r.id] : []));
}

/**
 * The reps of a team for targets: its active reps, and anyone else in the team (a manager
 * who sells, a rep who left) who holds a target of the metric and year — so the children's
 * sum never hides a stored target.
 */
export function teamChildren(
  db: Db,
  metric: TargetMetric,
  year: number,
  teamIds?: readonly string[],
): (ScopeRef & { teamId: string })[] {
  const holders = scopesWithCells(db, metric, year, 'rep');
  return db
    .select({ id: users.id, name: users.name, teamId: users.teamId })
    .from(users)
    .where(
      and(
        isNull(users.deletedAt),
        teamIds ? inArray(users.teamId, [...teamIds]) : sql`${users.teamId} IS NOT NULL`,
        or(
          and(eq(users.active, true), eq(users.role, 'rep')),
          holders.length > 0 ? inArray(users.id, holders) : undefined,
        ),
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .all()
    .map((u) => ({ type: 'rep' as const, id: u.id, name: u.name, teamId: u.teamId ?? '' }));
}

/** The teams of the company for targets: live teams with reps (as above) or a stored target. */
export function companyChildren(db: Db, metric: TargetMetric, year: number): ScopeRef[] {
  const withReps = new Set(teamChildren(db, metric, year).map((r) => r.teamId));
  for (const id of scopesWithCells(db, metric, year, 'team')) withReps.add(id);
  if (withReps.size === 0) return [];
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(and(isNull(teams.deletedAt), inArray(teams.id, [...withReps])))
    .orderBy(asc(teams.name), asc(teams.id))
    .all()
    .map((t) => ({ type: 'team' as const, id: t.id, name: t.name }));
}

/** The scopes one level below (company → teams → reps; a rep has none). */
export function childrenOf(
  db: Db,
  metric: TargetMetric,
  year: number,
  scope: ScopeKey,
): ScopeRef[] {
  if (scope.type === 'company') return companyChildren(db, metric, year);
  if (scope.type === 'team' && scope.id)
    return teamChildren(db, metric, year, [scope.id]).map(({ type, id, name }) => ({
      type,
      id,
      name,
    }));
  return [];
}

/** The scope one level up: a rep's current team, a team's company; null for the company. */
export function parentOf(db: Db, scope: ScopeKey): ScopeKey | null {
  if (scope.type === 'company') return null;
  if (scope.type === 'team') return { type: 'company', id: null };
  const user = scope.id
    ? db.select({ teamId: users.teamId }).from(users).where(eq(users.id, scope.id)).get()
    : undefined;
  return user?.teamId ? { type: 'team', id: user.teamId } : null;
}
