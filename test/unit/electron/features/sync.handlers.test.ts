import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../../../../electron/core/context';
import { seededBytes, uuidv7Source } from '../../../../electron/core/ids';
import { applyPendingReplace, pendingReplace } from '../../../../electron/db/replace';
import type { Progress } from '../../../../shared/contract/bridge';
import { call, callError, startTeam, tempApp } from '../../helpers';
import { field, newCustomer } from '../../sync/fixture';

type Temp = ReturnType<typeof tempApp>;

let root: string;
let folder: string;
const cleanups: (() => void)[] = [];

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'pacer-sync-handlers-'));
  folder = path.join(root, 'team');
});
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
  rmSync(root, { recursive: true, force: true });
});

function device(name: string, seed: number, start?: string): Temp {
  const app = tempApp({ seed, ...(start ? { start } : {}) });
  app.sqlite.prepare('UPDATE devices SET name = ? WHERE id = ?').run(name, app.deviceId);
  cleanups.push(() => app.cleanup());
  return app;
}

/** A founder with a team of people ("王经理" and a rep "王芳") and a team folder. */
async function founder() {
  const a = device('laptop-a', 1);
  const people = await startTeam(a, ['王芳']);
  const status = await call(a, 'sync.createTeam', { folder, name: '华东销售部' });
  return { a, people, status };
}

/** Joins on a fresh app, restarts the way a host does, and opens the joined file. */
async function joined(seed: number, userId: string): Promise<AppContext> {
  const b = device('laptop-b', seed);
  const progress: Progress[] = [];
  b.onProgress((p) => progress.push(p));
  const answer = await call(b, 'sync.joinTeam', { folder });
  expect(answer).toEqual({ teamName: '华东销售部', restartRequired: true });
  const pending = pendingReplace(b.file);
  expect(pending?.reason).toBe('join');
  expect(pending?.source.startsWith(`${b.file}.joining-`)).toBe(true);
  expect(progress.some((p) => p.task === 'sync.join.snapshot')).toBe(true);
  // The host's restart: close, apply the replacement, open again.
  b.close();
  const outcome = applyPendingReplace(b.file);
  expect(outcome.applied).toBe(true);
  expect(existsSync(outcome.previous ?? '')).toBe(true);
  let t = Date.parse('2026-11-23T09:00:00.000Z');
  const reopened = openApp(b.file, {
    now: () => new Date(t),
    newId: uuidv7Source(() => t, seededBytes(seed + 100)),
  });
  Object.assign(reopened, { tick: (ms: number) => (t += ms) });
  cleanups.push(() => reopened.close());
  reopened.setCurrentUserId(userId);
  return reopened;
}

const tick = (ctx: AppContext, ms: number) => (ctx as unknown as Temp).tick(ms);

