/** Customer statuses of domain.md §2. */
export const customerStatuses = ['prospect', 'customer', 'lost'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

/** The five buying roles of domain.md §2 (seed 004, slide 10). */
export const buyingRoles = [
  'decision_maker',
  'purchaser',
  'supporter',
  'technical',
  'user',
] as const;
export type BuyingRole = (typeof buyingRoles)[number];

/**
 * The key two customer names clash on: NFKC folds full-width letters, digits and
 * punctuation to half-width (ＡＢＣ（上海） → ABC(上海)), then case and runs of white
 * space are folded. Used for uniqueness and for search.
 */
export function customerNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Tags as stored (a JSON array of strings); anything unreadable counts as no tags. */
export function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}
