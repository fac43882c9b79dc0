import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visitCategory, visitPurposes } from '../../../../shared/domain/visits';
import { call } from '../../helpers';
import { A, B, C, T1, T2, TODAY, reportsWorld, rowOf, type World } from './reports.fixture';

let w: World;
beforeEach(() => {
  w = reportsWorld();
});
afterEach(() => w.cleanup());

/** ISO week 47 of 2026: Monday 11-16 … Sunday 11-22. */
const W47 = { kind: 'week', date: '2026-11-18' } as const;

describe('reports: work execution (domain.md §7.3)', () => {
  function week() {
    const cust = w.customer({ owner: A });
    const v = (owner: string, day: string, extra: Record<string, string | number | null> = {}) =>
      w.visit({ owner, customer: cust, day, ...extra });
    // A: Sunday 11-15 (the week before) done; Monday 11-16 07:00 Shanghai (= Sunday 23:00 UTC)
    // done and effective; Sunday 11-22 done without a plan; Monday 11-23 (next week) planned;
    // 11-18 cancelled; 11-19 missed; 11-20 still planned (awaiting its summary).
    v(A, '2026-11-15', { effective: 1 });
    v(A, '2026-11-16', {
      start_at: '2026-11-15T23:00:00.000Z',
      end_at: '2026-11-16T00:00:00.000Z',
      effective: 1,
    });
    v(A, '2026-11-22', { planned: 0, effective: 0 });
    v(A, '2026-11-23', { status: 'planned' });
    v(A, '2026-11-18', { status: 'cancelled' });
    v(A, '2026-11-19', { status: 'missed' });
    v(A, '2026-11-20', { status: 'planned' });
    // B (华南部 since 11-01): 11-17 done and effective.
    v(B, '2026-11-17', { effective: 1 });
    // Activities of A: a call (negotiation), a note (development), a message without a
    // category on a customer (maintenance by default), a handover record (not work), one next week.
    w.activity({
      user: A,
      customer: cust,
      at: '2026-11-17T02:00:00.000Z',
      category: 'negotiation',
    });
    w.activity({ user: A, customer: cust, at: '2026-11-21T02:00:00.000Z', kind: 'note' });
    w.activity({
      user: A,
      customer: cust,
      at: '2026-11-19T02:00:00.000Z',
      kind: 'message',
      category: null,
    });
    w.activity({
      user: A,
      customer: cust,
      at: '2026-11-19T03:00:00.000Z',
      kind: 'handover',
      category: null,
    });
    w.activity({ user: A, customer: cust, at: '2026-11-23T01:00:00.000Z' });
    // A new opportunity of A on 11-18, scored on 11-19 (and again next week).
    const deal = w.deal({
      owner: A,
      customer: cust,
      amount: 10_000,
      createdAt: '2026-11-18T03:00:00.000Z',
    });
    w.deal({ owner: A, customer: cust, amount: 10_000, createdAt: '2026-11-12T03:00:00.000Z' });
    w.score(deal, '2026-11-19T05:00:00.000Z', 30);
    w.score(deal, '2026-11-24T05:00:00.000Z', 35);
    // Weekly reports for 2026-W47: A submitted, B still a draft.
    w.insert('weekly_reports', { user_id: A, week: '2026-W47', status: 'submitted' });
    w.insert('weekly_reports', { user_id: B, week: '2026-W47', status: 'draft' });
    return cust;
  }

  it('plan vs actual, rates, activities, opportunities, scorings, weekly reports', async () => {
    week();
    const r = await w.run('execution', W47);
    expect(r.period).toEqual({
      kind: 'week',
      from: '2026-11-16',
      to: '2026-11-22',
      label: '2026-W47',
    });
    // Planned: A 4 (11-16, 11-18, 11-19, 11-20) + B 1 = 5; done planned: A 11-16, B 11-17 = 2;
    // done: those + A's unplanned Sunday = 3; effective 2.
    expect(r.keyFigures).toMatchObject({
      planned: 5,
      plannedDone: 2,
      done: 3,
      effective: 2,
      unplanned: 1,
      cancelled: 1,
      missed: 1,
      awaitingSummary: 1,
      planCompletionRate: 2 / 5,
      effectiveVisitRate: 2 / 3,
      activities: { development: 1, negotiation: 1, maintenance: 1 },
      newOpportunities: 1,
      scoresUpdated: 1,
      // Due: every active rep (A, B, C); submitted: A.
      weeklyReportsSubmitted: 1,
      weeklyReportsExpected: 3,
    });
    // The chart: days Monday … Sunday.
    expect(r.trend.map((d) => [d.key, d.planned, d.done, d.effective])).toEqual([
      ['2026-11-16', 1, 1, 1],
      ['2026-11-17', 1, 1, 1],
      ['2026-11-18', 1, 0, 0],
      ['2026-11-19', 1, 0, 0],
      ['2026-11-20', 1, 0, 0],
      ['2026-11-21', 0, 0, 0],
      ['2026-11-22', 0, 1, 0],
    ]);
    expect(rowOf(r.rows, T1)).toMatchObject({
      planned: 4,
      done: 2,
      planCompletionRate: 0.25,
      effectiveVisitRate: 0.5,
      weeklyReportsSubmitted: 1,
      weeklyReportsExpected: 1,
    });
    expect(rowOf(r.rows, T2)).toMatchObject({
      planned: 1,
      done: 1,
      planCompletionRate: 1,
      effectiveVisitRate: 1,
      weeklyReportsSubmitted: 0,
      weeklyReportsExpected: 2,
    });

    // The week before holds the Sunday visit (and no weekly report was due for it: none written).
    const before = await w.run('execution', { kind: 'week', date: '2026-11-15' });
    expect(before.keyFigures).toMatchObject({
      planned: 1,
      done: 1,
      effective: 1,
      newOpportunities: 1,
      weeklyReportsSubmitted: 0,
      weeklyReportsExpected: 3,
    });
  });

  it('lists a rep’s visits of the period, and a custom range equals the week', async () => {
    week();
    const a = await w.run('execution', W47, { type: 'rep', id: A });
    expect(a.rowKind).toBe('visit');
    expect(
      a.rows.map((v) => [v.kind === 'visit' && v.day, v.kind === 'visit' && v.status]),
    ).toEqual([
      ['2026-11-22', 'done'],
      ['2026-11-20', 'planned'],
      ['2026-11-19', 'missed'],
      ['2026-11-18', 'cancelled'],
      ['2026-11-16', 'done'],
    ]);
    expect(a.rows[4]).toMatchObject({ planned: true, effective: true, drill: { kind: 'visit' } });
    const custom = await w.run(
      'execution',
      { kind: 'custom', from: '2026-11-16', to: '2026-11-22' },
      { type: 'rep', id: A },
    );
    expect(custom.keyFigures).toEqual(a.keyFigures);
    expect(custom.trend.map((d) => d.key)).toEqual(a.trend.map((d) => d.key));
  });

  it('has no rates without visits', async () => {
    const r = await w.run('execution', { kind: 'month', date: '2030-02-01' });
    expect(r.keyFigures).toMatchObject({
      planned: 0,
      done: 0,
      planCompletionRate: null,
      effectiveVisitRate: null,
    });
    expect(r.trend).toHaveLength(28);
  });
});

