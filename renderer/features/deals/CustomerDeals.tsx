/** The customer's deals on the customer page, with "new deal" (filled in by the funnel work). */
export function CustomerDeals(_props: { customerId: string }) {
  return null;
}
