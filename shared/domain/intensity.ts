/**
 * The sales intensity score of domain.md §4 (seed 004, slides 37–41): five dimensions, the
 * "5K formula" 问题 × 权力 × 愿景 × 价值 × 控制 = 成交. Each dimension is scored by the
 * highest level reached on its ladder; Problem, Vision and Value have two columns — the same
 * level reached with the contact (经办人) or with the decision maker (决策者) scores differently.
 *
 * This table is the method: users cannot edit it. Level keys are stable identifiers stored
 * in the database; their words live in the i18n catalogues (intensity module).
 */
import { milestoneProbability, type DealStatus, type Milestone } from './milestones';

export const dimensions = ['problem', 'power', 'vision', 'value', 'control'] as const;
export type Dimension = (typeof dimensions)[number];

/** With whom a two-column level was reached. */
export const reachedWith = ['contact', 'decider'] as const;
export type ReachedWith = (typeof reachedWith)[number];

/** A two-column ladder: points with the contact (left) and with the decision maker (right). */
type TwoColumn = readonly { key: string; contact: number; decider: number }[];
/** A one-column ladder. */
type OneColumn = readonly { key: string; points: number }[];

export const problemLevels = [
  { key: 'cannot_describe', contact: 0, decider: 12 },
  { key: 'assumes_need', contact: 2, decider: 13 },
  { key: 'assumes_pain', contact: 4, decider: 14 },
  { key: 'admits_need', contact: 6, decider: 16 },
  { key: 'admits_cause', contact: 8, decider: 18 },
  { key: 'admits_pain', contact: 10, decider: 20 },
] as const satisfies TwoColumn;

export const powerLevels = [
  { key: 'dm_unknown', points: 0 },
  { key: 'dm_known', points: 4 },
  { key: 'process_understood', points: 8 },
  { key: 'contact_will_introduce', points: 9 },
  { key: 'dm_agrees_explore', points: 10 },
  { key: 'dm_agrees_value_plan', points: 14 },
  { key: 'dm_agrees_proposal', points: 16 },
  { key: 'dm_agrees_buy', points: 20 },
] as const satisfies OneColumn;

export const visionLevels = [
  { key: 'none_or_competitor', contact: 0, decider: 8 },
  { key: 'product_vision', contact: 2, decider: 10 },
  { key: 'differentiated', contact: 4, decider: 15 },
  { key: 'customer_agrees', contact: 6, decider: 20 },
] as const satisfies TwoColumn;

export const valueLevels = [
  { key: 'not_identified', contact: 0, decider: 8 },
  { key: 'not_quantifiable', contact: 1, decider: 10 },
  { key: 'seller_identifies', contact: 2, decider: 12 },
  { key: 'customer_states', contact: 3, decider: 14 },
  { key: 'customer_verifies', contact: 4, decider: 16 },
  { key: 'verified_together', contact: 5, decider: 18 },
  { key: 'agreed_financial', contact: 6, decider: 20 },
] as const satisfies TwoColumn;

export const controlLevels = [
  { key: 'nothing_written', points: 0 },
  { key: 'contact_states_pain', points: 4 },
  { key: 'contact_introduces_dm', points: 8 },
  { key: 'dm_discusses_solutions', points: 10 },
  { key: 'dm_revises_plan', points: 14 },
  { key: 'pre_proposal_review', points: 16 },
  { key: 'evaluation_plan_done', points: 20 },
] as const satisfies OneColumn;

export type ProblemLevel = (typeof problemLevels)[number]['key'];
export type PowerLevel = (typeof powerLevels)[number]['key'];
export type VisionLevel = (typeof visionLevels)[number]['key'];
export type ValueLevel = (typeof valueLevels)[number]['key'];
export type ControlLevel = (typeof controlLevels)[number]['key'];

/** Every dimension's ladder, lowest level first, and whether it has the two columns. */
export const rubric = {
  problem: { twoColumn: true, levels: problemLevels },
  power: { twoColumn: false, levels: powerLevels },
  vision: { twoColumn: true, levels: visionLevels },
  value: { twoColumn: true, levels: valueLevels },
  control: { twoColumn: false, levels: controlLevels },
} as const;

export const twoColumnDimensions = ['problem', 'vision', 'value'] as const;
export type TwoColumnDimension = (typeof twoColumnDimensions)[number];