describe('reports: customer visit statistics (domain.md §7.4)', () => {
  it('per customer and grade: visits, last visit, overdue, key coverage', async () => {
    const made = '2026-01-01T00:00:00.000Z';
    const key = { grade: 'key', relationship: 4, attractiveness: 4, created_at: made } as const;
    const k1 = w.customer({ owner: A, name: '1甲', ...key });
    const k2 = w.customer({ owner: A, name: '2乙', ...key });
    const p1 = w.customer({ owner: A, name: '3丙', grade: 'potential', created_at: made });
    const o1 = w.customer({ owner: A, name: '4丁', grade: 'ordinary', created_at: made });
    w.customer({ owner: A, name: '5戊', created_at: made });
    const k3 = w.customer({ owner: C, name: '6己', ...key });
    w.visit({ owner: A, customer: k1, day: '2026-11-02' });
    w.visit({ owner: A, customer: k1, day: '2026-11-20' });
    w.visit({ owner: A, customer: k2, day: '2026-11-05' });
    w.visit({ owner: A, customer: p1, day: '2026-10-30' });
    w.visit({ owner: A, customer: o1, day: '2026-11-10', status: 'cancelled' });
    w.visit({ owner: C, customer: k3, day: '2026-11-15' });

    const r = await w.run('customerVisits', { kind: 'month', date: '2026-11-01' });
    expect(r.asOf).toBe('2026-11-23');
    // Done visits in November: 甲 2, 乙 1, 己 1. Key customers 甲 (last 11-20, 3 days), 乙 (11-05,
    // 18 days > 14) and 己 (11-15, 8 days): 2 of 3 covered. Overdue today (days since the last
    // contact > rule): 乙 (18 > 14) and 丁 (never: since 01-01 > 60); 丙 24 ≤ 30; 戊 has no grade.
    expect(r.keyFigures).toMatchObject({
      customers: 6,
      visitedCustomers: 3,
      visits: 4,
      overdueCustomers: 2,
      keyCustomers: 3,
      keyCovered: 2,
    });
    expect(r.keyFigures.coverage).toBeCloseTo(2 / 3, 12);
    expect(r.keyFigures.grades).toEqual([
      {
        grade: 'key',
        ruleDays: 14,
        customers: 3,
        visitedCustomers: 3,
        visits: 4,
        overdueCustomers: 1,
      },
      {
        grade: 'potential',
        ruleDays: 30,
        customers: 1,
        visitedCustomers: 0,
        visits: 0,
        overdueCustomers: 0,
      },
      {
        grade: 'ordinary',
        ruleDays: 60,
        customers: 1,
        visitedCustomers: 0,
        visits: 0,
        overdueCustomers: 1,
      },
      {
        grade: 'ignore',
        ruleDays: null,
        customers: 0,
        visitedCustomers: 0,
        visits: 0,
        overdueCustomers: 0,
      },
      {
        grade: null,
        ruleDays: null,
        customers: 1,
        visitedCustomers: 0,
        visits: 0,
        overdueCustomers: 0,
      },
    ]);
    expect(r.trend.filter((d) => d.visits > 0).map((d) => [d.key, d.visits])).toEqual([
      ['2026-11-02', 1],
      ['2026-11-05', 1],
      ['2026-11-15', 1],
      ['2026-11-20', 1],
    ]);
    expect(rowOf(r.rows, T1)).toMatchObject({
      customers: 5,
      visitedCustomers: 2,
      visits: 3,
      overdueCustomers: 2,
      keyCustomers: 2,
      keyCovered: 1,
      coverage: 0.5,
    });
    expect(rowOf(r.rows, T2)).toMatchObject({
      customers: 1,
      visits: 1,
      keyCustomers: 1,
      keyCovered: 1,
      coverage: 1,
    });

    const a = await w.run(
      'customerVisits',
      { kind: 'month', date: '2026-11-01' },
      { type: 'rep', id: A },
    );
    expect(a.rows.map((c) => c.id)).toEqual([k1, k2, p1, o1, expect.any(String)]);
    expect(a.rows[1]).toMatchObject({
      grade: 'key',
      ruleDays: 14,
      visits: 1,
      lastVisitOn: '2026-11-05',
      daysSinceVisit: 18,
      visitedWithinRule: false,
      overdueDays: 4,
    });
    expect(a.rows[2]).toMatchObject({
      grade: 'potential',
      visits: 0,
      lastVisitOn: '2026-10-30',
      daysSinceVisit: 24,
      visitedWithinRule: true,
      overdueDays: null,
    });

    // As of the end of October the key customers had no visits: coverage 0.
    const oct = await w.run('customerVisits', { kind: 'month', date: '2026-10-01' });
    expect(oct.asOf).toBe('2026-10-31');
    expect(oct.keyFigures).toMatchObject({
      visits: 1,
      visitedCustomers: 1,
      keyCovered: 0,
      coverage: 0,
    });
  });
  it('counts overdue customers by done visits, exactly as the customer list’s overdue filter does', async () => {
    // Key rule 14 days, potential 30, ordinary 60: last done visits on the boundaries (today 11-23).
    const visited = (grade: string | null, day: string | null) => {
      const id = w.customer({ owner: A, grade, created_at: '2026-01-01T00:00:00.000Z' });
      if (day) w.visit({ owner: A, customer: id, day });
      return id;
    };
    visited('key', '2026-11-09'); // 14 days: not overdue
    visited('key', '2026-11-08'); // 15 days: overdue
    visited('potential', '2026-10-24'); // 30: not
    visited('potential', '2026-10-23'); // 31: overdue
    visited('ordinary', '2026-09-24'); // 60: not
    visited('ordinary', null); // never, created in January: overdue
    visited('ignore', null); // no rule
    visited(null, null); // ungraded
    // Phoned yesterday but last visited 40 days ago: still overdue (domain.md §2), and the
    // call shows as its last contact.
    const phoned = visited('key', '2026-10-14');
    w.activity({ user: A, customer: phoned, at: '2026-11-22T02:00:00.000Z' });
    // Called within the rule, never visited, created in January: overdue.
    const calledOnly = visited('potential', null);
    w.activity({ user: A, customer: calledOnly, at: '2026-11-20T02:00:00.000Z' });
    // A planned (not done) visit within the rule does not count either.
    const planned = visited('key', '2026-10-01');
    w.visit({ owner: A, customer: planned, day: '2026-11-20', status: 'planned' });
    const r = await w.run('customerVisits', { kind: 'month', date: '2026-11-01' });
    const list = await call(w.app, 'customers.list', {
      scope: 'all',
      overdue: true,
      today: TODAY,
      pageSize: 200,
    });
    expect(list.total).toBe(6);
    expect(r.keyFigures.overdueCustomers).toBe(list.total);
    const rows = await w.run(
      'customerVisits',
      { kind: 'month', date: '2026-11-01' },
      { type: 'rep', id: A },
    );
    expect(rows.rows.find((c) => c.id === phoned)).toMatchObject({
      lastVisitOn: '2026-10-14',
      daysSinceVisit: 40,
      overdueDays: 26,
      lastContactOn: '2026-11-22',
    });
    expect(rows.rows.find((c) => c.id === calledOnly)).toMatchObject({
      lastVisitOn: null,
      overdueDays: 326 - 30,
      lastContactOn: '2026-11-20',
    });
  });
});

