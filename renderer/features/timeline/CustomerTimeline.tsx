/** The customer's communication timeline (filled in by the timeline work). */
export function CustomerTimeline(_props: { customerId: string }) {
  return null;
}
