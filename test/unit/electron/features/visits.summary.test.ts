import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { VisitDetail } from '../../../../shared/contract/visits';
import { call, callError, count, dbSnapshot } from '../../helpers';
import { reopenDeal, winDeal } from './receivables.fixtures';
import {
  TODAY,
  TZ,
  lastContactAt,
  planOf,
  planVisit,
  visitFixture,
  visitRow,
  type VisitFixture,
} from './visits.fixture';

let f: VisitFixture;
/** Last Friday 14:00–15:00 Shanghai time: a visit that has happened. */
let friday: VisitDetail;

beforeEach(async () => {
  f = await visitFixture();
  friday = await planVisit(f, { day: '2026-11-20', start: '14:00', end: '15:00' });
});
afterEach(() => f.app.cleanup());

type Summary = Input<'visits.summarize'>['summary'];

function summarize(visit: VisitDetail, summary: Summary, extra: Record<string, unknown> = {}) {
  return call(f.app, 'visits.summarize', {
    id: visit.id,
    expectedUpdatedAt: visit.updatedAt,
    summary,
    today: TODAY,
    ...extra,
  });
}
function summarizeError(visit: VisitDetail, summary: unknown, extra: Record<string, unknown> = {}) {
  return callError(f.app, 'visits.summarize', {
    id: visit.id,
    expectedUpdatedAt: visit.updatedAt,
    summary,
    today: TODAY,
    ...extra,
  });
}

/** Two won deals of the customer: ¥5,000 due 2026-11-10 (older) and ¥8,000 due 2026-11-30. */
function twoReceivables() {
  const older = winDeal(f.app, {
    customerId: f.customerId,
    ownerId: f.alice.id,
    amount: 500_000,
    closedOn: '2026-10-11',
    title: '一期设备',
  });
  const newer = winDeal(f.app, {
    customerId: f.customerId,
    ownerId: f.alice.id,
    amount: 800_000,
    closedOn: '2026-10-31',
    title: '二期产线改造',
  });
  return { older, newer };
}

function liveCollections() {
  return f.app.sqlite
    .prepare(
      'SELECT receivable_id AS receivableId, amount, collected_on AS collectedOn, visit_id AS visitId, by_user_id AS byUserId FROM collections WHERE deleted_at IS NULL ORDER BY created_at, id',
    )
    .all();
}

