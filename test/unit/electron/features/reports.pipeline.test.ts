import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { A, B, C, T1, T2, reportsWorld, rowOf, type World } from './reports.fixture';

const Q4 = { kind: 'quarter', date: '2026-11-23' } as const;
const at = (day: string) => `${day}T09:00:00.000Z`;

let w: World;
beforeEach(() => {
  w = reportsWorld();
});
afterEach(() => w.cleanup());

describe('reports: funnel (domain.md §7.5)', () => {
  /**
   * Deals created in Q4 2026 and their paths:
   * - F1 (A): M1 10-02 → M2 10-05 → M3 10-10 → back to M2 10-20, open (1,000,000, closes 12-15);
   * - F2 (A): M1 10-03 → M2 10-13 → lost 10-23;
   * - F3 (B, still in 华东一部): M1 10-04 → M2 10-06 → M3 10-08 → M4 10-09 → M5 10-10 → won 10-11;
   * - F4 (C): M1 11-05, open (200,000, closes 2027-01-20).
   * Older ones: W (A) M1 08-01 → M2 09-01 → won 10-31 (100,000); L (C) M1 07-01 → lost 11-02;
   * O (B) M1 06-01 → M4 09-15, open (400,000, closes 12-01).
   */
  function pipeline() {
    const cust = w.customer({ owner: A });
    const f1 = w.deal({
      owner: A,
      customer: cust,
      amount: 1_000_000,
      milestone: 'M2',
      createdAt: at('2026-10-02'),
      stageEnteredAt: at('2026-10-20'),
      expectedCloseOn: '2026-12-15',
    });
    w.path(f1, [
      ['M1', at('2026-10-02')],
      ['M2', at('2026-10-05')],
      ['M3', at('2026-10-10')],
      ['M2', at('2026-10-20')],
    ]);
    const f2 = w.deal({
      owner: A,
      customer: cust,
      amount: 50_000,
      milestone: 'M2',
      status: 'lost',
      closedOn: '2026-10-23',
      createdAt: at('2026-10-03'),
    });
    w.path(f2, [
      ['M1', at('2026-10-03')],
      ['M2', at('2026-10-13')],
      ['lost', at('2026-10-23')],
    ]);
    const f3 = w.deal({
      owner: B,
      customer: cust,
      amount: 300_000,
      status: 'won',
      closedOn: '2026-10-11',
      createdAt: at('2026-10-04'),
    });
    w.path(f3, [
      ['M1', at('2026-10-04')],
      ['M2', at('2026-10-06')],
      ['M3', at('2026-10-08')],
      ['M4', at('2026-10-09')],
      ['M5', at('2026-10-10')],
      ['M6', at('2026-10-11')],
    ]);
    const f4 = w.deal({
      owner: C,
      customer: cust,
      amount: 200_000,
      createdAt: at('2026-11-05'),
      expectedCloseOn: '2027-01-20',
    });
    w.path(f4, [['M1', at('2026-11-05')]]);
    const dw = w.deal({
      owner: A,
      customer: cust,
      amount: 100_000,
      status: 'won',
      closedOn: '2026-10-31',
      createdAt: at('2026-08-01'),
    });
    w.path(dw, [
      ['M1', at('2026-08-01')],
      ['M2', at('2026-09-01')],
      ['M6', at('2026-10-31')],
    ]);
    const dl = w.deal({
      owner: C,
      customer: cust,
      amount: 70_000,
      status: 'lost',
      closedOn: '2026-11-02',
      createdAt: at('2026-07-01'),
    });
    w.path(dl, [
      ['M1', at('2026-07-01')],
      ['lost', at('2026-11-02')],
    ]);
    const dO = w.deal({
      owner: B,
      customer: cust,
      amount: 400_000,
      milestone: 'M4',
      createdAt: at('2026-06-01'),
      stageEnteredAt: at('2026-09-15'),
      expectedCloseOn: '2026-12-01',
    });
    w.path(dO, [
      ['M1', at('2026-06-01')],
      ['M4', at('2026-09-15')],
    ]);
    w.target('sales', 'company', null, '2026-Q4', 1_000_000);
    return { f1, f2, dw };
  }

  it('stage conversion, dwell, cycle, win rate and pipeline coverage', async () => {
    pipeline();
    const r = await w.run('funnel', Q4);
    const k = r.keyFigures;
    // Won in Q4: F3 (300,000) and W (100,000); lost: F2 and L → win rate 2 / (2 + 2).
    expect(k).toMatchObject({
      created: 4,
      won: 2,
      lost: 2,
      winRate: 0.5,
      wonAmount: 400_000,
      avgWonDealSize: 200_000,
    });
    // Open today: F4 M1 200,000 (weighted 20,000), F1 M2 1,000,000 (250,000), O M4 400,000 (300,000).
    expect(k).toMatchObject({ openDeals: 3, openAmount: 1_600_000, openWeighted: 570_000 });
    // Expected to close in Q4: F1 (12-15) and O (12-01): 250,000 + 300,000 = 550,000; remaining
    // target 1,000,000 − 400,000 won = 600,000 → coverage 550,000 / 600,000.
    expect(k).toMatchObject({
      closingWeighted: 550_000,
      salesTarget: 1_000_000,
      remainingTarget: 600_000,
    });
    expect(k.pipelineCoverage).toBeCloseTo(550_000 / 600_000, 12);
    // Sales cycle: F3 10-04 → 10-11 = 7 days, W 08-01 → 10-31 = 91 days: average and median 49.
    expect([k.salesCycleAvgDays, k.salesCycleMedianDays]).toEqual([49, 49]);

    const stage = (m: string) => k.stages.find((s) => s.milestone === m);
    // Reached (created in Q4): M1 4, M2 3 (F1, F2, F3), M3 2 (F1 — moved back since — and F3),
    // M4–M6 1 (F3). Conversion k → k+1 = reached(k+1) / reached(k).
    expect(k.stages.map((s) => [s.milestone, s.reached, s.conversion])).toEqual([
      ['M1', 4, 3 / 4],
      ['M2', 3, 2 / 3],
      ['M3', 2, 1 / 2],
      ['M4', 1, 1],
      ['M5', 1, 1],
      ['M6', 1, null],
    ]);
    expect(stage('M2')).toMatchObject({
      probability: 25,
      openDeals: 1,
      openAmount: 1_000_000,
      openWeighted: 250_000,
    });
    expect(stage('M4')).toMatchObject({ openDeals: 1, openAmount: 400_000, openWeighted: 300_000 });
    // Stays that ended in Q4 (days): M1: F1 3, F2 10, F3 2, L 124 → average 34.75 → 34.8, median
    // (3 + 10) / 2 = 6.5. M2: F1 5, F2 10 (lost), F3 2, W 60 → 19.25 → 19.3, median 7.5. M3: F1 10,
    // F3 1 → 5.5, 5.5. M4: F3 1. M5: F3 1. M6: none.
    expect(k.stages.map((s) => [s.milestone, s.stays, s.dwellAvgDays, s.dwellMedianDays])).toEqual([
      ['M1', 4, 34.8, 6.5],
      ['M2', 4, 19.3, 7.5],
      ['M3', 2, 5.5, 5.5],
      ['M4', 1, 1, 1],
      ['M5', 1, 1, 1],
      ['M6', 0, null, null],
    ]);
    expect(r.trend.map((b) => [b.key, b.created, b.won, b.lost, b.wonAmount])).toEqual([
      ['2026-10', 3, 2, 1, 400_000],
      ['2026-11', 1, 0, 1, 0],
      ['2026-12', 0, 0, 0, 0],
    ]);

    // 华东一部: created F1, F2, F3 (B was in the team on 10-04); won F3 (10-11), W; lost F2.
    // Open today: F1 only (O is B's, and B is in 华南部 today).
    expect(rowOf(r.rows, T1)).toMatchObject({
      created: 3,
      won: 2,
      lost: 1,
      winRate: 2 / 3,
      openDeals: 1,
      openWeighted: 250_000,
      salesTarget: null,
      pipelineCoverage: null,
    });
    expect(rowOf(r.rows, T2)).toMatchObject({
      created: 1,
      won: 0,
      lost: 1,
      winRate: 0,
      openDeals: 2,
      openWeighted: 320_000,
      avgWonDealSize: null,
    });
  });

  it('lists a rep’s open deals and the ones closed in the period', async () => {
    const { f1, f2, dw } = pipeline();
    const r = await w.run('funnel', Q4, { type: 'rep', id: A });
    expect(r.keyFigures).toMatchObject({ created: 2, won: 1, lost: 1, winRate: 0.5 });
    expect(r.rows.map((d) => d.id)).toEqual([f1, dw, f2]);
    expect(r.rows[0]).toMatchObject({
      kind: 'deal',
      status: 'open',
      milestone: 'M2',
      weighted: 250_000,
      createdOn: '2026-10-02',
      expectedCloseOn: '2026-12-15',
      closedOn: null,
    });
    expect(r.rows[2]).toMatchObject({ status: 'lost', weighted: 0, closedOn: '2026-10-23' });
  });

  it('has no rates for an empty period (nulls, not NaN)', async () => {
    pipeline();
    const r = await w.run('funnel', { kind: 'year', date: '2030-06-01' });
    expect(r.keyFigures).toMatchObject({
      created: 0,
      won: 0,
      lost: 0,
      winRate: null,
      avgWonDealSize: null,
      salesCycleAvgDays: null,
      salesCycleMedianDays: null,
      salesTarget: null,
      remainingTarget: null,
      pipelineCoverage: null,
    });
    expect(r.keyFigures.stages.every((s) => s.conversion === null && s.dwellAvgDays === null)).toBe(
      true,
    );
  });

  it('has no coverage when the target is already met', async () => {
    pipeline();
    w.target('sales', 'team', T1, '2026-Q4', 300_000);
    const r = await w.run('funnel', Q4, { type: 'team', id: T1 });
    // 华东一部 won 400,000 ≥ 300,000: remaining −100,000, nothing left to cover.
    expect(r.keyFigures).toMatchObject({
      wonAmount: 400_000,
      salesTarget: 300_000,
      remainingTarget: -100_000,
      pipelineCoverage: null,
    });
  });
});

