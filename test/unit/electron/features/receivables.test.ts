import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReceivablesOldestFirst } from '../../../../electron/features/receivables/receivables.repo';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, startTeam, tempApp } from '../../helpers';
import { reopenDeal, winDeal } from './receivables.fixtures';

let app: ReturnType<typeof tempApp>;
let manager: User;
let alice: User;
let bob: User;
let customer: CustomerDetail;

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

beforeEach(async () => {
  app = tempApp();
  let reps: User[];
  ({ manager, reps } = await startTeam(app, ['Alice', 'Bob']));
  [alice, bob] = reps as [User, User];
  customer = await call(app, 'customers.create', {
    name: '华润精密',
    ownerId: alice.id,
    status: 'customer',
  });
});
afterEach(() => app.cleanup());

/** A ¥12,000 deal won on 2026-10-31: its receivable is due 2026-11-30, the month's last day. */
function wonDeal(amount = 1_200_000, closedOn = '2026-10-31') {
  return winDeal(app, { customerId: customer.id, ownerId: alice.id, amount, closedOn });
}

describe('receivables.forDeal', () => {
  it('gives amount, collected, balance and overdue against today, across a month end', async () => {
    const { dealId, receivableId } = wonDeal();
    await call(app, 'collections.record', {
      receivableId,
      amount: 500_000,
      collectedOn: '2026-11-20',
      note: '银行转账',
      today: '2026-11-23',
    });
    const onDueDay = await call(app, 'receivables.forDeal', { dealId, today: '2026-11-30' });
    expect(onDueDay).toMatchObject({
      dealStatus: 'won',
      dealAmount: 1_200_000,
      canCollect: true,
      total: 1_200_000,
      collected: 500_000,
      balance: 700_000,
      overdueBalance: 0,
    });
    expect(onDueDay.receivables).toEqual([
      {
        id: receivableId,
        dealId,
        amount: 1_200_000,
        dueOn: '2026-11-30',
        collected: 500_000,
        balance: 700_000,
        overdue: false,
        collections: [
          expect.objectContaining({
            amount: 500_000,
            collectedOn: '2026-11-20',
            byUserId: manager.id,
            byName: '王经理',
            note: '银行转账',
          }),
        ],
      },
    ]);
    // The first of the next month, the balance is late.
    const nextDay = await call(app, 'receivables.forDeal', { dealId, today: '2026-12-01' });
    expect(nextDay.receivables[0]?.overdue).toBe(true);
    expect(nextDay.overdueBalance).toBe(700_000);
  });

  it('says a deal that is not won has no receivables yet, and an unknown deal is not found', async () => {
    const dealId = app.newId();
    app.commit([
      {
        op: 'insert',
        table: 'deals',
        id: dealId,
        values: {
          customerId: customer.id,
          ownerId: alice.id,
          title: '备件年度框架',
          amount: 300_000,
          expectedCloseOn: '2026-12-31',
          milestone: 'M3',
          status: 'open',
          stageEnteredAt: '2026-11-01T00:00:00.000Z',
        },
      },
    ]);
    const open = await call(app, 'receivables.forDeal', { dealId, today: '2026-11-23' });
    expect(open).toMatchObject({ dealStatus: 'open', canCollect: false, receivables: [] });
    expect(
      (await callError(app, 'receivables.forDeal', { dealId: UNKNOWN, today: '2026-11-23' })).code,
    ).toBe('not_found');
    const split = await callError(app, 'receivables.split', {
      dealId,
      instalments: [{ amount: 300_000, dueOn: '2027-01-31' }],
    });
    expect(split).toMatchObject({ code: 'conflict', key: 'receivables.errors.notWon' });
  });
});

