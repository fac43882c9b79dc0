import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from '../../helpers';
import {
  DAY,
  TODAY,
  actAs,
  createDeal,
  fixture,
  move,
  tickAll,
  type Fixture,
} from './deals.fixture';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.app.cleanup());

const board = (input: Partial<Parameters<typeof call<'deals.board'>>[2]> = {}) =>
  call(f.app, 'deals.board', { scope: 'all', today: TODAY, ...input });

describe('the funnel board', () => {
  it('totals count, amount and weighted per column over the filtered set', async () => {
    await createDeal(f, { amount: 1_000_000 });
    await createDeal(f, { amount: 3_000_005 });
    const m2 = await tickAll(f, await createDeal(f, { amount: 2_000_000 }), ['M1']);
    await move(f, m2, 'M2');
    const lost = await createDeal(f, { amount: 7_000_000 });
    await move(f, lost, 'lost', { lostReason: '预算取消' });
    const { columns } = await board();
    expect(columns.map((c) => c.column)).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'lost']);
    const [c1, c2] = columns;
    // Weighted is the sum of each card's rounded weighted amount.
    expect(c1).toMatchObject({ count: 2, amount: 4_000_005, weighted: 100_000 + 300_001 });
    expect(c1?.cards.reduce((s, c) => s + c.weighted, 0)).toBe(c1?.weighted);
    expect(c2).toMatchObject({ count: 1, amount: 2_000_000, weighted: 500_000 });
    expect(columns[6]).toMatchObject({ count: 1, amount: 7_000_000, weighted: 0 });
    // Filters: amount range, search by title or customer, paging.
    expect((await board({ minAmount: 2_500_000 })).columns[0]?.count).toBe(1);
    expect((await board({ search: '精密' })).columns[0]?.count).toBe(2);
    expect((await board({ search: '不存在' })).columns[0]?.count).toBe(0);
    const first = await board({ perColumn: 1 });
    expect(first.columns[0]).toMatchObject({ count: 2, hasMore: true });
    const more = await call(f.app, 'deals.column', {
      scope: 'all',
      today: TODAY,
      column: 'M1',
      offset: 1,
      limit: 5,
    });
    expect(more.cards).toHaveLength(1);
    expect(more.hasMore).toBe(false);
  });

  it('flags stalled deals by the per-milestone threshold in settings, and overdue close dates', async () => {
    const deal = await createDeal(f, { expectedCloseOn: '2026-12-01' });
    f.app.tick(20 * DAY);
    const later = '2026-12-13';
    let card = (await board({ today: later })).columns[0]?.cards[0];
    expect(card).toMatchObject({ daysInStage: 20, stalled: false, closeOverdue: true });
    await call(f.app, 'settings.setStalledDays', { M1: 14, M2: 30, M3: 30, M4: 30, M5: 30 });
    card = (await board({ today: later })).columns[0]?.cards[0];
    expect(card).toMatchObject({ id: deal.id, stalled: true });
    expect((await board({ today: later, stalledOnly: true })).columns[0]?.count).toBe(1);
    expect((await board({ today: '2026-11-30', stalledOnly: true })).columns[0]?.count).toBe(0);
  });

  it('scopes by owner: mine, my team, a team, one rep; swimlanes per rep', async () => {
    await actAs(f.app, f.alice);
    await createDeal(f);
    await createDeal(f);
    await actAs(f.app, f.bob);
    await createDeal(f, { customerId: f.otherCustomerId });
    expect((await board({ scope: 'mine' })).columns[0]?.count).toBe(1);
    // A rep's data scope is their own deals (docs/data-scope.md): asking wider clamps to it.
    expect((await board({ scope: 'team' })).columns[0]?.count).toBe(1);
    expect((await board({ ownerId: f.alice.id })).columns[0]?.count).toBe(0);
    await actAs(f.app, f.manager);
    expect((await board({ scope: 'team' })).columns[0]?.count).toBe(3);
    expect((await board({ ownerId: f.alice.id })).columns[0]?.count).toBe(2);
    expect((await board({ teamId: f.teamId })).columns[0]?.count).toBe(3);
    const lanes = await call(f.app, 'deals.lanes', { scope: 'all', today: TODAY });
    expect(lanes.map((l) => [l.ownerName, l.cells[0]?.count, l.cells[0]?.cards.length])).toEqual(
      expect.arrayContaining([
        ['李娜', 2, 2],
        ['张伟', 1, 1],
      ]),
    );
    const forCustomer = await call(f.app, 'deals.forCustomer', {
      customerId: f.customerId,
      today: TODAY,
    });
    expect(forCustomer).toHaveLength(2);
  });

  it('shows won and lost deals closed in the last 90 days, or in the given close range', async () => {
    const deal = await createDeal(f);
    await move(f, deal, 'lost', { lostReason: '竞品' });
    expect((await board()).columns[6]?.count).toBe(1);
    expect((await board({ today: '2027-03-01' })).columns[6]?.count).toBe(0);
    expect(
      (await board({ today: '2027-03-01', closeFrom: '2026-11-01', closeTo: '2026-11-30' }))
        .columns[6]?.count,
    ).toBe(1);
  });
});
