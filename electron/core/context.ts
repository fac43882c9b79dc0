import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { openSqlite, wrapDrizzle, type Db, type OpenOptions, type Sqlite } from '../db/connection';
import { getLocal, setLocal } from '../db/local-state';
import { findMigrationsFolder, runMigrations, type MigrationReport } from '../db/migrate';
import { HybridClock, type HlcState } from './clock';
import { AppError } from './errors';
import { commit, type Change, type CommitResult } from './commit';
import { uuidv7Source, type IdSource } from './ids';
import type { SyncedTableName } from './tables';
import type { Progress } from '../../shared/contract/bridge';
import { noFileHost, type FileHost } from '../export/host';
import { damaged, isDamageError, quickCheck } from '../backup/integrity';

export type TablesListener = (tables: SyncedTableName[]) => void;
export type ProgressListener = (progress: Progress) => void;

/**
 * Everything a handler needs, for one open database: the connection, this device's clock
 * and ids, who is acting, and the "tables changed" signal. The same context serves the
 * Electron window, the browser host, the CLI and the tests.
 */
export type AppContext = {
  file: string;
  db: Db;
  sqlite: Sqlite;
  deviceId: string;
  clock: HybridClock;
  newId: IdSource;
  now: () => Date;
  appVersion: string;
  migration: MigrationReport;
  currentUserId: () => string | null;
  setCurrentUserId: (id: string | null) => void;
  /** Applies changes as the current user and tells listeners which tables changed. */
  commit: (changes: readonly Change[]) => CommitResult;
  onTablesChanged: (listener: TablesListener) => () => void;
  /** Tells listeners about writes that bypassed `commit` (the demo's bulk load). */
  announce: (tables: SyncedTableName[]) => void;
  /** Tells listeners how far a long task (an import, an export) has got. */
  reportProgress: (progress: Progress) => void;
  onProgress: (listener: ProgressListener) => () => void;
  /** How this host asks where to save a file (set by the Electron main process and the browser host). */
  fileHost: FileHost;
  /**
   * Closes and reopens the database, applying a pending replacement (electron/db/replace.ts):
   * Electron relaunches the app, the browser host reopens in place. Hosts set it; elsewhere
   * it refuses.
   */
  restart: () => Promise<void>;
  close: () => void;
};

/**
 * How a host keeps "who this device's user is" out of the file's reach (decision 0022): the
 * Electron app seals the user id with the OS key store (safeStorage), so a file copied to
 * another machine or OS account, or edited to name another user, opens signed out.
 */
export type UserSeal = {
  seal: (userId: string) => string;
  /** The sealed user id, or null when it cannot be opened here. */
  open: (sealed: string) => string | null;
};

export type AppOptions = OpenOptions & {
  userSeal?: UserSeal;
  migrationsFolder?: string;
  /** Injected in tests for a fixed clock and deterministic ids. */
  now?: () => Date;
  newId?: IdSource;
  appVersion?: string;
  deviceName?: string;
  /**
   * `PRAGMA quick_check` before anything else: a damaged file throws `DatabaseDamagedError`
   * (electron/backup/integrity.ts) instead of failing later. 'auto' (the default) checks files
   * up to `QUICK_CHECK_MAX_BYTES` (~0.1 s for the 28 MB small demo, ~0.8 s warm but ~9 s from
   * a cold disk cache for the 730 MB large one); bigger files only get their header and schema
   * read, which still finds a file that is not a database or whose schema is damaged.
   */
  quickCheck?: boolean | 'auto';
};

export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/** Whether opening `file` runs `PRAGMA quick_check` (see `AppOptions.quickCheck`). */
export function wantsQuickCheck(file: string, option: boolean | 'auto' | undefined): boolean {
  if (option === false || file === ':memory:') return false;
  if (option === true) return true;
  try {
    return statSync(file).size <= QUICK_CHECK_MAX_BYTES;
  } catch {
    return true;
  }
}

/** Opens the file and checks it: damage (SQLITE_CORRUPT, SQLITE_NOTADB, quick_check) is a `DatabaseDamagedError`. */
function openChecked(file: string, options: AppOptions): Sqlite {
  let sqlite: Sqlite;
  try {
    sqlite = openSqlite(file, options);
  } catch (error) {
    throw isDamageError(error) ? damaged(file, (error as Error).message) : error;
  }
  if (file === ':memory:') return sqlite;
  try {
    if (wantsQuickCheck(file, options.quickCheck)) {
      const check = quickCheck(sqlite);
      if (!check.ok) throw damaged(file, check.problems.slice(0, 3).join('; '));
    } else sqlite.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    sqlite.close();
    throw isDamageError(error) ? damaged(file, (error as Error).message) : error;
  }
  return sqlite;
}

