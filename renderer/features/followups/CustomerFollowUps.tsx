/** The customer's open follow-ups (filled in by the follow-ups work). */
export function CustomerFollowUps(_props: { customerId: string; ownerId: string | null }) {
  return null;
}
