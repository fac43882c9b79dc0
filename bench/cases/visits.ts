import type { Input } from '../../shared/contract';
import type { Bench } from '../bench';

const today = '2026-11-23';
const now = '2026-11-23T10:00:00.000Z';
const timeZone = 'Asia/Shanghai';
/** This week (the demo's today is a Monday) and last week, all visits summarised. */
const weeks = [
  { from: '2026-11-23', to: '2026-11-29' },
  { from: '2026-11-16', to: '2026-11-22' },
];

/**
 * Issue 6: the calendar on 300,000 visits of 50 reps over four years — one rep's month, a
 * team's week, the company's week — week suggestions, plan vs actual, and saving and
 * moving a visit.
 */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const rows = <T>(sql: string, ...params: unknown[]) =>
    ctx.sqlite.prepare(sql).all(...params) as T[];
  const reps = rows<{ id: string; teamId: string }>(
    "SELECT id, team_id AS teamId FROM users WHERE role = 'rep' AND active = 1 ORDER BY id",
  );
  const largest = rows<{ teamId: string; n: number }>(
    "SELECT team_id AS teamId, count(*) AS n FROM users WHERE role = 'rep' GROUP BY team_id ORDER BY n DESC, team_id LIMIT 1",
  )[0];
  if (!largest || reps.length === 0) throw new Error('the large demo has no reps');

  bench.record({
    name: "calendar, one rep's month (31 days)",
    value: await bench.timeCall(
      'calendar.range',
      reps.slice(0, 25).map((r) => ({
        from: '2026-11-01',
        to: '2026-12-01',
        scope: 'all' as const,
        ownerIds: [r.id],
        now,
      })),
    ),
    budget: 20,
    unit: 'ms',
  });
  bench.record({
    name: `calendar, a team's week (${largest.n} reps)`,
    value: await bench.timeCall(
      'calendar.range',
      weeks.map((w) => ({ ...w, scope: 'all' as const, teamId: largest.teamId, now })),
    ),
    budget: 30,
    unit: 'ms',
  });
  bench.record({
    name: `calendar, the company's week (${reps.length} reps)`,
    value: await bench.timeCall(
      'calendar.range',
      weeks.map((w) => ({ ...w, scope: 'all' as const, now })),
    ),
    budget: 60,
    unit: 'ms',
  });
  bench.record({
    name: 'plan the week: suggestions for one rep',
    value: await bench.timeCall(
      'visits.suggestions',
      reps
        .slice(0, 25)
        .map((r) => ({ ownerId: r.id, from: '2026-11-30', to: '2026-12-06', today })),
    ),
    budget: 50,
    unit: 'ms',
  });
  bench.record({
    name: "plan vs actual, the company's week",
    value: await bench.timeCall(
      'visits.planVsActual',
      weeks.map((w) => ({ ...w, scope: 'all' as const, now })),
    ),
    budget: 60,
    unit: 'ms',
  });

  // Saving: 25 new visits of one rep, each for another of the rep's customers, on a day
  // already planned (overlaps allowed, as after "plan anyway?").
  const rep = reps[0];
  if (!rep) return;
  const customers = rows<{ id: string }>(
    'SELECT id FROM customers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 25',
    rep.id,
  );
  const creates: Input<'visits.create'>[] = customers.map((c, i) => ({
    customerId: c.id,
    ownerId: rep.id,
    day: '2026-11-25',
    start: `${String(9 + (i % 8)).padStart(2, '0')}:00`,
    end: `${String(9 + (i % 8)).padStart(2, '0')}:45`,
    timeZone,
    purpose: 'service',
    goal: '基准测试',
    allowOverlap: true,
  }));
  bench.record({
    name: 'save a visit (checks + commit + change log)',
    value: await bench.timeCall('visits.create', creates, creates.length),
    budget: 10,
    unit: 'ms',
  });

  // Moving: 25 planned visits of this week, each once, to another time of another day.
  const planned = rows<{ id: string; updatedAt: string }>(
    "SELECT id, updated_at AS updatedAt FROM visits WHERE status = 'planned' AND day BETWEEN '2026-11-24' AND '2026-11-27' AND deleted_at IS NULL ORDER BY id LIMIT 25",
  );
  const moves: Input<'visits.move'>[] = planned.map((v, i) => ({
    id: v.id,
    expectedUpdatedAt: v.updatedAt,
    day: '2026-12-02',
    start: `${String(9 + (i % 8)).padStart(2, '0')}:15`,
    end: `${String(10 + (i % 8)).padStart(2, '0')}:00`,
    timeZone,
    allowOverlap: true,
  }));
  bench.record({
    name: 'move a visit (checks + commit + change log)',
    value: await bench.timeCall('visits.move', moves, moves.length),
    budget: 10,
    unit: 'ms',
  });
}
