import type { Bench } from '../bench';

/** Issue 2: the customer list, search and detail on 20,000 customers. */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const regions = (
    ctx.sqlite.prepare('SELECT DISTINCT region FROM customers').all() as { region: string }[]
  ).map((r) => r.region);
  bench.record({
    name: 'customer list, first page (filtered, sorted)',
    value: await bench.timeCall(
      'customers.list',
      regions.flatMap((region) => [
        {
          scope: 'all' as const,
          region,
          status: 'customer' as const,
          sort: 'updatedAt' as const,
          direction: 'desc' as const,
          page: 1,
          pageSize: 50,
        },
        {
          scope: 'team' as const,
          status: 'prospect' as const,
          sort: 'name' as const,
          page: 1,
          pageSize: 50,
        },
        { scope: 'all' as const, sort: 'owner' as const, region, page: 1, pageSize: 50 },
      ]),
    ),
    budget: 30,
    unit: 'ms',
  });
  bench.record({
    name: 'customer name search',
    value: await bench.timeCall(
      'customers.list',
      ['恒信', '精密', '苏州', 'ltd', '华润', '科技有限'].map((search) => ({
        scope: 'all' as const,
        search,
        sort: 'name' as const,
        page: 1,
        pageSize: 50,
      })),
    ),
    budget: 50,
    unit: 'ms',
  });
  const ids = (
    ctx.sqlite.prepare('SELECT id FROM customers ORDER BY random() LIMIT 50').all() as {
      id: string;
    }[]
  ).map((r) => ({ id: r.id }));
  bench.record({
    name: 'customer detail',
    value: await bench.timeCall('customers.get', ids, 50),
    budget: 20,
    unit: 'ms',
  });
}
