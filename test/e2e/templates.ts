import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Where the template databases are, for the fixtures (set by the global setup below). */
export const templatesVariable = 'PACER_E2E_TEMPLATES';

function node(args: string[]): void {
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
}

/**
 * Before the run: builds what the tests run when its sources changed (the renderer and the
 * Electron bundles, including the browser host dist-electron/web.mjs: scripts/build-if-stale.mjs),
 * then the two databases every test starts from (the small demo team and an empty team). A test
 * copies one and gives the copy its own device id, instead of spending seconds generating the
 * same deterministic demo again.
 */
export default function globalSetup(): () => void {
  const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('e2e: the build failed');
  const dir = mkdtempSync(path.join(tmpdir(), 'pacer-e2e-templates-'));
  const cli = 'dist-electron/cli.mjs';
  const demo = path.join(dir, 'demo.sqlite');
  node([cli, 'demo', '--db', demo, '--size', 'small', '--seed', '3', '--today', '2026-11-23']);
  node([cli, 'init', '--db', path.join(dir, 'empty.sqlite')]);
  for (const name of ['demo', 'empty']) {
    // The CLI closes its database, which folds the WAL into the file: a copy of the file is whole.
    if (existsSync(path.join(dir, `${name}.sqlite-wal`))) throw new Error(`${name}: WAL left open`);
  }
  process.env[templatesVariable] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
