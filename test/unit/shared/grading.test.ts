import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  defaultFrequencyRules,
  effectiveGrade,
  gradeIsStale,
  overdueDays,
  quadrantGrade,
} from '../../../shared/domain/grading';

describe('quadrantGrade (domain.md §2, slide 31: 3 or more is high)', () => {
  it.each([
    // relationship, attractiveness, grade
    [5, 5, 'key'],
    [3, 3, 'key'],
    [3, 5, 'key'],
    [2, 3, 'potential'],
    [1, 5, 'potential'],
    [3, 2, 'ordinary'],
    [5, 1, 'ordinary'],
    [2, 2, 'ignore'],
    [1, 1, 'ignore'],
  ] as const)('relationship %i, attractiveness %i → %s', (relationship, attractiveness, grade) => {
    expect(quadrantGrade(relationship, attractiveness)).toBe(grade);
  });

  it('is null until both scores are given', () => {
    expect(quadrantGrade(null, 4)).toBeNull();
    expect(quadrantGrade(4, undefined)).toBeNull();
  });

  it("a manager's override wins over the quadrant", () => {
    expect(effectiveGrade('ignore', 5, 5)).toBe('ignore');
    expect(effectiveGrade(null, 5, 5)).toBe('key');
    expect(effectiveGrade('key', null, null)).toBe('key');
  });
});

describe('calendar arithmetic across month and year ends', () => {
  it.each([
    ['2026-01-31', '2026-02-01', 1],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-12-31', '2027-01-01', 1],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-11-23', '2026-11-09', -14],
  ] as const)('%s → %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
    expect(addDays(from, days)).toBe(to);
  });

  it('reads the date part of an instant', () => {
    expect(daysBetween('2026-10-31T23:59:59.000Z', '2026-11-01')).toBe(1);
  });
});

describe('overdue by the grade’s visit frequency', () => {
  const rules = defaultFrequencyRules;
  it.each([
    // grade, last contact, today, overdue days
    ['key', '2026-11-09', '2026-11-23', null], // exactly 14 days: still on time
    ['key', '2026-11-08', '2026-11-23', 1],
    ['key', '2026-01-20', '2026-02-05', 2], // across a month end
    ['potential', '2026-10-24', '2026-11-23', null],
    ['potential', '2026-10-01', '2026-11-23', 23],
    ['ordinary', '2026-09-01', '2026-11-23', 23],
    ['ignore', '2020-01-01', '2026-11-23', null], // no rule
  ] as const)(
    '%s customer last contacted %s is overdue by %s on %s',
    (grade, last, today, expected) => {
      expect(overdueDays(grade, last, today, rules)).toBe(expected);
    },
  );

  it('an ungraded customer is never overdue', () => {
    expect(overdueDays(null, '2020-01-01', '2026-11-23', rules)).toBeNull();
  });

  it('follows edited rules', () => {
    expect(overdueDays('ignore', '2026-11-01', '2026-11-23', { ...rules, ignore: 7 })).toBe(15);
  });
});

describe('stale grades (older than 90 days)', () => {
  it.each([
    ['2026-08-25', false],
    ['2026-08-24', true],
    [null, true],
  ] as const)('reviewed %s is stale on 2026-11-23: %s', (reviewed, stale) => {
    expect(gradeIsStale(reviewed, '2026-11-23')).toBe(stale);
  });
});
