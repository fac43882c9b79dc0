/** Stalled thresholds per milestone in Settings (filled in by the funnel work). */
export function StalledDaysCard() {
  return null;
}