describe('visits.summarize', () => {
  it('records what happened, and moves the customer’s last contact', async () => {
    expect(lastContactAt(f.app, f.customerId)).toBeNull();
    f.app.tick(60_000);
    const done = await summarize(friday, {
      status: 'done',
      actualStart: '14:10',
      actualEnd: '15:20',
      outcome: '确认了二期预算',
      problemsHandled: '解释了交期',
      orderAmount: 1_250_000,
      competitorInfo: '竞品报价低 5%',
      customerFeedback: '希望加快交付',
      customerNews: '新厂房下月投产',
      learnings: '先见设备科长',
      effective: true,
      nextAction: '下周送样',
    });
    expect(done).toMatchObject({
      status: 'done',
      planned: true,
      effective: true,
      actualStartAt: '2026-11-20T06:10:00.000Z',
      actualEndAt: '2026-11-20T07:20:00.000Z',
      outcome: '确认了二期预算',
      orderAmount: 1_250_000,
      collectionAmount: null,
      collection: null,
      nextAction: '下周送样',
      summarizedAt: '2026-11-23T09:01:01.000Z',
      summarizedByName: '王经理',
      summaryDue: false,
    });
    expect(lastContactAt(f.app, f.customerId)).toBe('2026-11-20T06:10:00.000Z');
  });

  it('takes the planned times as actual by default; cancelled and missed store no actuals, money or effective', async () => {
    const done = await summarize(friday, { status: 'done', effective: false });
    expect(done).toMatchObject({
      actualStartAt: friday.startAt,
      actualEndAt: friday.endAt,
      effective: false,
    });
    const cancelled = await summarize(done, {
      status: 'cancelled',
      effective: true,
      orderAmount: 5_000,
      outcome: '客户改期',
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      actualStartAt: null,
      effective: null,
      orderAmount: null,
      outcome: '客户改期',
    });
    // No longer done: no longer contact.
    expect(lastContactAt(f.app, f.customerId)).toBeNull();
  });

  it('needs “effective” for a done visit, and refuses done or missed before the visit starts', async () => {
    const tomorrow = await planVisit(f, { day: '2026-11-24' });
    const before = dbSnapshot(f.app);
    expect(await summarizeError(friday, { status: 'done' })).toMatchObject({
      code: 'invalid_input',
      key: 'visitErrors.effectiveRequired',
      fields: { effective: 'visitErrors.effectiveRequired' },
    });
    for (const status of ['done', 'missed'])
      expect(await summarizeError(tomorrow, { status, effective: true })).toMatchObject({
        code: 'invalid_input',
        key: 'visitErrors.summaryInFuture',
      });
    // The user's now decides, not the host's: in Shanghai it is 17:00; 16:00 is too early for a 16:30 visit.
    const today = await planVisit(f, { day: '2026-11-23', start: '16:30', end: '17:30' });
    const early = dbSnapshot(f.app);
    expect(
      await summarizeError(
        today,
        { status: 'done', effective: true },
        { now: '2026-11-23T16:00:00+08:00' },
      ),
    ).toMatchObject({ key: 'visitErrors.summaryInFuture' });
    expect(dbSnapshot(f.app)).toBe(early);
    await summarize(today, { status: 'done', effective: true });
    // An actual start after now is refused too.
    expect(
      await summarizeError(friday, {
        status: 'done',
        effective: true,
        actualStart: '14:00',
        actualEnd: '13:00',
      }),
    ).toMatchObject({
      key: 'visitErrors.endBeforeStart',
      fields: { actualEnd: 'visitErrors.endBeforeStart' },
    });
    // Cancelling ahead of time is fine.
    const cancelled = await summarize(tomorrow, { status: 'cancelled' });
    expect(cancelled.status).toBe('cancelled');
    expect(before).not.toBe(early);
  });

  it('refuses negative money in the contract and writes nothing', async () => {
    const before = dbSnapshot(f.app);
    expect(
      await summarizeError(friday, { status: 'done', effective: true, orderAmount: -1 }),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { 'summary.orderAmount': 'validation.range' },
    });
    expect(
      await summarizeError(friday, { status: 'done', effective: true, collectionAmount: -100 }),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { 'summary.collectionAmount': 'validation.range' },
    });
    expect(
      await summarizeError(friday, { status: 'done', effective: true, orderAmount: 1.5 }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(dbSnapshot(f.app)).toBe(before);
  });
});

