import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli';
import { syncedTables } from '../../../electron/core/tables';
import { findMigrationsFolder, latestSchemaVersion } from '../../../electron/db/migrate';

const LATEST = latestSchemaVersion(findMigrationsFolder());

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pacer-cli-'));
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    out.push(args.map(String).join(' '));
  });
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    err.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

function file(name = 'pacer.sqlite'): string {
  return path.join(dir, name);
}

/** Reads a table of a file the CLI wrote, outside the app, as a fingerprint. */
function tableHash(db: string, table: string): string {
  const sqlite = new Database(db, { readonly: true });
  try {
    return createHash('sha256')
      .update(JSON.stringify(sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all()))
      .digest('hex');
  } finally {
    sqlite.close();
  }
}

describe('pacer (no command, help)', () => {
  it('prints usage and exits 2 without a command', () => {
    expect(main([])).toBe(2);
    const text = out.join('\n');
    expect(text).toContain('Usage: pacer <command> [options]');
    for (const cmd of ['init', 'demo', 'check'])
      expect(text).toMatch(new RegExp(`^  ${cmd}\\s`, 'm'));
    expect(err).toEqual([]);
  });

  it.each([['--help'], ['-h'], ['help']])('prints usage and exits 0 for %s', (flag) => {
    expect(main([flag])).toBe(0);
    expect(out.join('\n')).toContain('Usage: pacer <command> [options]');
  });

  it('refuses an unknown command with exit code 2', () => {
    expect(main(['frobnicate', '--db', file()])).toBe(2);
    expect(err).toEqual(['pacer: unknown command "frobnicate" (see pacer --help)']);
    expect(existsSync(file())).toBe(false);
  });

  it.each([['init'], ['demo'], ['check']])('prints the options of %s with --help', (cmd) => {
    expect(main([cmd, '--help'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(new RegExp(`^Usage: pacer ${cmd} --db FILE`));
    expect(text).toContain('  --db ');
    expect(text).toContain('  --help     show this help');
  });
});

describe('pacer init', () => {
  it('creates a migrated, empty database', () => {
    const db = file();
    expect(main(['init', '--db', db])).toBe(0);
    expect(out).toEqual([`${db}: schema version ${LATEST}`]);
    expect(existsSync(db)).toBe(true);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get()).toEqual({
        n: LATEST,
      });
      expect(sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
      expect(sqlite.prepare('SELECT count(*) AS n FROM devices').get()).toEqual({ n: 1 });
    } finally {
      sqlite.close();
    }
    // Running it again is harmless.
    expect(main(['init', '--db', db])).toBe(0);
    expect(out[1]).toBe(`${db}: schema version ${LATEST}`);
  });

  it('resolves a relative path', () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(main(['init', '--db', 'relative.sqlite'])).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    expect(out[0]).toBe(`${path.resolve(dir, 'relative.sqlite')}: schema version ${LATEST}`);
  });

  it.each([
    [['init'], 'pacer init: --db FILE is required (see pacer init --help)'],
    [['init', '--db', ''], 'pacer init: --db FILE is required (see pacer init --help)'],
  ])('needs --db: %j', (argv, message) => {
    expect(main(argv)).toBe(2);
    expect(err).toEqual([message]);
  });

  it('refuses unknown options and stray arguments with exit code 2', () => {
    expect(main(['init', '--db', file(), '--force'])).toBe(2);
    expect(err[0]).toMatch(/^pacer init: .*--force.*\(see pacer init --help\)$/);
    expect(main(['init', '--db', file(), 'extra'])).toBe(2);
    expect(err[1]).toMatch(/^pacer init: .*extra.*\(see pacer init --help\)$/);
    expect(main(['init', '--db'])).toBe(2);
    expect(existsSync(file())).toBe(false);
  });
});

describe('pacer demo', () => {
  it('fills a new file with the small demo and reports the counts', () => {
    const db = file();
    expect(
      main(['demo', '--db', db, '--size', 'small', '--seed', '5', '--today', '2026-11-23']),
    ).toBe(0);
    expect(out).toHaveLength(1);
    const line = out[0] ?? '';
    expect(line.startsWith(`${db}: small demo (seed 5, today 2026-11-23) in `)).toBe(true);
    const counts = Object.fromEntries(
      (line.split(' ms: ')[1] ?? '').split(', ').map((part) => {
        const [table, n] = part.split(' ');
        return [table, Number(n)];
      }),
    );
    expect(counts).toMatchObject({ teams: 1, users: 7, customers: 300 });
    expect(counts.contacts).toBeGreaterThan(800);
    expect(err).toEqual([]);
  });

  it('makes the same rows for the same seed, and refuses a second load', () => {
    const a = file('a.sqlite');
    const b = file('b.sqlite');
    expect(
      main(['demo', '--db', a, '--size', 'small', '--seed', '9', '--today', '2026-01-15']),
    ).toBe(0);
    expect(
      main(['demo', '--db', b, '--size', 'small', '--seed', '9', '--today', '2026-01-15']),
    ).toBe(0);
    for (const table of ['teams', 'users', 'customers', 'contacts'])
      expect(tableHash(b, table)).toBe(tableHash(a, table));

    expect(
      main(['demo', '--db', a, '--size', 'small', '--seed', '9', '--today', '2026-01-15']),
    ).toBe(1);
    expect(err).toEqual(['pacer demo: the demo team can only be loaded into an empty file']);
  });

  it.each([
    [['--size', 'medium'], 'pacer demo: --size must be small or large (see pacer demo --help)'],
    [[], 'pacer demo: --size must be small or large (see pacer demo --help)'],
    [
      ['--size', 'small', '--seed', 'abc'],
      'pacer demo: --seed must be a whole number (see pacer demo --help)',
    ],
    [
      ['--size', 'small', '--seed', '1.5'],
      'pacer demo: --seed must be a whole number (see pacer demo --help)',
    ],
  ])('refuses bad options %j with exit code 2', (args, message) => {
    expect(main(['demo', '--db', file(), ...args])).toBe(2);
    expect(err).toEqual([message]);
    expect(existsSync(file())).toBe(false);
  });

  it('refuses an impossible --today, loading nothing', () => {
    const db = file();
    expect(main(['demo', '--db', db, '--size', 'small', '--today', '2026-02-30'])).toBe(1);
    expect(err).toEqual(['pacer demo: --today must be a date YYYY-MM-DD, got 2026-02-30']);
    const sqlite = new Database(db, { readonly: true });
    try {
      expect(sqlite.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 0 });
    } finally {
      sqlite.close();
    }
  });
});