/** The level keys of a dimension, lowest first. */
export function levelKeys(dimension: Dimension): string[] {
  return rubric[dimension].levels.map((l) => l.key);
}

/** Every dimension scores 0–20; the total 0–100. */
export const DIMENSION_MAX = 20;
export const TOTAL_MAX = 100;

/** One scoring's choices: a level per dimension, and with whom for the two-column ones. */
export type ScoreLevels = {
  problem: { level: ProblemLevel; with: ReachedWith };
  power: { level: PowerLevel };
  vision: { level: VisionLevel; with: ReachedWith };
  value: { level: ValueLevel; with: ReachedWith };
  control: { level: ControlLevel };
};

export type DimensionPoints = Record<Dimension, number>;

/** Points of one dimension's level; throws on a level the rubric does not know. */
export function levelPoints(dimension: Dimension, level: string, by?: ReachedWith | null): number {
  const spec = rubric[dimension];
  if (spec.twoColumn) {
    const row = (spec.levels as TwoColumn).find((l) => l.key === level);
    if (!row) throw new Error(`unknown ${dimension} level ${level}`);
    return by === 'decider' ? row.decider : row.contact;
  }
  const row = (spec.levels as OneColumn).find((l) => l.key === level);
  if (!row) throw new Error(`unknown ${dimension} level ${level}`);
  return row.points;
}

/** The five dimensions' points of a scoring. */
export function scorePoints(levels: ScoreLevels): DimensionPoints {
  return {
    problem: levelPoints('problem', levels.problem.level, levels.problem.with),
    power: levelPoints('power', levels.power.level),
    vision: levelPoints('vision', levels.vision.level, levels.vision.with),
    value: levelPoints('value', levels.value.level, levels.value.with),
    control: levelPoints('control', levels.control.level),
  };
}

export function scoreTotal(points: DimensionPoints): number {
  return dimensions.reduce((sum, d) => sum + points[d], 0);
}

/** Colour band of a total: weak under 40, developing under 70, strong from 70. */
export type ScoreBand = 'weak' | 'developing' | 'strong';
export function scoreBand(total: number): ScoreBand {
  if (total < 40) return 'weak';
  if (total < 70) return 'developing';
  return 'strong';
}

/** Colour band of a dimension's points (0–20), on the same scale as the total's. */
export function dimensionBand(points: number): ScoreBand {
  return scoreBand((points / DIMENSION_MAX) * TOTAL_MAX);
}

/** Over-claimed (虚高): the milestone probability exceeds the intensity total by this or more. */
export const OVER_CLAIM_GAP = 30;
/** A score older than this many days is stale. */
export const STALE_SCORE_DAYS = 30;

/** Whole calendar days (UTC) from the day of `at` (an ISO instant) to `today` (YYYY-MM-DD). */
export function daysSinceScored(at: string, today: string): number {
  const scored = Date.parse(`${at.slice(0, 10)}T00:00:00Z`);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - scored) / 86_400_000));
}

/** The day before which a score is stale on `today`: scored_at < this ⇔ older than 30 days. */
export function staleCutoff(today: string): string {
  const d = new Date(Date.parse(`${today}T00:00:00Z`) - STALE_SCORE_DAYS * 86_400_000);
  return d.toISOString().slice(0, 10);
}

export type Calibration = {
  /** The milestone's win probability, percent. */
  probability: number;
  /** The latest score's total, null when never scored. */
  total: number | null;
  /** probability − total, null when never scored. */
  gap: number | null;
  /** Open, scored, and the probability exceeds the total by 30 points or more (虚高). */
  overClaimed: boolean;
  /** Open, scored, and the latest score is older than 30 days. */
  stale: boolean;
  /** Open and never scored. */
  unscored: boolean;
  daysSinceScored: number | null;
};

/**
 * Calibration (盈率校准, seed 002 value 3): the milestone's probability beside the latest
 * intensity total. Only open deals carry flags; a won or lost deal has nothing to calibrate.
 */
