/** The product catalogue in Settings (filled in by the funnel work). */
export function ProductsCard() {
  return null;
}
