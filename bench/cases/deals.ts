import type { Bench } from '../bench';

const today = '2026-11-23';

/** Issue 4: the funnel board on 30,000 deals (≈5,000 open), and a move. */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const teams = (
    ctx.sqlite.prepare('SELECT DISTINCT team_id AS id FROM users WHERE role = ?').all('rep') as {
      id: string;
    }[]
  ).map((t) => t.id);
  const all = { scope: 'all' as const, today, perColumn: 50 };
  bench.record({
    name: 'deal board, whole company (totals + 50 cards per column)',
    value: await bench.timeCall('deals.board', [
      all,
      { ...all, search: '改造' },
      { ...all, minAmount: 100_000_00, maxAmount: 2_000_000_00 },
      { ...all, closeFrom: '2026-12-01', closeTo: '2027-03-31' },
      { ...all, stalledOnly: true },
    ]),
    budget: 50,
    unit: 'ms',
  });
  bench.record({
    name: 'deal board, one team',
    value: await bench.timeCall(
      'deals.board',
      teams.map((teamId) => ({ ...all, teamId })),
    ),
    budget: 20,
    unit: 'ms',
  });
  bench.record({
    name: 'deal swimlanes, one team',
    value: await bench.timeCall(
      'deals.lanes',
      teams.map((teamId) => ({ scope: 'all' as const, teamId, today })),
    ),
    budget: 50,
    unit: 'ms',
  });
  bench.record({
    name: 'deal column, load more (offset 200)',
    value: await bench.timeCall('deals.column', [
      { scope: 'all' as const, today, column: 'M1' as const, offset: 200, limit: 50 },
    ]),
    budget: 20,
    unit: 'ms',
  });
  const detailIds = (
    ctx.sqlite.prepare('SELECT id FROM deals ORDER BY id LIMIT 25 OFFSET 1000').all() as {
      id: string;
    }[]
  ).map((r) => ({ id: r.id, today }));
  bench.record({
    name: 'deal detail (lines, checklist, history, brief)',
    value: await bench.timeCall('deals.get', detailIds),
    budget: 20,
    unit: 'ms',
  });
  // Each move takes a different deal (a move changes updated_at): backward, and forced forward.
  const pick = (milestone: string) =>
    ctx.sqlite
      .prepare(
        "SELECT id, updated_at AS updatedAt FROM deals WHERE status = 'open' AND milestone = ? AND deleted_at IS NULL ORDER BY id LIMIT 15",
      )
      .all(milestone) as { id: string; updatedAt: string }[];
  const moves = [
    ...pick('M3').map((d) => ({
      id: d.id,
      expectedUpdatedAt: d.updatedAt,
      to: 'M2' as const,
      today,
    })),
    ...pick('M4').map((d) => ({
      id: d.id,
      expectedUpdatedAt: d.updatedAt,
      to: 'M5' as const,
      forceReason: '基准测试',
      today,
    })),
  ];
  bench.record({
    name: 'deal move (checks + commit + history + change log)',
    value: await bench.timeCall('deals.move', moves, moves.length),
    budget: 10,
    unit: 'ms',
  });
}
