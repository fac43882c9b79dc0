/** "Overdue receivable" flag on the customer page header (filled in by the receivables work). */
export function CustomerReceivablesBadge(_props: { customerId: string }) {
  return null;
}
