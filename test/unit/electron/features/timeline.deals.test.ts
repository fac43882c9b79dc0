import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { TimelineEntry } from '../../../../shared/contract/timeline';
import type { User } from '../../../../shared/contract/team';
import { call, startTeam, tempApp } from '../../helpers';
import { winDeal } from './receivables.fixtures';

let app: ReturnType<typeof tempApp>;
let manager: User;
let alice: User;
let customer: CustomerDetail;

beforeEach(async () => {
  app = tempApp();
  let reps: User[];
  ({ manager, reps } = await startTeam(app, ['Alice']));
  [alice] = reps as [User];
  customer = await call(app, 'customers.create', {
    name: '华润精密',
    ownerId: alice.id,
    status: 'customer',
  });
});
afterEach(() => app.cleanup());

async function logCall(at: string, body: string): Promise<TimelineEntry> {
  return call(app, 'timeline.log', { customerId: customer.id, kind: 'call', at, body });
}

async function walk(limit: number): Promise<{ pages: TimelineEntry[][]; totals: number[] }> {
  const pages: TimelineEntry[][] = [];
  const totals: number[] = [];
  let before: Input<'timeline.list'>['before'];
  for (;;) {
    const page = await call(app, 'timeline.list', {
      customerId: customer.id,
      limit,
      ...(before ? { before } : {}),
    });
    pages.push(page.entries);
    totals.push(page.total);
    if (!page.next) return { pages, totals };
    before = page.next;
  }
}

function lastContact(): string | null {
  return (
    app.sqlite
      .prepare('SELECT last_contact_at AS at FROM customers WHERE id = ?')
      .get(customer.id) as { at: string | null }
  ).at;
}

describe('deal moves and collections on the timeline', () => {
  it('merges activities, stage moves and collections newest first, paged by cursor across sources', async () => {
    // Won on 2026-11-02 08:00Z after M4 → M5 (07:00Z); created at M4 at 06:00Z.
    const { receivableId, moveIds } = winDeal(app, {
      customerId: customer.id,
      ownerId: alice.id,
      amount: 1_200_000,
      closedOn: '2026-11-02',
      path: ['M4', 'M5'],
    });
    const early = await logCall('2026-11-01T10:00:00.000Z', '报价沟通');
    const sameDay = await logCall('2026-11-02T07:30:00.000Z', '确认合同条款');
    const late = await logCall('2026-11-20T13:00:00.000Z', '回访使用情况');
    const contactBefore = lastContact();
    const first = await call(app, 'collections.record', {
      receivableId,
      amount: 500_000,
      collectedOn: '2026-11-10',
      note: '首付款',
      today: '2026-11-23',
    });
    const second = await call(app, 'collections.record', {
      receivableId,
      amount: 700_000,
      collectedOn: '2026-11-20',
      today: '2026-11-23',
    });
    // Bookkeeping is not contact: the cached last contact is still the latest call.
    expect(lastContact()).toBe(contactBefore);
    expect(contactBefore).toBe(late.at);

    const [created, toM5, won] = moveIds as [string, string, string];
    const expected = [
      late.id, // 11-20 13:00Z
      second.id, // 11-20 at 12:00Z
      first.id, // 11-10
      won, // 11-02 08:00Z
      sameDay.id, // 11-02 07:30Z
      toM5, // 11-02 07:00Z
      created, // 11-02 06:00Z
      early.id, // 11-01
    ];
    for (const limit of [1, 2, 3, 50]) {
      const { pages, totals } = await walk(limit);
      expect(
        pages.flat().map((e) => e.id),
        `limit ${limit}`,
      ).toEqual(expected);
      expect(new Set(totals)).toEqual(new Set([8]));
    }

    const all = (await walk(50)).pages.flat();
    const byId = new Map(all.map((e) => [e.id, e]));
    expect(byId.get(second.id)).toMatchObject({
      source: 'collection',
      kind: 'collection',
      at: '2026-11-20T12:00:00.000Z',
      amount: 700_000,
      body: '',
      userId: manager.id,
      userName: '王经理',
      deletable: false,
      deal: { title: '二期产线改造' },
    });
    expect(byId.get(first.id)?.body).toBe('首付款');
    expect(byId.get(toM5)).toMatchObject({
      source: 'deal_move',
      kind: 'deal_move',
      category: null,
      userName: '王经理',
      deletable: false,
      move: {
        fromMilestone: 'M4',
        fromStatus: 'open',
        toMilestone: 'M5',
        toStatus: 'open',
        forced: false,
      },
    });
    expect(byId.get(won)?.move).toMatchObject({ toMilestone: 'M6', toStatus: 'won' });
    expect(byId.get(created)?.move?.fromMilestone).toBeNull();
  });

  it('shows a forced move with its reason, and hides a deleted collection or deal', async () => {
    const { dealId, receivableId } = winDeal(app, {
      customerId: customer.id,
      ownerId: alice.id,
      amount: 300_000,
      closedOn: '2026-11-02',
    });
    const moveId = app.newId();
    app.commit([
      {
        op: 'insert',
        table: 'stage_history',
        id: moveId,
        values: {
          dealId,
          customerId: customer.id,
          fromMilestone: 'M2',
          fromStatus: 'open',
          toMilestone: 'M3',
          toStatus: 'open',
          at: '2026-10-20T02:00:00.000Z',
          byUserId: manager.id,
          forced: true,
          reason: '决策者已口头认可，清单补录',
        },
      },
    ]);
    const collection = await call(app, 'collections.record', {
      receivableId,
      amount: 100_000,
      collectedOn: '2026-11-05',
      today: '2026-11-23',
    });
    let page = await call(app, 'timeline.list', { customerId: customer.id });
    expect(page.entries.find((e) => e.id === moveId)).toMatchObject({
      body: '决策者已口头认可，清单补录',
      move: { forced: true },
    });
    await call(app, 'collections.delete', { id: collection.id });
    page = await call(app, 'timeline.list', { customerId: customer.id });
    expect(page.entries.map((e) => e.id)).toEqual([moveId]);
    expect(page.total).toBe(1);
    app.commit([{ op: 'delete', table: 'deals', id: dealId }]);
    page = await call(app, 'timeline.list', { customerId: customer.id });
    expect(page).toEqual({ entries: [], next: null, total: 0 });
  });
});
