import { handlers } from '../../electron/features/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import type { Input, MethodName } from '../../shared/contract';
import type { Bench } from '../bench';

const RUNS = 50;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Issue 4: the receivables the customer header badge and the deal page ask for, on the
 * customer with the most receivables of the large demo (the badge runs on every customer page).
 */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const top = ctx.sqlite
    .prepare(
      'SELECT customer_id AS customerId, deal_id AS dealId, count(*) AS n FROM receivables WHERE deleted_at IS NULL GROUP BY customer_id ORDER BY n DESC, customer_id LIMIT 1',
    )
    .get() as { customerId: string; dealId: string } | undefined;
  if (!top) return;
  const time = async <M extends MethodName>(method: M, input: Input<M>) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const result = await dispatch(handlers, ctx, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
      times.push(performance.now() - started);
    }
    return median(times);
  };
  const today = '2026-11-23';
  bench.record({
    name: 'customer receivables (header badge)',
    value: await time('receivables.forCustomer', { customerId: top.customerId, today }),
    budget: 10,
    unit: 'ms',
  });
  bench.record({
    name: 'deal receivables and collections',
    value: await time('receivables.forDeal', { dealId: top.dealId, today }),
    budget: 10,
    unit: 'ms',
  });
}
