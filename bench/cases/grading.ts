import type { Bench } from '../bench';

/** Issue 3: the grading matrix for the whole company and the overdue filter, on 20,000 customers. */
export async function run(bench: Bench): Promise<void> {
  const today = '2026-11-23';
  bench.record({
    name: 'grading matrix, whole company',
    value: await bench.timeCall('customers.matrix', [{ scope: 'all', today }]),
    budget: 50,
    unit: 'ms',
  });
  const overdue = await bench.timeCall('customers.list', [
    { scope: 'all', overdue: true, today, sort: 'name', page: 1, pageSize: 50 },
    {
      scope: 'all',
      overdue: true,
      grade: 'key',
      today,
      sort: 'lastContact',
      page: 1,
      pageSize: 50,
    },
    { scope: 'team', overdue: true, today, sort: 'grade', page: 1, pageSize: 50 },
  ]);
  const { total } = bench.ctx.sqlite.prepare('SELECT count(*) AS total FROM activities').get() as {
    total: number;
  };
  bench.record({
    name: 'overdue filter, first page',
    value: overdue,
    budget: 50,
    unit: 'ms',
    note: `${total.toLocaleString('en')} timeline entries`,
  });
}
