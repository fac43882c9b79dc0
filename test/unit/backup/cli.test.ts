import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli';

let dir: string;
let out: string[];
let err: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pacer-backup-cli-'));
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

function customers(file: string): number {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

function demo(file: string): void {
  expect(
    main(['demo', '--db', file, '--size', 'small', '--seed', '1', '--today', '2026-11-23']),
  ).toBe(0);
}

describe('pacer backup, restore and check', () => {
  it('backs up beside the database or into --out, restores with the old file kept, and check lists backups', async () => {
    const db = path.join(dir, 'pacer.sqlite');
    demo(db);
    out = [];
    expect(await main(['backup', '--db', db])).toBe(0);
    const folder = path.join(dir, 'backups');
    const [name] = readdirSync(folder);
    expect(name).toMatch(/^pacer-\d{4}-\d{2}-\d{2}T\d{4}\.sqlite$/);
    expect(out[0]).toContain(path.join(folder, name!));
    expect(customers(path.join(folder, name!))).toBe(300);

    const elsewhere = path.join(dir, 'elsewhere');
    expect(await main(['backup', '--db', db, '--out', elsewhere])).toBe(0);
    expect(readdirSync(elsewhere)).toHaveLength(1);

    // check: integrity_check, then the backups there are.
    out = [];
    expect(main(['check', '--db', db])).toBe(0);
    expect(out[1]).toBe('integrity       ok');
    expect(out).toContain(`backups         1 in ${folder}`);
    expect(out.some((line) => line.includes(name!))).toBe(true);

    // Change the database, then restore the backup.
    const sqlite = new Database(db);
    sqlite.prepare('DELETE FROM contacts').run();
    sqlite.prepare('DELETE FROM customers WHERE rowid % 2 = 0').run();
    sqlite.close();
    expect(customers(db)).toBe(150);
    out = [];
    expect(main(['restore', '--db', db, '--from', path.join(folder, name!)])).toBe(0);
    expect(customers(db)).toBe(300);
    const kept = readdirSync(dir).filter((f) => /^pacer\.sqlite\.before-restore-.*\.bak$/.test(f));
    expect(kept).toHaveLength(1);
    expect(customers(path.join(dir, kept[0]!))).toBe(150);
    expect(out[0]).toContain(kept[0]);
    expect(existsSync(path.join(folder, name!))).toBe(true);
  });

  it('restore refuses a missing or damaged backup and leaves the database alone', () => {
    const db = path.join(dir, 'pacer.sqlite');
    demo(db);
    expect(main(['restore', '--db', db, '--from', path.join(dir, 'nope.sqlite')])).toBe(2);
    expect(main(['restore', '--db', db])).toBe(2);
    const junk = path.join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database, only text '.repeat(200));
    err = [];
    expect(main(['restore', '--db', db, '--from', junk])).toBe(1);
    expect(err[0]).toMatch(/damaged/);
    expect(customers(db)).toBe(300);
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('check of a file that is not a database names the backups there are (or none)', async () => {
    const db = path.join(dir, 'pacer.sqlite');
    demo(db);
    expect(await main(['backup', '--db', db])).toBe(0);
    writeFileSync(db, 'garbage '.repeat(1000));
    out = [];
    err = [];
    expect(main(['check', '--db', db])).toBe(1);
    expect(err[0]).toMatch(/not a database/);
    expect(out[0]).toMatch(/^backups {9}1 in /);

    const lonely = path.join(dir, 'lonely', 'pacer.sqlite');
    mkdirSync(path.dirname(lonely));
    writeFileSync(lonely, 'garbage '.repeat(1000));
    out = [];
    expect(main(['check', '--db', lonely])).toBe(1);
    expect(out).toEqual(['backups         none']);
  });
});
