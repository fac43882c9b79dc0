import type { Bench } from '../bench';

const today = '2026-11-23';

/** Issue 5: the scorecards over ≈5,000 open deals (≈40,000 scorings), a scoring, the flag filter. */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  bench.record({
    name: 'team scorecard, whole company',
    value: await bench.timeCall('scores.team', [{ scope: 'all' as const, today }]),
    budget: 50,
    unit: 'ms',
  });
  const busiest = ctx.sqlite
    .prepare(
      "SELECT owner_id AS id, count(*) AS n FROM deals WHERE status = 'open' AND deleted_at IS NULL GROUP BY owner_id ORDER BY n DESC LIMIT 1",
    )
    .get() as { id: string; n: number };
  bench.record({
    name: 'rep scorecard, rep with most open deals',
    value: await bench.timeCall('scores.rep', [{ repId: busiest.id, today }]),
    budget: 20,
    unit: 'ms',
    note: `${busiest.n} open deals`,
  });
  bench.record({
    name: 'deal board, over-claimed only (company)',
    value: await bench.timeCall('deals.board', [
      { scope: 'all' as const, today, perColumn: 50, scoreFlag: 'overClaimed' as const },
    ]),
    budget: 50,
    unit: 'ms',
  });
  // Each run scores a different open deal (a scoring only adds a row, but moves the latest).
  const dealIds = (
    ctx.sqlite
      .prepare(
        "SELECT id FROM deals WHERE status = 'open' AND deleted_at IS NULL ORDER BY id LIMIT 25 OFFSET 500",
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
  const levels = {
    problem: { level: 'admits_cause', with: 'decider' },
    power: { level: 'dm_agrees_explore' },
    vision: { level: 'differentiated', with: 'decider' },
    value: { level: 'seller_identifies', with: 'contact' },
    control: { level: 'dm_discusses_solutions' },
  } as const;
  bench.record({
    name: 'save a scoring (commit + trigger + answer)',
    value: await bench.timeCall(
      'scores.add',
      dealIds.map((dealId) => ({ dealId, levels, note: '基准测试', today })),
      dealIds.length,
    ),
    budget: 10,
    unit: 'ms',
  });
}
