import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupEntry } from '../../shared/contract/backup';
import { openPlain, type Sqlite } from '../db/connection';

/**
 * Local backups (issue 9): copies of the database made with SQLite's online backup API into
 * a `backups` folder beside it, named by the time they were made (UTC):
 * `pacer-2026-11-23T0800.sqlite`. Each is written under a temporary name and renamed, so a
 * listed backup is always whole. The newest `KEEP` are kept.
 */
export const KEEP = 14;
export const DAY_MS = 24 * 60 * 60 * 1000;
export const HOUR_MS = 60 * 60 * 1000;

export type Backup = BackupEntry & { path: string };

const NAME = /^pacer-(\d{4})-(\d{2})-(\d{2})T(\d{2})(\d{2})(\d{2})?(?:-(\d+))?\.sqlite$/;

/** The folder the backups of `file` go into. */
export function backupFolder(file: string): string {
  return path.join(path.dirname(path.resolve(file)), 'backups');
}

/** When a backup was made, from its name; null for a name that is not a backup's. */
export function parseBackupName(name: string): { at: Date; order: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, n] = m;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}.000Z`);
  if (Number.isNaN(at.getTime())) return null;
  return { at, order: at.getTime() * 1000 + Number(n ?? 0) };
}

function stamp(at: Date, withSeconds: boolean): string {
  const iso = at.toISOString(); // 2026-11-23T08:00:12.345Z
  const day = iso.slice(0, 10);
  const hm = iso.slice(11, 13) + iso.slice(14, 16);
  return `${day}T${hm}${withSeconds ? iso.slice(17, 19) : ''}`;
}

/** Backups being written by this process (a daily one and "back up now" may overlap). */
const writing = new Set<string>();

/** A name for a backup made at `at` that is not taken in `folder`. */
export function newBackupName(folder: string, at: Date): string {
  const taken = (name: string) =>
    writing.has(path.join(folder, name)) || existsSync(path.join(folder, name));
  const plain = `pacer-${stamp(at, false)}.sqlite`;
  if (!taken(plain)) return plain;
  const base = `pacer-${stamp(at, true)}`;
  let name = `${base}.sqlite`;
  for (let n = 2; taken(name); n++) name = `${base}-${n}.sqlite`;
  return name;
}

/** The backups in `folder`, newest first. Other files (temporary copies, strays) are ignored. */
export function listBackups(folder: string): Backup[] {
  if (!existsSync(folder)) return [];
  const found: (Backup & { order: number })[] = [];
  for (const name of readdirSync(folder)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const full = path.join(folder, name);
    let bytes: number;
    try {
      const stat = statSync(full);
      if (!stat.isFile()) continue;
      bytes = stat.size;
    } catch {
      continue;
    }
    found.push({ name, at: parsed.at.toISOString(), bytes, path: full, order: parsed.order });
  }
  found.sort((a, b) => b.order - a.order);
  return found.map(({ order: _order, ...entry }) => entry);
}

/** Deletes all but the newest `keep` backups; answers the names deleted. */
export function rotateBackups(folder: string, keep: number = KEEP): string[] {
  const removed: string[] = [];
  for (const old of listBackups(folder).slice(keep)) {
    rmSync(old.path, { force: true });
    removed.push(old.name);
  }
  return removed;
}

export type BackupOptions = {
  /** Default: `backups` beside the database. */
  folder?: string;
  now?: Date;
  keep?: number;
};

/**
 * Copies the open database `sqlite` (of `file`) into a new backup with SQLite's online
 * backup API: other queries keep running between its steps, and the copy is consistent.
 */
export async function makeBackup(
  sqlite: Sqlite,
  file: string,
  options: BackupOptions = {},
): Promise<Backup> {
  const folder = options.folder ?? backupFolder(file);
  const now = options.now ?? new Date();
  mkdirSync(folder, { recursive: true });
  const name = newBackupName(folder, now);
  const target = path.join(folder, name);
  const temp = `${target}.tmp`;
  writing.add(target);
  rmSync(temp, { force: true });
  try {
    // 1,000 pages (4 MB) a step, between which the app goes on: a write by another
    // connection (the sync worker) restarts the copy, so it should not take long.
    await sqlite.backup(temp, { progress: () => 1000 });
    // The copy carries the WAL flag of its source: make it one self-contained file, so that
    // reading it (a check, a restore) leaves no -wal and -shm beside it.
    const copy = openPlain(temp, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(temp, target);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(temp + suffix, { force: true });
    throw error;
  } finally {
    writing.delete(target);
  }
  rotateBackups(folder, options.keep ?? KEEP);
  // As the list will show it: the time its name says.
  const at = (parseBackupName(name)?.at ?? now).toISOString();
  return { name, at, bytes: statSync(target).size, path: target };
}

/** Whether the newest backup is older than `maxAgeMs` (or there is none). */
export function isBackupDue(
  backups: readonly BackupEntry[],
  now: Date,
  maxAgeMs = DAY_MS,
): boolean {
  const newest = backups[0];
  if (!newest) return true;
  const age = now.getTime() - Date.parse(newest.at);
  // A backup "from the future" (the clock was set back) does not stop the daily one forever.
  return age >= maxAgeMs || age < -HOUR_MS;
}

/** What a daily backup needs of an open database: the context fits. */
export type BackupSource = { sqlite: Sqlite; file: string; now: () => Date };

/** Makes a backup if the newest is a day old; answers it, or null when none was due. */
export async function runDailyBackup(
  source: BackupSource,
  options: { folder?: string; keep?: number } = {},
): Promise<Backup | null> {
  const folder = options.folder ?? backupFolder(source.file);
  const now = source.now();
  if (!isBackupDue(listBackups(folder), now)) return null;
  return makeBackup(source.sqlite, source.file, { ...options, folder, now });
}

export type DailyBackups = {
  stop: () => void;
  /** Runs the check now (what the timers do); resolves with the backup made, if any. */
  check: () => Promise<Backup | null>;
};

/**
 * The daily backup while the app runs: a first check a minute after opening (not while the
 * first screens load; it never blocks), then every hour. The timers do not keep the process alive, stop when asked, and stop
 * by themselves once the database is closed (a host reopening it starts a new one).
 */
export function startDailyBackups(
  source: BackupSource,
  options: {
    firstDelayMs?: number;
    intervalMs?: number;
    folder?: string;
    keep?: number;
    onBackup?: (backup: Backup) => void;
    onError?: (error: unknown) => void;
  } = {},
): DailyBackups {
  let running: Promise<Backup | null> | null = null;
  let stopped = false;
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(
        `pacer: the daily backup failed: ${error instanceof Error ? error.message : String(error)}`,
      ));

  const stop = () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(hourly);
  };
  const check = (): Promise<Backup | null> => {
    if (stopped) return Promise.resolve(null);
    if (!source.sqlite.open) {
      stop();
      return Promise.resolve(null);
    }
    running ??= runDailyBackup(source, options)
      .then((made) => {
        if (made) options.onBackup?.(made);
        return made;
      })
      .catch((error: unknown) => {
        if (source.sqlite.open) onError(error);
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const first = setTimeout(() => void check(), options.firstDelayMs ?? 60_000);
  const hourly = setInterval(() => void check(), options.intervalMs ?? HOUR_MS);
  first.unref();
  hourly.unref();
  return { stop, check };
}
