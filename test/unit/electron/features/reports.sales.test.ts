import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attainmentSeries } from '../../../../renderer/features/reports/attainmentSeries';
import { A, B, C, T1, T2, reportsWorld, rowOf, type World } from './reports.fixture';

const Q4 = { kind: 'quarter', date: '2026-11-23' } as const;

let w: World;
beforeEach(() => {
  w = reportsWorld();
});
afterEach(() => w.cleanup());

/**
 * Won deals of Q4 2026 (fen): 李娜 (A, 华东一部) 300,000 on 10-15; 张伟 (B) 200,000 on 10-20 while
 * still in 华东一部 and 500,000 on 11-10 after moving to 华南部; 赵敏 (C, 华南部) 100,000 on 11-05.
 * Outside the quarter: A 400,000 on 09-30 (Q3), C 550,000 on 2025-11-11 (Q4 last year); a lost
 * deal of A on 10-10 is no sale.
 */
function sales(world: World) {
  const cust = world.customer({ owner: A, created_at: '2026-01-01T00:00:00.000Z' });
  const won = (owner: string, amount: number, closedOn: string) =>
    world.deal({ owner, customer: cust, amount, status: 'won', closedOn });
  const dA1 = won(A, 300_000, '2026-10-15');
  const dB1 = won(B, 200_000, '2026-10-20');
  const dB2 = won(B, 500_000, '2026-11-10');
  const dC1 = won(C, 100_000, '2026-11-05');
  won(A, 400_000, '2026-09-30');
  won(C, 550_000, '2025-11-11');
  world.deal({ owner: A, customer: cust, amount: 900_000, status: 'lost', closedOn: '2026-10-10' });
  return { cust, dA1, dB1, dB2, dC1 };
}

