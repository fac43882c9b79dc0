import { describe, expect, it } from 'vitest';
import {
  attainment,
  daySplit,
  decomposeYear,
  monthKey,
  periodLevel,
  periodRange,
  quarterKey,
  splitByWeights,
  spreadOverWorkingDays,
  targetOfRange,
  weeksFromMonths,
  unassigned,
  weeksOfYear,
  type PeriodKey,
} from '../../../shared/domain/targets';
import { nationalDay2025, weekdaysOnly } from './calendar.fixture';

const sum = (xs: Iterable<number>) => [...xs].reduce((a, b) => a + b, 0);

describe('splitByWeights (largest remainder)', () => {
  it('splits into whole parts that add up, earlier parts winning ties', () => {
    expect(splitByWeights(100, [1, 1, 1])).toEqual([34, 33, 33]);
    // 4.67, 0, 2.33 → the largest remainder gets the unit left over.
    expect(splitByWeights(7, [2, 0, 1])).toEqual([5, 0, 2]);
    expect(splitByWeights(10, [0, 0])).toEqual([5, 5]);
    expect(splitByWeights(10, [-1, 1])).toEqual([0, 10]);
    expect(splitByWeights(5, [])).toEqual([]);
  });

  it('still adds up for totals near the largest safe integers', () => {
    const total = 999_999_999_999;
    const parts = splitByWeights(total, [1000, 999.9, 0.1, 3, 7, 1000, 13]);
    expect(sum(parts)).toBe(total);
    expect(parts.every((p) => p >= 0)).toBe(true);
  });
});

describe('decomposeYear', () => {
  it('splits equally: 100,000 a month, weeks by working days (2026, no holidays)', () => {
    const d = decomposeYear(2026, 1_200_000, weekdaysOnly);
    expect(d.months).toEqual(Array.from({ length: 12 }, () => 100_000));
    expect(d.quarters).toEqual([300_000, 300_000, 300_000, 300_000]);
    expect(d.weeks.size).toBe(53);
    // January 2026 has 22 working days: 4,545.45 each. Weeks are the steps of the running
    // total rounded to tenths (a count), so they add up and none is cut to 0.
    expect(d.weeks.get('2026-W01')).toBe(9090.9); // Thu 1 and Fri 2 January: 9,090.91
    expect(d.weeks.get('2026-W02')).toBe(22_727.3); // running 31,818.18
    expect(d.weeks.get('2026-W03')).toBe(22_727.3); // running 54,545.45 → 54,545.5
    // December 2026 has 23: the last four (28–31, week 53) are 17,391.30.
    expect(d.weeks.get('2026-W53')).toBe(17_391.3);
    expect(sum(d.weeks.values())).toBeCloseTo(1_200_000, 6);
  });

  it('splits by month weights (seasonality)', () => {
    const d = decomposeYear(2026, 1_200_000, weekdaysOnly, [1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2]);
    // 1,200,000 / 14 = 85,714.29 per weight: March and December (.57) then January and
    // February (.29, earliest first) take the four units left over.
    expect(d.months).toEqual([
      85_715, 85_715, 171_429, 85_714, 85_714, 85_714, 85_714, 85_714, 85_714, 85_714, 85_714,
      171_429,
    ]);
    expect(d.quarters).toEqual([342_859, 257_142, 257_142, 342_857]);
    expect(sum(d.weeks.values())).toBeCloseTo(1_200_000, 6);
  });

  it('follows holidays and 调休 make-up days into the weeks (National Day 2025)', () => {
    const weights = [0, 0, 0, 0, 0, 0, 0, 0, 23, 18, 0, 0];
    const d = decomposeYear(2025, 410_000, nationalDay2025, weights);
    expect(d.months[8]).toBe(230_000); // 23 working days × 10,000
    expect(d.months[9]).toBe(180_000); // 18 working days × 10,000
    expect(d.quarters).toEqual([0, 0, 230_000, 180_000]);
    expect(d.weeks.get('2025-W36')).toBe(50_000); // 1–5 September
    expect(d.weeks.get('2025-W39')).toBe(60_000); // 22–26 September and Sunday 28th
    expect(d.weeks.get('2025-W40')).toBe(20_000); // 29–30 September; 1–5 October off
    expect(d.weeks.get('2025-W41')).toBe(30_000); // 9, 10 and Saturday 11 October
    expect(d.weeks.get('2025-W42')).toBe(50_000);
    // Weeks without a target are there, at zero; the year ends in 2026's week 1.
    expect(d.weeks.get('2025-W01')).toBe(0);
    expect([...d.weeks.keys()].at(-1)).toBe('2026-W01');
    expect(sum(d.weeks.values())).toBe(410_000);
  });
});

