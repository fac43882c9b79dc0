import { describe, expect, it } from 'vitest';
import {
  calibrate,
  contradictions,
  daysSinceScored,
  dimensions,
  intensityWeighted,
  levelKeys,
  levelPoints,
  scoreBand,
  scorePoints,
  scoreTotal,
  staleCutoff,
  weakestDimension,
  type ScoreLevels,
} from '../../../shared/domain/intensity';

// domain.md §4, written out: [level key, points with the contact, points with the decision maker].
const problem = [
  ['cannot_describe', 0, 12],
  ['assumes_need', 2, 13],
  ['assumes_pain', 4, 14],
  ['admits_need', 6, 16],
  ['admits_cause', 8, 18],
  ['admits_pain', 10, 20],
] as const;
const vision = [
  ['none_or_competitor', 0, 8],
  ['product_vision', 2, 10],
  ['differentiated', 4, 15],
  ['customer_agrees', 6, 20],
] as const;
const value = [
  ['not_identified', 0, 8],
  ['not_quantifiable', 1, 10],
  ['seller_identifies', 2, 12],
  ['customer_states', 3, 14],
  ['customer_verifies', 4, 16],
  ['verified_together', 5, 18],
  ['agreed_financial', 6, 20],
] as const;
// One-column ladders: [level key, points].
const power = [
  ['dm_unknown', 0],
  ['dm_known', 4],
  ['process_understood', 8],
  ['contact_will_introduce', 9],
  ['dm_agrees_explore', 10],
  ['dm_agrees_value_plan', 14],
  ['dm_agrees_proposal', 16],
  ['dm_agrees_buy', 20],
] as const;
const control = [
  ['nothing_written', 0],
  ['contact_states_pain', 4],
  ['contact_introduces_dm', 8],
  ['dm_discusses_solutions', 10],
  ['dm_revises_plan', 14],
  ['pre_proposal_review', 16],
  ['evaluation_plan_done', 20],
] as const;

const twoColumn = [
  ['problem', problem],
  ['vision', vision],
  ['value', value],
] as const;
const oneColumn = [
  ['power', power],
  ['control', control],
] as const;

/** A scoring: every dimension at its lowest level with the contact, then the overrides. */
function levels(overrides: Partial<ScoreLevels> = {}): ScoreLevels {
  return {
    problem: { level: 'cannot_describe', with: 'contact' },
    power: { level: 'dm_unknown' },
    vision: { level: 'none_or_competitor', with: 'contact' },
    value: { level: 'not_identified', with: 'contact' },
    control: { level: 'nothing_written' },
    ...overrides,
  };
}