export function calibrate(
  deal: { milestone: Milestone; status: DealStatus },
  latest: { total: number; scoredAt: string } | null,
  today: string,
): Calibration {
  const probability = milestoneProbability[deal.milestone];
  const open = deal.status === 'open';
  if (!latest)
    return {
      probability,
      total: null,
      gap: null,
      overClaimed: false,
      stale: false,
      unscored: open,
      daysSinceScored: null,
    };
  const gap = probability - latest.total;
  const days = daysSinceScored(latest.scoredAt, today);
  return {
    probability,
    total: latest.total,
    gap,
    overClaimed: open && gap >= OVER_CLAIM_GAP,
    stale: open && days > STALE_SCORE_DAYS,
    unscored: false,
    daysSinceScored: days,
  };
}

/** amount × total / 100 (fen): the intensity-weighted forecast of a deal; 0 when unscored. */
export function intensityWeighted(amount: number, total: number | null): number {
  return total === null ? 0 : Math.round((amount * total) / 100);
}

/**
 * The weakest dimension of a set of averages: the lowest, the earliest in the formula's
 * order on a tie (every dimension has the same 0–20 scale). Null when nothing is scored.
 */
export function weakestDimension(averages: Record<Dimension, number | null>): Dimension | null {
  let weakest: Dimension | null = null;
  for (const d of dimensions) {
    const v = averages[d];
    if (v === null) continue;
    if (weakest === null || v < (averages[weakest] ?? Infinity)) weakest = d;
  }
  return weakest;
}

/**
 * Where a ticked exit criterion and the score tell different stories: the criterion claims
 * at least `atLeast` on `dimension` (and, for `decider`, reached with the decision maker).
 * Criteria without a counterpart on the ladders (agrees to explore further, after-sales
 * items…) are not checked.
 */
export type EvidenceRule = {
  criterion: string;
  dimension: Dimension;
  atLeast: string;
  decider?: true;
};
export const evidenceRules: readonly EvidenceRule[] = [
  { criterion: 'problem_found', dimension: 'problem', atLeast: 'assumes_pain' },
  { criterion: 'contact_admits_pain', dimension: 'problem', atLeast: 'admits_pain' },
  { criterion: 'contact_vision', dimension: 'vision', atLeast: 'customer_agrees' },
  { criterion: 'contact_introduces_dm', dimension: 'power', atLeast: 'contact_will_introduce' },
  { criterion: 'consensus_letter', dimension: 'control', atLeast: 'contact_states_pain' },
  { criterion: 'dm_reached', dimension: 'power', atLeast: 'dm_known' },
  { criterion: 'dm_admits_pain', dimension: 'problem', atLeast: 'admits_pain', decider: true },
  { criterion: 'dm_vision', dimension: 'vision', atLeast: 'customer_agrees', decider: true },
  { criterion: 'dm_agrees_explore', dimension: 'power', atLeast: 'dm_agrees_explore' },
  { criterion: 'capabilities_presented', dimension: 'value', atLeast: 'seller_identifies' },
  { criterion: 'presentation_confirmed', dimension: 'value', atLeast: 'customer_states' },
  { criterion: 'supplier_selected', dimension: 'power', atLeast: 'dm_agrees_proposal' },
  { criterion: 'decision_made', dimension: 'power', atLeast: 'dm_agrees_buy' },
  { criterion: 'verbal_agreement', dimension: 'power', atLeast: 'dm_agrees_buy' },
];

export type Contradiction = {
  criterion: string;
  dimension: Dimension;
  /** What the criterion needs. */
  needsLevel: string;
  needsDecider: boolean;
  /** What the score says. */
  level: string;
  with: ReachedWith | null;
};

/** The ticked criteria that the latest score contradicts (none when never scored). */
export function contradictions(
  ticked: ReadonlySet<string>,
  levels: ScoreLevels | null,
): Contradiction[] {
  if (!levels) return [];
  const out: Contradiction[] = [];
  for (const rule of evidenceRules) {
    if (!ticked.has(rule.criterion)) continue;
    const chosen = levels[rule.dimension] as { level: string; with?: ReachedWith };
    const keys = levelKeys(rule.dimension);
    const short = keys.indexOf(chosen.level) < keys.indexOf(rule.atLeast);
    const wrongPerson = rule.decider === true && chosen.with !== 'decider';
    if (short || wrongPerson)
      out.push({
        criterion: rule.criterion,
        dimension: rule.dimension,
        needsLevel: rule.atLeast,
        needsDecider: rule.decider === true,
        level: chosen.level,
        with: chosen.with ?? null,
      });
  }
  return out;
}
