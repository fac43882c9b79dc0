/** A won deal's receivables and collections on the deal page (filled in by the receivables work). */
export function DealReceivables(_props: { dealId: string }) {
  return null;
}
