import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db, Sqlite } from './connection';

type Journal = { entries: { idx: number; tag: string; when: number }[] };

/**
 * Where the shipped migrations are: beside this module when run from source (tsx, tests),
 * or the app folder's copy when bundled. The packaged app passes its resources path.
 */
export function findMigrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [
    process.env.PACER_MIGRATIONS,
    path.join(here, 'migrations'),
    path.join(here, '..', 'electron', 'db', 'migrations'),
  ];
  for (const dir of candidates) {
    if (dir && existsSync(path.join(dir, 'meta', '_journal.json'))) return dir;
  }
  throw new Error(
    `migrations folder not found (looked in ${candidates.filter(Boolean).join(', ')})`,
  );
}

function readJournal(folder: string): Journal {
  return JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
}

/** How many migrations the file has applied (0 for a new file). */
export function appliedMigrationCount(sqlite: Sqlite): number {
  const table = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'")
    .get();
  if (!table) return 0;
  const row = sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as {
    n: number;
  };
  return row.n;
}

/** The schema version the shipped migrations produce. */
export function latestSchemaVersion(folder: string): number {
  return readJournal(folder).entries.length;
}

export type MigrationReport = { from: number; to: number; backup: string | null };

/**
 * Brings the file to the latest schema. When a file that already holds data is about to
 * be migrated, it is first copied beside itself (`VACUUM INTO`), so a failed or
 * unwanted upgrade can be undone by hand.
 */
export function runMigrations(
  db: Db,
  file: string,
  folder: string,
  now: () => Date = () => new Date(),
): MigrationReport {
  const sqlite = db.$client;
  const from = appliedMigrationCount(sqlite);
  const to = latestSchemaVersion(folder);
  let backup: string | null = null;
  if (from < to && from > 0 && file !== ':memory:' && statSync(file).size > 0) {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    backup = `${file}.before-v${to}-${stamp}.bak`;
    sqlite.prepare('VACUUM INTO ?').run(backup);
  }
  if (from < to) migrate(db, { migrationsFolder: folder });
  return { from, to, backup };
}
