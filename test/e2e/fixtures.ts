import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect } from '@playwright/test';
import Database from 'better-sqlite3';
import { templatesVariable } from './templates';

const root = path.resolve(import.meta.dirname, '..', '..');
// The browser host's bundle (dist-electron/web.mjs), built before the run by the global setup.
const webHost = path.join(root, 'dist-electron', 'web.mjs');

export type Host = {
  /** The URL the host printed: its token rides in the fragment (`/#token=…`); append `#/route`. */
  url: string;
  /** The API token, for a test that calls the host itself (the `x-pacer-token` header). */
  token: string;
  db: string;
  /** The folder the host saves exports into (it has no save dialog). */
  downloads: string;
  /** Reads the database the app writes (WAL lets us read while it runs). */
  rows: <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => T[];
  one: <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => T;
};

export type Setup = { demo?: boolean; language?: 'zh-CN' | 'en'; as?: 'manager' | 'rep' | 'admin' };

/** Prepares a database before the host opens it: the small demo, the language, who is using it. */
function prepare(file: string, setup: Setup): void {
  const templates = process.env[templatesVariable];
  if (!templates)
    throw new Error(`${templatesVariable} is not set: run through playwright.config.ts`);
  copyFileSync(path.join(templates, setup.demo ? 'demo.sqlite' : 'empty.sqlite'), file);
  const db = new Database(file);
  const set = db.prepare(
    'INSERT INTO local_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  // Every copy is its own device, as a freshly generated database would be.
  const device = randomUUID();
  db.prepare(
    "UPDATE devices SET id = ? WHERE id = (SELECT value FROM local_state WHERE key = 'device_id')",
  ).run(device);
  set.run('device_id', device);
  if (setup.language) set.run('language', setup.language);
  if (setup.as) {
    const user = db
      .prepare('SELECT id FROM users WHERE role = ? ORDER BY name LIMIT 1')
      .get(setup.as) as { id: string } | undefined;
    if (!user) throw new Error(`no ${setup.as} in the demo`);
    set.run('current_user_id', user.id);
  }
  db.close();
}

async function startHost(
  file: string,
  downloads: string,
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    [webHost, '--db', file, '--port', '0', '--downloads', downloads],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${stderr}`)), 20_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`web host exited ${code}: ${stderr}`)));
  });
  return { url, child };
}

/** The token of a URL the host printed (`http://127.0.0.1:N/#token=…`). */
export const tokenOf = (url: string): string => /#token=([^#&]*)/.exec(url)?.[1] ?? '';

export { api } from './api';

/**
 * Starts one more host on its own database (a second device): the caller closes it. Each query
 * opens the file anew, so it reads the database the host has now (a join replaces the file).
 */
export async function openHost(
  setup: Setup,
  env: Record<string, string> = {},
): Promise<Host & { dir: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pacer-e2e-'));
  const db = path.join(dir, 'pacer.sqlite');
  prepare(db, setup);
  const downloads = path.join(dir, 'downloads');
  mkdirSync(downloads);
  const { url, child } = await startHost(db, downloads, env);
  const read = <T>(run: (reader: Database.Database) => T): T => {
    const reader = new Database(db, { readonly: true });
    try {
      return run(reader);
    } finally {
      reader.close();
    }
  };
  return {
    url,
    token: tokenOf(url),
    db,
    dir,
    downloads,
    rows: (sql, ...params) => read((r) => r.prepare(sql).all(...params) as never),
    one: (sql, ...params) => read((r) => r.prepare(sql).get(...params) as never),
    close: async () => {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<{ setup: Setup; hostEnv: Record<string, string>; host: Host }>({
  setup: [{}, { option: true }],
  /** Extra environment for the host process (e.g. `PACER_SYNC_INTERVAL_MS`). */
  hostEnv: [{}, { option: true }],
  host: async ({ setup, hostEnv }, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pacer-e2e-'));
    const db = path.join(dir, 'pacer.sqlite');
    prepare(db, setup);
    const downloads = path.join(dir, 'downloads');
    mkdirSync(downloads);
    const { url, child } = await startHost(db, downloads, hostEnv);
    const reader = new Database(db, { readonly: true });
    await use({
      url,
      token: tokenOf(url),
      db,
      downloads,
      rows: (sql, ...params) => reader.prepare(sql).all(...params) as never,
      one: (sql, ...params) => reader.prepare(sql).get(...params) as never,
    });
    reader.close();
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
