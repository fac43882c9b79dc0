import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };

export type OpenOptions = {
  /** Path of an Electron-ABI build of better-sqlite3 (`npm start`); Node's build otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
};

/**
 * Opens a local database file with the pragmas the app relies on: WAL for concurrent
 * readers, foreign keys, and a busy timeout instead of instant SQLITE_BUSY errors.
 */
export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  if (!options.readonly) sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

export function wrapDrizzle(sqlite: Sqlite): Db {
  return drizzle(sqlite, { schema }) as Db;
}