describe('receivables.split', () => {
  it('replaces the receivable by instalments that add up to the deal, in one commit', async () => {
    const { dealId, receivableId } = wonDeal();
    const before = count(app, 'change_log');
    const { receivableIds } = await call(app, 'receivables.split', {
      dealId,
      instalments: [
        { id: receivableId, amount: 600_000, dueOn: '2026-11-30' },
        { amount: 400_000, dueOn: '2026-12-31' },
        { amount: 200_000, dueOn: '2027-01-31' },
      ],
    });
    expect(receivableIds[0]).toBe(receivableId);
    const view = await call(app, 'receivables.forDeal', { dealId, today: '2026-11-23' });
    expect(view.receivables.map((r) => [r.amount, r.dueOn])).toEqual([
      [600_000, '2026-11-30'],
      [400_000, '2026-12-31'],
      [200_000, '2027-01-31'],
    ]);
    // One transaction: every change-log record of the split carries the same user, and all landed.
    expect(count(app, 'change_log')).toBeGreaterThan(before);
    expect(count(app, 'receivables', 'deleted_at IS NULL')).toBe(3);
  });

  it('refuses instalments that do not add up to the deal, or too many, and changes nothing', async () => {
    const { dealId } = wonDeal();
    const snapshot = dbSnapshot(app);
    const mismatch = await callError(app, 'receivables.split', {
      dealId,
      instalments: [
        { amount: 600_000, dueOn: '2026-11-30' },
        { amount: 500_000, dueOn: '2026-12-31' },
      ],
    });
    expect(mismatch).toMatchObject({
      code: 'invalid_input',
      key: 'receivables.errors.sumMismatch',
      params: { sum: '¥11,000.00', amount: '¥12,000.00' },
    });
    const tooMany = await callError(app, 'receivables.split', {
      dealId,
      instalments: Array.from({ length: 25 }, () => ({ amount: 48_000, dueOn: '2026-12-31' })),
    });
    expect(tooMany.code).toBe('invalid_input');
    for (const bad of [
      [],
      [{ amount: 0, dueOn: '2026-12-31' }],
      [{ amount: -1_200_000, dueOn: '2026-12-31' }],
      [{ amount: 1_200_000.5, dueOn: '2026-12-31' }],
      [{ amount: 1_200_000, dueOn: '2026-02-30' }],
      [{ amount: 1_200_000, dueOn: '2206-12-31' }],
      [{ amount: 1_200_000, dueOn: '2026-12-31', extra: 1 }],
    ]) {
      const error = await callError(app, 'receivables.split', { dealId, instalments: bad });
      expect(error.code, JSON.stringify(bad)).toBe('invalid_input');
    }
    expect(dbSnapshot(app)).toBe(snapshot);
  });

  it('keeps an instalment with collections but refuses to remove it or cut it below what was collected', async () => {
    const { dealId, receivableId } = wonDeal();
    await call(app, 'collections.record', {
      receivableId,
      amount: 300_000,
      collectedOn: '2026-11-10',
      today: '2026-11-23',
    });
    const snapshot = dbSnapshot(app);
    const removes = await callError(app, 'receivables.split', {
      dealId,
      instalments: [
        { amount: 600_000, dueOn: '2026-11-30' },
        { amount: 600_000, dueOn: '2026-12-31' },
      ],
    });
    expect(removes).toMatchObject({
      code: 'conflict',
      key: 'receivables.errors.removesCollections',
      params: { dueOn: '2026-11-30', collected: '¥3,000.00' },
    });
    const below = await callError(app, 'receivables.split', {
      dealId,
      instalments: [
        { id: receivableId, amount: 200_000, dueOn: '2026-11-30' },
        { amount: 1_000_000, dueOn: '2026-12-31' },
      ],
    });
    expect(below).toMatchObject({
      code: 'invalid_input',
      key: 'receivables.errors.belowCollected',
    });
    const foreign = await callError(app, 'receivables.split', {
      dealId,
      instalments: [{ id: UNKNOWN, amount: 1_200_000, dueOn: '2026-11-30' }],
    });
    expect(foreign).toMatchObject({
      code: 'invalid_input',
      key: 'receivables.errors.unknownInstalment',
    });
    expect(dbSnapshot(app)).toBe(snapshot);

    await call(app, 'receivables.split', {
      dealId,
      instalments: [
        { id: receivableId, amount: 400_000, dueOn: '2026-11-30' },
        { amount: 800_000, dueOn: '2026-12-31' },
      ],
    });
    const view = await call(app, 'receivables.forDeal', { dealId, today: '2026-12-01' });
    expect(view.receivables.map((r) => [r.amount, r.collected, r.balance, r.overdue])).toEqual([
      [400_000, 300_000, 100_000, true],
      [800_000, 0, 800_000, false],
    ]);
  });
});

