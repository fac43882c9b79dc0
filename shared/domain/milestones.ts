/**
 * The milestones of domain.md §3 (seed 004, slides 34–36): win probability (产能) and the
 * exit criteria that must all be ticked before a deal may advance. Item keys are stable
 * identifiers; their words live in the i18n catalogues (deals module).
 */
export const milestones = ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'] as const;
export type Milestone = (typeof milestones)[number];

export const dealStatuses = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof dealStatuses)[number];

/** Win probability in percent. */
export const milestoneProbability: Record<Milestone, number> = {
  M1: 10,
  M2: 25,
  M3: 50,
  M4: 75,
  M5: 90,
  M6: 100,
};

/** Exit criteria per milestone; M6's are the after-sales follow-up items once the contract is signed. */
export const exitCriteria = {
  M1: ['problem_found', 'contact_admits_pain', 'contact_vision', 'contact_agrees_explore'],
  M2: ['contact_introduces_dm', 'consensus_letter', 'dm_reached'],
  M3: [
    'dm_admits_pain',
    'dm_vision',
    'dm_agrees_explore',
    'capabilities_presented',
    'presentation_confirmed',
  ],
  M4: ['supplier_selected', 'asked_for_business'],
  M5: ['proposal_to_close', 'decision_made', 'verbal_agreement', 'contract_terms'],
  M6: ['after_sales_service', 'usage_feedback', 'prospect_db_updated'],
} as const satisfies Record<Milestone, readonly string[]>;
export type ExitCriterion = (typeof exitCriteria)[Milestone][number];

export const allCriteria: readonly ExitCriterion[] = milestones.flatMap((m) => exitCriteria[m]);

export function isExitCriterion(key: string): key is ExitCriterion {
  return (allCriteria as readonly string[]).includes(key);
}

/** Which milestone an exit criterion belongs to. */
export function criterionMilestone(key: ExitCriterion): Milestone {
  const found = milestones.find((m) => (exitCriteria[m] as readonly string[]).includes(key));
  if (!found) throw new Error(`unknown exit criterion ${key}`);
  return found;
}

export function milestoneIndex(m: Milestone): number {
  return milestones.indexOf(m);
}

/** Where a move goes: another open milestone, won (M6, contract signed), or lost. */
export type MoveTarget = Milestone | 'lost';

export type MoveCheck =
  | { kind: 'ok'; direction: 'forward' | 'backward' | 'won' | 'lost' | 'reopen' }
  | { kind: 'needs_checklist'; missing: ExitCriterion[] }
  | { kind: 'refused'; reason: 'closed' | 'same' | 'skips' };

/**
 * The rules of a move (domain.md §3): a deal advances one milestone at a time and only with
 * every exit criterion of the milestone it leaves ticked (a manager may force it, with a
 * reason); moving back is always allowed; lost is possible from any milestone; a closed
 * deal (won or lost) only moves when reopened to an open milestone.
 */
export function checkMove(
  deal: { milestone: Milestone; status: DealStatus },
  target: MoveTarget,
  ticked: ReadonlySet<string>,
): MoveCheck {
  if (deal.status !== 'open') {
    if (target === 'lost' || target === 'M6') return { kind: 'refused', reason: 'closed' };
    return { kind: 'ok', direction: 'reopen' };
  }
  if (target === 'lost') return { kind: 'ok', direction: 'lost' };
  const from = milestoneIndex(deal.milestone);
  const to = milestoneIndex(target);
  if (to === from) return { kind: 'refused', reason: 'same' };
  if (to < from) return { kind: 'ok', direction: 'backward' };
  // Advancing passes every milestone in between: each one's criteria must be met.
  const missing = passedMilestones(deal.milestone, target).flatMap((m) =>
    exitCriteria[m].filter((c) => !ticked.has(c)),
  );
  if (missing.length > 0) return { kind: 'needs_checklist', missing };
  return { kind: 'ok', direction: target === 'M6' ? 'won' : 'forward' };
}

/**
 * The milestones a forward move passes, whose exit criteria must all be ticked: the one it
 * leaves and every one it skips (M1 → M3 passes M1 and M2). Empty for any other move.
 */
export function passedMilestones(from: Milestone, to: MoveTarget): Milestone[] {
  if (to === 'lost') return [];
  return milestones.slice(milestoneIndex(from), milestoneIndex(to));
}

/** Amount × probability, in the same unit as the amount (fen). */
export function weightedAmount(amount: number, milestone: Milestone): number {
  return Math.round((amount * milestoneProbability[milestone]) / 100);
}

/** Days a deal has been in a stage, counted from the instant it entered. */
export function daysInStage(enteredAt: string, now: string): number {
  return Math.max(0, Math.floor((Date.parse(now) - Date.parse(enteredAt)) / 86_400_000));
}

/** Default stalled thresholds per open milestone (days); editable in Settings. */
export const defaultStalledDays: Record<Exclude<Milestone, 'M6'>, number> = {
  M1: 30,
  M2: 30,
  M3: 30,
  M4: 30,
  M5: 30,
};

/**
 * Whole days from the (UTC) calendar day a deal entered its stage to `today` (YYYY-MM-DD).
 * Calendar days, not 24-hour periods, so a card reads the same all day and SQL can compare
 * `stage_entered_at` with a cut-off date instead of computing days row by row.
 */
export function daysInStageOn(enteredAt: string, today: string): number {
  const entered = Date.parse(`${enteredAt.slice(0, 10)}T00:00:00Z`);
  return Math.max(0, Math.round((Date.parse(`${today}T00:00:00Z`) - entered) / 86_400_000));
}

/** An open deal is stalled when its days in stage exceed its milestone's threshold (domain.md §7). */
export function isStalled(
  deal: { milestone: Milestone; status: DealStatus; stageEnteredAt: string },
  today: string,
  thresholds: Record<Exclude<Milestone, 'M6'>, number>,
): boolean {
  if (deal.status !== 'open' || deal.milestone === 'M6') return false;
  return daysInStageOn(deal.stageEnteredAt, today) > thresholds[deal.milestone];
}

/** The weighted amount a deal contributes: a lost deal contributes nothing. */
export function dealWeighted(deal: {
  amount: number;
  milestone: Milestone;
  status: DealStatus;
}): number {
  return deal.status === 'lost' ? 0 : weightedAmount(deal.amount, deal.milestone);
}

/** The exit criteria a deal's checklist shows: every milestone up to its current one. */
export function checklistMilestones(milestone: Milestone): Milestone[] {
  return milestones.slice(0, milestoneIndex(milestone) + 1);
}

/** The key brief's ten parts (two people, four texts each): how many are filled. */
export function briefCompleteness(brief: Record<string, unknown>): number {
  return briefParts.filter((k) => {
    const v = brief[k];
    return v !== null && v !== undefined && v !== '';
  }).length;
}
export const briefParts = [
  'contactId',
  'contactProblem',
  'contactCause',
  'contactVision',
  'contactValue',
  'deciderId',
  'deciderProblem',
  'deciderCause',
  'deciderVision',
  'deciderValue',
] as const;

/** A sum of line totals (quantity × unit price, fen): a deal's amount when it has lines. */
export function linesAmount(lines: readonly { quantity: number; unitPrice: number }[]): number {
  return lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0);
}
