import { seesOwner, seesTeam, visibility, type Visibility } from '../team/visibility';
import type {
  targetsContract,
  TargetOverview,
  TargetScopeInput,
} from '../../../shared/contract/targets';
import { periodLevel, periodRange, quarterKey } from '../../../shared/domain/targets';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { assertPermitted } from '../team/permit';
import { parseCalendarText } from './calendar.parse';
import { calendarChanges, listCalendarDays, removeCalendarDay } from './calendar.repo';
import { targetGrid, targetOverview } from './targets.grid';
import { existingScopes, scopeExists, scopeKey, type ScopeKey } from './targets.repo';
import { decomposeChanges, setCellChanges } from './targets.write';

/** Targets and the calendar are a manager's (or admin's) to set; the CLI acts as nobody. */
function assertManager(ctx: AppContext): void {
  assertPermitted(ctx, { table: 'targets', before: null, after: {} });
}

function unknownScope(scope: ScopeKey, field: string): AppError {
  return new AppError(
    'invalid_input',
    `${scope.type} ${scope.id ?? ''} does not exist`,
    'targets.errors.scopeUnknown',
    { type: scope.type },
    { [field]: 'targets.errors.scopeUnknown' },
  );
}

function requireScope(ctx: AppContext, scope: TargetScopeInput, field = 'scope'): ScopeKey {
  const key = scopeKey(scope);
  // A target out of the user's data scope is refused exactly as an unknown one.
  if (!scopeExists(ctx.db, key) || !seesTarget(visibility(ctx), key))
    throw unknownScope(key, field);
  return key;
}

function assertWeights(weights: number[] | undefined, field = 'weights'): void {
  if (weights && !weights.some((w) => w > 0))
    throw new AppError(
      'invalid_input',
      'month weights are all zero',
      'targets.errors.weightsAllZero',
      undefined,
      { [field]: 'targets.errors.weightsAllZero' },
    );
}

/** Targets follow the reports' scope: the company's with the company view, a team's, a rep's. */
function seesTarget(v: Visibility, key: ScopeKey): boolean {
  if (key.type === 'company') return v.company;
  if (key.type === 'team') return seesTeam(v, key.id);
  return seesOwner(v, key.id);
}

/**
 * The overview within the data scope: the company's figures only with the company view, a
 * team's own figures only for a team in scope, and the reps in scope (a rep: their own line).
 */
function overviewWithin(v: Visibility, overview: TargetOverview): TargetOverview {
  if (v.company) return overview;
  const teams = overview.teams.flatMap((team) => {
    const reps = team.reps.filter((r) => seesOwner(v, r.id));
    if (seesTeam(v, team.id)) return [{ ...team, reps }];
    if (reps.length === 0) return [];
    return [{ ...team, value: null, childrenSum: 0, unassigned: null, reps }];
  });
  return { ...overview, company: { value: null, childrenSum: 0, unassigned: null }, teams };
}

export const targetsHandlers: HandlersOf<typeof targetsContract> = {
  'targets.grid': (input, ctx) =>
    targetGrid(ctx.db, input.metric, input.year, requireScope(ctx, input.scope)),

  'targets.decompose': (input, ctx) => {
    assertManager(ctx);
    const scope = requireScope(ctx, input.scope);
    assertWeights(input.weights);
    const { changes } = decomposeChanges(ctx, input.metric, input.year, [
      { scope, total: input.total, weights: input.weights },
    ]);
    if (changes.length > 0) ctx.commit(changes);
    return targetGrid(ctx.db, input.metric, input.year, scope);
  },

  'targets.decomposeMany': (input, ctx) => {
    assertManager(ctx);
    const seen = new Set<string>();
    const existing = existingScopes(
      ctx.db,
      input.items.map((item) => scopeKey(item.scope)),
    );
    const items = input.items.map((item, i) => {
      const scope = scopeKey(item.scope);
      const key = `${scope.type}:${scope.id ?? ''}`;
      if (!existing.has(key) || !seesTarget(visibility(ctx), scope))
        throw unknownScope(scope, `items.${i}.scope`);
      assertWeights(item.weights, `items.${i}.weights`);
      if (seen.has(key))
        throw new AppError(
          'invalid_input',
          `scope ${key} is listed twice`,
          'targets.errors.scopeTwice',
          undefined,
          { [`items.${i}.scope`]: 'targets.errors.scopeTwice' },
        );
      seen.add(key);
      return { scope, total: item.total, weights: item.weights };
    });
    const { changes, cells } = decomposeChanges(ctx, input.metric, input.year, items);
    if (changes.length > 0) ctx.commit(changes);
    return { scopes: items.length, cells };
  },

  'targets.setCell': (input, ctx) => {
    assertManager(ctx);
    const scope = requireScope(ctx, input.scope);
    if (!periodRange(input.year, input.key))
      throw new AppError(
        'invalid_input',
        `${input.key} is not a period of ${input.year}`,
        'targets.errors.periodOutsideYear',
        { key: input.key, year: input.year },
        { key: 'targets.errors.periodOutsideYear' },
      );
    const cell = { metric: input.metric, year: input.year, scope, periodKey: input.key };
    const changes = setCellChanges(ctx, cell, input.value);
    if (changes.length > 0) ctx.commit(changes);
    const grid = targetGrid(ctx.db, input.metric, input.year, scope);
    const level = periodLevel(input.key);
    const month = Number(input.key.slice(5, 7));
    let edited: { key: string; parentKey: string | null; difference: number | null };
    if (level === 'month') {
      const parentKey = quarterKey(input.year, Math.ceil(month / 3));
      const quarter = grid.quarters.find((q) => q.key === parentKey);
      edited = { key: input.key, parentKey, difference: quarter?.partsDiff ?? null };
    } else if (level === 'quarter') {
      edited = { key: input.key, parentKey: grid.total.key, difference: grid.total.partsDiff };
    } else if (level === 'week') {
      edited = { key: input.key, parentKey: grid.total.key, difference: grid.weeksDiff };
    } else {
      edited = { key: input.key, parentKey: null, difference: null };
    }
    return { ...grid, edited };
  },

  'targets.overview': (input, ctx) =>
    overviewWithin(visibility(ctx), targetOverview(ctx.db, input.metric, input.year)),

  'calendar.days': (input, ctx) => listCalendarDays(ctx.db, input.year),

  'calendar.setDay': (input, ctx) => {
    assertManager(ctx);
    const { changes } = calendarChanges(ctx, [
      { day: input.day, kind: input.kind, name: input.name },
    ]);
    if (changes.length > 0) ctx.commit(changes);
    const saved = listCalendarDays(ctx.db, Number(input.day.slice(0, 4))).find(
      (d) => d.day === input.day,
    );
    if (!saved) throw new AppError('internal', `calendar day ${input.day} was not saved`);
    return saved;
  },

  'calendar.removeDay': (input, ctx) => {
    assertManager(ctx);
    removeCalendarDay(ctx, input.day);
    return { ok: true as const };
  },

  'calendar.importDays': (input, ctx) => {
    if (!input.dryRun) assertManager(ctx);
    const { days, errors } = parseCalendarText(input.text);
    const { changes, added, updated, unchanged } = calendarChanges(ctx, days);
    const written = errors.length === 0 && !input.dryRun && changes.length > 0;
    if (written) ctx.commit(changes);
    return { written, days, added, updated, unchanged, errors };
  },
};
