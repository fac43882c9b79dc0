import { describe, expect, it } from 'vitest';
import {
  isBehind,
  isWorkingDay,
  periodOf,
  previousPeriod,
  previousRange,
  samePeriodLastYear,
  timeProgress,
  workingDays,
} from '../../../shared/domain/periods';
import { attainment } from '../../../shared/domain/targets';
import { isoWeek, isoWeekRange } from '../../../shared/domain/time';
import { nationalDay2025, weekdaysOnly } from './calendar.fixture';

const none = weekdaysOnly;

describe('periods', () => {
  it('finds the week, month, quarter and year holding a day', () => {
    expect(periodOf('week', '2027-01-02')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(periodOf('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf('quarter', '2026-11-23')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('year', '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('steps back one period, across a year boundary', () => {
    const week1 = periodOf('week', '2026-01-01');
    expect(week1).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(previousPeriod('week', week1)).toEqual({ from: '2025-12-22', to: '2025-12-28' });
    expect(previousPeriod('month', periodOf('month', '2026-03-15'))).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(previousPeriod('quarter', periodOf('quarter', '2026-02-01'))).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousRange({ from: '2026-01-05', to: '2026-01-11' })).toEqual({
      from: '2025-12-29',
      to: '2026-01-04',
    });
  });

  it('takes the same ISO week number last year, and week 52 for a week 53', () => {
    expect(samePeriodLastYear('week', periodOf('week', '2026-03-04'))).toEqual({
      from: '2025-03-03',
      to: '2025-03-09',
    });
    // 2026 has 53 ISO weeks, 2025 only 52.
    expect(samePeriodLastYear('week', periodOf('week', '2026-12-30'))).toEqual({
      from: '2025-12-22',
      to: '2025-12-28',
    });
    expect(samePeriodLastYear('month', periodOf('month', '2024-02-29'))).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
  });
});

describe('ISO weeks across years', () => {
  it('puts New Year’s days in the week of their Thursday', () => {
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
    expect(isoWeek('2021-01-03')).toBe('2020-W53');
  });

  it('knows which years have a week 53', () => {
    expect(isoWeekRange('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(isoWeekRange('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekRange('2025-W53')).toBeNull();
  });
});

describe('working days with holidays and 调休', () => {
  it('follows the weekend rule except where the calendar says otherwise', () => {
    expect(isWorkingDay('2025-09-28', nationalDay2025)).toBe(true); // Sunday, made up
    expect(isWorkingDay('2025-10-11', nationalDay2025)).toBe(true); // Saturday, made up
    expect(isWorkingDay('2025-10-06', nationalDay2025)).toBe(false); // Monday, holiday
    expect(isWorkingDay('2025-10-09', nationalDay2025)).toBe(true);
    expect(isWorkingDay('2025-10-12', nationalDay2025)).toBe(false); // Sunday
    expect(isWorkingDay('2025-10-06', none)).toBe(true);
  });

  it('counts the working days of a month and a quarter', () => {
    // October 2025: 23 weekdays − 6 weekday holidays + Saturday 11th = 18.
    expect(workingDays({ from: '2025-10-01', to: '2025-10-31' }, nationalDay2025)).toBe(18);
    // September 2025: 22 weekdays + Sunday 28th = 23.
    expect(workingDays({ from: '2025-09-01', to: '2025-09-30' }, nationalDay2025)).toBe(23);
    // Q4 2025: 18 + 20 (November) + 23 (December).
    expect(workingDays({ from: '2025-10-01', to: '2025-12-31' }, nationalDay2025)).toBe(61);
    expect(workingDays({ from: '2025-10-02', to: '2025-10-01' }, nationalDay2025)).toBe(0);
  });
});

describe('time progress and behind', () => {
  const october = { from: '2025-10-01', to: '2025-10-31' };

  it('is the share of working days elapsed, today included', () => {
    expect(timeProgress(october, '2025-09-30', nationalDay2025)).toBe(0);
    expect(timeProgress(october, '2025-10-05', nationalDay2025)).toBe(0);
    expect(timeProgress(october, '2025-10-10', nationalDay2025)).toBeCloseTo(2 / 18, 12);
    expect(timeProgress(october, '2025-10-11', nationalDay2025)).toBeCloseTo(3 / 18, 12);
    // 9, 10, 11, 13–17, 20: nine of eighteen.
    expect(timeProgress(october, '2025-10-20', nationalDay2025)).toBe(0.5);
    expect(timeProgress(october, '2025-10-31', nationalDay2025)).toBe(1);
    expect(timeProgress(october, '2025-11-02', nationalDay2025)).toBe(1);
  });

  it('counts calendar days in a period without working days', () => {
    const golden = { from: '2025-10-01', to: '2025-10-05' };
    expect(timeProgress(golden, '2025-10-02', nationalDay2025)).toBeCloseTo(2 / 5, 12);
  });

  it('is behind at exactly 10 points below time progress', () => {
    const progress = timeProgress(october, '2025-10-20', nationalDay2025);
    expect(isBehind(attainment(72_000, 180_000), progress)).toBe(true);
    expect(isBehind(attainment(72_001, 180_000), progress)).toBe(false);
    // 0.3 − 0.2 is 0.0999…98 in floating point: still exactly ten points.
    expect(isBehind(0.2, 0.3)).toBe(true);
    expect(isBehind(0.6, 0.5)).toBe(false);
    expect(isBehind(null, 1)).toBe(false);
  });
});
