/** The user's calendar date (YYYY-MM-DD) in their own time zone: "today" for due dates and overdue. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from an instant's local date to today (0 = today). */
export function daysSince(iso: string, today: string = localToday()): number {
  const day = localToday(new Date(iso));
  return Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * A calendar day (YYYY-MM-DD) in the user's language. Parsed as a local date: `new
 * Date('2026-11-23')` would be UTC midnight, which is the day before west of Greenwich.
 */
export function formatDay(day: string, language: string, withYear = false): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(y, m - 1, d).toLocaleDateString(language, {
    ...(withYear ? { year: 'numeric' } : {}),
    month: 'short',
    day: 'numeric',
    weekday: 'short',
  });
}

/**
 * A calendar day where space is short (board cards): month and day, and the year when it is
 * not this year's (2027年1月15日 / Jan 15, 2027), so a close date next January reads as such.
 */
export function formatShortDay(
  day: string,
  language: string,
  today: string = localToday(),
): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(y, m - 1, d).toLocaleDateString(language, {
    ...(day.slice(0, 4) !== today.slice(0, 4) ? { year: 'numeric' } : {}),
    month: 'short',
    day: 'numeric',
  });
}