describe('collections.record', () => {
  it('takes up to the balance, dated up to today, and refuses the rest without writing', async () => {
    const { receivableId } = wonDeal();
    const base = { receivableId, collectedOn: '2026-11-23', today: '2026-11-23' };
    await call(app, 'collections.record', { ...base, amount: 1_000_000 });
    const snapshot = dbSnapshot(app);
    expect(await callError(app, 'collections.record', { ...base, amount: 200_001 })).toMatchObject({
      code: 'invalid_input',
      key: 'receivables.errors.overBalance',
      params: { balance: '¥2,000.00' },
      fields: { amount: 'receivables.errors.overBalance' },
    });
    expect(
      await callError(app, 'collections.record', {
        ...base,
        amount: 100,
        collectedOn: '2026-11-24',
      }),
    ).toMatchObject({ code: 'invalid_input', key: 'receivables.errors.futureCollection' });
    for (const bad of [
      { ...base, amount: 0 },
      { ...base, amount: -100 },
      { ...base, amount: 10.5 },
      { ...base, amount: '100' },
      { ...base, amount: 100, collectedOn: '2026-13-01' },
      { ...base, amount: 100, note: 'x'.repeat(501) },
      { ...base, amount: 100, today: undefined },
      { ...base, amount: 100, receivableId: 'not-a-uuid' },
    ]) {
      const error = await callError(app, 'collections.record', bad);
      expect(error.code, JSON.stringify(bad)).toBe('invalid_input');
    }
    expect(
      (await callError(app, 'collections.record', { ...base, amount: 100, receivableId: UNKNOWN }))
        .code,
    ).toBe('not_found');
    expect(dbSnapshot(app)).toBe(snapshot);
    // The exact balance is fine: the instalment is then paid.
    await call(app, 'collections.record', { ...base, amount: 200_000 });
    expect(count(app, 'collections', 'deleted_at IS NULL')).toBe(2);
  });

  it('refuses collections and splits on a reopened deal, whose receivables are kept but frozen', async () => {
    const { dealId, receivableId } = wonDeal();
    reopenDeal(app, dealId);
    const snapshot = dbSnapshot(app);
    const error = await callError(app, 'collections.record', {
      receivableId,
      amount: 100,
      collectedOn: '2026-11-23',
      today: '2026-11-23',
    });
    expect(error).toMatchObject({ code: 'conflict', key: 'receivables.errors.frozen' });
    const split = await callError(app, 'receivables.split', {
      dealId,
      instalments: [{ id: receivableId, amount: 1_200_000, dueOn: '2026-12-31' }],
    });
    expect(split).toMatchObject({ code: 'conflict', key: 'receivables.errors.frozen' });
    expect(dbSnapshot(app)).toBe(snapshot);
    const view = await call(app, 'receivables.forDeal', { dealId, today: '2026-12-05' });
    expect(view).toMatchObject({ canCollect: false, dealStatus: 'open', balance: 1_200_000 });
  });
});

describe('collections.delete', () => {
  it('soft-deletes a collection: the balance grows back and the row stays for the history', async () => {
    const { dealId, receivableId } = wonDeal();
    const recorded = await call(app, 'collections.record', {
      receivableId,
      amount: 400_000,
      collectedOn: '2026-11-23',
      today: '2026-11-23',
    });
    await call(app, 'collections.delete', { id: recorded.id });
    const view = await call(app, 'receivables.forDeal', { dealId, today: '2026-11-23' });
    expect(view.balance).toBe(1_200_000);
    expect(view.receivables[0]?.collections).toEqual([]);
    expect(count(app, 'collections', `id = '${recorded.id}' AND deleted_at IS NOT NULL`)).toBe(1);
    expect((await callError(app, 'collections.delete', { id: recorded.id })).code).toBe(
      'not_found',
    );
  });

  it('lets a rep delete only their own collections', async () => {
    const { receivableId } = wonDeal();
    const recorded = await call(app, 'collections.record', {
      receivableId,
      amount: 400_000,
      collectedOn: '2026-11-23',
      today: '2026-11-23',
    });
    app.setCurrentUserId(bob.id);
    const snapshot = dbSnapshot(app);
    // Another rep's deal is out of Bob's data scope: its collection reads as missing.
    expect(await callError(app, 'collections.delete', { id: recorded.id })).toMatchObject({
      code: 'not_found',
    });
    expect(dbSnapshot(app)).toBe(snapshot);
  });
});

