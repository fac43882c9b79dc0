/** "My follow-ups": today, overdue, upcoming (filled in by the follow-ups work). */
export function FollowUpsPage() {
  return null;
}