describe('the rubric (domain.md §4)', () => {
  for (const [dimension, rows] of twoColumn) {
    it.each(rows.map((r) => [...r]))(
      `${dimension}: %s scores %i with the contact and %i with the decision maker`,
      (level, contact, decider) => {
        expect(levelPoints(dimension, level, 'contact')).toBe(contact);
        expect(levelPoints(dimension, level, 'decider')).toBe(decider);
      },
    );
    it(`${dimension} has exactly the rows of the table, lowest first`, () => {
      expect(levelKeys(dimension)).toEqual(rows.map((r) => r[0]));
    });
  }
  for (const [dimension, rows] of oneColumn) {
    it.each(rows.map((r) => [...r]))(`${dimension}: %s scores %i`, (level, points) => {
      expect(levelPoints(dimension, level)).toBe(points);
      // One column: with whom does not matter.
      expect(levelPoints(dimension, level, 'decider')).toBe(points);
    });
    it(`${dimension} has exactly the rows of the table, lowest first`, () => {
      expect(levelKeys(dimension)).toEqual(rows.map((r) => r[0]));
    });
  }

  it('refuses a level the rubric does not know', () => {
    expect(() => levelPoints('problem', 'admits_everything', 'contact')).toThrow();
    expect(() => levelPoints('power', 'dm_is_my_friend')).toThrow();
  });

  it('totals the five dimensions: 0 at the bottom, 100 at the top', () => {
    const bottom = scorePoints(levels());
    expect(bottom).toEqual({ problem: 0, power: 0, vision: 0, value: 0, control: 0 });
    expect(scoreTotal(bottom)).toBe(0);
    const top = scorePoints({
      problem: { level: 'admits_pain', with: 'decider' },
      power: { level: 'dm_agrees_buy' },
      vision: { level: 'customer_agrees', with: 'decider' },
      value: { level: 'agreed_financial', with: 'decider' },
      control: { level: 'evaluation_plan_done' },
    });
    expect(scoreTotal(top)).toBe(100);
    // The same top levels reached only with the contact: 10 + 20 + 6 + 6 + 20.
    const contactOnly = scorePoints({
      problem: { level: 'admits_pain', with: 'contact' },
      power: { level: 'dm_agrees_buy' },
      vision: { level: 'customer_agrees', with: 'contact' },
      value: { level: 'agreed_financial', with: 'contact' },
      control: { level: 'evaluation_plan_done' },
    });
    expect(contactOnly).toEqual({ problem: 10, power: 20, vision: 6, value: 6, control: 20 });
    expect(scoreTotal(contactOnly)).toBe(62);
    // A typical M3 scoring: 16 + 10 + 15 + 2 + 10.
    const m3 = scorePoints({
      problem: { level: 'admits_need', with: 'decider' },
      power: { level: 'dm_agrees_explore' },
      vision: { level: 'differentiated', with: 'decider' },
      value: { level: 'seller_identifies', with: 'contact' },
      control: { level: 'dm_discusses_solutions' },
    });
    expect(scoreTotal(m3)).toBe(53);
  });

  it.each([
    [0, 'weak'],
    [39, 'weak'],
    [40, 'developing'],
    [69, 'developing'],
    [70, 'strong'],
    [100, 'strong'],
  ] as const)('a total of %i is %s', (total, band) => {
    expect(scoreBand(total)).toBe(band);
  });
});

describe('calibration (盈率校准)', () => {
  const today = '2026-11-23';
  const at = (day: string) => `${day}T10:00:00.000Z`;

  it.each([
    // M3 is 50 %: a gap of 29 is not over-claimed, 30 is.
    ['M3', 21, 29, false],
    ['M3', 20, 30, true],
    ['M5', 60, 30, true],
    ['M5', 61, 29, false],
    ['M1', 0, 10, false],
    // A score above the probability is a negative gap, never a flag.
    ['M1', 80, -70, false],
  ] as const)('%s with a total of %i: gap %i, over-claimed %s', (milestone, total, gap, over) => {
    const c = calibrate({ milestone, status: 'open' }, { total, scoredAt: at(today) }, today);
    expect(c).toMatchObject({ total, gap, overClaimed: over, stale: false, unscored: false });
  });

  it.each([
    ['2026-10-24', 30, false],
    ['2026-10-23', 31, true],
    ['2026-10-25', 29, false],
    ['2026-11-23', 0, false],
  ] as const)('scored on %s: %i days, stale %s', (day, days, stale) => {
    const c = calibrate(
      { milestone: 'M2', status: 'open' },
      { total: 30, scoredAt: at(day) },
      today,
    );
    expect(c.daysSinceScored).toBe(days);
    expect(c.stale).toBe(stale);
    expect(daysSinceScored(at(day), today)).toBe(days);
  });

  it('puts the stale cutoff 30 days back: older than the cutoff day is stale', () => {
    expect(staleCutoff(today)).toBe('2026-10-24');
    // ISO instants compare as strings with the cutoff day: the cutoff day itself is not older.
    expect(at('2026-10-24') < staleCutoff(today)).toBe(false);
    expect('2026-10-23T23:59:59.999Z' < staleCutoff(today)).toBe(true);
    expect(staleCutoff('2026-03-01')).toBe('2026-01-30');
  });

  it('flags nothing on a won or lost deal', () => {
    for (const status of ['won', 'lost'] as const) {
      expect(
        calibrate({ milestone: 'M5', status }, { total: 10, scoredAt: at('2025-01-01') }, today),
      ).toMatchObject({ gap: 80, overClaimed: false, stale: false, unscored: false });
      expect(calibrate({ milestone: 'M2', status }, null, today)).toMatchObject({
        unscored: false,
        overClaimed: false,
        stale: false,
      });
    }
  });

  it('marks an open deal never scored as unscored, with no gap', () => {
    expect(calibrate({ milestone: 'M4', status: 'open' }, null, today)).toEqual({
      probability: 75,
      total: null,
      gap: null,
      overClaimed: false,
      stale: false,
      unscored: true,
      daysSinceScored: null,
    });
  });

  it('weights the amount by the total, rounded to the fen; nothing when unscored', () => {
    expect(intensityWeighted(1_000_000, 53)).toBe(530_000);
    expect(intensityWeighted(333, 50)).toBe(167);
    expect(intensityWeighted(1_000_000, 0)).toBe(0);
    expect(intensityWeighted(1_000_000, null)).toBe(0);
  });
});