describe('reports: target attainment (domain.md §7.1)', () => {
  it('new customers are developed ones: counted in the period of their first won deal; prospects entered are their own figure', async () => {
    // A enters a prospect on 09-10 (Q3); it places its first order on 10-12 (Q4) and a second on
    // 11-03. B's customer entered on 11-02 orders first on 11-20 (B is in 华南部 then). C's
    // old customer (first order 2025) orders again in Q4: not new. A deleted deal does not count.
    const made = (owner: string, day: string) =>
      w.customer({ owner, status: 'prospect', created_at: `${day}T03:00:00.000Z` });
    const px = made(A, '2026-09-10');
    const py = made(B, '2026-11-02');
    const old = made(C, '2025-01-05');
    const won = (owner: string, customer: string, closedOn: string, extra = {}) =>
      w.deal({ owner, customer, amount: 10_000, status: 'won', closedOn, ...extra });
    won(A, px, '2026-10-12');
    won(A, px, '2026-11-03');
    won(B, py, '2026-11-20');
    won(C, old, '2025-06-01');
    won(C, old, '2026-10-20');
    won(C, made(C, '2026-08-01'), '2026-10-02', { deleted_at: '2026-10-03T00:00:00.000Z' });
    const q3 = await w.run('attainment', { kind: 'quarter', date: '2026-08-01' });
    expect([q3.keyFigures.newCustomers.actual, q3.keyFigures.newProspects]).toEqual([0, 2]);
    const q4 = await w.run('attainment', Q4);
    expect([q4.keyFigures.newCustomers.actual, q4.keyFigures.newProspects]).toEqual([2, 1]);
    const east = rowOf(q4.rows, T1);
    const south = rowOf(q4.rows, T2);
    if (east.kind === 'deal' || south.kind === 'deal') throw new Error('scope rows expected');
    expect([east.newCustomers.actual, south.newCustomers.actual]).toEqual([1, 1]);
    // October alone holds A's (first order 10-12); November B's; the month trend says the same.
    const oct = await w.run('attainment', { kind: 'month', date: '2026-10-01' });
    expect(oct.keyFigures.newCustomers.actual).toBe(1);
    const trend = q4.trend.map((b) => [b.key, b.newCustomers]);
    expect(trend).toEqual([
      ['2026-10', 1],
      ['2026-11', 1],
      ['2026-12', 0],
    ]);
    // The rep's weekly report counts the same way: B's week of 11-16..22 has one.
    const { repActuals } = await import('../../../../electron/features/weekly/weekly.figures');
    expect(repActuals(w.app.db, B, { from: '2026-11-16', to: '2026-11-22' }).newCustomers).toBe(1);
    expect(repActuals(w.app.db, A, { from: '2026-11-01', to: '2026-11-30' }).newCustomers).toBe(0);
  });

  it('a late-month week keeps its share of a count target, so behind can fire', async () => {
    // November's new-customer target for the company is 9 over 21 working days; the week of
    // 16–22 November holds 5 of them: 9 × 5 / 21 = 2.1429 (was 0 when whole units went to the
    // first nine working days).
    w.target('newCustomers', 'company', null, '2026-11', 9);
    const week = await w.run('attainment', { kind: 'week', date: '2026-11-16' });
    expect(week.keyFigures.newCustomers.target).toBe(2.1429);
    // The week is over on 11-23 (progress 1) with no new customer: behind.
    expect(week.keyFigures.timeProgress).toBe(1);
    expect(week.keyFigures.newCustomers).toMatchObject({ actual: 0, attainment: 0, behind: true });
    // The month's weeks add up to the month: W45–W49 (W49 holds only 30 November).
    const weeks = await Promise.all(
      ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'].map((date) =>
        w.run('attainment', { kind: 'week', date }),
      ),
    );
    const clip = weeks.map((r) => r.keyFigures.newCustomers.target ?? 0);
    expect(clip.every((t) => t > 0)).toBe(true);
    const month = await w.run('attainment', { kind: 'month', date: '2026-11-01' });
    expect(month.keyFigures.newCustomers.target).toBe(9);
  });

  it('targets, actuals, attainment and time progress, credited to the team at the time', async () => {
    const { cust, dA1, dB1 } = sales(w);
    // Collections: 100,000 on A's deal (10-20, 华东一部) and 50,000 on B's first deal on 11-15,
    // when B was already in 华南部: the collection goes to 华南部.
    const r1 = w.insert('receivables', {
      deal_id: dA1,
      customer_id: cust,
      amount: 300_000,
      due_on: '2026-11-14',
    });
    const r2 = w.insert('receivables', {
      deal_id: dB1,
      customer_id: cust,
      amount: 200_000,
      due_on: '2026-11-19',
    });
    w.insert('collections', {
      receivable_id: r1,
      deal_id: dA1,
      customer_id: cust,
      amount: 100_000,
      collected_on: '2026-10-20',
    });
    w.insert('collections', {
      receivable_id: r2,
      deal_id: dB1,
      customer_id: cust,
      amount: 50_000,
      collected_on: '2026-11-15',
    });
    w.insert('collections', {
      receivable_id: r1,
      deal_id: dA1,
      customer_id: cust,
      amount: 7,
      collected_on: '2026-09-30',
    });
    // Prospects entered: one of A on 10-05, one of B on 11-02 (华南部); the others were created
    // in January. None of them has an order, and the shared customer's first order was in 2025,
    // so no customer was developed in Q4 (the next test has those).
    w.customer({ owner: A, created_at: '2026-10-05T03:00:00.000Z' });
    w.customer({ owner: B, created_at: '2026-11-02T03:00:00.000Z' });
    // Visits: A two done (one effective); B one done on 10-30 (华东一部, effective) and one on
    // 11-03 (华南部); C one still planned; a cancelled one counts nothing.
    w.visit({ owner: A, customer: cust, day: '2026-10-08', effective: 1 });
    w.visit({ owner: A, customer: cust, day: '2026-11-09', effective: 0 });
    w.visit({ owner: B, customer: cust, day: '2026-10-30', effective: 1 });
    w.visit({ owner: B, customer: cust, day: '2026-11-03', effective: 0 });
    w.visit({ owner: C, customer: cust, day: '2026-11-25', status: 'planned' });
    w.visit({ owner: C, customer: cust, day: '2026-11-12', status: 'cancelled' });
    // Targets for Q4: company sales 2,000,000; 华东一部 1,000,000; A 600,000; company visits 10.
    w.target('sales', 'company', null, '2026-Q4', 2_000_000);
    w.target('sales', 'team', T1, '2026-Q4', 1_000_000);
    w.target('sales', 'rep', A, '2026-Q4', 600_000);
    w.target('visits', 'company', null, '2026-Q4', 10);

    const r = await w.run('attainment', Q4);
    expect(r.period).toEqual({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
      label: '2026-Q4',
    });
    expect(r.scope).toEqual({ type: 'company', id: null, name: null });
    // Working days (Mon–Fri): October 22, November 21, December 23 = 66; elapsed by Monday
    // 11-23 (inclusive): 22 + 16 = 38 → 38 / 66.
    const progress = 38 / 66;
    expect(r.keyFigures.timeProgress).toBeCloseTo(progress, 12);
    // Sales 300,000 + 200,000 + 500,000 + 100,000 = 1,100,000 of 2,000,000 = 0.55; behind when
    // progress − attainment ≥ 0.10: 0.5758 − 0.55 = 0.026, not behind.
    expect(r.keyFigures.sales).toEqual({
      target: 2_000_000,
      actual: 1_100_000,
      attainment: 0.55,
      behind: false,
    });
    expect(r.keyFigures.collections).toEqual({
      target: null,
      actual: 150_000,
      attainment: null,
      behind: false,
    });
    expect(r.keyFigures.newCustomers.actual).toBe(0);
    expect(r.keyFigures.newProspects).toBe(2);
    // Visits 4 of 10 = 0.4: 0.5758 − 0.4 ≥ 0.1 → behind.
    expect(r.keyFigures.visits).toEqual({ target: 10, actual: 4, attainment: 0.4, behind: true });
    expect(r.keyFigures.effectiveVisits.actual).toBe(2);

    expect(r.rowKind).toBe('scope');
    expect(r.rows.map((x) => x.id)).toEqual([T1, T2]);
    const east = rowOf(r.rows, T1);
    const south = rowOf(r.rows, T2);
    if (east.kind === 'deal' || south.kind === 'deal') throw new Error('scope rows expected');
    // 华东一部: A 300,000 + B's 10-20 deal 200,000 = 500,000 of 1,000,000.
    expect(east.sales).toEqual({
      target: 1_000_000,
      actual: 500_000,
      attainment: 0.5,
      behind: false,
    });
    expect(south.sales).toEqual({ target: null, actual: 600_000, attainment: null, behind: false });
    expect([east.collections.actual, south.collections.actual]).toEqual([100_000, 50_000]);
    expect([east.newCustomers.actual, south.newCustomers.actual]).toEqual([0, 0]);
    expect([east.newProspects, south.newProspects]).toEqual([1, 1]);
    expect([east.visits.actual, south.visits.actual]).toEqual([3, 1]);
    expect([east.effectiveVisits.actual, south.effectiveVisits.actual]).toEqual([2, 0]);
    expect(east.drill).toEqual({ kind: 'scope', scope: { type: 'team', id: T1 } });

    // The chart: months, with cumulative sales against the target as it accrues: the quarter's
    // 20,000 yuan over its 66 working days is 303.03 yuan a day (the exact share): October's 22
    // days 6,666.67, with November's 21 13,030.30 to date, to the fen.
    expect(r.trend.map((b) => [b.key, b.sales, b.cumulativeSales, b.cumulativeTarget])).toEqual([
      ['2026-10', 500_000, 500_000, Math.round((2_000_000 * 22) / 66)],
      ['2026-11', 600_000, 1_100_000, Math.round((2_000_000 * 43) / 66)],
      ['2026-12', 0, 1_100_000, 2_000_000],
    ]);
    // 华南部 has no sales target: no ramp to draw.
    const southOnly = await w.run('attainment', Q4, { type: 'team', id: T2 });
    expect(southOnly.trend.every((b) => b.cumulativeTarget === null)).toBe(true);
    expect(attainmentSeries(southOnly).target).toBeNull();
  });

  it('the chart’s target accrues by working days of the calendar, against cumulative sales', async () => {
    sales(w);
    // November 2026: 21 weekdays; Monday 11-02 made a holiday leaves 20, so the month's 2,100
    // yuan accrue 105 yuan a working day from Tuesday 11-03.
    w.insert('calendar_days', { day: '2026-11-02', kind: 'holiday', name: '调休' });
    w.target('sales', 'company', null, '2026-11', 210_000);
    const r = await w.run('attainment', { kind: 'month', date: '2026-11-23' });
    const at = (day: string) => r.trend.find((b) => b.key === day);
    expect(r.trend).toHaveLength(30);
    expect(at('2026-11-01')?.cumulativeTarget).toBe(0);
    expect(at('2026-11-02')?.cumulativeTarget).toBe(0);
    expect(at('2026-11-03')?.cumulativeTarget).toBe(10_500);
    expect(at('2026-11-06')?.cumulativeTarget).toBe(42_000);
    // The weekend adds nothing.
    expect(at('2026-11-08')?.cumulativeTarget).toBe(42_000);
    expect(at('2026-11-30')?.cumulativeTarget).toBe(210_000);
    expect(r.keyFigures.sales.target).toBe(210_000);

    // What the chart draws: sales to date stop at the figures' day (11-23); by then 15 working
    // days have accrued 157,500 against 600,000 won (赵敏 100,000 on 11-05, 张伟 500,000 on 11-10).
    const s = attainmentSeries(r);
    expect(s.actual.slice(0, 6)).toEqual([0, 0, 0, 0, 100_000, 100_000]);
    expect(s.actual[22]).toBe(600_000);
    expect(s.actual.slice(23)).toEqual(Array(7).fill(null));
    expect(s.target?.[22]).toBe(157_500);
    expect(s.target?.[29]).toBe(210_000);
    expect(s.gap).toBe(442_500);
  });

  it('drills from a team to its reps (a rep who left the team keeps his rows there) and to a rep’s deals', async () => {
    const { dA1 } = sales(w);
    w.target('sales', 'rep', A, '2026-Q4', 600_000);
    const team = await w.run('attainment', Q4, { type: 'team', id: T1 });
    expect(team.scope).toEqual({ type: 'team', id: T1, name: '华东一部' });
    // 李娜 is in the team today; 张伟 moved on 11-01 but sold 200,000 for it in October.
    expect(team.rows.map((x) => x.id)).toEqual([A, B]);
    const a = rowOf(team.rows, A);
    const b = rowOf(team.rows, B);
    if (a.kind === 'deal' || b.kind === 'deal') throw new Error('rep rows expected');
    expect(a.sales).toEqual({ target: 600_000, actual: 300_000, attainment: 0.5, behind: false });
    expect(b.sales.actual).toBe(200_000);
    expect(a.drill).toEqual({ kind: 'scope', scope: { type: 'rep', id: A } });
    expect(team.keyFigures.sales.actual).toBe(500_000);

    const rep = await w.run('attainment', Q4, { type: 'rep', id: A });
    expect(rep.scope).toEqual({ type: 'rep', id: A, name: '李娜' });
    expect(rep.rowKind).toBe('deal');
    expect(rep.rows).toHaveLength(1);
    expect(rep.rows[0]).toMatchObject({
      kind: 'deal',
      id: dA1,
      amount: 300_000,
      closedOn: '2026-10-15',
    });
    expect(rep.rows[0]?.drill).toEqual({ kind: 'deal', id: dA1 });
    expect(rep.keyFigures.sales).toEqual({
      target: 600_000,
      actual: 300_000,
      attainment: 0.5,
      behind: false,
    });

    const b2 = await w.run('attainment', Q4, { type: 'rep', id: B });
    expect(b2.keyFigures.sales.actual).toBe(700_000);
  });
});

