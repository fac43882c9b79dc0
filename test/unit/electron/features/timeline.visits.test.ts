import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FieldsOf } from '../../../../electron/core/tables';
import type { Input } from '../../../../shared/contract';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { TimelineEntry } from '../../../../shared/contract/timeline';
import type { User } from '../../../../shared/contract/team';
import { call, startTeam, tempApp } from '../../helpers';
import { winDeal } from './receivables.fixtures';

let app: ReturnType<typeof tempApp>;
let alice: User;
let customer: CustomerDetail;
let contactId: string;

beforeEach(async () => {
  app = tempApp();
  const { reps } = await startTeam(app, ['Alice']);
  [alice] = reps as [User];
  customer = await call(app, 'customers.create', {
    name: '华润精密',
    ownerId: alice.id,
    status: 'prospect',
  });
  contactId = (
    await call(app, 'contacts.create', {
      customerId: customer.id,
      fields: { name: '李工', title: '设备部经理', buyingRole: 'technical' },
    })
  ).id;
});
afterEach(() => app.cleanup());

type VisitValues = FieldsOf<'visits'>;

/**
 * A visit written straight through `commit` (as the visits feature stores one), on
 * 2026-11-`dd` at `hh`:00–`hh+1`:00 Shanghai time, so these tests do not depend on the
 * visits handlers.
 */
function visit(dd: number, hh: number, values: Partial<VisitValues> = {}): string {
  const id = app.newId();
  const day = `2026-11-${String(dd).padStart(2, '0')}`;
  const utc = (h: number) => `${day}T${String(h - 8).padStart(2, '0')}:00:00.000Z`;
  app.commit([
    {
      op: 'insert',
      table: 'visits',
      id,
      values: {
        ownerId: alice.id,
        customerId: customer.id,
        day,
        startAt: utc(hh),
        endAt: utc(hh + 1),
        timeZone: 'Asia/Shanghai',
        routeOrder: 1,
        purpose: 'info',
        status: 'planned',
        ...values,
      },
    },
  ]);
  return id;
}

async function walk(limit: number): Promise<{ ids: string[]; totals: Set<number> }> {
  const ids: string[] = [];
  const totals = new Set<number>();
  let before: Input<'timeline.list'>['before'];
  for (;;) {
    const page = await call(app, 'timeline.list', {
      customerId: customer.id,
      limit,
      ...(before ? { before } : {}),
    });
    ids.push(...page.entries.map((e) => e.id));
    totals.add(page.total);
    if (!page.next) return { ids, totals };
    before = page.next;
  }
}

async function entries(): Promise<Map<string, TimelineEntry>> {
  const page = await call(app, 'timeline.list', { customerId: customer.id, limit: 200 });
  return new Map(page.entries.map((e) => [e.id, e]));
}

function lastContact(): string | null {
  return (
    app.sqlite
      .prepare('SELECT last_contact_at AS at FROM customers WHERE id = ?')
      .get(customer.id) as { at: string | null }
  ).at;
}

