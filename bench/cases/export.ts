import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { WeeklyPackInput } from '../../shared/contract/exports';
import { weeklyPack } from '../../electron/export/weeklyPack';
import { buildWorkbook } from '../../electron/export/workbook';
import type { Bench } from '../bench';

const today = '2026-11-23';
const week = '2026-W47';

/** Median milliseconds of building a pack: the figures and sheets, then the workbook's bytes. */
async function timePack(bench: Bench, input: WeeklyPackInput, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const pack = weeklyPack(bench.ctx.db, input, new Date());
    const { sheets, title } = await pack.build();
    await buildWorkbook(sheets, { creator: 'Pacer', created: new Date(), title });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * Issue 8: the weekly meeting pack on the large demo — the whole company's under 3 s, one
 * team's under 1 s — and the peak memory (max RSS) of a process that builds and saves the
 * company's pack, `pacer export weekly` run in a child process, under 500 MB.
 */
export async function run(bench: Bench): Promise<void> {
  const { ctx } = bench;
  const team = ctx.sqlite
    .prepare(
      "SELECT team_id AS id, count(*) AS n FROM users WHERE role = 'rep' AND active = 1 AND deleted_at IS NULL AND team_id IS NOT NULL GROUP BY team_id ORDER BY n DESC LIMIT 1",
    )
    .get() as { id: string; n: number };
  const base = { week, language: 'zh-CN', today } as const;
  bench.record({
    name: 'weekly pack, company',
    value: await timePack(bench, { ...base, scope: { type: 'company' } }, 3),
    budget: 3000,
    unit: 'ms',
  });
  bench.record({
    name: `weekly pack, one team (${team.n} reps)`,
    value: await timePack(bench, { ...base, scope: { type: 'team', id: team.id } }, 5),
    budget: 1000,
    unit: 'ms',
  });

  // Peak memory: a fresh Node process running the CLI's export on the same file.
  ctx.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const out = path.join(bench.dir, 'pack.xlsx');
  const args = [
    'export',
    'weekly',
    '--db',
    ctx.file,
    '--week',
    week,
    '--today',
    today,
    '--out',
    out,
  ];
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `const { main } = await import(${JSON.stringify(path.resolve('electron/cli.ts'))});
       const code = await main(${JSON.stringify(args)});
       process.stdout.write('\\n' + JSON.stringify({ code, maxRss: process.resourceUsage().maxRSS }) + '\\n');`,
    ],
    { encoding: 'utf8', cwd: path.resolve('.') },
  );
  const last = child.stdout.trim().split('\n').at(-1) ?? '';
  let result: { code: number; maxRss: number };
  try {
    result = JSON.parse(last) as { code: number; maxRss: number };
  } catch {
    throw new Error(`the export child failed: ${child.stderr || child.stdout}`);
  }
  if (result.code !== 0) throw new Error(`the export child exited ${result.code}: ${child.stderr}`);
  bench.record({
    name: 'weekly pack, company: peak memory (max RSS)',
    value: result.maxRss / 1024,
    budget: 500,
    unit: 'MB',
    note: 'pacer export weekly in a child process',
  });
}
