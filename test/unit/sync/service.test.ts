import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../electron/core/clock';
import { openApp, type AppContext } from '../../../electron/core/context';
import type { SyncedTableName } from '../../../electron/core/tables';
import { push } from '../../../electron/sync/push';
import {
  attachSync,
  DEFAULT_INTERVAL_MS,
  detachSync,
  intervalFromEnv,
  statusOf,
  type SyncService,
  type SyncServiceOptions,
} from '../../../electron/sync/service';
import { createTeam, joinTeam, teamTransport } from '../../../electron/sync/team';
import type { Progress } from '../../../shared/contract/bridge';
import { field, newCustomer } from './fixture';

let root: string;
let folder: string;
const open: AppContext[] = [];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pacer-sync-service-'));
  folder = path.join(root, 'team');
});
afterEach(async () => {
  for (const ctx of open.splice(0).reverse()) {
    await detachSync(ctx);
    ctx.close();
  }
  rmSync(root, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await sleep(10);
  }
}

/** A founder on the real clock, with a user, that created the team folder. */
function founder(): AppContext {
  const ctx = openApp(path.join(root, 'a.sqlite'), { deviceName: 'laptop-a' });
  open.push(ctx);
  const teamId = ctx.newId();
  const userId = ctx.newId();
  ctx.setCurrentUserId(userId);
  ctx.commit([
    {
      op: 'insert',
      table: 'teams',
      id: teamId,
      values: { name: 'T', managerId: userId, parentId: null },
    },
    {
      op: 'insert',
      table: 'users',
      id: userId,
      values: { name: '王经理', role: 'manager', teamId, active: true, phone: null, email: null },
    },
  ]);
  createTeam(ctx, folder, '华东销售部');
  return ctx;
}

/** A second device joined from the folder, its clock `offsetMs` ahead of the real one. */
function member(label: string, offsetMs = 0): AppContext {
  const { ctx } = joinTeam(path.join(root, `${label}.sqlite`), folder, {
    appOptions: { deviceName: label, now: () => new Date(Date.now() + offsetMs) },
  });
  open.push(ctx);
  return ctx;
}

function service(ctx: AppContext, options: SyncServiceOptions = {}): SyncService {
  return attachSync(ctx, { intervalMs: 60_000, ...options });
}

function lastStamp(ctx: AppContext): string {
  return (
    ctx.sqlite
      .prepare('SELECT hlc FROM change_log WHERE device_id = ? ORDER BY seq DESC LIMIT 1')
      .get(ctx.deviceId) as { hlc: string }
  ).hlc;
}

describe('sync service', () => {
  it('runs rounds on a worker thread; the window clock receives what they applied', async () => {
    const a = founder();
    const b = member('b', 10 * 60_000); // a laptop 10 minutes fast
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(newCustomer(b, `客户 ${i}`));
      push(b, teamTransport(b) ?? (null as never)); // three batches
    }
    const fastStamp = lastStamp(b);
    expect(parseHlc(fastStamp).wall).toBeGreaterThan(Date.now() + 9 * 60_000);

    const announced: SyncedTableName[][] = [];
    a.onTablesChanged((tables) => announced.push(tables));
    const progress: Progress[] = [];
    a.onProgress((p) => progress.push(p));
    const s = service(a, { worker: {}, debounceMs: 100 });
    expect(s.inWorker).toBe(true);
    await s.idle();

    // Applied by the worker's connection, seen by the window's.
    for (const [i, id] of ids.entries())
      expect(field(a, 'customers', id, 'name')).toBe(`客户 ${i}`);
    expect(announced).toEqual([['customers']]);
    expect(progress.filter((p) => p.task === 'sync.progress').at(-1)).toEqual({
      task: 'sync.progress',
      done: 3,
      total: 3,
    });
    // The window's clock has received the fast stamp before any edit...
    expect(a.clock.snapshot().wall).toBeGreaterThanOrEqual(parseHlc(fastStamp).wall);
    // ...so the next edit made here is stamped after what the user just saw, and wins.
    const first = ids[0] ?? '';
    a.commit([{ op: 'update', table: 'customers', id: first, values: { phone: '123' } }]);
    expect(lastStamp(a) > fastStamp).toBe(true);
    // Announcing the pulled tables did not count as a local commit (no round loop).
    const rounds = s.roundsRun;
    await sleep(400); // debounce of the edit above: exactly one round more
    await s.idle();
    expect(s.roundsRun).toBe(rounds + 1);
    await sleep(300);
    expect(s.roundsRun).toBe(rounds + 1);
    expect(statusOf(a).state).toBe('synced');

    // The edit reaches B, and on B it wins over B's own fast stamps.
    const sb = service(b, { worker: {} });
    await sb.idle();
    expect(field(b, 'customers', first, 'phone')).toBe('123');
  });

  it('debounces local commits into one round, and says pending meanwhile', async () => {
    const a = founder();
    const s = service(a, { debounceMs: 250 });
    expect(s.inWorker).toBe(false);
    await s.idle();
    const rounds = s.roundsRun;
    for (let i = 0; i < 3; i++) {
      newCustomer(a, `c${i}`);
      await sleep(20);
    }
    expect(statusOf(a)).toMatchObject({ state: 'pending' });
    expect(statusOf(a).pendingChanges).toBeGreaterThan(0);
    expect(s.roundsRun).toBe(rounds);
    await sleep(500);
    await s.idle();
    expect(s.roundsRun).toBe(rounds + 1);
    expect(statusOf(a)).toMatchObject({ state: 'synced', pendingChanges: 0 });
  });

  it('never runs two rounds at once: requests during a round make one more round', async () => {
    const a = founder();
    const s = service(a, { worker: {} });
    await s.idle();
    const rounds = s.roundsRun;
    const seen: string[] = [];
    const timer = setInterval(() => seen.push(statusOf(a).state), 1);
    await Promise.all([s.now(), s.now(), s.now(), s.now()]);
    clearInterval(timer);
    expect(s.roundsRun).toBe(rounds + 2);
    expect(seen).toContain('syncing');
    expect(statusOf(a).state).toBe('synced');
  });

  it('takes its interval from PACER_SYNC_INTERVAL_MS and runs on that timer', async () => {
    expect(intervalFromEnv({})).toBe(DEFAULT_INTERVAL_MS);
    expect(intervalFromEnv({ PACER_SYNC_INTERVAL_MS: '250' })).toBe(250);
    expect(intervalFromEnv({ PACER_SYNC_INTERVAL_MS: 'soon' })).toBe(DEFAULT_INTERVAL_MS);
    const a = founder();
    const saved = process.env.PACER_SYNC_INTERVAL_MS;
    process.env.PACER_SYNC_INTERVAL_MS = '100';
    let s: SyncService;
    try {
      s = attachSync(a);
    } finally {
      if (saved === undefined) delete process.env.PACER_SYNC_INTERVAL_MS;
      else process.env.PACER_SYNC_INTERVAL_MS = saved;
    }
    expect(s.intervalMs).toBe(100);
    expect(statusOf(a).intervalMs).toBe(100);
    await sleep(650);
    expect(s.roundsRun).toBeGreaterThanOrEqual(3);
  });

  it('goes offline when the folder is unplugged, keeps local work, and resumes (worker)', async () => {
    const a = founder();
    const s = service(a, { worker: {} });
    await s.idle();
    renameSync(folder, `${folder}-away`);
    await s.now();
    expect(statusOf(a)).toMatchObject({ state: 'offline' });
    const id = newCustomer(a, '路上的客户');
    expect(field(a, 'customers', id, 'name')).toBe('路上的客户');
    await s.now();
    expect(statusOf(a).state).toBe('offline');
    expect(statusOf(a).pendingChanges).toBeGreaterThan(0);
    renameSync(`${folder}-away`, folder);
    await s.now();
    expect(statusOf(a)).toMatchObject({ state: 'synced', pendingChanges: 0, problems: [] });
  });

  it('says read_only when the folder cannot be written, and waiting when a batch stays missing', async () => {
    const a = founder();
    const b = member('b');
    const s = service(a, { worker: {}, patienceMs: 0 });
    await s.idle();
    // Read-only: pulls go on, pushes wait.
    const dirs: string[] = [];
    const walk = (dir: string) => {
      dirs.push(dir);
      for (const entry of readdirSync(dir, { withFileTypes: true }))
        if (entry.isDirectory()) walk(path.join(dir, entry.name));
    };
    walk(folder);
    const root = process.getuid?.() === 0;
    const lock = (on: boolean) => {
      if (root) execFileSync('chattr', [on ? '+i' : '-i', ...dirs]);
      else for (const d of dirs) chmodSync(d, on ? 0o555 : 0o755);
    };
    newCustomer(a, '只读时的客户');
    lock(true);
    try {
      await s.now();
      const readOnly = statusOf(a);
      expect(readOnly.state).toBe('read_only');
      expect(readOnly.problems[0]).toMatchObject({ code: 'read_only' });
      expect(readOnly.pendingChanges).toBeGreaterThan(0);
    } finally {
      lock(false);
    }
    await s.now();
    expect(statusOf(a).state).toBe('synced');

    // B says (in its registry entry) it wrote batch 2, but batch 2 is not there (yet).
    newCustomer(b, 'b1');
    push(b, teamTransport(b) ?? (null as never));
    newCustomer(b, 'b2');
    push(b, teamTransport(b) ?? (null as never));
    rmSync(path.join(folder, 'changes', b.deviceId, '0000000002.jsonl'));
    await s.now();
    const waiting = statusOf(a);
    expect(waiting.state).toBe('waiting');
    expect(waiting.problems).toEqual([
      expect.objectContaining({ code: 'waiting', deviceId: b.deviceId }),
    ]);
    expect(waiting.devices.find((d) => d.deviceId === b.deviceId)).toMatchObject({
      appliedSeq: 1,
      lastSeq: 2,
      problem: 'missing',
    });
  });

  it('a drive that hangs blocks only the worker: the window works on and says offline', async () => {
    const a = founder();
    const s = service(a, { worker: {}, hangingMs: 300 });
    await s.idle();
    // The team descriptor becomes a FIFO: reading it blocks until someone writes (a hung share).
    const descriptor = path.join(folder, 'pacer-team.json');
    const text = readFileSync(descriptor);
    renameSync(descriptor, `${descriptor}.real`);
    execFileSync('mkfifo', [descriptor]);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const fd = openSync(descriptor, 'w'); // the worker is blocked opening it for reading
      writeSync(fd, text);
      closeSync(fd);
      renameSync(`${descriptor}.real`, descriptor);
    };
    try {
      const round = s.now({ waitMs: 200 });
      await round; // gives up waiting, the round goes on
      expect(statusOf(a).state).toBe('syncing');
      // The window's thread is free: timers run, local commits land.
      const started = Date.now();
      await sleep(50);
      expect(Date.now() - started).toBeLessThan(1_000);
      const id = newCustomer(a, '断网时的客户');
      expect(field(a, 'customers', id, 'name')).toBe('断网时的客户');
      await sleep(400);
      const hanging = statusOf(a);
      expect(hanging.state).toBe('offline');
      expect(hanging.problems[0]).toMatchObject({ code: 'offline' });
      release();
      await s.idle();
      expect(statusOf(a)).toMatchObject({ state: 'synced', pendingChanges: 0 });
    } finally {
      release();
    }
  });

  it('creates and joins a team on worker threads; stopping closes the worker', async () => {
    const a = openApp(path.join(root, 'solo.sqlite'), { deviceName: 'solo' });
    open.push(a);
    const s = service(a, { worker: {} });
    expect(s.running).toBe(false); // no team yet
    newCustomer(a, '老客户');
    await s.createTeam(folder, '新团队');
    expect(s.running).toBe(true);
    expect(statusOf(a)).toMatchObject({ state: 'synced', team: { name: '新团队' } });
    expect(statusOf(a).devices).toHaveLength(1);

    const file = path.join(root, 'joined.sqlite');
    const progress: string[] = [];
    const joined = await s.join(file, folder, (stage, done, total) =>
      progress.push(`${stage} ${done}/${total}`),
    );
    expect(joined).toEqual({ teamName: '新团队' });
    expect(progress).toContain('snapshot 1/1');
    const b = openApp(file);
    open.push(b);
    expect(
      b.sqlite.prepare("SELECT count(*) AS n FROM customers WHERE name = '老客户'").get(),
    ).toEqual({
      n: 1,
    });
    await detachSync(a);
    expect(s.running).toBe(false);
  });

  it('a change on one device is visible on another within the interval + 2 s (plain folder, defaults)', async () => {
    const a = founder();
    const b = member('b');
    const sa = attachSync(a, { worker: {} });
    const sb = attachSync(b, { worker: {} });
    expect(sa.intervalMs).toBe(intervalFromEnv());
    await Promise.all([sa.idle(), sb.idle()]);
    const started = Date.now();
    const id = newCustomer(a, '计时客户');
    await until(() => field(b, 'customers', id, 'name') === '计时客户', 20_000);
    const ms = Date.now() - started;
    console.log(
      `sync service: visible on the other device after ${ms} ms (interval ${sb.intervalMs} ms, debounce ${sa.debounceMs} ms)`,
    );
    expect(ms).toBeLessThanOrEqual(sb.intervalMs + 2_000 + 500);
    expect(existsSync(path.join(folder, 'changes', a.deviceId))).toBe(true);
  }, 30_000);

  it('passes its snapshot policy to the worker’s rounds: N changes write one, `false` none', async () => {
    const a = founder();
    const snapshots = () =>
      readdirSync(path.join(folder, 'snapshots')).filter((n) => n.endsWith('.sqlite'));
    expect(snapshots()).toHaveLength(1);
    for (let i = 0; i < 3; i++) newCustomer(a, `客户 ${i}`);
    const off = service(a, { worker: {}, snapshots: false });
    await off.now();
    expect(snapshots()).toHaveLength(1);
    // The same file opened again (a service stays attached to its context until it closes).
    a.close();
    open.splice(open.indexOf(a), 1);
    const again = openApp(path.join(root, 'a.sqlite'), { deviceName: 'laptop-a' });
    open.push(again);
    for (let i = 0; i < 3; i++) newCustomer(again, `客户 ${i + 3}`);
    const s = service(again, { worker: {}, snapshots: { afterChanges: 10 } });
    await s.now();
    expect(s.roundsRun).toBeGreaterThan(0);
    expect(snapshots()).toHaveLength(2);
  });
});