describe('visits on the timeline', () => {
  it('shows done, cancelled and missed visits at their planned start, merged and paged with calls', async () => {
    const done = visit(10, 10, {
      status: 'done',
      actualStartAt: '2026-11-10T02:20:00.000Z',
      actualEndAt: '2026-11-10T03:30:00.000Z',
      outcome: '客户同意安排技术交流',
      effective: true,
    });
    const cancelled = visit(12, 14, { status: 'cancelled', goal: '了解扩产计划' });
    const missed = visit(15, 9, { status: 'missed' });
    // Not history yet: a future plan, and a past one whose summary is still due.
    visit(25, 10);
    visit(20, 10);
    const early = await call(app, 'timeline.log', {
      customerId: customer.id,
      kind: 'call',
      at: '2026-11-10T01:00:00.000Z',
      body: '电话约拜访',
    });
    const sameMoment = await call(app, 'timeline.log', {
      customerId: customer.id,
      kind: 'note',
      at: '2026-11-12T06:00:00.000Z',
      body: '客户临时出差',
    });
    const late = await call(app, 'timeline.log', {
      customerId: customer.id,
      kind: 'message',
      at: '2026-11-16T03:00:00.000Z',
      body: '发送资料',
    });
    // Same `at` as the cancelled visit: the larger id (created later) comes first.
    const expected = [late.id, missed, sameMoment.id, cancelled, done, early.id];
    for (const limit of [1, 2, 4, 50]) {
      const { ids, totals } = await walk(limit);
      expect(ids, `limit ${limit}`).toEqual(expected);
      expect(totals).toEqual(new Set([6]));
    }
  });

  it('carries the summary: status, purpose, times, outcome, money, the rep and the first contact', async () => {
    const id = visit(10, 10, {
      status: 'done',
      purpose: 'order',
      planned: false,
      contactIds: JSON.stringify([contactId, app.newId()]),
      area: '苏州工业园区',
      goal: '确认二季度订货',
      actualStartAt: '2026-11-10T02:20:00.000Z',
      actualEndAt: '2026-11-10T03:30:00.000Z',
      outcome: '签订 20 台伺服电机订单',
      customerFeedback: '交期希望提前一周',
      nextAction: '下周送样',
      orderAmount: 17_000_000,
      collectionAmount: 500_000,
      effective: true,
    });
    const entry = (await entries()).get(id);
    expect(entry).toEqual({
      id,
      source: 'visit',
      kind: 'visit',
      // An order visit for a customer without a won deal is negotiation.
      category: 'negotiation',
      at: '2026-11-10T02:00:00.000Z',
      body: '签订 20 台伺服电机订单',
      userId: alice.id,
      userName: 'Alice',
      contactId,
      contactName: '李工',
      deletable: false,
      visit: {
        status: 'done',
        purpose: 'order',
        planned: false,
        effective: true,
        day: '2026-11-10',
        timeZone: 'Asia/Shanghai',
        startAt: '2026-11-10T02:00:00.000Z',
        endAt: '2026-11-10T03:00:00.000Z',
        actualStartAt: '2026-11-10T02:20:00.000Z',
        actualEndAt: '2026-11-10T03:30:00.000Z',
        area: '苏州工业园区',
        goal: '确认二季度订货',
        outcome: '签订 20 台伺服电机订单',
        customerFeedback: '交期希望提前一周',
        nextAction: '下周送样',
        orderAmount: 17_000_000,
        collectionAmount: 500_000,
        contactCount: 2,
      },
    });
  });

  it('falls back to the goal as the body, and names the category by purpose and won deals', async () => {
    const cancelled = visit(10, 10, {
      status: 'cancelled',
      purpose: 'problem',
      goal: '处理设备异响',
      effective: true,
    });
    const bare = visit(11, 10, { status: 'missed', purpose: 'develop' });
    let byId = await entries();
    expect(byId.get(cancelled)).toMatchObject({
      body: '处理设备异响',
      category: 'negotiation',
      contactId: null,
      contactName: null,
      // Only a done visit can be effective.
      visit: { status: 'cancelled', effective: null, outcome: null, contactCount: 0 },
    });
    expect(byId.get(bare)).toMatchObject({ body: '', category: 'development' });
    // Once the customer has a won deal, a problem visit is maintenance of the account.
    winDeal(app, {
      customerId: customer.id,
      ownerId: alice.id,
      amount: 100_000,
      closedOn: '2026-10-01',
    });
    byId = await entries();
    expect(byId.get(cancelled)?.category).toBe('maintenance');
  });

  it('moves the last contact for done visits only, and drops deleted visits from the timeline', async () => {
    const call1 = await call(app, 'timeline.log', {
      customerId: customer.id,
      kind: 'call',
      at: '2026-11-05T01:00:00.000Z',
      body: '电话',
    });
    visit(10, 10, { status: 'cancelled' });
    visit(11, 10, { status: 'missed' });
    expect(lastContact()).toBe(call1.at);
    const done = visit(12, 10, { status: 'done', actualStartAt: '2026-11-12T02:15:00.000Z' });
    expect(lastContact()).toBe('2026-11-12T02:15:00.000Z');
    expect((await walk(50)).totals).toEqual(new Set([4]));

    app.commit([{ op: 'delete', table: 'visits', id: done }]);
    expect(lastContact()).toBe(call1.at);
    const { ids, totals } = await walk(50);
    expect(ids).not.toContain(done);
    expect(totals).toEqual(new Set([3]));
  });

  it('leaves other customers’ visits out', async () => {
    const other = await call(app, 'customers.create', {
      name: '另一家',
      ownerId: alice.id,
      status: 'prospect',
    });
    visit(10, 10, { status: 'done', customerId: other.id });
    expect(await call(app, 'timeline.list', { customerId: customer.id })).toEqual({
      entries: [],
      next: null,
      total: 0,
    });
  });

  it('pages on the (customer_id, start_at) index', () => {
    const plan = app.sqlite
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM visits
          WHERE customer_id = ? AND deleted_at IS NULL AND status <> 'planned'
            AND (start_at <= ? AND (start_at < ? OR id < ?))
          ORDER BY start_at DESC, id DESC LIMIT 51`,
      )
      .all('c', 'x', 'x', 'i') as { detail: string }[];
    const detail = plan.map((p) => p.detail).join('\n');
    expect(detail).toMatch(/visits_customer_idx \(customer_id=\? AND start_at<\?\)/);
  });
});