describe('the weakest dimension', () => {
  const none = Object.fromEntries(dimensions.map((d) => [d, null])) as Record<
    (typeof dimensions)[number],
    number | null
  >;

  it('is the lowest average', () => {
    expect(weakestDimension({ problem: 12, power: 6.5, vision: 9, value: 7, control: 10 })).toBe(
      'power',
    );
  });

  it('breaks ties in the formula order (问题 × 权力 × 愿景 × 价值 × 控制)', () => {
    expect(weakestDimension({ problem: 8, power: 9, vision: 4, value: 4, control: 4 })).toBe(
      'vision',
    );
    expect(weakestDimension({ problem: 5, power: 5, vision: 5, value: 5, control: 5 })).toBe(
      'problem',
    );
  });

  it('skips dimensions without an average, and is null when nothing is scored', () => {
    expect(weakestDimension({ ...none, control: 3 })).toBe('control');
    expect(weakestDimension(none)).toBeNull();
  });
});

describe('contradictions between the checklist and the score', () => {
  it('finds a ticked "decision maker admits the pain" scored only with the contact', () => {
    const scored = levels({ problem: { level: 'admits_pain', with: 'contact' } });
    expect(contradictions(new Set(['dm_admits_pain']), scored)).toEqual([
      {
        criterion: 'dm_admits_pain',
        dimension: 'problem',
        needsLevel: 'admits_pain',
        needsDecider: true,
        level: 'admits_pain',
        with: 'contact',
      },
    ]);
  });

  it('accepts it with the decision maker at "admits the pain"', () => {
    const scored = levels({ problem: { level: 'admits_pain', with: 'decider' } });
    expect(contradictions(new Set(['dm_admits_pain']), scored)).toEqual([]);
  });

  it('finds a level below what a criterion claims, and ignores criteria left unticked', () => {
    const scored = levels({ power: { level: 'dm_known' } });
    expect(
      contradictions(new Set(['dm_reached', 'dm_agrees_explore']), scored).map((c) => c.criterion),
    ).toEqual(['dm_agrees_explore']);
    expect(contradictions(new Set(), scored)).toEqual([]);
  });

  it('accepts a level above the claim, and checks nothing without criteria on the ladders', () => {
    const scored = levels({ power: { level: 'dm_agrees_buy' } });
    expect(
      contradictions(new Set(['dm_reached', 'decision_made', 'contract_terms']), scored),
    ).toEqual([]);
  });

  it('has nothing to contradict before the first scoring', () => {
    expect(contradictions(new Set(['dm_admits_pain', 'decision_made']), null)).toEqual([]);
  });
});
