/**
 * `npm run bench`: builds the large demo file and times what the budgets of the issues
 * name, printing each median against its budget. Exits 1 when a budget is missed.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openApp, type AppContext } from '../electron/core/context';
import { generateDemo } from '../electron/demo';
import { handlers } from '../electron/features/handlers';
import { dispatch } from '../electron/ipc/dispatch';
import type { Input, MethodName } from '../shared/contract';
import { chromiumLaunch } from '../test/chromium';

import type { Bench, Row } from './bench';
const rows: Row[] = [];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function timeCall<M extends MethodName>(
  ctx: AppContext,
  method: M,
  inputs: Input<M>[],
  runs = 25,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = inputs[i % inputs.length];
    const started = performance.now();
    const result = await dispatch(handlers, ctx, method, input);
    times.push(performance.now() - started);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  }
  return median(times);
}

/** The first screen's JavaScript: the entry chunk and every chunk it imports statically, gzipped. */
function firstScreenKb(): { js: number; css: number } {
  const dist = path.resolve('dist/renderer');
  const manifestFile = path.join(dist, '.vite', 'manifest.json');
  if (!existsSync(manifestFile))
    throw new Error('dist/renderer is not built: run `npm run build:renderer`');
  type Chunk = { file: string; imports?: string[]; css?: string[]; isEntry?: boolean };
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, Chunk>;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('no entry chunk in the manifest');
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    for (const file of chunk?.css ?? []) css.add(file);
    for (const next of chunk?.imports ?? []) visit(next);
  };
  visit(entry[0]);
  const gz = (file: string) =>
    gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length / 1024;
  const js = [...seen].reduce((sum, key) => sum + gz(manifest[key]?.file ?? ''), 0);
  return { js, css: [...css].reduce((sum, file) => sum + gz(file), 0) };
}

/** Prints one figure the moment it is measured, so a later failure loses nothing. */
function formatRow(row: Row): string {
  const ok = row.value <= row.budget;
  const fmt = (n: number) =>
    row.unit === 'ms' && n >= 1000
      ? `${(n / 1000).toFixed(2)} s`
      : `${n.toFixed(row.unit === 'ms' ? 2 : 0)} ${row.unit}`;
  return `${row.name.padEnd(46)} ${fmt(row.value).padStart(10)} ${fmt(row.budget).padStart(10)}  ${ok ? 'met' : 'MISSED'}${row.note ? `  (${row.note})` : ''}`;
}
function record(row: Row): void {
  rows.push(row);
  console.log(formatRow(row));
}

/** What the bench needs besides node_modules, checked before the minute the large demo takes. */
function missing(): string[] {
  const problems: string[] = [];
  if (!existsSync(path.resolve('dist/renderer/.vite/manifest.json')))
    problems.push(
      'dist/renderer is not built: run `npm run bench` (it builds it) or `npm run build:renderer`',
    );
  if (!existsSync(chromiumLaunch.executablePath))
    problems.push(
      `no Chromium at ${chromiumLaunch.executablePath} for the browser cases: install Debian's chromium or set PACER_CHROMIUM`,
    );
  return problems;
}

const problems = missing();
if (problems.length) {
  for (const problem of problems) console.error(`bench: ${problem}`);
  process.exit(1);
}

// `--db <file>`: start from a copy of a large demo built before (`pacer demo --size large --seed 1
// --today 2026-11-23`) instead of building one: for timing one case again and again.
const args = process.argv.slice(2);
const dbAt = args.indexOf('--db');
const given = dbAt >= 0 ? args[dbAt + 1] : undefined;
if (dbAt >= 0 && (!given || !existsSync(given))) {
  console.error(`bench: --db needs an existing database file (${given ?? 'none given'})`);
  process.exit(1);
}
const only = args.filter((a, i) => !a.startsWith('-') && (dbAt < 0 || i !== dbAt + 1));
const casesDir = path.resolve(import.meta.dirname, 'cases');
const cases = readdirSync(casesDir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((word) => f.includes(word)))
  .sort();
if (cases.length === 0) {
  console.error(`bench: no case in bench/cases matches ${only.join(', ')}`);
  process.exit(1);
}

const failures: { name: string; message: string }[] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'pacer-bench-'));
const file = path.join(dir, 'large.sqlite');
try {
  if (given) {
    console.log(`bench: a copy of ${given} in ${file}, then ${cases.length} cases`);
    copyFileSync(given, file);
  } else {
    console.log(
      `bench: building the large demo in ${file} (about a minute), then ${cases.length} cases`,
    );
  }
  console.log(`${'figure'.padEnd(46)} ${'median'.padStart(10)} ${'budget'.padStart(10)}  result`);
  const ctx = openApp(file);
  if (!given) {
    const demoStarted = performance.now();
    const report = generateDemo(ctx, { size: 'large', seed: 1, today: '2026-11-23' });
    record({
      name: 'demo --size large',
      value: performance.now() - demoStarted,
      budget: 90_000,
      unit: 'ms',
      note: Object.entries(report.counts)
        .map(([t, n]) => `${t} ${n}`)
        .join(', '),
    });
  }
  ctx.sqlite.pragma('optimize');

  // The cases act as the person who sees the whole company (the large demo's director, an
  // admin): since data scope (docs/data-scope.md) a team's manager would make every "company"
  // figure a team's, and the hand-written queries count the company.
  const manager = ctx.sqlite
    .prepare(
      "SELECT id, team_id FROM users WHERE role IN ('admin', 'manager') AND deleted_at IS NULL ORDER BY role = 'admin' DESC, id LIMIT 1",
    )
    .get() as { id: string; team_id: string };
  // Each file in bench/cases/ measures one feature on the same large file (in name order);
  // `npm run bench -- reports export` runs only the cases whose file names contain a word given.
  // A case that throws is reported and the next one runs: its figures so far are kept.
  for (const name of cases) {
    ctx.setCurrentUserId(manager.id);
    try {
      const mod = (await import(path.join(casesDir, name))) as {
        run: (bench: Bench) => Promise<void>;
      };
      await mod.run({
        ctx,
        dir,
        timeCall: (method, inputs, runs) => timeCall(ctx, method, inputs, runs),
        record,
      });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ name, message });
      console.log(`${name.padEnd(46)} ${'FAILED'.padStart(10)}  ${message.split('\n')[0]}`);
    }
  }
  ctx.close();

  const size = firstScreenKb();
  record({
    name: 'renderer first screen JS (gzip)',
    value: size.js,
    budget: 400,
    unit: 'KB',
    note: `CSS ${size.css.toFixed(0)} KB gzip`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const missed = rows.filter((row) => row.value > row.budget);
console.log(
  `\nbench: ${rows.length} figures, ${rows.length - missed.length} met, ${missed.length} missed; ${cases.length - failures.length} of ${cases.length} cases ran to the end`,
);
for (const row of missed) console.log(`  missed: ${formatRow(row)}`);
for (const failure of failures) console.log(`  case ${failure.name} failed:\n${failure.message}`);
process.exitCode = missed.length || failures.length ? 1 : 0;