describe('reports: abnormal customers (domain.md §7.8)', () => {
  it('overdue key/potential customers, overdue collections, orders fallen by half', async () => {
    const q4 = { kind: 'quarter', date: '2026-11-23' } as const;
    const made = '2026-01-01T00:00:00.000Z';
    // a1 key, last visited 11-01 (22 days > 14): overdue for a visit.
    const a1 = w.customer({ owner: A, name: '甲', grade: 'key', created_at: made });
    w.visit({ owner: A, customer: a1, day: '2026-11-01' });
    // a7 key, visited 11-02 (21 days: 7 over) and phoned yesterday: a call does not reset it.
    const a7 = w.customer({ owner: A, name: '庚', grade: 'key', created_at: made });
    w.visit({ owner: A, customer: a7, day: '2026-11-02' });
    w.activity({ user: A, customer: a7, at: '2026-11-22T02:00:00.000Z' });
    // a2 potential, seen 11-20; a won deal's receivable due 11-01: 100,000, collected 30,000.
    const a2 = w.customer({ owner: A, name: '乙', grade: 'potential', created_at: made });
    w.visit({ owner: A, customer: a2, day: '2026-11-20' });
    const d2 = w.deal({
      owner: A,
      customer: a2,
      amount: 100_000,
      status: 'won',
      closedOn: '2026-10-01',
    });
    const r2 = w.insert('receivables', {
      deal_id: d2,
      customer_id: a2,
      amount: 100_000,
      due_on: '2026-11-01',
    });
    w.insert('collections', {
      receivable_id: r2,
      deal_id: d2,
      customer_id: a2,
      amount: 30_000,
      collected_on: '2026-11-05',
    });
    // a3 ordinary, never contacted (overdue, but not key or potential); due today (not late);
    // another receivable fully paid.
    const a3 = w.customer({ owner: A, name: '丙', grade: 'ordinary', created_at: made });
    const d3 = w.deal({
      owner: A,
      customer: a3,
      amount: 50_000,
      status: 'won',
      closedOn: '2026-06-01',
    });
    w.insert('receivables', { deal_id: d3, customer_id: a3, amount: 20_000, due_on: '2026-11-23' });
    const r3 = w.insert('receivables', {
      deal_id: d3,
      customer_id: a3,
      amount: 30_000,
      due_on: '2026-10-01',
    });
    w.insert('collections', {
      receivable_id: r3,
      deal_id: d3,
      customer_id: a3,
      amount: 30_000,
      collected_on: '2026-09-20',
    });
    // a4 (C): Q3 orders 400,000, Q4 200,000 — half: fell by half.
    const a4 = w.customer({ owner: C, name: '丁', grade: 'ordinary', created_at: made });
    w.visit({ owner: C, customer: a4, day: '2026-11-20' });
    w.deal({ owner: C, customer: a4, amount: 400_000, status: 'won', closedOn: '2026-08-10' });
    w.deal({ owner: C, customer: a4, amount: 200_000, status: 'won', closedOn: '2026-10-10' });
    // a5 key, seen 11-20: Q3 300,000 → Q4 200,000 (not half).
    const a5 = w.customer({ owner: A, name: '戊', grade: 'key', created_at: made });
    w.visit({ owner: A, customer: a5, day: '2026-11-20' });
    w.deal({ owner: A, customer: a5, amount: 300_000, status: 'won', closedOn: '2026-09-10' });
    w.deal({ owner: A, customer: a5, amount: 200_000, status: 'won', closedOn: '2026-11-10' });
    // a6 potential, seen 11-20: a deal moved back out of won keeps a frozen, unpaid receivable.
    const a6 = w.customer({ owner: A, name: '己', grade: 'potential', created_at: made });
    w.visit({ owner: A, customer: a6, day: '2026-11-20' });
    const d6 = w.deal({ owner: A, customer: a6, amount: 80_000, milestone: 'M5' });
    w.insert('receivables', { deal_id: d6, customer_id: a6, amount: 80_000, due_on: '2026-10-01' });

    const r = await w.run('abnormalCustomers', q4);
    expect(r.trend).toBeNull();
    expect(r.keyFigures).toEqual({
      abnormalCustomers: 4,
      overdueVisit: 2,
      overdueCollection: 1,
      overdueBalance: 70_000,
      orderDrop: 1,
      previousPeriod: { from: '2026-07-01', to: '2026-09-30' },
    });
    expect(rowOf(r.rows, T1)).toMatchObject({
      abnormalCustomers: 3,
      overdueVisit: 2,
      overdueCollection: 1,
      orderDrop: 0,
    });
    expect(rowOf(r.rows, T2)).toMatchObject({
      abnormalCustomers: 1,
      orderDrop: 1,
      overdueBalance: 0,
    });

    const a = await w.run('abnormalCustomers', q4, { type: 'rep', id: A });
    expect(a.rows).toEqual([
      expect.objectContaining({
        id: a2,
        reasons: ['overdueCollection'],
        overdueBalance: 70_000,
        oldestOverdueDueOn: '2026-11-01',
        overdueDays: null,
      }),
      // 庚 (gēng) before 甲 (jiǎ): the list's name order, after the balances.
      expect.objectContaining({
        id: a7,
        reasons: ['overdueVisit'],
        overdueDays: 7,
        lastVisitOn: '2026-11-02',
        lastContactOn: '2026-11-22',
      }),
      expect.objectContaining({
        id: a1,
        reasons: ['overdueVisit'],
        overdueDays: 8,
        overdueBalance: 0,
        lastVisitOn: '2026-11-01',
        lastContactOn: '2026-11-01',
      }),
    ]);
    const c = await w.run('abnormalCustomers', q4, { type: 'rep', id: C });
    expect(c.rows).toEqual([
      expect.objectContaining({
        id: a4,
        reasons: ['orderDrop'],
        orders: 200_000,
        previousOrders: 400_000,
      }),
    ]);
  });
});

