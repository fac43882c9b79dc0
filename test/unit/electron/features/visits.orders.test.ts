import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { VisitDetail } from '../../../../shared/contract/visits';
import { call, callError, count, dbSnapshot } from '../../helpers';
import { TODAY, planVisit, visitFixture, type VisitFixture } from './visits.fixture';

/*
 * Decision 0019 through the real handlers on a real SQLite file: an order in a visit summary
 * is a won deal (sales), and money collected while nothing is owed is an unallocated receipt
 * that the customer's next receivable takes.
 */

let f: VisitFixture;
let friday: VisitDetail;

beforeEach(async () => {
  f = await visitFixture();
  friday = await planVisit(f, { day: '2026-11-20', start: '14:00', end: '15:00' });
});
afterEach(() => f.app.cleanup());

type Summary = Input<'visits.summarize'>['summary'];

async function summarize(visit: VisitDetail, summary: Summary) {
  const fresh = await call(f.app, 'visits.get', { id: visit.id, now: f.app.now().toISOString() });
  return call(f.app, 'visits.summarize', {
    id: visit.id,
    expectedUpdatedAt: fresh.updatedAt,
    summary,
    today: TODAY,
  });
}

function orderDeals(visitId: string) {
  return f.app.sqlite
    .prepare(
      'SELECT id, owner_id AS ownerId, amount, status, milestone, closed_on AS closedOn, title, deleted_at AS deletedAt FROM deals WHERE visit_id = ?',
    )
    .all(visitId) as {
    id: string;
    ownerId: string;
    amount: number;
    status: string;
    milestone: string;
    closedOn: string;
    title: string;
    deletedAt: string | null;
  }[];
}

function liveCollections() {
  return f.app.sqlite
    .prepare(
      'SELECT receivable_id AS receivableId, deal_id AS dealId, amount, collected_on AS collectedOn FROM collections WHERE deleted_at IS NULL ORDER BY created_at, id',
    )
    .all() as { receivableId: string | null; dealId: string | null; amount: number }[];
}

async function attainment() {
  const report = await call(f.app, 'reports.run', {
    report: 'attainment',
    period: { kind: 'month', date: '2026-11-20' },
    scope: { type: 'rep', id: f.alice.id },
    today: TODAY,
  });
  const figures = report.keyFigures as unknown as Record<string, { actual: number }>;
  return { sales: figures.sales?.actual, collections: figures.collections?.actual };
}

describe('an order in a visit summary', () => {
  it('becomes one won deal of the visit’s rep on the visit’s day, counted as sales', async () => {
    const done = await summarize(friday, {
      status: 'done',
      effective: true,
      orderAmount: 1_200_000,
      orderTitle: '拜访订货',
    });
    const [deal, ...more] = orderDeals(friday.id);
    expect(more).toEqual([]);
    expect(deal).toMatchObject({
      ownerId: f.alice.id,
      amount: 1_200_000,
      status: 'won',
      milestone: 'M6',
      closedOn: '2026-11-20',
      title: '拜访订货',
      deletedAt: null,
    });
    expect(done.order).toEqual({ dealId: deal?.id, title: '拜访订货' });
    expect((await attainment()).sales).toBe(1_200_000);
    const owed = await call(f.app, 'receivables.forCustomer', {
      customerId: f.customerId,
      today: TODAY,
    });
    expect(owed.openBalance).toBe(1_200_000);
    expect(owed.open[0]).toMatchObject({ dealId: deal?.id, dueOn: '2026-12-20' });
    const list = await call(f.app, 'deals.forCustomer', { customerId: f.customerId, today: TODAY });
    expect(list.map((d) => d.id)).toContain(deal?.id);
  });

  it('is changed, not duplicated, when the summary is edited, and removed when cleared', async () => {
    await summarize(friday, { status: 'done', effective: true, orderAmount: 1_000_000 });
    const [first] = orderDeals(friday.id);
    await summarize(friday, { status: 'done', effective: true, orderAmount: 1_500_000 });
    expect(orderDeals(friday.id)).toMatchObject([{ id: first?.id, amount: 1_500_000 }]);
    expect(count(f.app, 'deals', 'visit_id IS NOT NULL AND deleted_at IS NULL')).toBe(1);
    expect(
      count(
        f.app,
        'receivables',
        `deal_id = '${first?.id}' AND deleted_at IS NULL AND amount = 1500000`,
      ),
    ).toBe(1);
    expect((await attainment()).sales).toBe(1_500_000);

    await summarize(friday, { status: 'done', effective: true, orderAmount: null });
    expect(orderDeals(friday.id)).toMatchObject([{ id: first?.id, deletedAt: expect.any(String) }]);
    expect((await attainment()).sales).toBe(0);
  });

  it('refuses an amount below what was collected on it, writing nothing', async () => {
    await summarize(friday, {
      status: 'done',
      effective: true,
      orderAmount: 1_000_000,
      collectionAmount: 600_000,
    });
    const before = dbSnapshot(f.app);
    const fresh = await call(f.app, 'visits.get', {
      id: friday.id,
      now: f.app.now().toISOString(),
    });
    // The visit's own booking is replaced with the summary, so only a colleague's collection binds.
    const [receivable] = (
      await call(f.app, 'receivables.forCustomer', {
        customerId: f.customerId,
        today: TODAY,
      })
    ).open;
    await call(f.app, 'collections.record', {
      receivableId: receivable?.id ?? '',
      amount: 300_000,
      collectedOn: '2026-11-21',
      today: TODAY,
    });
    const withColleague = dbSnapshot(f.app);
    expect(withColleague).not.toBe(before);
    expect(
      await callError(f.app, 'visits.summarize', {
        id: friday.id,
        expectedUpdatedAt: fresh.updatedAt,
        summary: { status: 'done', effective: true, orderAmount: 200_000, collectionAmount: 0 },
        today: TODAY,
      }),
    ).toMatchObject({
      code: 'invalid_input',
      key: 'visitErrors.orderBelowCollected',
      fields: { orderAmount: 'visitErrors.orderBelowCollected' },
    });
    expect(dbSnapshot(f.app)).toBe(withColleague);
  });
});