describe('reports: forecast (domain.md §7.6)', () => {
  it('open deals by expected close month: amount, milestone- and intensity-weighted', async () => {
    const cust = w.customer({ owner: A });
    const f1 = w.deal({
      owner: A,
      customer: cust,
      amount: 1_000_000,
      milestone: 'M3',
      expectedCloseOn: '2026-10-20',
    });
    w.score(f1, '2026-10-01T00:00:00.000Z', 10);
    w.score(f1, '2026-11-01T00:00:00.000Z', 40);
    w.deal({
      owner: A,
      customer: cust,
      amount: 300_000,
      milestone: 'M1',
      expectedCloseOn: '2026-11-30',
    });
    const f3 = w.deal({
      owner: B,
      customer: cust,
      amount: 200_000,
      milestone: 'M5',
      expectedCloseOn: '2026-12-31',
    });
    w.score(f3, '2026-11-02T00:00:00.000Z', 70);
    w.deal({
      owner: C,
      customer: cust,
      amount: 500_000,
      milestone: 'M2',
      expectedCloseOn: '2027-01-15',
    });
    w.deal({
      owner: C,
      customer: cust,
      amount: 800_000,
      status: 'won',
      closedOn: '2026-11-11',
      expectedCloseOn: '2026-11-11',
    });

    const r = await w.run('forecast', Q4);
    // 1,000,000 × 50% + 300,000 × 10% + 200,000 × 90% = 500,000 + 30,000 + 180,000 = 710,000;
    // intensity: 1,000,000 × 40 / 100 (the latest scoring) + 0 (never scored) + 200,000 × 70 / 100.
    expect(r.keyFigures).toEqual({
      deals: 3,
      amount: 1_500_000,
      weighted: 710_000,
      intensityWeighted: 540_000,
      scoredDeals: 2,
    });
    expect(r.trend).toEqual([
      {
        key: '2026-10',
        from: '2026-10-01',
        to: '2026-10-31',
        deals: 1,
        amount: 1_000_000,
        weighted: 500_000,
        intensityWeighted: 400_000,
        scoredDeals: 1,
      },
      {
        key: '2026-11',
        from: '2026-11-01',
        to: '2026-11-30',
        deals: 1,
        amount: 300_000,
        weighted: 30_000,
        intensityWeighted: 0,
        scoredDeals: 0,
      },
      {
        key: '2026-12',
        from: '2026-12-01',
        to: '2026-12-31',
        deals: 1,
        amount: 200_000,
        weighted: 180_000,
        intensityWeighted: 140_000,
        scoredDeals: 1,
      },
    ]);
    expect(r.asOf).toBe('2026-11-23');
    // Open deals are credited to the owner's team today: B's to 华南部.
    expect(rowOf(r.rows, T1)).toMatchObject({
      deals: 2,
      amount: 1_300_000,
      weighted: 530_000,
      intensityWeighted: 400_000,
    });
    expect(rowOf(r.rows, T2)).toMatchObject({
      deals: 1,
      amount: 200_000,
      weighted: 180_000,
      intensityWeighted: 140_000,
    });

    const a = await w.run(
      'forecast',
      { kind: 'month', date: '2026-10-05' },
      { type: 'rep', id: A },
    );
    expect(a.trend.map((b) => b.key)).toEqual(['2026-10']);
    expect(a.rows).toEqual([
      expect.objectContaining({
        id: f1,
        expectedCloseOn: '2026-10-20',
        probability: 50,
        weighted: 500_000,
        scoreTotal: 40,
        intensityWeighted: 400_000,
      }),
    ]);
  });
});

