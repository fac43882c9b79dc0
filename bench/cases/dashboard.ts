import type { Input, MethodName } from '../../shared/contract';
import type { Bench } from '../bench';

const today = '2026-11-23';
const now = '2026-11-23T10:00:00.000Z';

/**
 * Issue 7: the dashboard's data for a manager of the whole company, in total under 150 ms —
 * every call DashboardPage makes for the company scope (the renderer sends them at once; here
 * they run one after another, so the total is what the main process spends).
 */
export async function run(bench: Bench): Promise<void> {
  const company = { type: 'company' } as const;
  const month = { kind: 'month', date: today } as const;
  const week = { kind: 'week', date: today } as const;
  const calls: { [M in MethodName]: [M, Input<M>] }[MethodName][] = [
    ['reports.run', { report: 'attainment', period: month, scope: company, today }],
    ['reports.run', { report: 'execution', period: week, scope: company, today }],
    ['reports.run', { report: 'funnel', period: month, scope: company, today }],
    ['reports.run', { report: 'stalled', period: month, scope: company, today }],
    ['reports.run', { report: 'abnormalCustomers', period: month, scope: company, today }],
    ['visits.pending', { scope: 'all', now, today }],
    ['weekly.awaitingReview', {}],
    ['scores.team', { scope: 'all', today }],
  ];
  let total = 0;
  const parts: string[] = [];
  for (const [method, input] of calls) {
    const ms = await bench.timeCall(method, [input as never], 7);
    total += ms;
    const name =
      method === 'reports.run' ? (input as { report: string }).report : method.split('.')[1];
    parts.push(`${name} ${ms.toFixed(1)}`);
  }
  bench.record({
    name: 'dashboard data, manager of the whole company',
    value: total,
    budget: 150,
    unit: 'ms',
    note: `sum of medians: ${parts.join(', ')}`,
  });
}
