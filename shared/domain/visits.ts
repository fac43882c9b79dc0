/**
 * Visits and calendar events (domain.md §5, seed 000 §3): the visit plan and summary,
 * purposes, meetings and coaching, plan vs actual and the activity categories.
 */
import type { ActivityCategory } from './activities';

export const visitPurposes = [
  'develop',
  'info',
  'collect',
  'service',
  'problem',
  'order',
  'other',
] as const;
export type VisitPurpose = (typeof visitPurposes)[number];

/** planned: not yet summarised; done / cancelled / missed: the summary's outcome. */
export const visitStatuses = ['planned', 'done', 'cancelled', 'missed'] as const;
export type VisitStatus = (typeof visitStatuses)[number];
export const summaryStatuses = ['done', 'cancelled', 'missed'] as const;
export type SummaryStatus = (typeof summaryStatuses)[number];

export const meetingKinds = [
  'morning',
  'weekly',
  'monthly',
  'quarterly',
  'annual',
  'coaching',
] as const;
export type MeetingKind = (typeof meetingKinds)[number];

/** Slide 43: a role-play coaching session with every rep within two weeks. */
export const COACHING_WINDOW_DAYS = 14;

/**
 * The activity split's category of a visit (domain.md §5, slides 46–47): develop/info →
 * development; order/problem → negotiation unless the customer already has a won deal
 * (then it is maintenance of an account); service/collect → maintenance; other → by the
 * customer's status like a hand-logged activity.
 */
export function visitCategory(
  purpose: VisitPurpose,
  customer: { hasWonDeal: boolean; status: 'prospect' | 'customer' | 'lost' },
): ActivityCategory {
  switch (purpose) {
    case 'develop':
    case 'info':
      return 'development';
    case 'order':
    case 'problem':
      return customer.hasWonDeal ? 'maintenance' : 'negotiation';
    case 'service':
    case 'collect':
      return 'maintenance';
    case 'other':
      return customer.status === 'customer' ? 'maintenance' : 'development';
  }
}

/** One rep's visits in a period, counted for plan vs actual (计划与实际). */
export type PlanCounts = {
  /** Visits that were in the plan (whatever became of them). */
  planned: number;
  /** Planned visits that were done. */
  plannedDone: number;
  /** Every done visit, planned or logged without a plan. */
  done: number;
  /** Done visits marked effective (有效拜访). */
  effective: number;
  /** Done without a plan. */
  unplanned: number;
  cancelled: number;
  missed: number;
  /** Planned visits whose time has passed without a summary. */
  awaitingSummary: number;
};

/** Plan completion rate = done planned visits / planned visits (domain.md §7.3); null without a plan. */
export function planCompletionRate(c: Pick<PlanCounts, 'planned' | 'plannedDone'>): number | null {
  return c.planned === 0 ? null : c.plannedDone / c.planned;
}

/** Effective visit rate 有效拜访率 = effective / done (domain.md §7.3); null when nothing was done. */
export function effectiveVisitRate(c: Pick<PlanCounts, 'done' | 'effective'>): number | null {
  return c.done === 0 ? null : c.effective / c.done;
}

/** Two time ranges overlap when each starts before the other ends (touching is fine). */
export function overlaps(
  a: { startAt: string; endAt: string },
  b: { startAt: string; endAt: string },
): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt;
}

/**
 * A day's route: by route order when set (1, 2, …), visits without one after them by start
 * time; the id breaks ties so the order is stable.
 */
export function routeSort<T extends { routeOrder: number; startAt: string; id: string }>(
  visits: readonly T[],
): T[] {
  const key = (v: T) => (v.routeOrder > 0 ? v.routeOrder : Number.MAX_SAFE_INTEGER);
  return [...visits].sort(
    (a, b) => key(a) - key(b) || a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id),
  );
}

/** Whether a visit's summary is due: still planned and its end has passed. */
export function summaryDue(visit: { status: VisitStatus; endAt: string }, now: string): boolean {
  return visit.status === 'planned' && visit.endAt <= now;
}
