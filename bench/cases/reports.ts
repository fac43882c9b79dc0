import { handlers } from '../../electron/features/handlers';
import { frequencyRules } from '../../electron/features/settings/settings.repo';
import { dispatch } from '../../electron/ipc/dispatch';
import { reportNames, type ReportOf } from '../../shared/contract/reports';
import { addDays } from '../../shared/domain/grading';
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
  await compareWithHandQueries(bench);
}

/**
 * Issue 23: each redefined figure against a query written by hand from domain.md for the same
 * figure (no caches, no shared SQL): the figures must be equal, and the row shows how the
 * report's time compares with the hand query's. The report computes every figure of its
 * screen, so a ratio above 1 is expected; the budget is the report's.
 */
export async function compareWithHandQueries(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const rules = frequencyRules(ctx.db);
  const time = (fn: () => number, runs = 7) => {
    const times: number[] = [];
    let value = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      value = fn();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { value, ms: times[Math.floor(times.length / 2)] ?? 0 };
  };
  const cutoff = (grade: keyof typeof rules) =>
    rules[grade] === null ? null : addDays(today, -(rules[grade] ?? 0));
  // Overdue 超期未拜访, company, today: customers whose last done visit (or creation, never
  // visited) is more than their grade's rule ago.
  const overdueHand = ctx.sqlite.prepare(
    `SELECT count(*) AS n FROM (
       SELECT c.grade, coalesce((SELECT max(v.day) FROM visits v
           WHERE v.customer_id = c.id AND v.status = 'done' AND v.deleted_at IS NULL),
         substr(c.created_at, 1, 10)) AS since
       FROM customers c WHERE c.deleted_at IS NULL AND c.owner_id IS NOT NULL) x
     WHERE (x.grade = 'key' AND x.since < @key) OR (x.grade = 'potential' AND x.since < @potential)
       OR (x.grade = 'ordinary' AND x.since < @ordinary) OR (x.grade = 'ignore' AND x.since < @ignore)`,
  );
  // New customers 新开发客户数, company, this quarter: live customers whose first live won deal
  // closed in the quarter.
  const newHand = ctx.sqlite.prepare(
    `SELECT count(*) AS n FROM (
       SELECT (SELECT min(d.closed_on) FROM deals d
         WHERE d.customer_id = c.id AND d.status = 'won' AND d.deleted_at IS NULL) AS first
       FROM customers c WHERE c.deleted_at IS NULL) x
     WHERE x.first >= '2026-10-01' AND x.first <= '2026-12-31'`,
  );
  const company = { type: 'company' } as const;
  const quarter = { kind: 'quarter', date: today } as const;
  const run = async <N extends 'customerVisits' | 'attainment'>(report: N) => {
    const started = performance.now();
    const result = await dispatch(handlers, ctx, 'reports.run', {
      report,
      period: quarter,
      scope: company,
      today,
    });
    if (!result.ok) throw new Error(`${report} failed: ${result.error.message}`);
    return { out: result.value as ReportOf<N>, ms: performance.now() - started };
  };
  const cases = [
    {
      name: 'overdue customers (company)',
      report: async () => {
        const r = await run('customerVisits');
        return { value: r.out.keyFigures.overdueCustomers, ms: r.ms };
      },
      hand: () =>
        time(
          () =>
            (
              overdueHand.get({
                key: cutoff('key'),
                potential: cutoff('potential'),
                ordinary: cutoff('ordinary'),
                ignore: cutoff('ignore'),
              }) as { n: number }
            ).n,
        ),
    },
    {
      name: 'new customers (company, quarter)',
      report: async () => {
        const r = await run('attainment');
        return { value: r.out.keyFigures.newCustomers.actual, ms: r.ms };
      },
      hand: () => time(() => (newHand.get() as { n: number }).n),
    },
  ];
  for (const c of cases) {
    const reports = [];
    for (let i = 0; i < 7; i++) reports.push(await c.report());
    const report = reports.map((r) => r.ms).sort((a, b) => a - b)[3] ?? 0;
    const hand = c.hand();
    const value = reports[0]?.value;
    if (value !== hand.value)
      throw new Error(`${c.name}: the report says ${value}, the hand query ${hand.value}`);
    bench.record({
      name: `${c.name}: report vs hand SQL`,
      value: report,
      budget: 100,
      unit: 'ms',
      note: `both ${hand.value}; hand query ${hand.ms.toFixed(1)} ms, report ÷ hand = ${(report / Math.max(hand.ms, 0.01)).toFixed(2)}×`,
    });
  }
}
