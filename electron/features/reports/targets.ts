import type { CalendarOverrides, DayRange } from '../../../shared/domain/periods';
import type { TargetMetric } from '../../../shared/domain/targets';
import { targetFor, targetsFor, type ScopeKey } from '../targets/targets.repo';
import type { ReportContext } from './context';
import type { ScopeRowRef } from './scope';

/** The report's scope as the targets feature keys it. */
export function scopeKeyOf(ctx: ReportContext): ScopeKey {
  const s = ctx.scoped.scope;
  return s.type === 'company' ? { type: 'company', id: null } : { type: s.type, id: s.id };
}

/**
 * A metric's target for the scope and for each row (by row key) over a range: the stored
 * cells summed over the range (targets feature, `targetFor`); null where none is set.
 */
export function targetsOf(
  ctx: ReportContext,
  metric: TargetMetric,
  rows: readonly ScopeRowRef[],
  range: DayRange,
  overrides: CalendarOverrides,
): { scope: number | null; rows: Map<string, number | null> } {
  const out = new Map<string, number | null>();
  for (const type of ['team', 'rep'] as const) {
    const refs = rows.filter((r) => r.kind === type);
    if (refs.length === 0) continue;
    const values = targetsFor(
      ctx.db,
      metric,
      refs.map((r) => ({ type, id: r.id })),
      range,
      overrides,
    );
    for (const r of refs) out.set(r.key, values.get(r.id) ?? null);
  }
  return { scope: targetFor(ctx.db, metric, scopeKeyOf(ctx), range, overrides), rows: out };
}