describe('sync handlers', () => {
  it('is off without a team, and creates a team folder from this database', async () => {
    const a = device('laptop-a', 1);
    await startTeam(a);
    const off = await call(a, 'sync.status', {});
    expect(off).toMatchObject({ state: 'off', team: null, devices: [], pendingChanges: 0 });
    expect(await call(a, 'sync.chooseFolder', {})).toEqual({ path: null, supported: false });

    const status = await call(a, 'sync.createTeam', { folder, name: '华东销售部' });
    expect(status.team).toMatchObject({ name: '华东销售部', folder });
    expect(status.state).toBe('synced');
    expect(status.lastRoundAt).not.toBeNull();
    expect(status.lastSuccessAt).not.toBeNull();
    expect(status.devices).toEqual([
      expect.objectContaining({ deviceId: a.deviceId, name: 'laptop-a', thisDevice: true }),
    ]);
    expect(existsSync(path.join(folder, 'pacer-team.json'))).toBe(true);
    expect(readdirSync(path.join(folder, 'snapshots'))).toHaveLength(1);

    // A local commit is pending until a round pushes it.
    newCustomer(a, '上海启明');
    expect((await call(a, 'sync.status', {})).state).toBe('pending');
    const after = await call(a, 'sync.now', {});
    expect(after).toMatchObject({ state: 'synced', pendingChanges: 0 });

    // Creating again, or joining, is refused: this database already has a team.
    const again = await callError(a, 'sync.createTeam', {
      folder: path.join(root, 'x'),
      name: 'X',
    });
    expect(again).toMatchObject({ code: 'conflict', key: 'sync.errors.alreadyInTeam' });
    const join = await callError(a, 'sync.joinTeam', { folder });
    expect(join).toMatchObject({ code: 'conflict', key: 'sync.errors.alreadyInTeam' });
  });

  it('refuses folders that cannot hold a new team, with i18n keys', async () => {
    const a = device('laptop-a', 1);
    await startTeam(a);
    const full = path.join(root, 'full');
    mkdirSync(full);
    writeFileSync(path.join(full, 'notes.txt'), 'x');
    expect(await callError(a, 'sync.createTeam', { folder: full, name: 'T' })).toMatchObject({
      code: 'invalid_input',
      key: 'sync.errors.folderNotEmpty',
    });
    expect(
      await callError(a, 'sync.createTeam', { folder: path.join(root, 'no', 'such'), name: 'T' }),
    ).toMatchObject({ code: 'invalid_input', key: 'sync.errors.missingFolder' });
    expect(
      await callError(a, 'sync.createTeam', { folder: 'relative/team', name: 'T' }),
    ).toMatchObject({
      key: 'sync.errors.missingFolder',
    });
    expect(await callError(a, 'sync.createTeam', { folder: '  ', name: 'T' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callError(a, 'sync.createTeam', { folder, name: '' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callError(a, 'sync.createTeam', { folder, name: 'T', extra: 1 })).toMatchObject({
      code: 'invalid_input',
    });
    // An empty folder Pacer may not write to.
    const locked = path.join(root, 'locked');
    mkdirSync(locked);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chattr', ['+i', locked]);
    else chmodSync(locked, 0o555);
    try {
      expect(await callError(a, 'sync.createTeam', { folder: locked, name: 'T' })).toMatchObject({
        code: 'io',
        key: 'sync.errors.folderNotWritable',
      });
    } finally {
      if (asRoot) execFileSync('chattr', ['-i', locked]);
      else chmodSync(locked, 0o755);
    }
    // A folder that already holds a team: join it instead.
    const other = device('laptop-o', 7);
    await startTeam(other);
    await call(other, 'sync.createTeam', { folder, name: '华南' });
    expect(await callError(a, 'sync.createTeam', { folder, name: 'T' })).toMatchObject({
      code: 'conflict',
      key: 'sync.errors.teamExists',
      params: { name: '华南' },
    });
    // Joining a folder without a team, or one that is not there.
    expect(await callError(a, 'sync.joinTeam', { folder: full })).toMatchObject({
      code: 'invalid_input',
      key: 'sync.errors.notATeam',
    });
    expect(await callError(a, 'sync.joinTeam', { folder: path.join(root, 'gone') })).toMatchObject({
      code: 'invalid_input',
      key: 'sync.errors.missingFolder',
    });
    expect(await callError(a, 'sync.leave', {})).toMatchObject({
      code: 'conflict',
      key: 'sync.errors.notInTeam',
    });
    expect(await callError(a, 'sync.restoreMine', { id: 0 })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callError(a, 'sync.dismiss', { id: 99 })).toMatchObject({ code: 'not_found' });
  });

  it('joins into a new file that replaces the database at restart, then syncs both ways', async () => {
    const { a, people } = await founder();
    const rep = people.reps[0];
    if (!rep) throw new Error('no rep');
    const before = newCustomer(a, '上海启明');
    await call(a, 'sync.now', {});

    const b = await joined(2, rep.id);
    expect(b.deviceId).not.toBe(a.deviceId);
    expect(field(b, 'customers', before, 'name')).toBe('上海启明');
    const bStatus = await call(b, 'sync.now', {});
    expect(bStatus.team?.name).toBe('华东销售部');
    expect(bStatus.state).toBe('synced');
    // The joined file is a new device, named after this machine.
    expect(bStatus.devices).toHaveLength(2);
    expect(bStatus.devices.find((d) => !d.thisDevice)).toMatchObject({
      deviceId: a.deviceId,
      name: 'laptop-a',
      userName: '王经理',
    });

    // An edit on one is there on the other after "Sync now" on both.
    const later = newCustomer(a, '杭州远景');
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    expect(field(b, 'customers', later, 'name')).toBe('杭州远景');
    newCustomer(b, '苏州博雅');
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    expect(
      a.sqlite.prepare("SELECT count(*) AS n FROM customers WHERE name = '苏州博雅'").get(),
    ).toEqual({ n: 1 });
  });

  it('a second join before the restart replaces the first one', async () => {
    await founder();
    const b = device('laptop-b', 4);
    await call(b, 'sync.joinTeam', { folder });
    const first = pendingReplace(b.file)?.source ?? '';
    expect(existsSync(first)).toBe(true);
    b.tick(1_000);
    await call(b, 'sync.joinTeam', { folder });
    const second = pendingReplace(b.file)?.source ?? '';
    expect(second).not.toBe(first);
    expect(existsSync(first)).toBe(false);
    expect(existsSync(second)).toBe(true);
  });

  it('shows concurrent overwrites with names resolved; restore mine and dismiss', async () => {
    const { a, people } = await founder();
    const rep = people.reps[0];
    if (!rep) throw new Error('no rep');
    // The rep's own customer: a rep may change only their own (decision 0024).
    const id = newCustomer(a, '上海启明', { phone: '0', address: 'old', ownerId: rep.id });
    await call(a, 'sync.now', {});
    const b = await joined(3, rep.id);

    // B edits first; A edits the same fields a second later, without having seen B's edits.
    tick(b, 1_000);
    b.commit([{ op: 'update', table: 'customers', id, values: { phone: '111', address: 'B 路' } }]);
    tick(a, 2_000);
    a.commit([{ op: 'update', table: 'customers', id, values: { phone: '222', address: 'A 路' } }]);
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    await call(b, 'sync.now', {});
    expect(field(b, 'customers', id, 'phone')).toBe('222');

    const status = await call(b, 'sync.status', {});
    expect(status.openConflicts).toBe(2);
    const list = await call(b, 'sync.conflicts', {});
    expect(list).toHaveLength(2);
    const phone = list.find((c) => c.column === 'phone');
    expect(phone).toMatchObject({
      kind: 'overwrite',
      table: 'customers',
      rowId: id,
      rowLabel: '上海启明',
      local: { value: '111', userName: '王芳' },
      remote: { value: '222', userName: '王经理', deviceName: 'laptop-a' },
      resolvedAt: null,
      resolution: null,
    });
    expect(phone?.local?.at).toMatch(/^2026-11-23T09:00:01/);
    expect(phone?.remote.at).toMatch(/^2026-11-23T09:00:02/);

    // Restore mine puts B's phone back everywhere; dismiss keeps the team's address.
    const address = list.find((c) => c.column === 'address');
    if (!phone || !address) throw new Error('missing conflicts');
    tick(b, 1_000);
    expect(await call(b, 'sync.restoreMine', { id: phone.id })).toEqual({ ok: true });
    expect(await call(b, 'sync.dismiss', { id: address.id })).toEqual({ ok: true });
    expect(field(b, 'customers', id, 'phone')).toBe('111');
    expect(await call(b, 'sync.conflicts', {})).toEqual([]);
    const all = await call(b, 'sync.conflicts', { all: true });
    expect(all.map((c) => c.resolution).sort()).toEqual(['dismissed', 'restored']);
    expect(await callError(b, 'sync.restoreMine', { id: phone.id })).toMatchObject({
      code: 'conflict',
    });
    await call(b, 'sync.now', {});
    await call(a, 'sync.now', {});
    expect(field(a, 'customers', id, 'phone')).toBe('111');
    expect(field(a, 'customers', id, 'address')).toBe('A 路');
    // B restored after seeing A's value: not a conflict for A.
    expect((await call(a, 'sync.status', {})).openConflicts).toBe(0);
  });

  it('goes offline when the folder disappears, keeps local work, and resumes', async () => {
    const { a } = await founder();
    const away = `${folder}-unplugged`;
    renameSync(folder, away);
    const offline = await call(a, 'sync.now', {});
    expect(offline.state).toBe('offline');
    expect(offline.problems[0]).toMatchObject({ code: 'offline' });
    expect(offline.lastSuccessAt).not.toBeNull();
    const id = newCustomer(a, '离线客户');
    expect(field(a, 'customers', id, 'name')).toBe('离线客户');
    expect((await call(a, 'sync.status', {})).state).toBe('offline');
    expect((await call(a, 'sync.now', {})).pendingChanges).toBeGreaterThan(0);
    renameSync(away, folder);
    const back = await call(a, 'sync.now', {});
    expect(back).toMatchObject({ state: 'synced', pendingChanges: 0, problems: [] });
  });

  it('leaves the team: the state is off and the folder is untouched', async () => {
    const { a } = await founder();
    const left = await call(a, 'sync.leave', {});
    expect(left.state).toBe('off');
    expect(existsSync(path.join(folder, 'pacer-team.json'))).toBe(true);
    newCustomer(a, '本地客户');
    expect((await call(a, 'sync.now', {})).state).toBe('off');
  });
});