describe('reports: stalled deals (domain.md §7.7)', () => {
  it('open deals longer in their milestone than its threshold, today', async () => {
    // M2's threshold is set to 10 days; the others keep the default 30.
    w.insert('settings', {
      id: 'stalled_days',
      value: JSON.stringify({ M1: 30, M2: 10, M3: 30, M4: 30, M5: 30 }),
    });
    const cust = w.customer({ owner: A });
    // Today 11-23: entered M1 on 10-23 = 31 days (> 30, stalled); on 10-24 = 30 days (not).
    const s1 = w.deal({
      owner: A,
      customer: cust,
      amount: 100_000,
      milestone: 'M1',
      stageEnteredAt: '2026-10-23T10:00:00.000Z',
    });
    w.deal({
      owner: A,
      customer: cust,
      amount: 999_000,
      milestone: 'M1',
      stageEnteredAt: '2026-10-24T10:00:00.000Z',
    });
    // M2 since 11-12 = 11 days (> 10); since 11-13 = 10 days (not).
    w.deal({
      owner: B,
      customer: cust,
      amount: 200_000,
      milestone: 'M2',
      stageEnteredAt: '2026-11-12T10:00:00.000Z',
    });
    w.deal({
      owner: C,
      customer: cust,
      amount: 888_000,
      milestone: 'M2',
      stageEnteredAt: '2026-11-13T10:00:00.000Z',
    });
    w.deal({
      owner: C,
      customer: cust,
      amount: 777_000,
      status: 'won',
      closedOn: '2026-01-05',
      stageEnteredAt: '2026-01-05T10:00:00.000Z',
    });

    const r = await w.run('stalled', Q4);
    // Weighted: 100,000 × 10% + 200,000 × 25% = 60,000.
    expect(r.keyFigures).toEqual({
      openDeals: 4,
      stalledDeals: 2,
      stalledAmount: 300_000,
      stalledWeighted: 60_000,
      stalledShare: 0.5,
    });
    expect(
      r.trend.map((t) => [
        t.milestone,
        t.thresholdDays,
        t.openDeals,
        t.stalledDeals,
        t.stalledAmount,
      ]),
    ).toEqual([
      ['M1', 30, 2, 1, 100_000],
      ['M2', 10, 2, 1, 200_000],
      ['M3', 30, 0, 0, 0],
      ['M4', 30, 0, 0, 0],
      ['M5', 30, 0, 0, 0],
    ]);
    expect(rowOf(r.rows, T1)).toMatchObject({ openDeals: 2, stalledDeals: 1, stalledShare: 0.5 });
    expect(rowOf(r.rows, T2)).toMatchObject({
      openDeals: 2,
      stalledDeals: 1,
      stalledAmount: 200_000,
    });

    const a = await w.run('stalled', Q4, { type: 'rep', id: A });
    expect(a.rows).toEqual([
      expect.objectContaining({
        id: s1,
        daysInStage: 31,
        thresholdDays: 30,
        daysOver: 1,
        weighted: 10_000,
      }),
    ]);
    const none = await w.run('stalled', Q4, {
      type: 'rep',
      id: w.insert('users', { name: '新人', role: 'rep', team_id: T1, active: 1 }),
    });
    expect(none.keyFigures).toEqual({
      openDeals: 0,
      stalledDeals: 0,
      stalledAmount: 0,
      stalledWeighted: 0,
      stalledShare: null,
    });
  });
});
