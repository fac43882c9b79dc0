import { handlers } from '../../electron/features/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import type { Bench } from '../bench';

const today = '2026-11-23';
/** Years the demo leaves empty, so these writes never disturb the demo's own targets. */
const FIRST_FREE_YEAR = 2031;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** Issue 7: decomposing a year for 50 reps (one call, and 50 calls), the grid, the weekly report. */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const reps = (
    ctx.sqlite
      .prepare(
        "SELECT id FROM users WHERE role = 'rep' AND deleted_at IS NULL ORDER BY id LIMIT 50",
      )
      .all() as { id: string }[]
  ).map((r) => r.id);
  const items = (total: number) =>
    reps.map((id, i) => ({ scope: { type: 'rep' as const, id }, total: total + i * 1000 }));
  const note = `${reps.length} reps × 17 cells`;

  // Each run a year not yet set: 850 inserts.
  bench.record({
    name: 'targets: decompose a year, 50 reps, one call (new)',
    value: await bench.timeCall(
      'targets.decomposeMany',
      Array.from({ length: 9 }, (_, i) => ({
        metric: 'sales' as const,
        year: FIRST_FREE_YEAR + i,
        items: items(1_200_000_00),
      })),
      9,
    ),
    budget: 50,
    unit: 'ms',
    note,
  });
  // The same year again with other totals: 850 updates.
  bench.record({
    name: 'targets: decompose a year, 50 reps, one call (redo)',
    value: await bench.timeCall(
      'targets.decomposeMany',
      [1_300_000_00, 1_400_000_00].map((total) => ({
        metric: 'sales' as const,
        year: FIRST_FREE_YEAR,
        items: items(total),
      })),
      10,
    ),
    budget: 50,
    unit: 'ms',
    note,
  });

  // One rep at a time (the grid's Decompose dialog): fifty calls, each answering the rep's
  // grid; recorded per call. The 50-rep budget is the one-call path above, which the
  // "all reps of a team" dialog uses.
  const fifty: number[] = [];
  for (let run = 0; run < 5; run++) {
    const year = FIRST_FREE_YEAR + 10 + run;
    const started = performance.now();
    for (const item of items(1_500_000_00)) {
      const result = await dispatch(handlers, ctx, 'targets.decompose', {
        metric: 'sales',
        year,
        ...item,
      });
      if (!result.ok) throw new Error(`targets.decompose failed: ${result.error.message}`);
    }
    fifty.push(performance.now() - started);
  }
  bench.record({
    name: 'targets: decompose one rep (dialog, with its grid)',
    value: median(fifty) / 50,
    budget: 10,
    unit: 'ms',
    note: 'median of 5 runs of 50 calls, per call',
  });

  const teams = (
    ctx.sqlite
      .prepare("SELECT DISTINCT team_id AS id FROM users WHERE role = 'rep' AND deleted_at IS NULL")
      .all() as { id: string }[]
  ).map((t) => t.id);
  bench.record({
    name: 'targets: grid, company (6 teams below)',
    value: await bench.timeCall('targets.grid', [
      { metric: 'sales', year: 2026, scope: { type: 'company' } },
    ]),
    budget: 50,
    unit: 'ms',
  });
  bench.record({
    name: 'targets: grid, one team (its reps below)',
    value: await bench.timeCall(
      'targets.grid',
      teams.map((id) => ({
        metric: 'sales' as const,
        year: 2026,
        scope: { type: 'team' as const, id },
      })),
    ),
    budget: 50,
    unit: 'ms',
  });
  bench.record({
    name: 'targets: overview, company/teams/reps',
    value: await bench.timeCall('targets.overview', [{ metric: 'sales', year: 2026 }]),
    budget: 50,
    unit: 'ms',
  });

  const week = '2026-W47';
  bench.record({
    name: 'weekly report: live figures of a rep',
    value: await bench.timeCall(
      'weekly.get',
      reps.slice(0, 10).map((userId) => ({ userId, week, today })),
    ),
    budget: 50,
    unit: 'ms',
  });
  bench.record({
    name: 'weekly report: list for a week, company',
    value: await bench.timeCall('weekly.list', [{ week }]),
    budget: 50,
    unit: 'ms',
  });
}