describe('reports: performance comparison (domain.md §7.2)', () => {
  it('this period vs the previous one vs last year, with ranks among peers', async () => {
    sales(w);
    const r = await w.run('performance', Q4);
    // 1,100,000 now; Q3 400,000 → (1,100,000 − 400,000) / 400,000 = 1.75; Q4 2025 550,000 → 1.0.
    expect(r.keyFigures).toMatchObject({
      sales: 1_100_000,
      wonDeals: 4,
      previousSales: 400_000,
      lastYearSales: 550_000,
      changeVsPrevious: 1.75,
      changeVsLastYear: 1,
      rank: null,
      peers: null,
      previousPeriod: { from: '2026-07-01', to: '2026-09-30' },
      lastYearPeriod: { from: '2025-10-01', to: '2025-12-31' },
    });
    expect(r.trend.map((b) => [b.key, b.sales, b.lastYearKey, b.lastYearSales])).toEqual([
      ['2026-10', 500_000, '2025-10', 0],
      ['2026-11', 600_000, '2025-11', 550_000],
      ['2026-12', 0, '2025-12', 0],
    ]);
    const east = rowOf(r.rows, T1);
    const south = rowOf(r.rows, T2);
    // 华东一部 500,000 (A 300,000, B's October 200,000), Q3 400,000 (A), nothing last year;
    // 华南部 600,000, Q4 2025 550,000 (C): ranked 1 and 2.
    expect(east).toMatchObject({
      sales: 500_000,
      previousSales: 400_000,
      lastYearSales: 0,
      changeVsPrevious: 0.25,
      changeVsLastYear: null,
      rank: 2,
      peers: 2,
    });
    expect(south).toMatchObject({
      sales: 600_000,
      previousSales: 0,
      lastYearSales: 550_000,
      changeVsPrevious: null,
      rank: 1,
      peers: 2,
    });

    const team = await w.run('performance', Q4, { type: 'team', id: T1 });
    expect(team.keyFigures).toMatchObject({ sales: 500_000, rank: 2, peers: 2 });
    // 张伟's whole quarter is 700,000; his team today (华南部) has him and 赵敏 (100,000).
    const b = await w.run('performance', Q4, { type: 'rep', id: B });
    expect(b.keyFigures).toMatchObject({ sales: 700_000, wonDeals: 2, rank: 1, peers: 2 });
    expect(b.rows.map((x) => x.kind)).toEqual(['deal', 'deal']);
    // 李娜's team rows hold her and 张伟 (who sold for it in October): 300,000 < 700,000.
    const a = await w.run('performance', Q4, { type: 'rep', id: A });
    expect(a.keyFigures).toMatchObject({
      sales: 300_000,
      previousSales: 400_000,
      rank: 2,
      peers: 2,
    });
    expect(a.keyFigures.changeVsPrevious).toBeCloseTo(-0.25, 12);
  });

  it('compares a custom range with the range just before it and a year earlier', async () => {
    sales(w);
    // 2026-10-16 … 2026-11-14 (30 days): B 200,000 (10-20), C 100,000 (11-05), B 500,000 (11-10).
    const r = await w.run('performance', { kind: 'custom', from: '2026-10-16', to: '2026-11-14' });
    expect(r.period).toEqual({
      kind: 'custom',
      from: '2026-10-16',
      to: '2026-11-14',
      label: '2026-10-16..2026-11-14',
    });
    expect(r.keyFigures.sales).toBe(800_000);
    // The 30 days before: 09-16 … 10-15 hold A's 09-30 (400,000) and 10-15 (300,000).
    expect(r.keyFigures.previousPeriod).toEqual({ from: '2026-09-16', to: '2026-10-15' });
    expect(r.keyFigures.previousSales).toBe(700_000);
    expect(r.keyFigures.lastYearPeriod).toEqual({ from: '2025-10-16', to: '2025-11-14' });
    expect(r.keyFigures.lastYearSales).toBe(550_000);
    // Up to 62 days the chart is by day, aligned with last year's days.
    expect(r.trend).toHaveLength(30);
    expect(r.trend[4]).toMatchObject({
      key: '2026-10-20',
      sales: 200_000,
      lastYearKey: '2025-10-20',
    });
    expect(r.trend.find((b) => b.lastYearKey === '2025-11-11')?.lastYearSales).toBe(550_000);
  });
});

