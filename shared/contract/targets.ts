import { z } from 'zod';
import { periodLevels, targetMetrics } from '../domain/targets';
import { method } from './define';
import { day, id, ok, optionalText } from './common';

/**
 * Targets 销售目标 and the working-day calendar (domain.md §6). Conventions:
 * - Values are whole units: fen for `sales` and `collections`, counts for the others;
 *   0 … 1e12 (`validation.range`, non-integers `validation.invalid`).
 * - A scope is the company, a team (`id` of a live team) or a rep (`id` of a live user);
 *   an unknown id is `invalid_input` `targets.errors.scopeUnknown` (field `scope`).
 * - Writing targets or the calendar is a manager's or admin's call: a rep gets `conflict`
 *   `targets.errors.needManager` and nothing is written.
 * - Period keys: `2026`, `2026-Q1`, `2026-03`, ISO weeks `2026-W12`. A year's weeks are the
 *   ISO weeks holding days of that year, each clipped to the year (the year 2026 has
 *   `2026-W53` for 28–31 December; 2027 has `2026-W53` again for 1–3 January). A key outside
 *   the year is `invalid_input` `targets.errors.periodOutsideYear` (field `key`).
 * - Stored cells are the year, quarters and months; a week is stored only when someone sets
 *   it. Otherwise a week's target is derived (`derived: true`): each month's target spread
 *   over its working days, a week taking the days it holds. Days are never stored: a day's
 *   target is its share of the week (if set) or month over that period's working days.
 *   Decomposing a scope-year rewrites its year, quarters and months and clears its weeks.
 */
export const targetMetric = z.enum(targetMetrics);
export const targetYear = z
  .number()
  .int('validation.invalid')
  .min(2000, 'validation.range')
  .max(2099, 'validation.range');
export const TARGET_MAX = 1_000_000_000_000;
export const targetValue = z
  .number()
  .int('validation.invalid')
  .min(0, 'validation.range')
  .max(TARGET_MAX, 'validation.range');

export const targetScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('company') }).strict(),
  z.object({ type: z.literal('team'), id }).strict(),
  z.object({ type: z.literal('rep'), id }).strict(),
]);
export type TargetScopeInput = z.infer<typeof targetScope>;

/** Month weights (seasonality): twelve numbers ≥ 0, not all zero (`targets.errors.weightsAllZero`). */
export const monthWeights = z
  .array(z.number().min(0, 'validation.range').max(1000, 'validation.range'))
  .length(12, 'validation.invalid');

const scopeRef = z.object({
  type: z.enum(['company', 'team', 'rep']),
  id: z.string().nullable(),
  name: z.string(),
});
export type ScopeRef = z.infer<typeof scopeRef>;

export const targetCell = z.object({
  key: z.string(),
  level: z.enum(periodLevels),
  /** The period's days within the year. */
  from: z.string(),
  to: z.string(),
  value: z.number().nullable(),
  /** A week not set by anyone: its value is spread from the month targets by working days. */
  derived: z.boolean(),
  /** Sum of the stored cells one level below in time (year ← quarters, quarter ← months); null for months and weeks, or when none is stored. */
  partsSum: z.number().nullable(),
  /** value − partsSum, when both exist: what the parts leave out (negative: they exceed it). */
  partsDiff: z.number().nullable(),
  /** Sum of the same cell of the scopes one level below (company → teams → reps); null for a rep. */
  childrenSum: z.number().nullable(),
  /** value − childrenSum ("reps sum to 1.2M, team target 1.5M: 0.3M unassigned"); null without a value or below a rep. */
  unassigned: z.number().nullable(),
});
export type TargetCell = z.infer<typeof targetCell>;

/** The scope one level up and its year cell: what this scope's target is part of. */
const parentSummary = z.object({
  scope: scopeRef,
  value: z.number().nullable(),
  childrenSum: z.number(),
  unassigned: z.number().nullable(),
});

export const targetGrid = z.object({
  metric: targetMetric,
  year: z.number(),
  scope: scopeRef,
  /** Money metric: values in fen. */
  money: z.boolean(),
  /** The scopes one level below whose cells make `childrenSum`. */
  children: z.array(scopeRef),
  parent: parentSummary.nullable(),
  total: targetCell,
  quarters: z.array(targetCell),
  months: z.array(targetCell),
  weeks: z.array(targetCell),
  /** Sum of the weeks (set or derived), and the year's value minus it. */
  weeksSum: z.number().nullable(),
  weeksDiff: z.number().nullable(),
});
export type TargetGrid = z.infer<typeof targetGrid>;

