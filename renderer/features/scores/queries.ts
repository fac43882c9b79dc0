import { useApiQuery } from '../../api/queries';
import { localToday } from '../../components/dates';

/** Every table the score screens read: a commit to any of them refreshes them. */
export const scoreTables = [
  'deal_scores',
  'deals',
  'deal_checks',
  'customers',
  'users',
  'teams',
  'settings',
] as const;

/** A deal's scorings, calibration and contradictions, refreshed by any commit to what they read. */
export function useDealScores(dealId: string) {
  return useApiQuery('scores.forDeal', { dealId, today: localToday() }, scoreTables);
}
