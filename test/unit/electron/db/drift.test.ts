import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const drizzleKit = path.join(root, 'node_modules', '.bin', 'drizzle-kit');
const dir = mkdtempSync(path.join(tmpdir(), 'pacer-drift-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kit(args: string[]): { status: number | null; output: string } {
  const run = spawnSync(drizzleKit, args, { cwd: root, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/**
 * The schema and the migrations cannot drift apart: drizzle-kit finds the snapshots consistent
 * and, run on a copy of the migrations folder, has nothing to generate from schema.ts. A schema
 * change without its migration (or a hand-written migration without its snapshot) fails here.
 */
describe('schema and migrations', () => {
  it('drizzle-kit check finds the migration snapshots consistent', () => {
    const run = kit(['check', '--dialect', 'sqlite', '--out', 'electron/db/migrations']);
    expect(run.output).toContain("Everything's fine");
    expect(run.status).toBe(0);
  });

  it('drizzle-kit generate has nothing to add for electron/db/schema.ts', () => {
    const out = path.join(dir, 'migrations');
    cpSync(path.join(root, 'electron', 'db', 'migrations'), out, { recursive: true });
    const before = readdirSync(out).sort();
    const run = kit([
      'generate',
      '--dialect',
      'sqlite',
      '--schema',
      'electron/db/schema.ts',
      '--out',
      path.relative(root, out),
    ]);
    expect(run.output).toContain('No schema changes');
    expect(readdirSync(out).sort()).toEqual(before);
  });
});