describe('day split', () => {
  it('spreads a month over its working days, 调休 Saturday included', () => {
    const days = daySplit(2025, 10, 180_000, nationalDay2025);
    expect(days).toHaveLength(18);
    expect(days[0]).toEqual(['2025-10-09', 10_000]);
    expect(days.map(([d]) => d)).toContain('2025-10-11');
    expect(days.map(([d]) => d)).not.toContain('2025-10-06');
  });

  it('puts everything on the last day of a range without working days', () => {
    expect(
      spreadOverWorkingDays({ from: '2025-10-01', to: '2025-10-05' }, 7, nationalDay2025),
    ).toEqual([['2025-10-05', 7]]);
  });
});

describe('period keys', () => {
  it('lists the ISO weeks of a year, clipped to it', () => {
    const w2026 = weeksOfYear(2026);
    expect(w2026).toHaveLength(53);
    expect(w2026[0]).toEqual({ key: '2026-W01', from: '2026-01-01', to: '2026-01-04' });
    expect(w2026.at(-1)).toEqual({ key: '2026-W53', from: '2026-12-28', to: '2026-12-31' });
    const w2027 = weeksOfYear(2027);
    expect(w2027).toHaveLength(53);
    expect(w2027[0]).toEqual({ key: '2026-W53', from: '2027-01-01', to: '2027-01-03' });
    expect(w2027.at(-1)).toEqual({ key: '2027-W52', from: '2027-12-27', to: '2027-12-31' });
  });

  it('resolves keys within a year and refuses the rest', () => {
    expect(periodRange(2026, '2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange(2026, '2026-Q2')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(periodRange(2026, '2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodRange(2025, '2026-W01')).toEqual({ from: '2025-12-29', to: '2025-12-31' });
    expect(periodRange(2026, '2025-W01')).toBeNull();
    expect(periodRange(2026, '2027-Q1')).toBeNull();
    expect(periodRange(2026, '2026-13')).toBeNull();
    expect(periodRange(2026, '2025-W53')).toBeNull();
    expect(periodLevel('2026-W12')).toBe('week');
    expect(periodLevel('2026-Q4')).toBe('quarter');
    expect(periodLevel('2026-04')).toBe('month');
    expect(periodLevel('2026')).toBe('year');
  });
});

describe('targetOfRange', () => {
  const decomposed = (): Map<PeriodKey, number> => {
    const d = decomposeYear(2025, 410_000, nationalDay2025, [0, 0, 0, 0, 0, 0, 0, 0, 23, 18, 0, 0]);
    const cells = new Map<PeriodKey, number>([['2025', d.total]]);
    d.quarters.forEach((v, i) => cells.set(quarterKey(2025, i + 1), v));
    d.months.forEach((v, i) => cells.set(monthKey(2025, i + 1), v));
    for (const [k, v] of d.weeks) cells.set(k, v);
    return cells;
  };

  it('takes whole periods from their own cell', () => {
    const cells = decomposed();
    expect(
      targetOfRange(2025, cells, { from: '2025-10-01', to: '2025-10-31' }, nationalDay2025),
    ).toBe(180_000);
    expect(
      targetOfRange(2025, cells, { from: '2025-01-01', to: '2025-12-31' }, nationalDay2025),
    ).toBe(410_000);
    expect(
      targetOfRange(2025, cells, { from: '2025-10-13', to: '2025-10-19' }, nationalDay2025),
    ).toBe(50_000);
  });

  it('takes the days of part of a week from the week, by working days', () => {
    // W40's 20,000 sits on 29–30 September, so 1–5 October add nothing; W41 (6–12) is whole;
    // 13–15 October are three of W42's five working days.
    expect(
      targetOfRange(2025, decomposed(), { from: '2025-10-01', to: '2025-10-15' }, nationalDay2025),
    ).toBe(60_000);
  });

  it('uses an edited cell for its own period, and the quarter as set for the quarter', () => {
    const cells = decomposed();
    cells.set('2025-10', 200_000);
    expect(
      targetOfRange(2025, cells, { from: '2025-10-01', to: '2025-10-31' }, nationalDay2025),
    ).toBe(200_000);
    expect(
      targetOfRange(2025, cells, { from: '2025-10-01', to: '2025-12-31' }, nationalDay2025),
    ).toBe(180_000);
  });

  it('spreads a year-only target over the year’s working days: every working day its share', () => {
    // 100 units over 2025's 261 weekdays: 0.3831 a working day, so June (21 working days) has
    // 8.046, not 0 as when whole units went to the first 100 working days.
    const cells = new Map([['2025', 100]]);
    const of = (from: string, to: string) => targetOfRange(2025, cells, { from, to }, weekdaysOnly);
    expect(of('2025-01-01', '2025-01-31')).toBe(Math.round((100 * 23 * 10_000) / 261) / 10_000);
    expect(of('2025-05-20', '2025-05-21')).toBe(0.7663);
    expect(of('2025-06-01', '2025-06-30')).toBe(8.046);
    expect(of('2025-06-07', '2025-06-08')).toBe(0); // a weekend
    // The weeks of a count spread from months (9 in a 20-working-day month): a late week keeps
    // its share — the case where the 16–22 November week of a 9-customer month got 0.
    const weeks = weeksFromMonths(
      2026,
      [null, null, null, null, null, null, null, null, null, null, 9, null],
      weekdaysOnly,
    );
    expect(weeks.get('2026-W47')).toBeGreaterThan(2); // 16–22 November: 5 of 21 → 2.1
    // Every week holding November's working days (2 – 30 November: W45 – W49) has a share.
    for (const week of ['2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49'])
      expect(weeks.get(week)).toBeGreaterThan(0);
    expect(weeks.get('2026-W44')).toBe(0); // 26 Oct – 1 Nov: no working day in November
    expect(sum([...weeks.values()].filter((v): v is number => v !== null))).toBeCloseTo(9, 9);
  });

  it('keeps to its year, and is null without cells', () => {
    const cells = new Map([['2026-W53', 4_000]]);
    expect(targetOfRange(2026, cells, { from: '2026-12-28', to: '2027-01-03' }, weekdaysOnly)).toBe(
      4_000,
    );
    expect(
      targetOfRange(2026, new Map(), { from: '2026-01-01', to: '2026-01-31' }, weekdaysOnly),
    ).toBeNull();
    expect(
      targetOfRange(2026, cells, { from: '2027-01-01', to: '2027-01-03' }, weekdaysOnly),
    ).toBeNull();
  });
});

describe('unassigned and attainment', () => {
  it('says what the children leave out (or exceed)', () => {
    expect(unassigned(1_500_000, [700_000, 500_000])).toBe(300_000);
    expect(unassigned(1_000_000, [700_000, 500_000])).toBe(-200_000);
    expect(unassigned(null, [700_000])).toBeNull();
  });

  it('is actual over a positive target', () => {
    expect(attainment(50, 200)).toBe(0.25);
    expect(attainment(50, 0)).toBeNull();
    expect(attainment(50, null)).toBeNull();
  });
});

describe('money targets split in whole yuan', () => {
  it('keeps every part a multiple of the unit and the sum exact', () => {
    expect(
      splitByWeights(
        752_949_153,
        Array.from({ length: 12 }, () => 1),
        100,
      ),
    ).toEqual([
      // 7,529,491 yuan over twelve: the first seven months get 627,458, the last five
      // 627,457; the 53 fen below a yuan go to January.
      62_745_853,
      ...Array.from({ length: 6 }, () => 62_745_800),
      ...Array.from({ length: 5 }, () => 62_745_700),
    ]);
    const d = decomposeYear(2026, 1_234_567_89, new Map(), undefined, 100);
    expect(d.months.slice(1).every((m) => m % 100 === 0)).toBe(true);
    expect([...d.weeks.values()].reduce((a, b) => a + b, 0)).toBe(1_234_567_89);
    expect([...d.weeks.values()].filter((w) => w % 100 !== 0)).toHaveLength(1);
  });
});
