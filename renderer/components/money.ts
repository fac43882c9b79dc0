/**
 * Fen (integer cents) as yuan with a ¥ sign and thousands separators. Fen are shown only
 * when there are any and the amount is under ten thousand yuan: ¥12,000.50, but
 * ¥2,389,462,701 on a board total rather than ¥2,389,462,701.25.
 */
export function formatMoney(fen: number, language: string): string {
  const yuan = fen / 100;
  const withFen = fen % 100 !== 0 && Math.abs(yuan) < 10_000;
  const shown = withFen ? yuan : Math.round(yuan);
  return `¥${shown.toLocaleString(language, { minimumFractionDigits: withFen ? 2 : 0, maximumFractionDigits: withFen ? 2 : 0 })}`;
}

/** What a yuan field holds (a number, or '' while empty) as fen; null when it is no number. */
export function yuanToFen(value: number | string): number | null {
  const n = typeof value === 'number' ? value : Number.parseFloat(value);
  if (!Number.isFinite(n)) return null;
  // Rounding guards against 0.1 + 0.2 style float noise.
  return Math.round(n * 100);
}

/** Fen as the number a yuan field edits. */
export function fenToYuan(fen: number): number {
  return fen / 100;
}
