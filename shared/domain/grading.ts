/** Customer grades of domain.md §2 (slide 31): the quadrant of relationship × attractiveness. */
export const grades = ['key', 'potential', 'ordinary', 'ignore'] as const;
export type Grade = (typeof grades)[number];

/** A score of 3 or more is "high" on either axis. */
export const HIGH_SCORE = 3;
/** Grades go stale ("记得要调整"): a review older than this is flagged. */
export const GRADE_STALE_DAYS = 90;

/**
 * | | relationship low | relationship high |
 * |---|---|---|
 * | attractiveness high | potential | key |
 * | attractiveness low | ignore | ordinary |
 */
export function quadrantGrade(
  relationship: number | null | undefined,
  attractiveness: number | null | undefined,
): Grade | null {
  if (relationship == null || attractiveness == null) return null;
  const closeRelationship = relationship >= HIGH_SCORE;
  const attractive = attractiveness >= HIGH_SCORE;
  if (attractive) return closeRelationship ? 'key' : 'potential';
  return closeRelationship ? 'ordinary' : 'ignore';
}

/** The grade that counts: a manager's override, else the quadrant's. */
export function effectiveGrade(
  override: Grade | null | undefined,
  relationship: number | null | undefined,
  attractiveness: number | null | undefined,
): Grade | null {
  return override ?? quadrantGrade(relationship, attractiveness);
}

/** Days between two calendar dates (YYYY-MM-DD), counted in UTC so month ends and DST do not shift it. */
export function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`)) /
      86_400_000,
  );
}

/** The calendar date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

/** Whether a grade review is older than 90 days (or never happened for a graded customer). */
export function gradeIsStale(reviewedOn: string | null | undefined, today: string): boolean {
  if (!reviewedOn) return true;
  return daysBetween(reviewedOn, today) > GRADE_STALE_DAYS;
}

/** Visit frequency per grade in days (the golden triangle's 频率); null: no rule. */
export type FrequencyRules = Record<Grade, number | null>;
export const defaultFrequencyRules: FrequencyRules = {
  key: 14,
  potential: 30,
  ordinary: 60,
  ignore: null,
};

/**
 * Days a customer is past its grade's visit frequency, or null when it is not overdue.
 * The last contact is the latest timeline entry; a customer never contacted counts from
 * the day it was created.
 */
export function overdueDays(
  grade: Grade | null,
  lastContactOn: string,
  today: string,
  rules: FrequencyRules,
): number | null {
  if (!grade) return null;
  const rule = rules[grade];
  if (rule == null) return null;
  const since = daysBetween(lastContactOn, today);
  return since > rule ? since - rule : null;
}