describe('a summary’s collection', () => {
  it('is booked against the oldest open receivable by default, on the visit’s day', async () => {
    const { older } = twoReceivables();
    const done = await summarize(friday, {
      status: 'done',
      effective: true,
      collectionAmount: 300_000,
    });
    expect(done.collectionAmount).toBe(300_000);
    expect(done.collection).toMatchObject({
      receivableId: older.receivableId,
      dealId: older.dealId,
      dealTitle: '一期设备',
    });
    expect(liveCollections()).toEqual([
      {
        receivableId: older.receivableId,
        amount: 300_000,
        collectedOn: '2026-11-20',
        visitId: friday.id,
        byUserId: f.manager.id,
      },
    ]);
    const owed = await call(f.app, 'receivables.forCustomer', {
      customerId: f.customerId,
      today: TODAY,
    });
    expect(owed.openBalance).toBe(1_000_000);
  });

  it('is booked against the receivable the user picks', async () => {
    const { newer } = twoReceivables();
    const done = await summarize(friday, {
      status: 'done',
      effective: true,
      collectionAmount: 800_000,
      collectionReceivableId: newer.receivableId,
    });
    expect(done.collection?.receivableId).toBe(newer.receivableId);
    expect(liveCollections()).toMatchObject([
      { receivableId: newer.receivableId, amount: 800_000 },
    ]);
  });

  it('refuses more than the balance, another customer’s or a frozen receivable', async () => {
    const { older, newer } = twoReceivables();
    const other = winDeal(f.app, {
      customerId: f.otherCustomerId,
      ownerId: f.bob.id,
      amount: 100_000,
      closedOn: '2026-10-01',
    });
    const withDebts = dbSnapshot(f.app);
    expect(
      await summarizeError(friday, { status: 'done', effective: true, collectionAmount: 500_001 }),
    ).toMatchObject({
      code: 'invalid_input',
      key: 'visitErrors.collectionTooLarge',
      params: { balance: '¥5,000.00' },
      fields: { collectionAmount: 'visitErrors.collectionTooLarge' },
    });
    expect(
      await summarizeError(friday, {
        status: 'done',
        effective: true,
        collectionAmount: 100,
        collectionReceivableId: other.receivableId,
      }),
    ).toMatchObject({
      code: 'invalid_input',
      key: 'visitErrors.receivableElsewhere',
      fields: { collectionReceivableId: 'visitErrors.receivableElsewhere' },
    });
    reopenDeal(f.app, newer.dealId);
    const reopened = dbSnapshot(f.app);
    expect(
      await summarizeError(friday, {
        status: 'done',
        effective: true,
        collectionAmount: 100,
        collectionReceivableId: newer.receivableId,
      }),
    ).toMatchObject({ code: 'conflict', key: 'receivables.errors.frozen' });
    expect(dbSnapshot(f.app)).toBe(reopened);
    expect(withDebts).not.toBe(reopened);
    // The older one still takes its whole balance.
    const done = await summarize(friday, {
      status: 'done',
      effective: true,
      collectionAmount: 500_000,
    });
    expect(done.collection?.receivableId).toBe(older.receivableId);
  });

  it('is replaced when the summary is rewritten, in the same commit', async () => {
    const { older, newer } = twoReceivables();
    const first = await summarize(friday, {
      status: 'done',
      effective: true,
      collectionAmount: 500_000,
    });
    const firstCollection = first.collection?.id;
    f.app.tick(60_000);
    // The same full balance again: the old booking does not count against it.
    const again = await summarize(first, {
      status: 'done',
      effective: true,
      collectionAmount: 500_000,
    });
    expect(again.collection?.receivableId).toBe(older.receivableId);
    expect(again.collection?.id).not.toBe(firstCollection);
    expect(count(f.app, 'collections')).toBe(2);
    expect(liveCollections()).toHaveLength(1);
    f.app.tick(60_000);
    const moved = await summarize(again, {
      status: 'done',
      effective: true,
      collectionAmount: 200_000,
      collectionReceivableId: newer.receivableId,
    });
    expect(liveCollections()).toMatchObject([
      { receivableId: newer.receivableId, amount: 200_000 },
    ]);
    // A rewrite that fails (too much) keeps the previous booking.
    const before = dbSnapshot(f.app);
    expect(
      await summarizeError(moved, { status: 'done', effective: true, collectionAmount: 900_000 }),
    ).toMatchObject({ key: 'visitErrors.collectionTooLarge' });
    expect(dbSnapshot(f.app)).toBe(before);
    f.app.tick(60_000);
    const cancelled = await summarize(moved, { status: 'cancelled' });
    expect(cancelled).toMatchObject({ collection: null, collectionAmount: null });
    expect(liveCollections()).toEqual([]);
  });

  it('goes and comes back with its visit', async () => {
    twoReceivables();
    await summarize(friday, { status: 'done', effective: true, collectionAmount: 100_000 });
    f.app.tick(1000);
    await call(f.app, 'visits.delete', { id: friday.id });
    expect(liveCollections()).toEqual([]);
    expect(lastContactAt(f.app, f.customerId)).toBeNull();
    f.app.tick(1000);
    await call(f.app, 'visits.restore', { id: friday.id });
    expect(liveCollections()).toMatchObject([{ amount: 100_000, visitId: friday.id }]);
    expect(lastContactAt(f.app, f.customerId)).toBe(friday.startAt);
  });
});