/**
 * The user this device remembers. With a seal, the file's `current_user_id` counts only when
 * the seal opens to it; a file from before passwords (nobody has one, no seal yet) keeps its
 * user, and is sealed at the next sign-in.
 */
function rememberedUser(sqlite: Sqlite, userSeal: UserSeal | undefined): string | null {
  const userId = getLocal(sqlite, 'current_user_id');
  if (!userSeal || userId === null) return userId;
  const sealed = getLocal(sqlite, 'current_user_seal');
  if (sealed !== null) return userSeal.open(sealed) === userId ? userId : null;
  const anyPassword = sqlite
    .prepare('SELECT 1 FROM users WHERE password_hash IS NOT NULL AND deleted_at IS NULL LIMIT 1')
    .get();
  return anyPassword ? null : userId;
}

/** Opens (creating if needed) a Pacer database: migrations first, then this device's identity. */
export function openApp(file: string, options: AppOptions = {}): AppContext {
  const sqlite = openChecked(file, options);
  const db = wrapDrizzle(sqlite);
  const now = options.now ?? (() => new Date());
  let migration: MigrationReport;
  try {
    migration = runMigrations(db, file, options.migrationsFolder ?? findMigrationsFolder(), now);
  } catch (error) {
    sqlite.close();
    throw isDamageError(error) ? damaged(file, (error as Error).message) : error;
  }
  const newId = options.newId ?? uuidv7Source(() => now().getTime());
  const appVersion = options.appVersion ?? '0.1.0';

  let deviceId = getLocal(sqlite, 'device_id');
  const stamp = now().toISOString();
  if (!deviceId) {
    deviceId = newId();
    setLocal(sqlite, 'device_id', deviceId);
    sqlite
      .prepare(
        'INSERT INTO devices (id, name, app_version, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(deviceId, options.deviceName ?? hostname(), appVersion, stamp, stamp);
  } else {
    sqlite
      .prepare('UPDATE devices SET last_seen_at = ?, app_version = ? WHERE id = ?')
      .run(stamp, appVersion, deviceId);
  }
  const savedClock = getLocal(sqlite, 'hlc');
  const clock = new HybridClock(
    deviceId,
    () => now().getTime(),
    savedClock ? (JSON.parse(savedClock) as HlcState) : undefined,
  );

  let currentUser = rememberedUser(sqlite, options.userSeal);
  const listeners = new Set<TablesListener>();
  const announce = (tables: SyncedTableName[]) => {
    if (tables.length === 0) return;
    for (const listener of listeners) listener(tables);
  };
  const progressListeners = new Set<ProgressListener>();
  const id = deviceId;

  return {
    file,
    db,
    sqlite,
    deviceId: id,
    clock,
    newId,
    now,
    appVersion,
    migration,
    currentUserId: () => currentUser,
    setCurrentUserId: (userId) => {
      currentUser = userId;
      setLocal(sqlite, 'current_user_id', userId);
      if (options.userSeal)
        setLocal(sqlite, 'current_user_seal', userId ? options.userSeal.seal(userId) : null);
    },
    commit: (changes) => {
      const result = commit({ sqlite, clock, deviceId: id, userId: currentUser, now }, changes);
      announce(result.tables);
      return result;
    },
    onTablesChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announce,
    reportProgress: (progress) => {
      for (const listener of progressListeners) listener(progress);
    },
    onProgress: (listener) => {
      progressListeners.add(listener);
      return () => progressListeners.delete(listener);
    },
    fileHost: noFileHost,
    restart: () =>
      Promise.reject(
        new AppError('invalid_input', 'this host cannot restart', 'errors.cannotRestart'),
      ),
    close: () => {
      listeners.clear();
      progressListeners.clear();
      if (sqlite.open) {
        // Keeps the query planner's statistics current (sqlite.org/lang_analyze.html).
        if (!sqlite.readonly) {
          sqlite.pragma('analysis_limit = 400');
          sqlite.pragma('optimize');
        }
        sqlite.close();
      }
    },
  };
}
