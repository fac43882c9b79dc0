import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../../electron/core/clock';
import { openApp, type AppContext, type UserSeal } from '../../../../electron/core/context';
import { getLocal } from '../../../../electron/db/local-state';
import Database from 'better-sqlite3';
import { seededBytes, uuidv7Source } from '../../../../electron/core/ids';
import { findMigrationsFolder, latestSchemaVersion } from '../../../../electron/db/migrate';

const LATEST = latestSchemaVersion(findMigrationsFolder());

let dir: string;
let file: string;
const opened: AppContext[] = [];
let t = Date.parse('2026-11-23T09:00:00.000Z');

function open(): AppContext {
  const ctx = openApp(file, {
    now: () => new Date(t),
    newId: uuidv7Source(() => t, seededBytes(opened.length + 1)),
    deviceName: 'laptop-1',
    appVersion: '9.9.9',
  });
  opened.push(ctx);
  return ctx;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'pacer-ctx-'));
  file = path.join(dir, 'pacer.sqlite');
  t = Date.parse('2026-11-23T09:00:00.000Z');
});
afterEach(() => {
  for (const ctx of opened.splice(0)) ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('openApp', () => {
  it('creates the file with the pragmas the app relies on', () => {
    const ctx = open();
    expect(ctx.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ctx.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ctx.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(ctx.file).toBe(file);
    expect(ctx.appVersion).toBe('9.9.9');
    expect(ctx.migration).toEqual({ from: 0, to: LATEST, backup: null });
  });

  it('records this device once, and keeps its id across sessions', () => {
    const first = open();
    const deviceId = first.deviceId;
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(first.sqlite.prepare('SELECT * FROM devices').all()).toEqual([
      {
        id: deviceId,
        name: 'laptop-1',
        app_version: '9.9.9',
        created_at: '2026-11-23T09:00:00.000Z',
        last_seen_at: '2026-11-23T09:00:00.000Z',
      },
    ]);
    first.close();

    t += 86_400_000;
    const second = open();
    expect(second.deviceId).toBe(deviceId);
    expect(second.clock.deviceId).toBe(deviceId);
    expect(second.migration).toEqual({ from: LATEST, to: LATEST, backup: null });
    expect(second.sqlite.prepare('SELECT id, created_at, last_seen_at FROM devices').all()).toEqual(
      [
        {
          id: deviceId,
          created_at: '2026-11-23T09:00:00.000Z',
          last_seen_at: '2026-11-24T09:00:00.000Z',
        },
      ],
    );
  });

  it('remembers the current user and the clock between sessions', () => {
    const first = open();
    first.setCurrentUserId('user-1');
    first.commit([{ op: 'insert', table: 'settings', id: 'currency', values: { value: 'CNY' } }]);
    const state = first.clock.snapshot();
    first.close();

    // The wall clock went backwards (a laptop with a wrong clock): stamps still go forward.
    t -= 3_600_000;
    const second = open();
    expect(second.currentUserId()).toBe('user-1');
    expect(second.clock.snapshot()).toEqual(state);
    second.commit([{ op: 'update', table: 'settings', id: 'currency', values: { value: 'USD' } }]);
    const stamps = (
      second.sqlite.prepare('SELECT hlc FROM change_log ORDER BY seq').all() as { hlc: string }[]
    ).map((r) => r.hlc);
    expect(stamps).toHaveLength(3);
    expect([...stamps].sort()).toEqual(stamps);
    expect(parseHlc(stamps[2] ?? '').wall).toBe(state.wall);

    second.setCurrentUserId(null);
    second.close();
    expect(open().currentUserId()).toBeNull();
  });

  it('announces tables written outside commit, but not an empty list', () => {
    const ctx = open();
    const heard: string[][] = [];
    ctx.onTablesChanged((tables) => heard.push(tables));
    ctx.announce([]);
    ctx.announce(['customers', 'contacts']);
    expect(heard).toEqual([['customers', 'contacts']]);
  });

  it('closes the connection, and closing twice is harmless', () => {
    const ctx = open();
    ctx.close();
    expect(ctx.sqlite.open).toBe(false);
    expect(() => ctx.close()).not.toThrow();
  });

  it('fails to open when the migrations are missing, and the file opens fine later', () => {
    expect(() => openApp(file, { migrationsFolder: path.join(dir, 'no-such-folder') })).toThrow(
      /ENOENT/,
    );
    expect(open().migration).toEqual({ from: 0, to: LATEST, backup: null });
  });
});

describe('the remembered user, sealed by the host (decision 0022)', () => {
  // A stand-in for safeStorage, keyed per "OS account": another key cannot open the seal.
  const sealWith = (key: string): UserSeal => ({
    seal: (userId) => `${key}:${userId}`,
    open: (sealed) => (sealed.startsWith(`${key}:`) ? sealed.slice(key.length + 1) : null),
  });
  const openSealed = (key: string) => {
    const ctx = openApp(file, { now: () => new Date(t), userSeal: sealWith(key) });
    opened.push(ctx);
    return ctx;
  };
  function withUser(ctx: AppContext, passwordHash: string | null): string {
    const id = ctx.newId();
    ctx.setCurrentUserId(id);
    ctx.commit([
      {
        op: 'insert',
        table: 'users',
        id,
        values: { name: 'A', role: 'manager', teamId: null, active: true, passwordHash },
      },
    ]);
    return id;
  }

  it('keeps the user whose seal opens, and signs out a file edited to name another or opened elsewhere', () => {
    const first = openSealed('account-1');
    const me = withUser(first, 'scrypt$…');
    expect(getLocal(first.sqlite, 'current_user_seal')).toBe(`account-1:${me}`);
    first.close();
    expect(openSealed('account-1').currentUserId()).toBe(me);
    opened.pop()?.close();
    // Another OS account (or machine) cannot open the seal.
    expect(openSealed('account-2').currentUserId()).toBeNull();
    opened.pop()?.close();
    // The file edited to name someone else: the seal does not match.
    const raw = new Database(file);
    raw
      .prepare("UPDATE local_state SET value = 'someone-else' WHERE key = 'current_user_id'")
      .run();
    raw.close();
    expect(openSealed('account-1').currentUserId()).toBeNull();
  });

  it('keeps the user of a file from before passwords (no seal, nobody has a password), and seals it at the next sign-in', () => {
    const legacy = open();
    const me = withUser(legacy, null);
    legacy.close();
    const sealed = openSealed('account-1');
    expect(sealed.currentUserId()).toBe(me);
    sealed.setCurrentUserId(me);
    expect(getLocal(sealed.sqlite, 'current_user_seal')).toBe(`account-1:${me}`);
  });

  it('signs out a file with passwords but no seal (the seal was deleted)', () => {
    const plain = open();
    withUser(plain, 'scrypt$…');
    plain.close();
    expect(openSealed('account-1').currentUserId()).toBeNull();
  });
});