describe('pacer check', () => {
  it('reports integrity, schema version and row counts of a good file', () => {
    const db = file();
    expect(
      main(['demo', '--db', db, '--size', 'small', '--seed', '1', '--today', '2026-11-23']),
    ).toBe(0);
    out = [];
    expect(main(['check', '--db', db])).toBe(0);
    expect(out.slice(0, 3)).toEqual([
      `database        ${db}`,
      'integrity       ok',
      `schema version  ${LATEST} of ${LATEST}`,
    ]);
    const counts = Object.fromEntries(
      out.slice(3).map((line) => {
        const [name, n] = line.split(/\s+/);
        return [name, Number(n)];
      }),
    );
    expect(counts).toMatchObject({
      teams: 1,
      users: 7,
      customers: 300,
      settings: 0,
      change_log: 0,
      devices: 1,
    });
    expect(counts.contacts).toBeGreaterThan(800);
    expect(Object.keys(counts)).toEqual([...Object.keys(syncedTables), 'change_log', 'devices']);
  });

  it('refuses a missing file without creating it', () => {
    const db = file('missing.sqlite');
    expect(main(['check', '--db', db])).toBe(2);
    expect(err).toEqual([`pacer check: no database at ${db} (see pacer check --help)`]);
    expect(existsSync(db)).toBe(false);
  });

  it('fails with exit code 1 on a file that is not a database', () => {
    const db = file('junk.sqlite');
    writeFileSync(
      db,
      'this is not a database, just some text that is long enough to look like a header '.repeat(
        20,
      ),
    );
    expect(main(['check', '--db', db])).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^pacer check: .*not a database/);
  });
  it('reads without migrating: an unmigrated file fails the check and is left as it was', () => {
    const db = file('blank.sqlite');
    const blank = new Database(db);
    blank.exec('CREATE TABLE notes (id TEXT)');
    blank.close();
    const before = readFileSync(db);
    expect(main(['check', '--db', db])).toBe(1);
    expect(out[2]).toBe(
      `schema version  0 of ${LATEST} (the app upgrades it when it opens the file)`,
    );
    expect(out).toContain('customers       missing');
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});
