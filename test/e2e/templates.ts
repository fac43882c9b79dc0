import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Where the template databases are, for the fixtures (set by the global setup below). */
export const templatesVariable = 'PACER_E2E_TEMPLATES';

function run(args: string[]): void {
  const result = spawnSync(tsx, ['electron/cli.ts', ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args[0]} failed: ${result.stderr}`);
}

/**
 * Builds the two databases every test starts from once for the whole run (the small demo team and
 * an empty team): a test copies one and gives the copy its own device id, instead of spending
 * seconds generating the same deterministic demo again.
 */
export default function globalSetup(): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), 'pacer-e2e-templates-'));
  run([
    'demo',
    '--db',
    path.join(dir, 'demo.sqlite'),
    '--size',
    'small',
    '--seed',
    '3',
    '--today',
    '2026-11-23',
  ]);
  run(['init', '--db', path.join(dir, 'empty.sqlite')]);
  for (const name of ['demo', 'empty']) {
    // The CLI closes its database, which folds the WAL into the file: a copy of the file is whole.
    if (existsSync(path.join(dir, `${name}.sqlite-wal`))) throw new Error(`${name}: WAL left open`);
  }
  process.env[templatesVariable] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
