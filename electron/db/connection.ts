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

/** The better-sqlite3 build this process opened its database with, for `openPlain`. */
let processBinding: string | undefined;

/**
 * Opens another file (a backup, a damaged database) with none of the app's pragmas, with the
 * same better-sqlite3 build as the app's own connection (in `npm start`, Electron's).
 */
export function openPlain(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {},
): Sqlite {
  return new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(processBinding ? { nativeBinding: processBinding } : {}),
  });
}

/**
 * Opens a local database file with the pragmas the app relies on: WAL for concurrent
 * readers, foreign keys, and a busy timeout instead of instant SQLITE_BUSY errors.
 */
export function openSqlite(file: string, options: OpenOptions = {}): Sqlite {
  if (options.nativeBinding) processBinding = options.nativeBinding;
  // Other files opened later without saying (a snapshot, a backup) use the same build.
  const binding = options.nativeBinding ?? processBinding;
  const sqlite = new Database(file, {
    readonly: options.readonly ?? false,
    ...(binding ? { nativeBinding: binding } : {}),
  });
  try {
    if (!options.readonly) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
  } catch (error) {
    // A file that is not a database (SQLITE_NOTADB) fails here: do not leak the handle.
    sqlite.close();
    throw error;
  }
  return sqlite;
}

export function wrapDrizzle(sqlite: Sqlite): Db {
  return drizzle(sqlite, { schema }) as Db;
}
