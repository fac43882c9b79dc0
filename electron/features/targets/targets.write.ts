import {
  monthKey,
  quarterKey,
  splitByWeights,
  targetUnit,
  type PeriodKey,
  type TargetMetric,
} from '../../../shared/domain/targets';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { cellRows, type CellRow, type ScopeKey } from './targets.repo';

export type DecomposeItem = { scope: ScopeKey; total: number; weights?: number[] | undefined };

const equalMonths = Array.from({ length: 12 }, () => 1);

const scopeKeyOf = (type: string, id: string | null) => `${type}:${id ?? ''}`;

/** Every row of each cell, by scope then period (live first, then latest): the first is the one a write keeps. */
function rowsByScope(rows: readonly CellRow[]): Map<string, Map<PeriodKey, CellRow[]>> {
  const out = new Map<string, Map<PeriodKey, CellRow[]>>();
  for (const row of rows) {
    const scope = scopeKeyOf(row.scopeType, row.scopeId);
    let cells = out.get(scope);
    if (!cells) out.set(scope, (cells = new Map()));
    const list = cells.get(row.periodKey);
    if (list) list.push(row);
    else cells.set(row.periodKey, [row]);
  }
  return out;
}

/**
 * The changes that make one cell hold `value` (null: no target): the cell's row is updated
 * (and restored if it was deleted), or a row is inserted; any duplicate live row of the
 * cell (two devices set it) is deleted.
 */
function cellChanges(
  ctx: AppContext,
  cell: { metric: TargetMetric; year: number; scope: ScopeKey; periodKey: PeriodKey },
  value: number | null,
  existing: readonly CellRow[] = [],
): Change[] {
  const [keep, ...rest] = existing;
  const changes: Change[] = rest
    .filter((r) => r.deletedAt === null)
    .map((r) => ({ op: 'delete', table: 'targets', id: r.id }));
  if (value === null) {
    if (keep && keep.deletedAt === null)
      changes.push({ op: 'delete', table: 'targets', id: keep.id });
    return changes;
  }
  if (!keep) {
    changes.push({
      op: 'insert',
      table: 'targets',
      id: ctx.newId(),
      values: {
        metric: cell.metric,
        scopeType: cell.scope.type,
        scopeId: cell.scope.id,
        year: cell.year,
        periodKey: cell.periodKey,
        value,
      },
    });
    return changes;
  }
  if (keep.value !== value)
    changes.push({ op: 'update', table: 'targets', id: keep.id, values: { value } });
  if (keep.deletedAt !== null) changes.push({ op: 'restore', table: 'targets', id: keep.id });
  return changes;
}

/**
 * Decomposes each scope's yearly total (as domain `decomposeYear`: months by weights,
 * quarters as their sums) into the changes that replace that scope-year's cells: the year, 4 quarters
 * and 12 months are written, and any other stored cell of the scope-year (weeks someone set)
 * is deleted — weeks are derived from the months by working days until someone sets one.
 */
export function decomposeChanges(
  ctx: AppContext,
  metric: TargetMetric,
  year: number,
  items: readonly DecomposeItem[],
): { changes: Change[]; cells: number } {
  const existing = rowsByScope(
    cellRows(ctx.db, metric, year, { scopes: items.map((i) => i.scope), includeDeleted: true }),
  );
  const changes: Change[] = [];
  let cells = 0;
  for (const item of items) {
    const months = splitByWeights(item.total, item.weights ?? equalMonths, targetUnit(metric));
    const wanted = new Map<PeriodKey, number>([[String(year), item.total]]);
    for (let q = 0; q < 4; q++)
      wanted.set(
        quarterKey(year, q + 1),
        (months[q * 3] ?? 0) + (months[q * 3 + 1] ?? 0) + (months[q * 3 + 2] ?? 0),
      );
    months.forEach((v, i) => wanted.set(monthKey(year, i + 1), v));
    const stored = existing.get(scopeKeyOf(item.scope.type, item.scope.id));
    for (const [periodKey, value] of wanted)
      for (const change of cellChanges(
        ctx,
        { metric, year, scope: item.scope, periodKey },
        value,
        stored?.get(periodKey),
      ))
        changes.push(change);
    cells += wanted.size;
    for (const [periodKey, rows] of stored ?? [])
      if (!wanted.has(periodKey))
        for (const row of rows)
          if (row.deletedAt === null) changes.push({ op: 'delete', table: 'targets', id: row.id });
  }
  return { changes, cells };
}

/** The changes that set (or, with null, clear) one cell of a scope-year. */
export function setCellChanges(
  ctx: AppContext,
  cell: { metric: TargetMetric; year: number; scope: ScopeKey; periodKey: PeriodKey },
  value: number | null,
): Change[] {
  const rows = cellRows(ctx.db, cell.metric, cell.year, {
    scopes: [cell.scope],
    periodKey: cell.periodKey,
    includeDeleted: true,
  });
  return cellChanges(ctx, cell, value, rows);
}