describe('reports: product sales (domain.md §7.10)', () => {
  it('won amount by product from the lines of deals won in the period', async () => {
    const cust = w.customer({ owner: A });
    const p1 = w.insert('products', {
      name: 'A型数控机床',
      unit: '台',
      list_price: 100_000,
      active: 1,
    });
    const p2 = w.insert('products', {
      name: 'B型检测仪',
      unit: '套',
      list_price: 100_000,
      active: 1,
    });
    const line = (
      deal: string,
      product: string,
      quantity: number,
      price: number,
      deleted: string | null = null,
    ) =>
      w.insert('deal_lines', {
        deal_id: deal,
        product_id: product,
        quantity,
        unit_price: price,
        deleted_at: deleted,
      });
    const w1 = w.deal({
      owner: A,
      customer: cust,
      amount: 500_000,
      status: 'won',
      closedOn: '2026-10-10',
    });
    line(w1, p1, 2, 100_000);
    line(w1, p2, 3, 100_000);
    line(w1, p2, 1, 100_000, '2026-10-09T00:00:00.000Z');
    // B (华南部 since 11-01): the final amount was changed at signing; the line says 120,000.
    const w2 = w.deal({
      owner: B,
      customer: cust,
      amount: 150_000,
      status: 'won',
      closedOn: '2026-11-05',
    });
    line(w2, p1, 1, 120_000);
    w.deal({ owner: C, customer: cust, amount: 80_000, status: 'won', closedOn: '2026-11-15' });
    const old = w.deal({
      owner: A,
      customer: cust,
      amount: 90_000,
      status: 'won',
      closedOn: '2026-09-30',
    });
    line(old, p1, 9, 10_000);

    const r = await w.run('productSales', Q4);
    expect(r.keyFigures).toMatchObject({
      wonDeals: 3,
      wonAmount: 730_000,
      dealsWithLines: 2,
      linesAmount: 620_000,
    });
    // A型 2 × 100,000 + 1 × 120,000 = 320,000 in 2 deals; B型 3 × 100,000 = 300,000.
    expect(r.keyFigures.products).toEqual([
      {
        productId: p1,
        name: 'A型数控机床',
        unit: '台',
        quantity: 3,
        amount: 320_000,
        deals: 2,
        share: 320_000 / 620_000,
      },
      {
        productId: p2,
        name: 'B型检测仪',
        unit: '套',
        quantity: 3,
        amount: 300_000,
        deals: 1,
        share: 300_000 / 620_000,
      },
    ]);
    expect(r.trend.map((b) => [b.key, b.wonAmount, b.linesAmount])).toEqual([
      ['2026-10', 500_000, 500_000],
      ['2026-11', 230_000, 120_000],
      ['2026-12', 0, 0],
    ]);
    expect(rowOf(r.rows, T1)).toMatchObject({
      wonDeals: 1,
      wonAmount: 500_000,
      linesAmount: 500_000,
      products: [
        { productId: p2, quantity: 3, amount: 300_000 },
        { productId: p1, quantity: 2, amount: 200_000 },
      ],
    });
    expect(rowOf(r.rows, T2)).toMatchObject({
      wonDeals: 2,
      wonAmount: 230_000,
      dealsWithLines: 1,
      linesAmount: 120_000,
      products: [{ productId: p1, quantity: 1, amount: 120_000 }],
    });
    const b = await w.run('productSales', Q4, { type: 'rep', id: B });
    expect(b.rows).toEqual([
      expect.objectContaining({ kind: 'deal', id: w2, amount: 150_000, linesAmount: 120_000 }),
    ]);
  });
});