describe('receivables.forCustomer', () => {
  it('totals open and overdue balances of won deals only, oldest due first', async () => {
    const late = wonDeal(1_200_000, '2026-09-15'); // due 2026-10-15: overdue
    const current = wonDeal(500_000, '2026-11-20'); // due 2026-12-20
    const reopened = wonDeal(900_000, '2026-08-01'); // due 2026-08-31, but reopened
    const paid = wonDeal(100_000, '2026-07-01');
    reopenDeal(app, reopened.dealId);
    await call(app, 'collections.record', {
      receivableId: late.receivableId,
      amount: 200_000,
      collectedOn: '2026-10-20',
      today: '2026-11-23',
    });
    await call(app, 'collections.record', {
      receivableId: paid.receivableId,
      amount: 100_000,
      collectedOn: '2026-07-20',
      today: '2026-11-23',
    });
    const summary = await call(app, 'receivables.forCustomer', {
      customerId: customer.id,
      today: '2026-11-23',
    });
    expect(summary).toMatchObject({
      openBalance: 1_500_000,
      overdueBalance: 1_000_000,
      overdueCount: 1,
      oldestDueOn: '2026-10-15',
    });
    expect(summary.open.map((r) => [r.id, r.balance, r.overdue])).toEqual([
      [late.receivableId, 1_000_000, true],
      [current.receivableId, 500_000, false],
    ]);
    expect(openReceivablesOldestFirst(app.db, customer.id).map((r) => r.id)).toEqual([
      late.receivableId,
      current.receivableId,
    ]);
    const none = await call(app, 'customers.create', {
      name: '新客户',
      ownerId: alice.id,
      status: 'prospect',
    });
    expect(
      await call(app, 'receivables.forCustomer', { customerId: none.id, today: '2026-11-23' }),
    ).toEqual({
      open: [],
      openBalance: 0,
      overdueBalance: 0,
      overdueCount: 0,
      oldestDueOn: null,
      unallocated: 0,
    });
  });
});

describe('demo collections part', () => {
  it('collects most past-due receivables, leaves some overdue, never past today or the amount', async () => {
    const { collectionsPart } = await import('../../../../electron/demo/collections');
    const { BulkInserter } = await import('../../../../electron/demo/bulk');
    const { DemoWorld } = await import('../../../../electron/demo/world');
    for (let i = 0; i < 60; i++) {
      const closedOn = new Date(Date.UTC(2025, 0, 1) + i * 9 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      wonDeal(1_000_000 + i * 12_345, closedOn);
    }
    const world = new DemoWorld('small', 7, new Date('2026-11-23T18:00:00Z'));
    app.sqlite.transaction(() => collectionsPart.run(world, new BulkInserter(app.sqlite)))();
    const rows = app.sqlite
      .prepare(
        `SELECT r.amount, r.due_on, coalesce(sum(c.amount), 0) AS collected, max(c.collected_on) AS last
           FROM receivables r LEFT JOIN collections c ON c.receivable_id = r.id
          GROUP BY r.id`,
      )
      .all() as { amount: number; due_on: string; collected: number; last: string | null }[];
    const pastDue = rows.filter((r) => r.due_on < '2026-11-23');
    const paid = pastDue.filter((r) => r.collected === r.amount).length;
    expect(paid / pastDue.length).toBeGreaterThan(0.6);
    expect(pastDue.some((r) => r.collected < r.amount)).toBe(true);
    for (const r of rows) {
      expect(r.collected).toBeLessThanOrEqual(r.amount);
      if (r.last) expect(r.last <= '2026-11-23').toBe(true);
    }
    const summary = await call(app, 'receivables.forCustomer', {
      customerId: customer.id,
      today: '2026-11-23',
    });
    expect(summary.overdueBalance).toBeGreaterThan(0);
  });
});