describe('a summary’s next step', () => {
  it('plans the next visit of the same rep and customer in the same commit', async () => {
    const seq = () =>
      (f.app.sqlite.prepare('SELECT max(seq) AS s FROM change_log').get() as { s: number }).s;
    const start = seq();
    const done = await summarize(friday, {
      status: 'done',
      effective: true,
      nextAction: '下周二送样',
      next: {
        kind: 'visit',
        day: '2026-11-24',
        start: '10:00',
        end: '11:00',
        timeZone: TZ,
        purpose: 'order',
        goal: '送样并报价',
      },
    });
    const next = f.app.sqlite
      .prepare('SELECT * FROM visits WHERE id <> ? AND deleted_at IS NULL')
      .all(friday.id) as Record<string, unknown>[];
    expect(next).toMatchObject([
      {
        owner_id: f.alice.id,
        customer_id: f.customerId,
        day: '2026-11-24',
        start_at: '2026-11-24T02:00:00.000Z',
        purpose: 'order',
        goal: '送样并报价',
        planned: 1,
        status: 'planned',
      },
    ]);
    // One commit: the summary and the new visit share the same updated_at stamp.
    expect(next[0]?.created_at).toBe(done.updatedAt);
    expect(seq()).toBeGreaterThan(start);

    // An overlapping next visit fails the whole summary.
    const before = dbSnapshot(f.app);
    expect(
      await summarizeError(done, {
        status: 'done',
        effective: true,
        next: {
          kind: 'visit',
          day: '2026-11-24',
          start: '10:30',
          end: '11:30',
          timeZone: TZ,
          purpose: 'order',
        },
      }),
    ).toMatchObject({ code: 'conflict', key: 'visitErrors.overlap' });
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('adds a follow-up for the rep', async () => {
    const done = await summarize(friday, {
      status: 'done',
      effective: true,
      next: { kind: 'followUp', dueOn: '2026-11-27', text: '发报价单' },
    });
    const list = await call(f.app, 'followUps.forCustomer', { customerId: f.customerId });
    expect(list).toMatchObject([
      { ownerId: f.alice.id, dueOn: '2026-11-27', text: '发报价单', createdAt: done.updatedAt },
    ]);
  });
});

describe('visits.log', () => {
  it('logs an unplanned visit with its summary in one commit', async () => {
    twoReceivables();
    const logged = await call(f.app, 'visits.log', {
      plan: planOf(f, { day: '2026-11-23', start: '13:00', end: '14:00', purpose: 'collect' }),
      summary: {
        status: 'done',
        effective: true,
        collectionAmount: 50_000,
        next: { kind: 'followUp', dueOn: '2026-11-30', text: '开发票' },
      },
      today: TODAY,
    });
    expect(logged).toMatchObject({
      planned: false,
      status: 'done',
      effective: true,
      collectionAmount: 50_000,
      summaryDue: false,
    });
    expect(logged.collection).not.toBeNull();
    expect(visitRow(f.app, logged.id)).toMatchObject({ planned: 0, route_order: 0 });
    expect(count(f.app, 'follow_ups')).toBe(1);
    expect(lastContactAt(f.app, f.customerId)).toBe('2026-11-23T05:00:00.000Z');
  });

  it('refuses a visit that has not happened yet, and a bad plan, writing nothing', async () => {
    const before = dbSnapshot(f.app);
    expect(
      await callError(f.app, 'visits.log', {
        plan: planOf(f, { day: '2026-11-23', start: '18:00', end: '19:00' }),
        summary: { status: 'done', effective: true },
        today: TODAY,
      }),
    ).toMatchObject({ key: 'visitErrors.summaryInFuture' });
    expect(
      await callError(f.app, 'visits.log', {
        plan: planOf(f, { day: '2026-11-20', start: '14:30', end: '15:30' }),
        summary: { status: 'done', effective: true },
        today: TODAY,
      }),
    ).toMatchObject({ code: 'conflict', key: 'visitErrors.overlap' });
    expect(dbSnapshot(f.app)).toBe(before);
  });
});

describe('last contact', () => {
  it('moves with a done visit and back when the visit is deleted', async () => {
    await call(f.app, 'timeline.log', {
      customerId: f.customerId,
      kind: 'call',
      at: '2026-11-18T02:00:00.000Z',
      body: '电话确认拜访',
    });
    expect(lastContactAt(f.app, f.customerId)).toBe('2026-11-18T02:00:00.000Z');
    const done = await summarize(friday, { status: 'done', effective: true });
    expect(lastContactAt(f.app, f.customerId)).toBe(friday.startAt);
    await call(f.app, 'visits.delete', { id: done.id });
    expect(lastContactAt(f.app, f.customerId)).toBe('2026-11-18T02:00:00.000Z');
  });
});
