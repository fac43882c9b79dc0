import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  backupFolder,
  DAY_MS,
  HOUR_MS,
  isBackupDue,
  KEEP,
  listBackups,
  makeBackup,
  newBackupName,
  parseBackupName,
  rotateBackups,
  runDailyBackup,
  startDailyBackups,
} from '../../../electron/backup/backups';
import { openApp } from '../../../electron/core/context';
import { applyPendingReplace, pendingReplace } from '../../../electron/db/replace';
import { call, callError, count, startTeam, tempApp } from '../helpers';

type App = ReturnType<typeof tempApp>;
const apps: App[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const app of apps.splice(0)) app.cleanup();
});
function app(): App {
  const made = tempApp();
  apps.push(made);
  return made;
}

function rows(file: string, table: string): unknown[] {
  const sqlite = new Database(file, { readonly: true });
  try {
    return sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();
  } finally {
    sqlite.close();
  }
}

describe('backup names', () => {
  it('are made from the time, to the minute, and parse back', () => {
    const at = new Date('2026-11-23T08:00:12.345Z');
    expect(newBackupName('/nonexistent', at)).toBe('pacer-2026-11-23T0800.sqlite');
    expect(parseBackupName('pacer-2026-11-23T0800.sqlite')?.at.toISOString()).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    expect(parseBackupName('pacer-2026-11-23T080012-2.sqlite')?.at.toISOString()).toBe(
      '2026-11-23T08:00:12.000Z',
    );
    for (const stray of [
      'pacer-2026-11-23T0800.sqlite.tmp',
      'notes.txt',
      '../pacer.sqlite',
      'pacer-2026-13-45T9999.sqlite',
    ])
      expect(parseBackupName(stray)).toBeNull();
  });
});

