import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../../../electron/core/context';
import { getLocal } from '../../../electron/db/local-state';
import { linkClockToDatabase } from '../../../electron/sync/clock-link';
import { syncServiceOf } from '../../../electron/sync/service';
import { createTeam } from '../../../electron/sync/team';
import { startWebHost, type WebHost } from '../../../electron/web';
import { field, newCustomer } from './fixture';

let root: string;
let folder: string;
const closers: (() => Promise<void> | void)[] = [];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pacer-sync-hosts-'));
  folder = path.join(root, 'team');
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
  rmSync(root, { recursive: true, force: true });
});

function lastStamp(ctx: AppContext): string {
  return (
    ctx.sqlite
      .prepare('SELECT hlc FROM change_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1')
      .get(ctx.deviceId) as { hlc: string }
  ).hlc;
}

async function api<T>(host: WebHost, method: string, input: unknown = {}): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${host.port}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pacer-token': host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

describe('two connections of one device (window and sync worker)', () => {
  it('a linked clock stamps after whatever the other connection committed', () => {
    const file = path.join(root, 'one.sqlite');
    const window = openApp(file);
    closers.push(() => window.close());
    // The "worker": the same file and device, with a clock 10 minutes ahead.
    const worker = openApp(file, { now: () => new Date(Date.now() + 10 * 60_000) });
    closers.push(() => worker.close());
    expect(worker.deviceId).toBe(window.deviceId);
    newCustomer(worker, 'from the worker');
    const ahead = lastStamp(worker);

    // Unlinked, the window's clock knows nothing of it and stamps before it (and saves its
    // older state over the worker's).
    const id = newCustomer(window, 'unlinked');
    expect(lastStamp(window) < ahead).toBe(true);
    newCustomer(worker, 'again from the worker');
    const ahead2 = lastStamp(worker);

    // Linked, the next stamp is taken after the saved clock (inside the write transaction).
    linkClockToDatabase(window);
    window.commit([{ op: 'update', table: 'customers', id, values: { phone: '1' } }]);
    const after = lastStamp(window);
    expect(after > ahead2).toBe(true);
    // A commit that changes nothing saves the clock too: never an older state than saved.
    const saved = () => JSON.parse(getLocal(window.sqlite, 'hlc') ?? '{}') as { wall: number };
    newCustomer(worker, 'third');
    const before = saved().wall;
    window.commit([{ op: 'update', table: 'customers', id, values: { phone: '1' } }]);
    expect(saved().wall).toBeGreaterThanOrEqual(before);
  });
});

describe('the browser host runs the sync service', () => {
  it('starts it for a team database, joins another one, and restarts into the joined file', async () => {
    // Device A: a team database served by one host.
    const fileA = path.join(root, 'a', 'pacer.sqlite');
    mkdirSync(path.dirname(fileA));
    const seed = openApp(fileA, { deviceName: 'laptop-a' });
    createTeam(seed, folder, '华东销售部');
    seed.close();
    const hostA = await startWebHost({ db: fileA, rendererDir: root, downloadsDir: root });
    closers.push(() => hostA.close());
    const serviceA = syncServiceOf(hostA.ctx);
    expect(serviceA?.running).toBe(true);
    expect(serviceA?.inWorker).toBe(true);
    const customer = newCustomer(hostA.ctx, '上海启明');
    const statusA = await api<{ state: string; pendingChanges: number }>(hostA, 'sync.now');
    expect(statusA).toMatchObject({ state: 'synced', pendingChanges: 0 });

    // Device B: no team yet; it joins through the API, then restarts in place.
    const fileB = path.join(root, 'b', 'pacer.sqlite');
    mkdirSync(path.dirname(fileB));
    const hostB = await startWebHost({ db: fileB, rendererDir: root, downloadsDir: root });
    closers.push(() => hostB.close());
    expect(syncServiceOf(hostB.ctx)?.running).toBe(false);
    expect((await api<{ state: string }>(hostB, 'sync.status')).state).toBe('off');
    const joined = await api<{ teamName: string }>(hostB, 'sync.joinTeam', { folder });
    expect(joined).toEqual({ teamName: '华东销售部', restartRequired: true });
    const before = hostB.ctx;
    await api(hostB, 'app.restart');
    expect(hostB.ctx).not.toBe(before);
    expect(getLocal(hostB.ctx.sqlite, 'team_name')).toBe('华东销售部');
    expect(field(hostB.ctx, 'customers', customer, 'name')).toBe('上海启明');
    expect(syncServiceOf(hostB.ctx)?.running).toBe(true);

    // And on: an edit on A reaches B at B's next round.
    hostA.ctx.commit([
      { op: 'update', table: 'customers', id: customer, values: { phone: '021-1' } },
    ]);
    await api(hostA, 'sync.now');
    const statusB = await api<{ state: string; devices: unknown[] }>(hostB, 'sync.now');
    expect(statusB.state).toBe('synced');
    expect(statusB.devices).toHaveLength(2);
    expect(field(hostB.ctx, 'customers', customer, 'phone')).toBe('021-1');
  });

  it('the worker stamps with the host clock, not the machine clock, in rounds and joins', async () => {
    // A clock far from the machine's: every stamp either host's worker makes must carry it.
    const at = Date.parse('2031-05-04T03:02:01.000Z');
    const now = () => new Date(at);
    const fileA = path.join(root, 'a', 'pacer.sqlite');
    mkdirSync(path.dirname(fileA));
    const seed = openApp(fileA, { now, deviceName: 'laptop-a' });
    createTeam(seed, folder, '华东销售部');
    seed.close();
    const hostA = await startWebHost({ db: fileA, rendererDir: root, downloadsDir: root, now });
    closers.push(() => hostA.close());
    expect(syncServiceOf(hostA.ctx)?.inWorker).toBe(true);
    newCustomer(hostA.ctx, '上海启明');
    await api(hostA, 'sync.now');

    const fileB = path.join(root, 'b', 'pacer.sqlite');
    mkdirSync(path.dirname(fileB));
    const hostB = await startWebHost({ db: fileB, rendererDir: root, downloadsDir: root, now });
    closers.push(() => hostB.close());
    await api(hostB, 'sync.joinTeam', { folder });
    await api(hostB, 'app.restart');
    await api(hostB, 'sync.now');

    // Wall times of the saved clock and of every stamp: within a few seconds of the host's
    // clock (the worker adds the time elapsed since the host's last reading), never today's.
    for (const ctx of [hostA.ctx, hostB.ctx]) {
      const saved = JSON.parse(getLocal(ctx.sqlite, 'hlc') ?? '{}') as { wall: number };
      const stamps = ctx.sqlite
        .prepare(
          `SELECT hlc FROM change_log UNION ALL SELECT at_hlc FROM sync_applied
           UNION ALL SELECT at_hlc FROM sync_seen`,
        )
        .pluck()
        .all() as string[];
      expect(stamps.length).toBeGreaterThan(0);
      for (const wall of [saved.wall, ...stamps.map((s) => Number(s.slice(0, 15)))]) {
        expect(wall).toBeGreaterThanOrEqual(at);
        expect(wall).toBeLessThan(at + 60_000);
      }
    }
  });
});
