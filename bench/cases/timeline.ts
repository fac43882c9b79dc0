import type { Change } from '../../electron/core/commit';
import { handlers } from '../../electron/features/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import type { Input, MethodName } from '../../shared/contract';
import { TIMELINE_PAGE_SIZE } from '../../shared/contract/timeline';
import type { Bench } from '../bench';

const ENTRIES = 200;
const RUNS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Issue 3: the customer page of a customer with 200 timeline entries, on the large demo. */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const customer = ctx.sqlite
    .prepare(
      "SELECT id, owner_id AS ownerId, created_at AS createdAt FROM customers WHERE status = 'customer' AND deleted_at IS NULL ORDER BY id LIMIT 1 OFFSET 4321",
    )
    .get() as { id: string; ownerId: string; createdAt: string };
  const existing = (
    ctx.sqlite
      .prepare('SELECT count(*) AS n FROM activities WHERE customer_id = ? AND deleted_at IS NULL')
      .get(customer.id) as { n: number }
  ).n;
  // Top it up to 200 through commit, as if logged by hand over the customer's life.
  const from = Date.parse(customer.createdAt);
  const step = (Date.parse('2026-11-23T09:00:00.000Z') - from) / ENTRIES;
  const changes: Change[] = Array.from({ length: Math.max(0, ENTRIES - existing) }, (_, i) => ({
    op: 'insert',
    table: 'activities',
    id: ctx.newId(),
    values: {
      customerId: customer.id,
      contactId: null,
      userId: customer.ownerId,
      kind: i % 3 === 0 ? 'call' : i % 3 === 1 ? 'message' : 'note',
      category: 'maintenance',
      at: new Date(from + i * step).toISOString(),
      body: '电话沟通报价，客户要求下周给方案',
    },
  }));
  ctx.commit(changes);

  const run = async <M extends MethodName>(method: M, input: Input<M>) => {
    const result = await dispatch(handlers, ctx, method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  };
  // What the customer page asks for when it opens: the customer, its follow-ups, the first timeline page.
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run('customers.get', { id: customer.id });
    await run('followUps.forCustomer', { customerId: customer.id });
    await run('timeline.list', { customerId: customer.id, limit: TIMELINE_PAGE_SIZE });
    times.push(performance.now() - started);
  }
  bench.record({
    name: 'customer page, 200 timeline entries',
    value: median(times),
    budget: 30,
    unit: 'ms',
    note: 'customers.get + followUps.forCustomer + timeline.list page 1',
  });

  // "Load more" down to the oldest page: keyset paging keeps a deep page as cheap as the first.
  const deep: number[] = [];
  const page4 = ctx.sqlite
    .prepare(
      'SELECT at, id FROM activities WHERE customer_id = ? AND deleted_at IS NULL ORDER BY at DESC, id DESC LIMIT 1 OFFSET 149',
    )
    .get(customer.id) as { at: string; id: string };
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run('timeline.list', {
      customerId: customer.id,
      limit: TIMELINE_PAGE_SIZE,
      before: page4,
    });
    deep.push(performance.now() - started);
  }
  bench.record({
    name: 'timeline, 4th page ("load more")',
    value: median(deep),
    budget: 30,
    unit: 'ms',
  });
}
