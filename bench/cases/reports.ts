import { reportNames } from '../../shared/contract/reports';
import type { Bench } from '../bench';

const today = '2026-11-23';

/**
 * Issue 7: every report of domain.md §7 on the large demo — the whole company for a quarter
 * (< 100 ms) and a year (< 250 ms), and one rep (the one with the most visits) for a quarter
 * (< 30 ms).
 */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const busiest = ctx.sqlite
    .prepare(
      'SELECT owner_id AS id, count(*) AS n FROM visits WHERE deleted_at IS NULL GROUP BY owner_id ORDER BY n DESC LIMIT 1',
    )
    .get() as { id: string; n: number };
  const cases = [
    { label: 'company, quarter', period: 'quarter', scope: { type: 'company' }, budget: 100 },
    { label: 'company, year', period: 'year', scope: { type: 'company' }, budget: 250 },
    {
      label: 'one rep, quarter',
      period: 'quarter',
      scope: { type: 'rep', id: busiest.id },
      budget: 30,
    },
  ] as const;
  for (const report of reportNames)
    for (const c of cases)
      bench.record({
        name: `report ${report}, ${c.label}`,
        value: await bench.timeCall(
          'reports.run',
          [{ report, period: { kind: c.period, date: today }, scope: c.scope, today }],
          c.period === 'year' ? 7 : 11,
        ),
        budget: c.budget,
        unit: 'ms',
      });
}