describe('makeBackup', () => {
  it('makes a readable copy with the same rows, beside the database, under a time name', async () => {
    const ctx = app();
    await startTeam(ctx, ['李雷']);
    await call(ctx, 'customers.create', { name: '华为', ownerId: null, status: 'customer' });
    const made = await makeBackup(ctx.sqlite, ctx.file, { now: ctx.now() });
    expect(made.name).toBe('pacer-2026-11-23T0900.sqlite');
    expect(made.path).toBe(path.join(ctx.dir, 'backups', made.name));
    expect(made.bytes).toBeGreaterThan(0);
    for (const table of ['customers', 'users', 'teams', 'change_log'])
      expect(rows(made.path, table)).toEqual(rows(ctx.file, table));
    const copy = new Database(made.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
    // Nothing temporary left behind.
    expect(readdirSync(backupFolder(ctx.file))).toEqual([made.name]);
  });

  it('gives two backups in the same minute different names, newest listed first', async () => {
    const ctx = app();
    const first = await makeBackup(ctx.sqlite, ctx.file, { now: ctx.now() });
    ctx.tick(5_000);
    const second = await makeBackup(ctx.sqlite, ctx.file, { now: ctx.now() });
    ctx.tick(1_000);
    const third = await makeBackup(ctx.sqlite, ctx.file, {
      now: new Date(ctx.now().getTime() - 1_000),
    });
    expect(new Set([first.name, second.name, third.name]).size).toBe(3);
    expect(listBackups(backupFolder(ctx.file)).map((b) => b.name)).toEqual([
      third.name,
      second.name,
      first.name,
    ]);
  });

  it('gives overlapping backups (the daily one and "back up now") different names', async () => {
    const ctx = app();
    const both = await Promise.all([
      makeBackup(ctx.sqlite, ctx.file, { now: ctx.now() }),
      makeBackup(ctx.sqlite, ctx.file, { now: ctx.now() }),
    ]);
    expect(both[0].name).not.toBe(both[1].name);
    expect(listBackups(backupFolder(ctx.file))).toHaveLength(2);
  });

  it('keeps the newest 14', async () => {
    const ctx = app();
    const made: string[] = [];
    for (let i = 0; i < KEEP + 3; i++) {
      made.push((await makeBackup(ctx.sqlite, ctx.file, { now: ctx.now() })).name);
      ctx.tick(DAY_MS);
    }
    const kept = listBackups(backupFolder(ctx.file)).map((b) => b.name);
    expect(kept).toHaveLength(KEEP);
    expect(kept).toEqual(made.slice(3).reverse());
    // Strays in the folder are neither listed nor deleted.
    writeFileSync(path.join(backupFolder(ctx.file), 'notes.txt'), 'mine');
    expect(rotateBackups(backupFolder(ctx.file), 2)).toHaveLength(KEEP - 2);
    expect(existsSync(path.join(backupFolder(ctx.file), 'notes.txt'))).toBe(true);
  });

  it('leaves no half-written backup when the copy fails', async () => {
    const ctx = app();
    const folder = path.join(ctx.dir, 'elsewhere');
    mkdirSync(folder);
    const failing = {
      backup: () => Promise.reject(new Error('disk on fire')),
    } as unknown as typeof ctx.sqlite;
    await expect(makeBackup(failing, ctx.file, { folder, now: ctx.now() })).rejects.toThrow(
      'disk on fire',
    );
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('the daily backup', () => {
  it('is due when there is none, or the newest is 24 h old', () => {
    const now = new Date('2026-11-23T09:00:00Z');
    const entry = (at: string) => ({ name: 'x', at, bytes: 1 });
    expect(isBackupDue([], now)).toBe(true);
    expect(isBackupDue([entry('2026-11-22T09:00:00.000Z')], now)).toBe(true);
    expect(isBackupDue([entry('2026-11-22T09:01:00.000Z')], now)).toBe(false);
    expect(isBackupDue([entry('2026-11-23T08:59:00.000Z')], now)).toBe(false);
    // The clock was set back: a "future" backup does not block backups forever.
    expect(isBackupDue([entry('2026-11-25T09:00:00.000Z')], now)).toBe(true);
  });

  it('backs up when the newest is older than a day, and not when fresh (injected clock)', async () => {
    const ctx = app();
    const first = await runDailyBackup(ctx);
    expect(first?.name).toBe('pacer-2026-11-23T0900.sqlite');
    ctx.tick(23 * HOUR_MS);
    expect(await runDailyBackup(ctx)).toBeNull();
    ctx.tick(HOUR_MS);
    expect((await runDailyBackup(ctx))?.name).toBe('pacer-2026-11-24T0900.sqlite');
    expect(listBackups(backupFolder(ctx.file))).toHaveLength(2);
  });

  it('runs after opening and then hourly, and stops with the database', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const ctx = app();
    const made: string[] = [];
    const daily = startDailyBackups(ctx, {
      firstDelayMs: 1_000,
      onBackup: (b) => made.push(b.name),
    });
    expect(made).toEqual([]); // opening is not blocked
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(made).toHaveLength(1));
    ctx.tick(12 * HOUR_MS);
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    expect(made).toHaveLength(1); // fresh: nothing
    ctx.tick(12 * HOUR_MS);
    await vi.advanceTimersByTimeAsync(HOUR_MS);
    await vi.waitFor(() => expect(made).toHaveLength(2));
    daily.stop();
    ctx.tick(2 * DAY_MS);
    await vi.advanceTimersByTimeAsync(2 * HOUR_MS);
    expect(made).toHaveLength(2);

    // A closed database stops its timers by itself.
    const other = app();
    const again: string[] = [];
    startDailyBackups(other, { firstDelayMs: 1_000, onBackup: (b) => again.push(b.name) });
    other.close();
    await vi.advanceTimersByTimeAsync(3 * HOUR_MS);
    expect(again).toEqual([]);
  });
});

describe('backup handlers', () => {
  it('list, back up now, and restore: the old data comes back and the replaced file is kept', async () => {
    const ctx = app();
    await startTeam(ctx);
    await call(ctx, 'customers.create', { name: '华为', ownerId: null, status: 'customer' });
    expect(await call(ctx, 'backup.list', {})).toEqual({
      folder: path.join(ctx.dir, 'backups'),
      backups: [],
      keep: 14,
    });
    const made = await call(ctx, 'backup.now', {});
    expect(made).toEqual({
      name: 'pacer-2026-11-23T0900.sqlite',
      at: '2026-11-23T09:00:00.000Z',
      bytes: expect.any(Number) as number,
    });
    expect((await call(ctx, 'backup.list', {})).backups).toEqual([made]);
    // A second one the same minute: named (and timed) to the second, listed first.
    ctx.tick(12_000);
    const again = await call(ctx, 'backup.now', {});
    expect(again).toMatchObject({
      name: 'pacer-2026-11-23T090012.sqlite',
      at: '2026-11-23T09:00:12.000Z',
    });
    expect((await call(ctx, 'backup.list', {})).backups).toEqual([again, made]);

    ctx.tick(60_000);
    await call(ctx, 'customers.create', { name: '小米', ownerId: null, status: 'prospect' });
    expect(count(ctx, 'customers')).toBe(2);

    expect(await call(ctx, 'backup.restore', { name: made.name })).toEqual({
      restartRequired: true,
    });
    expect(pendingReplace(ctx.file)).toMatchObject({ reason: 'restore' });
    // What the host does at a restart: close, apply, reopen.
    ctx.close();
    const outcome = applyPendingReplace(ctx.file, new Date('2026-11-23T09:02:00Z'));
    expect(outcome.applied).toBe(true);
    expect(outcome.previous).toMatch(
      /pacer\.sqlite\.before-restore-2026-11-23T09-02-00-000Z\.bak$/,
    );
    const reopened = openApp(ctx.file);
    try {
      const names = reopened.sqlite.prepare('SELECT name FROM customers').all();
      expect(names).toEqual([{ name: '华为' }]);
    } finally {
      reopened.close();
    }
    // The replaced file still holds what was entered after the backup.
    expect(
      rows(outcome.previous!, 'customers')
        .map((r) => (r as { name: string }).name)
        .sort(),
    ).toEqual(['华为', '小米'].sort());
    // The backup itself stays.
    expect(existsSync(path.join(ctx.dir, 'backups', made.name))).toBe(true);
  });

  it('refuses a name that is not one of the listed backups', async () => {
    const ctx = app();
    await call(ctx, 'backup.now', {});
    writeFileSync(path.join(ctx.dir, 'other.sqlite'), 'x');
    for (const name of ['../pacer.sqlite', '..\\pacer.sqlite', '/etc/passwd', 'a/b.sqlite']) {
      const error = await callError(ctx, 'backup.restore', { name });
      expect(error.code).toBe('invalid_input');
    }
    // Well-formed names that are not listed backups: the database itself, a file elsewhere.
    for (const name of ['pacer.sqlite', 'other.sqlite', 'pacer-2026-11-22T0900.sqlite']) {
      const error = await callError(ctx, 'backup.restore', { name });
      expect(error.code).toBe('not_found');
    }
    expect(pendingReplace(ctx.file)).toBeNull();
  });

  it('refuses to restore a damaged backup', async () => {
    const ctx = app();
    const made = await call(ctx, 'backup.now', {});
    writeFileSync(path.join(ctx.dir, 'backups', made.name), 'not a database at all'.repeat(300));
    const error = await callError(ctx, 'backup.restore', { name: made.name });
    expect(error).toMatchObject({ code: 'conflict', key: 'backup.backupDamaged' });
    expect(pendingReplace(ctx.file)).toBeNull();
  });
});
