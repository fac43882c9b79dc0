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
  const missing = milestones
    .slice(from, to)
    .flatMap((m) => exitCriteria[m].filter((c) => !ticked.has(c)));
  if (missing.length > 0) return { kind: 'needs_checklist', missing };
  return { kind: 'ok', direction: target === 'M6' ? 'won' : 'forward' };
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
