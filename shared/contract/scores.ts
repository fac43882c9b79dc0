import { z } from 'zod';
import {
  controlLevels,
  dimensions,
  powerLevels,
  problemLevels,
  reachedWith,
  valueLevels,
  visionLevels,
} from '../domain/intensity';
import { allCriteria, dealStatuses, milestones } from '../domain/milestones';
import { scopes } from '../domain/people';
import { method } from './define';
import { day, id, optionalText } from './common';

/**
 * The sales intensity score (domain.md §4). Error conventions, for the renderer:
 * - Scoring a won or lost deal is `conflict` `scoreErrors.dealClosed`; a deleted or unknown
 *   deal is `not_found` `scoreErrors.dealGone`. Nothing is written.
 * - Unknown levels never reach the handler: the level enums below refuse them
 *   (`invalid_input`, `fields['levels.<dimension>.level'] = 'validation.invalid'`).
 * - Averages (totals and dimensions) are over the scored open deals, rounded to one decimal;
 *   the weakest dimension is read from the rounded averages (a tie: the earlier in the formula).
 */
const keys = <T extends readonly { key: string }[]>(levels: T) =>
  levels.map((l) => l.key) as [T[number]['key'], ...T[number]['key'][]];

const withWhom = z.enum(reachedWith);

/** One scoring's choices: a level per dimension; with whom for Problem, Vision and Value. */
export const scoreLevels = z
  .object({
    problem: z.object({ level: z.enum(keys(problemLevels)), with: withWhom }).strict(),
    power: z.object({ level: z.enum(keys(powerLevels)) }).strict(),
    vision: z.object({ level: z.enum(keys(visionLevels)), with: withWhom }).strict(),
    value: z.object({ level: z.enum(keys(valueLevels)), with: withWhom }).strict(),
    control: z.object({ level: z.enum(keys(controlLevels)) }).strict(),
  })
  .strict();
export type ScoreLevelsInput = z.infer<typeof scoreLevels>;

const perDimension = <T extends z.ZodType>(value: T) =>
  z.object({ problem: value, power: value, vision: value, value: value, control: value });

export const dimensionPoints = perDimension(z.number());
export type DimensionPointsOut = z.infer<typeof dimensionPoints>;
/** Averages per dimension (0–20, one decimal), null when nothing in the set is scored. */
export const dimensionAverages = perDimension(z.number().nullable());
export type DimensionAverages = z.infer<typeof dimensionAverages>;

/** One kept scoring. */
export const scoreEntry = z.object({
  id: z.string(),
  dealId: z.string(),
  /** ISO instant. */
  scoredAt: z.string(),
  scoredById: z.string().nullable(),
  scoredByName: z.string().nullable(),
  note: z.string().nullable(),
  levels: scoreLevels,
  points: dimensionPoints,
  /** 0–100 */
  total: z.number(),
});
export type ScoreEntry = z.infer<typeof scoreEntry>;

/** Milestone probability beside the intensity total, and the two flags (盈率校准). */
export const calibration = z.object({
  probability: z.number(),
  total: z.number().nullable(),
  /** probability − total */
  gap: z.number().nullable(),
  overClaimed: z.boolean(),
  stale: z.boolean(),
  unscored: z.boolean(),
  daysSinceScored: z.number().nullable(),
});
export type CalibrationOut = z.infer<typeof calibration>;

/** A ticked exit criterion the latest score contradicts. */
export const contradiction = z.object({
  criterion: z.enum(allCriteria as [string, ...string[]]),
  dimension: z.enum(dimensions),
  needsLevel: z.string(),
  needsDecider: z.boolean(),
  level: z.string(),
  with: withWhom.nullable(),
});
export type ContradictionOut = z.infer<typeof contradiction>;

export const dealScores = z.object({
  dealId: z.string(),
  milestone: z.enum(milestones),
  status: z.enum(dealStatuses),
  /** fen */
  amount: z.number(),
  /** Every scoring, oldest first. */
  history: z.array(scoreEntry),
  latest: scoreEntry.nullable(),
  calibration,
  contradictions: z.array(contradiction),
  /** amount × latest total / 100 (fen); 0 when never scored. */
  intensityWeighted: z.number(),
});
export type DealScores = z.infer<typeof dealScores>;

/** Counts and averages over a set of open deals (a rep's, a team's, the company's). */
export const scoreSummary = z.object({
  openDeals: z.number(),
  scoredDeals: z.number(),
  /** Average latest total of the scored open deals (one decimal), null when none is scored. */
  avgTotal: z.number().nullable(),
  averages: dimensionAverages,
  weakest: z.enum(dimensions).nullable(),
  overClaimed: z.number(),
  stale: z.number(),
  unscored: z.number(),
  /** fen: open amount, amount × milestone probability, amount × intensity total. */
  amount: z.number(),
  weighted: z.number(),
  intensityWeighted: z.number(),
});
export type ScoreSummary = z.infer<typeof scoreSummary>;

export const repScoreRow = scoreSummary.extend({
  repId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
});
export type RepScoreRow = z.infer<typeof repScoreRow>;

/** One open deal on the rep scorecard's heat map. */
export const scoredDeal = z.object({
  id: z.string(),
  title: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  milestone: z.enum(milestones),
  /** fen */
  amount: z.number(),
  isKey: z.boolean(),
  points: dimensionPoints.nullable(),
  scoredAt: z.string().nullable(),
  calibration,
  intensityWeighted: z.number(),
});
export type ScoredDeal = z.infer<typeof scoredDeal>;

export const scoresContract = {
  /** Records a scoring of an open deal by the current user; answers the deal's scores. */
  'scores.add': method(
    z
      .object({
        dealId: id,
        levels: scoreLevels,
        note: optionalText(1000),
        today: day,
      })
      .strict(),
    dealScores,
  ),
  /** A deal's scorings, its calibration and the checklist items the latest score contradicts. */
  'scores.forDeal': method(z.object({ dealId: id, today: day }).strict(), dealScores),
  /**
   * The team scorecard: one row per rep (active reps, and anyone else owning open deals) in
   * scope, plus the summary over all of them. Latest score of every open deal.
   */
  'scores.team': method(
    z
      .object({
        scope: z.enum(scopes),
        teamId: id.optional(),
        today: day,
      })
      .strict(),
    z.object({ rows: z.array(repScoreRow), summary: scoreSummary }),
  ),
  /** A rep's scorecard: open deals as a heat map, the rep's averages and the rep's team's. */
  'scores.rep': method(
    z.object({ repId: id, today: day }).strict(),
    z.object({
      rep: repScoreRow,
      /** The rep's team's summary (every owner in the team), for the radar's second series. */
      team: scoreSummary.nullable(),
      deals: z.array(scoredDeal),
    }),
  ),
} as const;
