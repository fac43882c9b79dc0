import { existsSync } from 'node:fs';
import { openPlain, type Sqlite } from '../db/connection';
import { backupFolder, listBackups, type Backup } from './backups';

/**
 * A database file that SQLite says is damaged: `PRAGMA quick_check` found problems, or
 * opening it failed with SQLITE_CORRUPT / SQLITE_NOTADB. The hosts catch it and offer
 * `recoveryOptions` instead of crashing; the file itself is left alone.
 */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly file: string,
    /** What SQLite said. */
    readonly detail: string,
    /** The newest backup, if any (the recovery options look closer). */
    readonly latestBackup: Backup | null,
  ) {
    super(`${file} is damaged: ${detail}`);
    this.name = 'DatabaseDamagedError';
  }
}

/** Whether an error from SQLite means the file's content is damaged (not a disk or lock problem). */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

export type CheckResult = { ok: boolean; problems: string[] };

function runCheck(sqlite: Sqlite, pragma: 'quick_check' | 'integrity_check'): CheckResult {
  const rows = sqlite.pragma(pragma) as Record<string, string>[];
  const problems = rows.map((row) => String(Object.values(row)[0]));
  const ok = problems.length === 1 && problems[0] === 'ok';
  return { ok, problems: ok ? [] : problems };
}

/** `PRAGMA quick_check`: the B-trees' structure, not index contents (sqlite.org/pragma.html). */
export function quickCheck(sqlite: Sqlite): CheckResult {
  return runCheck(sqlite, 'quick_check');
}

/** `PRAGMA integrity_check`: quick_check plus every index against its table. */
export function integrityCheck(sqlite: Sqlite): CheckResult {
  return runCheck(sqlite, 'integrity_check');
}

/**
 * Opens `file` read-only and runs `check` on it, turning "not a database" and corruption
 * errors into problems. For files that are not open (backups, a damaged database).
 */
export function checkFile(
  file: string,
  check: (sqlite: Sqlite) => CheckResult = quickCheck,
): CheckResult {
  if (!existsSync(file)) return { ok: false, problems: [`${file} does not exist`] };
  let sqlite: Sqlite | null = null;
  try {
    sqlite = openPlain(file, { readonly: true, fileMustExist: true });
    return check(sqlite);
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  } finally {
    sqlite?.close();
  }
}

/** The damage error for `file`, with its newest backup. */
export function damaged(file: string, detail: string): DatabaseDamagedError {
  let latest: Backup | null = null;
  try {
    latest = listBackups(backupFolder(file))[0] ?? null;
  } catch {
    // An unreadable backups folder must not hide the damage itself.
  }
  return new DatabaseDamagedError(file, detail, latest);
}

/**
 * Reads `team_folder` from a database that may be damaged: read-only, every failure
 * answered as "unknown" (undefined); null means the file was read and holds no team.
 */
export function readTeamFolder(file: string): string | null | undefined {
  return readLocalTolerant(file, 'team_folder');
}

/** One `local_state` value of a file that may be damaged: undefined when it cannot be read. */
export function readLocalTolerant(
  file: string,
  key: 'team_folder' | 'current_user_id',
): string | null | undefined {
  if (!existsSync(file)) return undefined;
  let sqlite: Sqlite | null = null;
  try {
    sqlite = openPlain(file, { readonly: true, fileMustExist: true });
    const row = sqlite.prepare('SELECT value FROM local_state WHERE key = ?').get(key) as
      { value: string } | undefined;
    return row?.value ?? null;
  } catch {
    return undefined;
  } finally {
    try {
      sqlite?.close();
    } catch {
      // A file this damaged may not even close cleanly; nothing was written.
    }
  }
}

export type RecoveryOption =
  /** Replace the damaged file by this backup at a restart. */
  | { kind: 'restore'; backup: Backup }
  /**
   * Join the team folder again into a new file, which replaces the damaged one at a restart.
   * `folder` is null when it is not known: ask for it.
   */
  | { kind: 'rebuild'; folder: string | null }
  | { kind: 'quit' };

/**
 * What a damaged `file` can be recovered from, in the order to offer them:
 * - the newest backup that passes `quick_check` (a newer damaged one is passed over);
 * - the team folder, when the file (or, failing that, the backup) names one; when neither can
 *   be read it is still offered, asking for the folder; a file that was read and names none
 *   was never in a team, so rebuilding is not offered;
 * - quitting, always (the damaged file stays as it is).
 */
export function recoveryOptions(file: string): RecoveryOption[] {
  const options: RecoveryOption[] = [];
  const backup = listBackups(backupFolder(file)).find((b) => checkFile(b.path).ok) ?? null;
  if (backup) options.push({ kind: 'restore', backup });
  let folder = readTeamFolder(file);
  if (folder === undefined && backup) folder = readTeamFolder(backup.path);
  if (folder !== null) options.push({ kind: 'rebuild', folder: folder ?? null });
  options.push({ kind: 'quit' });
  return options;
}
