import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DealScores, ScoreEntry } from '../../../shared/contract/scores';
import {
  calibrate,
  contradictions,
  intensityWeighted,
  type ScoreLevels,
} from '../../../shared/domain/intensity';
import type { DealStatus, Milestone } from '../../../shared/domain/milestones';
import type { Db } from '../../db/connection';
import { dealScores, deals, users } from '../../db/schema';
import { tickedCriteria } from '../deals/deals.detail';

export type ScoredDealRecord = {
  id: string;
  milestone: Milestone;
  status: DealStatus;
  amount: number;
  scoreId: string | null;
};

/** A live deal's fields its scores depend on, or undefined when unknown or deleted. */
export function liveDeal(db: Db, id: string): ScoredDealRecord | undefined {
  return db
    .select({
      id: deals.id,
      milestone: deals.milestone,
      status: deals.status,
      amount: deals.amount,
      scoreId: deals.scoreId,
    })
    .from(deals)
    .where(and(eq(deals.id, id), isNull(deals.deletedAt)))
    .get();
}

/** The stored levels of a scoring row as the rubric's choices. */
export function levelsOf(row: {
  problemLevel: string;
  problemWith: 'contact' | 'decider';
  powerLevel: string;
  visionLevel: string;
  visionWith: 'contact' | 'decider';
  valueLevel: string;
  valueWith: 'contact' | 'decider';
  controlLevel: string;
}): ScoreLevels {
  // The columns only ever hold rubric keys: commit derives the points from them and throws otherwise.
  return {
    problem: { level: row.problemLevel, with: row.problemWith },
    power: { level: row.powerLevel },
    vision: { level: row.visionLevel, with: row.visionWith },
    value: { level: row.valueLevel, with: row.valueWith },
    control: { level: row.controlLevel },
  } as ScoreLevels;
}

/** A deal's live scorings, oldest first (the order the latest-score trigger ranks them in). */
export function scoreHistory(db: Db, dealId: string): ScoreEntry[] {
  return db
    .select({
      id: dealScores.id,
      dealId: dealScores.dealId,
      scoredAt: dealScores.scoredAt,
      scoredById: dealScores.scoredBy,
      scoredByName: users.name,
      note: dealScores.note,
      problemLevel: dealScores.problemLevel,
      problemWith: dealScores.problemWith,
      powerLevel: dealScores.powerLevel,
      visionLevel: dealScores.visionLevel,
      visionWith: dealScores.visionWith,
      valueLevel: dealScores.valueLevel,
      valueWith: dealScores.valueWith,
      controlLevel: dealScores.controlLevel,
      problem: dealScores.problemPoints,
      power: dealScores.powerPoints,
      vision: dealScores.visionPoints,
      value: dealScores.valuePoints,
      control: dealScores.controlPoints,
      total: dealScores.totalPoints,
    })
    .from(dealScores)
    .leftJoin(users, eq(users.id, dealScores.scoredBy))
    .where(and(eq(dealScores.dealId, dealId), isNull(dealScores.deletedAt)))
    .orderBy(asc(dealScores.scoredAt), asc(dealScores.id))
    .all()
    .map((r) => ({
      id: r.id,
      dealId: r.dealId,
      scoredAt: r.scoredAt,
      scoredById: r.scoredById,
      scoredByName: r.scoredByName,
      note: r.note,
      levels: levelsOf(r),
      points: {
        problem: r.problem,
        power: r.power,
        vision: r.vision,
        value: r.value,
        control: r.control,
      },
      total: r.total,
    }));
}

/** A deal's scorings, calibration and the ticked criteria its latest score contradicts. */
export function dealScoresOf(db: Db, deal: ScoredDealRecord, today: string): DealScores {
  const history = scoreHistory(db, deal.id);
  // The cached latest (deals.score_id) is the one the board and the scorecards read.
  const latest = history.find((s) => s.id === deal.scoreId) ?? null;
  return {
    dealId: deal.id,
    milestone: deal.milestone,
    status: deal.status,
    amount: deal.amount,
    history,
    latest,
    calibration: calibrate(deal, latest, today),
    contradictions: contradictions(tickedCriteria(db, deal.id), latest?.levels ?? null),
    intensityWeighted: intensityWeighted(deal.amount, latest?.total ?? null),
  };
}
