import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../../../../electron/core/context';
import { seededBytes, uuidv7Source } from '../../../../electron/core/ids';
import { openSqlite, wrapDrizzle } from '../../../../electron/db/connection';
import {
  appliedMigrationCount,
  findMigrationsFolder,
  latestSchemaVersion,
  runMigrations,
} from '../../../../electron/db/migrate';

type Journal = {
  version: string;
  dialect: string;
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
};

const shipped = findMigrationsFolder();
const shippedJournal = JSON.parse(
  readFileSync(path.join(shipped, 'meta', '_journal.json'), 'utf8'),
) as Journal;
const NOW = new Date('2026-11-23T09:00:00.000Z');
const LATEST = latestSchemaVersion(shipped);

let dir: string;
const opened: AppContext[] = [];

function open(file: string, migrationsFolder = shipped): AppContext {
  const ctx = openApp(file, {
    migrationsFolder,
    now: () => NOW,
    newId: uuidv7Source(() => NOW.getTime(), seededBytes(1)),
    deviceName: 'test',
  });
  opened.push(ctx);
  return ctx;
}

/**
 * The shipped migrations plus one more, as a future release would ship: it adds a table and
 * moves data (every customer gets a row in it), so the upgrade of a file with data can be tested.
 */
function futureMigrations(): string {
  const folder = path.join(dir, 'future-migrations');
  cpSync(shipped, folder, { recursive: true });
  const last = shippedJournal.entries.at(-1);
  if (!last) throw new Error('no shipped migrations');
  const tag = `${String(last.idx + 1).padStart(4, '0')}_future`;
  writeFileSync(
    path.join(folder, `${tag}.sql`),
    "CREATE TABLE `future_notes` (`customer_id` text PRIMARY KEY NOT NULL, `note` text NOT NULL);\n--> statement-breakpoint\nINSERT INTO `future_notes` SELECT id, 'migrated ' || name FROM customers;",
  );
  const journal: Journal = {
    ...shippedJournal,
    entries: [
      ...shippedJournal.entries,
      { ...last, idx: last.idx + 1, when: last.when + 1000, tag },
    ],
  };
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal, null, 2));
  return folder;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pacer-migrate-'));
});
afterEach(() => {
  for (const ctx of opened.splice(0)) ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('findMigrationsFolder / latestSchemaVersion', () => {
  it('finds the shipped migrations and counts them from the journal', () => {
    expect(existsSync(path.join(shipped, '0000_init.sql'))).toBe(true);
    expect(latestSchemaVersion(shipped)).toBe(shippedJournal.entries.length);
    expect(latestSchemaVersion(shipped)).toBeGreaterThanOrEqual(1);
    expect(latestSchemaVersion(futureMigrations())).toBe(shippedJournal.entries.length + 1);
  });

  it('honours PACER_MIGRATIONS first', () => {
    const folder = futureMigrations();
    const saved = process.env.PACER_MIGRATIONS;
    process.env.PACER_MIGRATIONS = folder;
    try {
      expect(findMigrationsFolder()).toBe(folder);
    } finally {
      if (saved === undefined) delete process.env.PACER_MIGRATIONS;
      else process.env.PACER_MIGRATIONS = saved;
    }
    expect(findMigrationsFolder()).toBe(shipped);
  });
});

describe('runMigrations', () => {
  it('brings a fresh file to the latest version without a backup', () => {
    const file = path.join(dir, 'fresh.sqlite');
    const sqlite = openSqlite(file);
    try {
      expect(appliedMigrationCount(sqlite)).toBe(0);
      const report = runMigrations(wrapDrizzle(sqlite), file, shipped, () => NOW);
      expect(report).toEqual({ from: 0, to: latestSchemaVersion(shipped), backup: null });
      expect(appliedMigrationCount(sqlite)).toBe(latestSchemaVersion(shipped));
      const tables = (
        sqlite
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
          .all() as { name: string }[]
      ).map((r) => r.name);
      expect(tables).toEqual(
        expect.arrayContaining([
          'change_log',
          'contacts',
          'customers',
          'devices',
          'local_state',
          'settings',
          'teams',
          'users',
        ]),
      );
    } finally {
      sqlite.close();
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('is a no-op when the file is already at the latest version', () => {
    const file = path.join(dir, 'pacer.sqlite');
    const first = open(file);
    first.setCurrentUserId('u1');
    first.commit([{ op: 'insert', table: 'settings', id: 'currency', values: { value: 'CNY' } }]);
    first.close();

    const again = open(file);
    expect(again.migration).toEqual({ from: LATEST, to: LATEST, backup: null });
    expect(appliedMigrationCount(again.sqlite)).toBe(LATEST);
    expect(again.sqlite.prepare('SELECT value FROM settings').all()).toEqual([{ value: 'CNY' }]);
    // Running it again directly changes nothing either.
    expect(runMigrations(again.db, file, shipped, () => NOW)).toEqual({
      from: LATEST,
      to: LATEST,
      backup: null,
    });
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });

  it('backs a file with data up before upgrading it, and the backup is the old version', () => {
    const file = path.join(dir, 'pacer.sqlite');
    const old = open(file);
    old.setCurrentUserId('u1');
    old.commit([
      {
        op: 'insert',
        table: 'customers',
        id: 'c1',
        values: {
          name: '恒信机电有限公司',
          status: 'customer',
          phone: null,
          industry: null,
          region: null,
          address: null,
          source: null,
          ownerId: null,
          notes: null,
          tags: '[]',
        },
      },
    ]);
    old.close();

    const future = futureMigrations();
    const upgraded = open(file, future);
    const to = shippedJournal.entries.length + 1;
    const expectedBackup = `${file}.before-v${to}-2026-11-23T09-00-00-000Z.bak`;
    expect(upgraded.migration).toEqual({ from: to - 1, to, backup: expectedBackup });
    expect(appliedMigrationCount(upgraded.sqlite)).toBe(to);
    // The data-moving migration ran.
    expect(upgraded.sqlite.prepare('SELECT * FROM future_notes').all()).toEqual([
      { customer_id: 'c1', note: 'migrated 恒信机电有限公司' },
    ]);

    // The backup holds the data at the old version, untouched by the upgrade.
    expect(existsSync(expectedBackup)).toBe(true);
    const backup = new Database(expectedBackup, { readonly: true });
    try {
      expect(appliedMigrationCount(backup)).toBe(to - 1);
      expect(backup.prepare('SELECT id, name FROM customers').all()).toEqual([
        { id: 'c1', name: '恒信机电有限公司' },
      ]);
      expect(
        backup.prepare("SELECT name FROM sqlite_master WHERE name = 'future_notes'").get(),
      ).toBeUndefined();
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      backup.close();
    }

    // Opening the upgraded file again takes no second backup.
    upgraded.close();
    expect(open(file, future).migration).toEqual({ from: to, to, backup: null });
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toHaveLength(1);
  });

  it('takes no backup of an in-memory database', () => {
    const sqlite = openSqlite(':memory:');
    try {
      const db = wrapDrizzle(sqlite);
      expect(runMigrations(db, ':memory:', shipped, () => NOW)).toEqual({
        from: 0,
        to: LATEST,
        backup: null,
      });
      expect(runMigrations(db, ':memory:', futureMigrations(), () => NOW)).toEqual({
        from: LATEST,
        to: LATEST + 1,
        backup: null,
      });
      expect(appliedMigrationCount(sqlite)).toBe(LATEST + 1);
    } finally {
      sqlite.close();
    }
  });
});