describe('reports: activity split (domain.md §7.9)', () => {
  it('visits by visitCategory and activities by their category, with shares', async () => {
    const prospect = w.customer({ owner: A, status: 'prospect' });
    const customer = w.customer({ owner: A, status: 'customer' });
    const wonBefore = w.customer({ owner: A });
    w.deal({ owner: A, customer: wonBefore, amount: 1, status: 'won', closedOn: '2026-10-01' });
    const wonAfter = w.customer({ owner: A });
    w.deal({ owner: A, customer: wonAfter, amount: 1, status: 'won', closedOn: '2026-11-25' });
    const v = (customerId: string, purpose: string, extra: Record<string, string> = {}) =>
      w.visit({ owner: A, customer: customerId, day: '2026-11-10', purpose, ...extra });
    v(prospect, 'develop'); // development
    v(prospect, 'info'); // development
    v(prospect, 'order'); // negotiation: no won deal
    v(wonBefore, 'order'); // maintenance: won before the visit
    v(wonAfter, 'problem'); // negotiation: its deal was won after the visit
    v(customer, 'service'); // maintenance
    v(customer, 'collect'); // maintenance
    v(customer, 'other'); // maintenance: a customer
    v(prospect, 'other'); // development: a prospect
    v(prospect, 'develop', { status: 'cancelled' }); // not done: not counted
    w.activity({ user: A, customer: prospect, at: '2026-11-11T02:00:00.000Z' });
    w.activity({
      user: A,
      customer: prospect,
      at: '2026-11-11T03:00:00.000Z',
      kind: 'note',
      category: 'negotiation',
    });
    w.activity({
      user: A,
      customer,
      at: '2026-11-11T04:00:00.000Z',
      kind: 'message',
      category: null,
    });
    w.activity({
      user: A,
      customer,
      at: '2026-11-11T05:00:00.000Z',
      kind: 'handover',
      category: null,
    });
    w.visit({ owner: C, customer, day: '2026-11-12', purpose: 'service' });

    const r = await w.run('activitySplit', { kind: 'month', date: '2026-11-01' });
    expect(r.keyFigures.visits).toEqual({ development: 3, negotiation: 2, maintenance: 5 });
    expect(r.keyFigures.activities).toEqual({ development: 1, negotiation: 1, maintenance: 1 });
    expect(r.keyFigures.total).toEqual({ development: 4, negotiation: 3, maintenance: 6 });
    expect(r.keyFigures.visitShares).toEqual({
      development: 3 / 10,
      negotiation: 2 / 10,
      maintenance: 5 / 10,
    });
    expect(r.keyFigures.totalShares).toEqual({
      development: 4 / 13,
      negotiation: 3 / 13,
      maintenance: 6 / 13,
    });
    expect(r.trend.find((d) => d.key === '2026-11-10')).toMatchObject({
      development: 3,
      negotiation: 2,
      maintenance: 4,
    });
    expect(r.trend.find((d) => d.key === '2026-11-11')).toMatchObject({
      development: 1,
      negotiation: 1,
      maintenance: 1,
    });
    expect(rowOf(r.rows, T1)).toMatchObject({
      visits: { development: 3, negotiation: 2, maintenance: 4 },
    });
    expect(rowOf(r.rows, T2)).toMatchObject({
      visits: { development: 0, negotiation: 0, maintenance: 1 },
      activityShares: { development: null, negotiation: null, maintenance: null },
    });

    const a = await w.run(
      'activitySplit',
      { kind: 'month', date: '2026-11-01' },
      { type: 'rep', id: A },
    );
    expect(a.rowKind).toBe('item');
    expect(a.rows.filter((x) => x.kind === 'activity')).toHaveLength(3);
    expect(a.rows.filter((x) => x.kind === 'visit')).toHaveLength(9);
  });

  it('the SQL category of a visit is visitCategory’s, for every purpose, won deal and status', async () => {
    const cases: { id: string; expected: string }[] = [];
    for (const status of ['prospect', 'customer', 'lost'] as const)
      for (const hasWonDeal of [false, true]) {
        const cust = w.customer({ owner: A, status });
        if (hasWonDeal)
          w.deal({ owner: A, customer: cust, amount: 1, status: 'won', closedOn: '2026-11-01' });
        for (const purpose of visitPurposes)
          cases.push({
            id: w.visit({ owner: A, customer: cust, day: '2026-11-10', purpose }),
            expected: visitCategory(purpose, { hasWonDeal, status }),
          });
      }
    const a = await w.run(
      'activitySplit',
      { kind: 'month', date: '2026-11-01' },
      { type: 'rep', id: A },
    );
    const byId = new Map(
      a.rows.map((x) => [x.id, x.kind === 'visit' || x.kind === 'activity' ? x.category : null]),
    );
    for (const c of cases) expect(byId.get(c.id)).toBe(c.expected);
    expect(cases).toHaveLength(visitPurposes.length * 6);
  });
});