const overviewRow = z.object({
  id: z.string(),
  name: z.string(),
  value: z.number().nullable(),
});
export const targetOverview = z.object({
  metric: targetMetric,
  year: z.number(),
  money: z.boolean(),
  company: z.object({
    value: z.number().nullable(),
    childrenSum: z.number(),
    unassigned: z.number().nullable(),
  }),
  teams: z.array(
    overviewRow.extend({
      childrenSum: z.number(),
      unassigned: z.number().nullable(),
      reps: z.array(overviewRow),
    }),
  ),
});
export type TargetOverview = z.infer<typeof targetOverview>;

const decomposition = {
  scope: targetScope,
  /** The year's total. */
  total: targetValue,
  /** Omitted: an equal split over the twelve months. */
  weights: monthWeights.optional(),
};

export const calendarDayKinds = ['holiday', 'workday'] as const;
export const calendarDay = z.object({
  id: z.string(),
  day: z.string(),
  kind: z.enum(calendarDayKinds),
  name: z.string().nullable(),
});
export type CalendarDay = z.infer<typeof calendarDay>;

/** One refused line of an import, with its 1-based number and the i18n key of the reason. */
export const calendarImportError = z.object({
  line: z.number(),
  text: z.string(),
  key: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CalendarImportError = z.infer<typeof calendarImportError>;

export const targetsContract = {
  /** One scope's target grid for a metric and year: the year, quarters, months and ISO weeks, with the parts' and children's sums. */
  'targets.grid': method(
    z.object({ metric: targetMetric, year: targetYear, scope: targetScope }).strict(),
    targetGrid,
  ),
  /** Splits a yearly total into months (equal or weighted) and quarters (weeks follow by working days), replacing that scope-year's cells. */
  'targets.decompose': method(
    z.object({ metric: targetMetric, year: targetYear, ...decomposition }).strict(),
    targetGrid,
  ),
  /** Decomposes many scopes at once (e.g. every rep of a team) in one commit. */
  'targets.decomposeMany': method(
    z
      .object({
        metric: targetMetric,
        year: targetYear,
        items: z.array(z.object(decomposition).strict()).min(1).max(500),
      })
      .strict(),
    z.object({ scopes: z.number(), cells: z.number() }),
  ),
  /** Sets (or clears, with null) one cell; the answer shows its parent's difference. */
  'targets.setCell': method(
    z
      .object({
        metric: targetMetric,
        year: targetYear,
        scope: targetScope,
        key: z.string().max(10),
        value: targetValue.nullable(),
      })
      .strict(),
    targetGrid.extend({
      edited: z.object({
        key: z.string(),
        /** The cell one level up in time (month → quarter, quarter → year, week → year). */
        parentKey: z.string().nullable(),
        /** The parent's value minus the sum of its parts at the edited level. */
        difference: z.number().nullable(),
      }),
    }),
  ),
  /** The company, every team and every rep with their year targets and what is unassigned between levels. */
  'targets.overview': method(
    z.object({ metric: targetMetric, year: targetYear }).strict(),
    targetOverview,
  ),

  /** The working-day calendar's exceptions (holidays, 调休 make-up workdays), of one year or all. */
  'calendar.days': method(z.object({ year: targetYear.optional() }).strict(), z.array(calendarDay)),
  /** Marks a day as a holiday or a make-up workday (replacing what that day had). */
  'calendar.setDay': method(
    z.object({ day, kind: z.enum(calendarDayKinds), name: optionalText(60) }).strict(),
    calendarDay,
  ),
  /** Removes a day's exception: it follows the weekend rule again. */
  'calendar.removeDay': method(z.object({ day }).strict(), ok),
  /**
   * Imports a typed or pasted list, one day a line ("2026-10-01 holiday 国庆节",
   * "2026-09-28,workday,调休"): all or nothing — any bad line writes nothing and is listed.
   */
  'calendar.importDays': method(
    z
      .object({
        text: z.string().max(100_000, 'validation.tooLong'),
        /** Only check and count, write nothing. */
        dryRun: z.boolean().default(false),
      })
      .strict(),
    z.object({
      written: z.boolean(),
      days: z.array(calendarDay.omit({ id: true })),
      added: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      errors: z.array(calendarImportError),
    }),
  ),
} as const;
