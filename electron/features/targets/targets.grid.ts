import type {
  ScopeRef,
  TargetCell,
  TargetGrid,
  TargetOverview,
} from '../../../shared/contract/targets';
import {
  moneyMetrics,
  monthKey,
  periodRange,
  quarterKey,
  unassigned,
  weeksFromMonths,
  weeksOfYear,
  type PeriodKey,
  type PeriodLevel,
  type TargetMetric,
  targetUnit,
} from '../../../shared/domain/targets';
import type { CalendarOverrides } from '../../../shared/domain/periods';
import type { Db } from '../../db/connection';
import { calendarOverrides } from './calendar.repo';
import {
  cellRows,
  cellsByScope,
  cellsOf,
  childrenOf,
  companyChildren,
  parentOf,
  scopeRef,
  teamChildren,
  type ScopeKey,
} from './targets.repo';

const asKey = (ref: ScopeRef): ScopeKey => ({ type: ref.type, id: ref.id });

/** Sum of the stored values among `keys`; null when none is stored. */
function storedSum(
  cells: ReadonlyMap<PeriodKey, number>,
  keys: readonly PeriodKey[],
): number | null {
  let sum: number | null = null;
  for (const key of keys) {
    const value = cells.get(key);
    if (value !== undefined) sum = (sum ?? 0) + value;
  }
  return sum;
}

/**
 * A scope-year's cells with every week filled in: the week as set, else spread from the
 * month targets by working days (`derived`).
 */
function withWeeks(
  year: number,
  stored: ReadonlyMap<PeriodKey, number>,
  overrides: CalendarOverrides,
  unit: number,
): { values: Map<PeriodKey, number>; derived: Set<PeriodKey> } {
  const values = new Map(stored);
  const derived = new Set<PeriodKey>();
  const months = Array.from({ length: 12 }, (_, i) => stored.get(monthKey(year, i + 1)) ?? null);
  if (months.every((m) => m === null)) return { values, derived };
  for (const [key, value] of weeksFromMonths(year, months, overrides, unit)) {
    if (value === null || values.has(key)) continue;
    values.set(key, value);
    derived.add(key);
  }
  return { values, derived };
}

/**
 * One scope's grid for a metric and year: each cell's value, the sum of its parts one level
 * below in time, and the sum of the same cell over the scopes one level below.
 */
export function targetGrid(
  db: Db,
  metric: TargetMetric,
  year: number,
  scope: ScopeKey,
): TargetGrid {
  const children = childrenOf(db, metric, year, scope);
  const parentKey = parentOf(db, scope);
  const siblings = parentKey ? childrenOf(db, metric, year, parentKey) : [];
  const all = cellsByScope(
    cellRows(db, metric, year, {
      scopes: [
        scope,
        ...children.map(asKey),
        ...(parentKey ? [parentKey] : []),
        ...siblings.map(asKey),
      ],
    }),
  );
  const overrides = calendarOverrides(db);
  const unit = targetUnit(metric);
  const own = withWeeks(year, cellsOf(all, scope), overrides, unit);
  const childCells = children.map((c) => withWeeks(year, cellsOf(all, asKey(c)), overrides, unit));
  const hasChildren = scope.type !== 'rep';

  const cell = (key: PeriodKey, level: PeriodLevel, partsSum: number | null): TargetCell => {
    const range = periodRange(year, key) ?? { from: `${year}-01-01`, to: `${year}-01-01` };
    const value = own.values.get(key) ?? null;
    const childrenSum = hasChildren
      ? childCells.reduce((sum, cells) => sum + (cells.values.get(key) ?? 0), 0)
      : null;
    return {
      key,
      level,
      from: range.from,
      to: range.to,
      value,
      derived: own.derived.has(key),
      partsSum,
      partsDiff: value !== null && partsSum !== null ? value - partsSum : null,
      childrenSum,
      unassigned: childrenSum === null ? null : unassigned(value, [childrenSum]),
    };
  };

  const months = Array.from({ length: 12 }, (_, i) => cell(monthKey(year, i + 1), 'month', null));
  const quarters = [1, 2, 3, 4].map((q) =>
    cell(
      quarterKey(year, q),
      'quarter',
      storedSum(
        own.values,
        [1, 2, 3].map((m) => monthKey(year, (q - 1) * 3 + m)),
      ),
    ),
  );
  const total = cell(
    String(year),
    'year',
    storedSum(
      own.values,
      [1, 2, 3, 4].map((q) => quarterKey(year, q)),
    ),
  );
  const weekKeys = weeksOfYear(year).map((w) => w.key);
  const weeks = weekKeys.map((key) => cell(key, 'week', null));
  const weeksSum = storedSum(own.values, weekKeys);

  let parent: TargetGrid['parent'] = null;
  if (parentKey) {
    const value = cellsOf(all, parentKey).get(String(year)) ?? null;
    const childrenSum = siblings.reduce(
      (sum, s) => sum + (cellsOf(all, asKey(s)).get(String(year)) ?? 0),
      0,
    );
    parent = {
      scope: scopeRef(db, parentKey),
      value,
      childrenSum,
      unassigned: unassigned(value, [childrenSum]),
    };
  }

  return {
    metric,
    year,
    scope: scopeRef(db, scope),
    money: moneyMetrics.includes(metric),
    children,
    parent,
    total,
    quarters,
    months,
    weeks,
    weeksSum,
    weeksDiff: total.value !== null && weeksSum !== null ? total.value - weeksSum : null,
  };
}

/**
 * Year targets of the company, every team and every rep, with what is unassigned between
 * the levels: team − its reps, company − its teams.
 */
export function targetOverview(db: Db, metric: TargetMetric, year: number): TargetOverview {
  const yearKey = String(year);
  const cells = cellsByScope(cellRows(db, metric, year, { periodKey: yearKey }));
  const valueOf = (scope: ScopeKey) => cellsOf(cells, scope).get(yearKey) ?? null;
  const reps = teamChildren(db, metric, year);
  const teams = companyChildren(db, metric, year).map((team) => {
    const members = reps
      .filter((r) => r.teamId === team.id)
      .map((r) => ({ id: r.id ?? '', name: r.name, value: valueOf(asKey(r)) }));
    const value = valueOf(asKey(team));
    const childrenSum = members.reduce((sum, r) => sum + (r.value ?? 0), 0);
    return {
      id: team.id ?? '',
      name: team.name,
      value,
      childrenSum,
      unassigned: unassigned(value, [childrenSum]),
      reps: members,
    };
  });
  const companyValue = valueOf({ type: 'company', id: null });
  const childrenSum = teams.reduce((sum, t) => sum + (t.value ?? 0), 0);
  return {
    metric,
    year,
    money: moneyMetrics.includes(metric),
    company: {
      value: companyValue,
      childrenSum,
      unassigned: unassigned(companyValue, [childrenSum]),
    },
    teams,
  };
}