describe('a collection while nothing is owed', () => {
  it('is an unallocated receipt, counted as collections, that the next receivable takes', async () => {
    const done = await summarize(friday, {
      status: 'done',
      effective: true,
      collectionAmount: 300_000,
    });
    expect(done.collection).toMatchObject({ receivableId: null, dealId: null });
    expect(liveCollections()).toMatchObject([
      { receivableId: null, dealId: null, amount: 300_000 },
    ]);
    expect(
      await call(f.app, 'receivables.forCustomer', { customerId: f.customerId, today: TODAY }),
    ).toMatchObject({ open: [], unallocated: 300_000 });
    expect((await attainment()).collections).toBe(300_000);

    // A later visit takes an order: its receivable takes the receipt.
    const monday = await planVisit(f, { day: '2026-11-23', start: '08:00', end: '09:00' });
    await summarize(monday, { status: 'done', effective: true, orderAmount: 1_000_000 });
    const [order] = orderDeals(monday.id);
    expect(liveCollections()).toMatchObject([{ dealId: order?.id, amount: 300_000 }]);
    const owed = await call(f.app, 'receivables.forCustomer', {
      customerId: f.customerId,
      today: TODAY,
    });
    expect(owed).toMatchObject({ openBalance: 700_000, unallocated: 0 });
    expect((await attainment()).collections).toBe(300_000);
  });

  it('goes to the order taken in the same summary', async () => {
    await summarize(friday, {
      status: 'done',
      effective: true,
      orderAmount: 500_000,
      collectionAmount: 200_000,
    });
    const [order] = orderDeals(friday.id);
    expect(liveCollections()).toMatchObject([{ dealId: order?.id, amount: 200_000 }]);
  });

  it('comes back unallocated when the order it paid is cleared', async () => {
    await summarize(friday, { status: 'done', effective: true, orderAmount: 500_000 });
    const [receivable] = (
      await call(f.app, 'receivables.forCustomer', {
        customerId: f.customerId,
        today: TODAY,
      })
    ).open;
    await call(f.app, 'collections.record', {
      receivableId: receivable?.id ?? '',
      amount: 100_000,
      collectedOn: '2026-11-21',
      today: TODAY,
    });
    await summarize(friday, { status: 'done', effective: true, orderAmount: null });
    expect(liveCollections()).toMatchObject([
      { receivableId: null, dealId: null, amount: 100_000 },
    ]);
    expect((await attainment()).collections).toBe(100_000);
  });
});

describe('the customer detail read', () => {
  it('lists planned visits still to come (not contact), on the customer index', async () => {
    const before = await call(f.app, 'customers.get', { id: f.customerId });
    const wednesday = await planVisit(f, { day: '2026-11-25', start: '09:00', end: '10:00' });
    const detail = await call(f.app, 'customers.get', {
      id: f.customerId,
      now: '2026-11-23T01:00:00.000Z',
    });
    // Friday's visit (still planned, its summary due) is over; Wednesday's is to come.
    expect(detail.upcomingVisits.map((v) => v.id)).toEqual([wednesday.id]);
    expect(detail.upcomingVisits[0]).toMatchObject({ ownerId: f.alice.id, day: '2026-11-25' });
    expect(detail.lastContactAt).toBe(before.lastContactAt);
    const later = await call(f.app, 'customers.get', {
      id: f.customerId,
      now: '2026-11-25T03:00:00.000Z',
    });
    expect(later.upcomingVisits).toEqual([]);
    const plan = f.app.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM visits WHERE customer_id = ? AND start_at >= ?
           AND end_at > ? AND status = 'planned' AND deleted_at IS NULL ORDER BY start_at, id LIMIT 5`,
      )
      .all(f.customerId, '2026-11-22T01:00:00.000Z', '2026-11-23T01:00:00.000Z') as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('visits_customer_idx');
  });
});
