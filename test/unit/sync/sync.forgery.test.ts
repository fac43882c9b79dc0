import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncRefusedFile } from '../../../shared/contract/sync';
import { openApp, type AppContext } from '../../../electron/core/context';
import { seededBytes, uuidv7Source } from '../../../electron/core/ids';
import { syncedTables } from '../../../electron/core/tables';
import { openSqlite } from '../../../electron/db/connection';
import { setLocal } from '../../../electron/db/local-state';
import {
  canonical,
  generateDeviceKeys,
  newTeamKey,
  sha256,
  sign,
  type DeviceKeys,
} from '../../../electron/sync/crypto';
import { sealEnvelope } from '../../../electron/sync/envelope';
import { FolderTransport } from '../../../electron/sync/folder';
import { pull } from '../../../electron/sync/pull';
import { MAX_SKIPS, push } from '../../../electron/sync/push';
import { makeSnapshot } from '../../../electron/sync/snapshots';
import { setLocalNumber } from '../../../electron/sync/state';
import { syncOnce, type SyncReport } from '../../../electron/sync/sync';
import {
  batchName,
  encodeBatch,
  FORMAT_VERSION,
  TransportError,
  type Batch,
  type DeviceInfo,
} from '../../../electron/sync/transport';
import { fixedTrust, type MemberKey, type Trust } from '../../../electron/sync/trust';

/**
 * Decision 0021 through the real stack: real database files, real sealed folder transports
 * (`fixedTrust`), real push and pull. A stranger who can write into the folder forges,
 * replays, alters, tears and steals slots: every such file is refused and listed, nothing of it
 * is applied, and the real devices still push and converge.
 */

const TEAM = 'team-0021';
const EPOCH = 'e1';

type World = {
  t: number;
  root: string;
  folder: string;
  members: Record<string, MemberKey>;
  epochs: Record<string, Buffer>;
};
type Device = AppContext & { label: string; keys: DeviceKeys; transport: FolderTransport };

let world: World;
const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  rmSync(world.root, { recursive: true, force: true });
});

function trustFor(deviceId: string, keys: DeviceKeys): Trust {
  return fixedTrust({
    teamId: TEAM,
    deviceId,
    keys,
    members: world.members,
    epochs: world.epochs,
    writeEpoch: EPOCH,
  });
}

/** A device database in the team (its team state set as createTeam/joinTeam would), sealed. */
function device(label: string, seed: number): Device {
  const dir = path.join(world.root, label);
  mkdirSync(dir, { recursive: true });
  const ctx = openApp(path.join(dir, 'pacer.sqlite'), {
    now: () => new Date(world.t),
    newId: uuidv7Source(() => world.t, seededBytes(seed)),
    deviceName: label,
  });
  const keys = generateDeviceKeys();
  world.members[ctx.deviceId] = { signKey: keys.sign.publicKey, removedAfter: null };
  ctx.sqlite.transaction(() => {
    setLocal(ctx.sqlite, 'team_id', TEAM);
    setLocal(ctx.sqlite, 'team_name', 'Team');
    setLocal(ctx.sqlite, 'team_folder', world.folder);
    setLocalNumber(ctx.sqlite, 'sync_batch', 0);
    setLocalNumber(ctx.sqlite, 'sync_pushed_change', 0);
  })();
  const d = Object.assign(ctx, {
    label,
    keys,
    transport: new FolderTransport(world.folder, trustFor(ctx.deviceId, keys)),
  });
  open.push(d);
  return d;
}

/** Three member devices: A made the team (and its first user); B and C start empty and pull. */
function setup(): [Device, Device, Device] {
  const root = mkdtempSync(path.join(tmpdir(), 'pacer-forgery-'));
  world = {
    t: Date.parse('2026-11-23T09:00:00.000Z'),
    root,
    folder: path.join(root, 'team'),
    members: {},
    epochs: { [EPOCH]: newTeamKey() },
  };
  mkdirSync(world.folder);
  const a = device('A', 1);
  new FolderTransport(world.folder).writeDescriptor({
    format: FORMAT_VERSION,
    teamId: TEAM,
    name: 'Team',
    createdAt: new Date(world.t).toISOString(),
    createdBy: a.deviceId,
    base: 'empty',
  });
  const teamId = a.newId();
  const userId = a.newId();
  // The team's first people are made as nobody (the CLI's way): the other devices start empty
  // and judge A's first batch without knowing its author yet.
  a.setCurrentUserId(null);
  a.commit([
    {
      op: 'insert',
      table: 'teams',
      id: teamId,
      values: { name: '华东', managerId: userId, parentId: null },
    },
    {
      op: 'insert',
      table: 'users',
      id: userId,
      values: { name: 'user-A', role: 'manager', teamId, active: true, phone: null, email: null },
    },
  ]);
  a.setCurrentUserId(userId);
  const b = device('B', 2);
  const c = device('C', 3);
  syncAll([a, b, c], 1);
  for (const d of [b, c]) {
    // A manager joins as nobody (the CLI's way), as the sync fixture does.
    const id = d.newId();
    d.setCurrentUserId(null);
    d.commit([
      {
        op: 'insert',
        table: 'users',
        id,
        values: {
          name: `user-${d.label}`,
          role: 'manager',
          teamId,
          active: true,
          phone: null,
          email: null,
        },
      },
    ]);
    d.setCurrentUserId(id);
  }
  syncAll([a, b, c]);
  return [a, b, c];
}

function syncAll(devices: Device[], rounds = 2): SyncReport[] {
  const reports: SyncReport[] = [];
  for (let r = 0; r < rounds; r++)
    for (const d of devices) {
      world.t += 1000;
      const report = syncOnce(d, d.transport, { snapshots: false });
      expect(report.pushError).toBeNull();
      expect(report.pullError).toBeNull();
      reports.push(report);
    }
  return reports;
}

function dump(ctx: AppContext): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.keys(syncedTables))
    out[table] = ctx.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all();
  return out;
}

function logSet(ctx: AppContext): string[] {
  return (
    ctx.sqlite
      .prepare(
        'SELECT device_id, hlc, table_name, row_id, "column", value FROM change_log ORDER BY hlc, device_id, table_name, row_id, "column"',
      )
      .all() as Record<string, unknown>[]
  ).map((r) => JSON.stringify(Object.values(r)));
}

/** Every device still pushes a change, and all end with the same data and the same log. */
function converge(devices: Device[]): void {
  const ids = devices.map((d) => newCustomer(d, `after ${d.label}`));
  syncAll(devices, 3);
  for (const d of devices) {
    for (const id of ids) expect(customerName(d, id)).not.toBeNull();
    expect(dump(d)).toEqual(dump(devices[0]!));
    expect(logSet(d)).toEqual(logSet(devices[0]!));
    const pending = d.sqlite
      .prepare(
        "SELECT count(*) AS n FROM change_log WHERE device_id = ? AND seq > (SELECT value FROM local_state WHERE key = 'sync_pushed_change')",
      )
      .get(d.deviceId) as { n: number };
    expect(pending.n).toBe(0);
  }
}

function newCustomer(d: Device, name: string): string {
  const id = d.newId();
  world.t += 1000;
  d.commit([
    {
      op: 'insert',
      table: 'customers',
      id,
      values: { name, status: 'prospect', ownerId: d.currentUserId(), tags: '[]' },
    } as never,
  ]);
  return id;
}

function customerName(d: AppContext, id: string): string | null {
  const row = d.sqlite.prepare('SELECT name FROM customers WHERE id = ?').get(id) as
    { name: string } | undefined;
  return row?.name ?? null;
}

/** Nothing with this row id reached the device: not in a table, not in the log. */
function nothingOf(d: AppContext, rowId: string): void {
  expect(d.sqlite.prepare('SELECT 1 FROM change_log WHERE row_id = ?').get(rowId)).toBeUndefined();
  expect(customerName(d, rowId)).toBeNull();
}

function lastSeq(d: Device): number {
  return d.transport.readDevice(d.deviceId)?.lastSeq ?? 0;
}

function batchRel(deviceId: string, seq: number): string {
  return `changes/${deviceId}/${batchName(seq)}.jsonl`;
}

function batchPath(deviceId: string, seq: number): string {
  return path.join(world.folder, batchRel(deviceId, seq));
}

/** A well-formed format-1 batch in `author`'s name, creating customer `row` named `name`. */
function forgedBatch(author: string, seq: number, row: string, name: string): Batch {
  const hlc = `${String(world.t + 60_000).padStart(15, '0')}:00000:${author}`;
  const records = [{ hlc, user: null, table: 'customers', row, column: 'name', value: name }];
  return {
    header: {
      format: 1,
      device: author,
      seq,
      from: 1_000_000,
      to: 1_000_000,
      count: records.length,
      acks: [],
      ackTo: 0,
      writtenAt: new Date(world.t).toISOString(),
    },
    records,
  };
}

/** A stranger's keys; with the team key when `teamKey` (a leaked key, or a device not yet approved). */
function stranger(deviceId: string, teamKey = false): Trust {
  return fixedTrust({
    teamId: TEAM,
    deviceId,
    keys: generateDeviceKeys(),
    members: world.members,
    epochs: { [EPOCH]: teamKey ? world.epochs[EPOCH]! : newTeamKey() },
    writeEpoch: EPOCH,
  });
}

function writeRaw(rel: string, bytes: Buffer | string): void {
  mkdirSync(path.dirname(path.join(world.folder, rel)), { recursive: true });
  writeFileSync(path.join(world.folder, rel), bytes);
}

function refusedOf(reports: (SyncReport | { refused: SyncRefusedFile[] })[]): SyncRefusedFile[] {
  return reports.flatMap((r) => ('refused' in r ? r.refused : (r.pulled?.refused ?? [])));
}

function expectRefused(
  list: SyncRefusedFile[],
  file: string,
  reason: SyncRefusedFile['reason'],
): void {
  expect(list).toContainEqual(expect.objectContaining({ file, reason }));
}

describe('a sealed team folder (decision 0021)', () => {
  it('keeps nothing readable on the drive and still carries the changes', () => {
    const [a, b, c] = setup();
    const id = newCustomer(a, '绝密客户 Zebra Holdings');
    syncAll([a, b, c]);
    makeSnapshot(a, a.transport);
    expect(customerName(c, id)).toBe('绝密客户 Zebra Holdings');
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files.push(full);
      }
    };
    walk(world.folder);
    expect(files.some((f) => f.endsWith('.sqlite'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.includes(Buffer.from('Zebra'))).toBe(false);
      expect(bytes.includes(Buffer.from('绝密客户'))).toBe(false);
      expect(bytes.includes(Buffer.from('user-A'))).toBe(false);
      if (!file.endsWith('pacer-team.json'))
        expect(bytes.subarray(0, 10).toString()).toBe('{"pacer":2');
    }
  });

  it('refuses a plain format-1 batch and an unsigned envelope in a device’s next slot; the device passes over them', () => {
    const [a, b, c] = setup();
    const next = lastSeq(a) + 1;
    writeRaw(
      batchRel(a.deviceId, next),
      encodeBatch(forgedBatch(a.deviceId, next, 'forged-plain', 'Forged')),
    );
    const unsigned = {
      pacer: 2,
      kind: 'batch',
      team: TEAM,
      device: a.deviceId,
      seq: next + 1,
      epoch: EPOCH,
    };
    writeRaw(batchRel(a.deviceId, next + 1), `${JSON.stringify(unsigned)}\nnothing`);
    const pulled = pull(b, b.transport);
    expectRefused(pulled.refused, batchRel(a.deviceId, next), 'unsigned');
    expect(pulled.refused.find((r) => r.file === batchRel(a.deviceId, next))).toMatchObject({
      deviceId: a.deviceId,
      seq: next,
    });
    expect(pulled.waiting).toEqual([]); // above A's signed lastSeq: not A's, not waited for
    nothingOf(b, 'forged-plain');
    // A pushes: its next two slots hold files it did not sign, so it writes its batch after them.
    const id = newCustomer(a, 'real one');
    const report = syncOnce(a, a.transport, { snapshots: false });
    expect(report.pushed?.skipped).toEqual([next, next + 1]);
    expectRefused(report.pulled?.refused ?? [], batchRel(a.deviceId, next + 1), 'unsigned');
    expect(a.transport.readDevice(a.deviceId)).toMatchObject({
      lastSeq: next + 2,
      skipped: [next, next + 1],
    });
    syncAll([a, b, c]);
    for (const d of [a, b, c]) {
      expect(customerName(d, id)).toBe('real one');
      nothingOf(d, 'forged-plain');
    }
    converge([a, b, c]);
  });

  it('refuses a batch signed by a key that is not a member’s, and judges it again once the device is approved', () => {
    const [a, b, c] = setup();
    const newcomer = 'newcomer-device';
    const pending = stranger(newcomer, true);
    const theirs = new FolderTransport(world.folder, pending);
    theirs.writeBatch(newcomer, 1, forgedBatch(newcomer, 1, 'newcomer-row', 'From the newcomer'));
    theirs.writeDevice({
      deviceId: newcomer,
      name: 'new laptop',
      userName: null,
      appVersion: '0.1.0',
      lastSeenAt: new Date(world.t).toISOString(),
      lastSeq: 1,
    });
    // The same stranger's key in A's name, in A's next slot.
    const next = lastSeq(a) + 1;
    const text = Buffer.from(encodeBatch(forgedBatch(a.deviceId, next, 'forged-key', 'Forged')));
    writeRaw(
      batchRel(a.deviceId, next),
      sealEnvelope(pending, { kind: 'batch', device: a.deviceId, seq: next }, text),
    );
    const reports = syncAll([a, b, c], 1);
    const refused = refusedOf(reports);
    expectRefused(refused, batchRel(newcomer, 1), 'unknown_key');
    expectRefused(refused, `devices/${newcomer}.json`, 'unknown_key');
    expectRefused(refused, batchRel(a.deviceId, next), 'bad_signature');
    for (const d of [a, b, c]) {
      nothingOf(d, 'newcomer-row');
      nothingOf(d, 'forged-key');
      // Not applied, and no cursor moved: it is read again next round.
      expect(
        d.sqlite
          .prepare('SELECT 1 FROM sync_cursors WHERE device_id = ? AND applied_seq > 0')
          .get(newcomer),
      ).toBeUndefined();
    }
    expect(reports.every((r) => r.pulled?.waiting.length === 0)).toBe(true);
    converge([a, b, c]);
    // A manager approves the device: its batch now verifies and is applied on the next round.
    world.members[newcomer] = { signKey: pending.keys.sign.publicKey, removedAfter: null };
    syncAll([a, b, c], 1);
    for (const d of [a, b, c]) {
      expect(
        d.sqlite
          .prepare('SELECT 1 FROM sync_applied WHERE device_id = ? AND seq = 1')
          .get(newcomer),
      ).toBeDefined();
      nothingOf(d, 'forged-key');
    }
  });

  it('refuses a real batch replayed into another slot (the next one, another device’s)', () => {
    const [a, b, c] = setup();
    const next = lastSeq(a) + 1;
    copyFileSync(batchPath(a.deviceId, 1), batchPath(a.deviceId, next));
    const cNext = lastSeq(c) + 1;
    mkdirSync(path.dirname(batchPath(c.deviceId, cNext)), { recursive: true });
    copyFileSync(batchPath(a.deviceId, 1), batchPath(c.deviceId, cNext));
    const before = b.sqlite
      .prepare('SELECT applied_seq FROM sync_cursors WHERE device_id = ?')
      .get(a.deviceId);
    const pulled = pull(b, b.transport);
    expectRefused(pulled.refused, batchRel(a.deviceId, next), 'wrong_slot');
    expectRefused(pulled.refused, batchRel(c.deviceId, cNext), 'wrong_slot');
    expect(pulled.batches).toBe(0);
    expect(
      b.sqlite.prepare('SELECT applied_seq FROM sync_cursors WHERE device_id = ?').get(a.deviceId),
    ).toEqual(before);
    converge([a, b, c]);
    expect(a.transport.readDevice(a.deviceId)?.skipped).toEqual([next]);
    expect(c.transport.readDevice(c.deviceId)?.skipped).toEqual([cNext]);
  });

  it('refuses a batch whose bytes were altered, or altered and signed again with another key; its author rewrites it', () => {
    const [a, b, c] = setup();
    const flipped = newCustomer(a, 'flipped');
    push(a, a.transport);
    const n1 = lastSeq(a);
    const resigned = newCustomer(a, 'resigned');
    push(a, a.transport);
    const n2 = lastSeq(a);
    // Flip a byte of the ciphertext of n1.
    const bytes = readFileSync(batchPath(a.deviceId, n1));
    bytes[bytes.length - 20] = (bytes[bytes.length - 20] ?? 0) ^ 0xff;
    writeFileSync(batchPath(a.deviceId, n1), bytes);
    // n2: altered, with a new hash, and the header signed again by a stranger.
    const original = readFileSync(batchPath(a.deviceId, n2));
    const nl = original.indexOf(0x0a);
    const header = JSON.parse(original.subarray(0, nl).toString()) as Record<string, unknown>;
    const body = Buffer.from(original.subarray(nl + 1));
    body[0] = (body[0] ?? 0) ^ 0x01;
    const unsigned: Record<string, unknown> = { ...header, hash: sha256(body) };
    delete unsigned.sig;
    const forged = { ...unsigned, sig: sign(generateDeviceKeys(), canonical(unsigned)) };
    writeFileSync(
      batchPath(a.deviceId, n2),
      Buffer.concat([Buffer.from(`${JSON.stringify(forged)}\n`), body]),
    );

    const pulled = pull(b, b.transport);
    expectRefused(pulled.refused, batchRel(a.deviceId, n1), 'bad_signature');
    // At or below A's signed lastSeq: waited for like a torn batch, never applied.
    expect(pulled.waiting).toEqual([
      expect.objectContaining({ deviceId: a.deviceId, seq: n1, problem: 'torn' }),
    ]);
    nothingOf(b, flipped);
    // A's round rewrites its own batches (the reader asks; A's audit finds them too).
    syncAll([b, a]);
    expect(pull(c, c.transport).refused).toEqual([]);
    for (const d of [a, b, c]) {
      expect(customerName(d, flipped)).toBe('flipped');
      expect(customerName(d, resigned)).toBe('resigned');
    }
    const pulledN2 = c.transport.readBatch(a.deviceId, n2);
    expect(pulledN2).toMatchObject({ header: { device: a.deviceId, seq: n2 } });
    converge([a, b, c]);
  });

  it('refuses the batches a removed device writes after its removal, and its device file', () => {
    const [a, b, c] = setup();
    const before = newCustomer(c, 'before removal');
    syncAll([a, b, c], 1);
    const removedAfter = lastSeq(c);
    world.members[c.deviceId] = { ...world.members[c.deviceId]!, removedAfter };
    const after = newCustomer(c, 'after removal');
    push(c, c.transport);
    const reports = syncAll([a, b], 1);
    const refused = refusedOf(reports);
    expectRefused(refused, batchRel(c.deviceId, removedAfter + 1), 'removed_device');
    expectRefused(refused, `devices/${c.deviceId}.json`, 'removed_device');
    for (const d of [a, b]) {
      expect(customerName(d, before)).toBe('before removal');
      nothingOf(d, after);
    }
    expect(reports.every((r) => r.pulled?.waiting.length === 0)).toBe(true);
    converge([a, b]);
  });

  it('a stolen sequence slot: the real device passes over it and pushes; the others skip it and converge', () => {
    const [a, b, c] = setup();
    const next = lastSeq(a) + 1;
    const forger = stranger('forger', true);
    const text = Buffer.from(encodeBatch(forgedBatch(a.deviceId, next, 'stolen', 'Stolen')));
    writeRaw(
      batchRel(a.deviceId, next),
      sealEnvelope(forger, { kind: 'batch', device: a.deviceId, seq: next }, text),
    );
    const early = pull(b, b.transport);
    expectRefused(early.refused, batchRel(a.deviceId, next), 'bad_signature');
    expect(early.waiting).toEqual([]);
    const id = newCustomer(a, 'pushed past the stolen slot');
    const report = syncOnce(a, a.transport, { snapshots: false });
    expect(report.pushed).toMatchObject({ batches: 1, skipped: [next] });
    expectRefused(report.pulled?.refused ?? [], batchRel(a.deviceId, next), 'bad_signature');
    expect(existsSync(batchPath(a.deviceId, next + 1))).toBe(true);
    const later = syncAll([b, c], 1);
    expect(refusedOf(later).filter((r) => r.deviceId === a.deviceId)).toEqual([]); // skipped, not read
    for (const d of [b, c]) {
      expect(customerName(d, id)).toBe('pushed past the stolen slot');
      nothingOf(d, 'stolen');
    }
    converge([a, b, c]);
  });

  it('adopts its own sealed batch found in its next slot after a crash before the cursor was saved', () => {
    const [a, b] = setup();
    const pushed = (key: string) =>
      (
        a.sqlite.prepare('SELECT value FROM local_state WHERE key = ?').get(key) as {
          value: string;
        }
      ).value;
    const before = { batch: pushed('sync_batch'), change: pushed('sync_pushed_change') };
    const id = newCustomer(a, 'written before the crash');
    push(a, a.transport);
    const n = lastSeq(a);
    const bytes = readFileSync(batchPath(a.deviceId, n));
    // The crash: the batch is in the folder, the cursors are not saved.
    a.sqlite.prepare('DELETE FROM sync_batches WHERE seq = ?').run(n);
    setLocal(a.sqlite, 'sync_batch', before.batch);
    setLocal(a.sqlite, 'sync_pushed_change', before.change);
    const again = push(a, a.transport);
    expect(again).toMatchObject({ batches: 1, skipped: [] });
    expect(readFileSync(batchPath(a.deviceId, n)).equals(bytes)).toBe(true); // adopted, not rewritten
    expect(existsSync(batchPath(a.deviceId, n + 1))).toBe(false);
    syncAll([a, b], 1);
    expect(customerName(b, id)).toBe('written before the crash');
    converge([a, b]);
  });

  it('passes over its own sealed batch torn after a crash: its records go again in the next one', () => {
    const [a, b, c] = setup();
    const before = ['sync_batch', 'sync_pushed_change'].map(
      (key) =>
        (
          a.sqlite.prepare('SELECT value FROM local_state WHERE key = ?').get(key) as {
            value: string;
          }
        ).value,
    );
    const id = newCustomer(a, 'torn after the crash');
    const info = readFileSync(path.join(world.folder, 'devices', `${a.deviceId}.json`));
    push(a, a.transport);
    const n = lastSeq(a);
    pull(c, c.transport); // C applied it while it was whole
    expect(customerName(c, id)).toBe('torn after the crash');
    a.sqlite.prepare('DELETE FROM sync_batches WHERE seq = ?').run(n);
    setLocal(a.sqlite, 'sync_batch', before[0]!);
    setLocal(a.sqlite, 'sync_pushed_change', before[1]!);
    const bytes = readFileSync(batchPath(a.deviceId, n));
    writeFileSync(batchPath(a.deviceId, n), bytes.subarray(0, bytes.length - 10));
    // The device file still says n - 1 (the crash came before it): the readers pass it by.
    writeRaw(`devices/${a.deviceId}.json`, info);
    expect(pull(b, b.transport).waiting).toEqual([]);
    expect(push(a, a.transport)).toMatchObject({ batches: 1, skipped: [n] });
    syncAll([a, b, c], 1);
    for (const d of [a, b, c]) expect(customerName(d, id)).toBe('torn after the crash');
    converge([a, b, c]);
  });

  it('a forger filling many slots cannot keep a push going: it stops after the bound and goes on next time', () => {
    const [a, b] = setup();
    const next = lastSeq(a) + 1;
    for (let i = 0; i <= MAX_SKIPS; i++) writeRaw(batchRel(a.deviceId, next + i), 'x');
    const id = newCustomer(a, 'after the flood');
    expect(() => push(a, a.transport)).toThrow(TransportError);
    const second = push(a, a.transport);
    expect(second).toMatchObject({ batches: 1, skipped: [next + MAX_SKIPS] });
    expect(existsSync(batchPath(a.deviceId, next + MAX_SKIPS + 1))).toBe(true);
    syncAll([a, b], 1);
    expect(customerName(b, id)).toBe('after the flood');
    converge([a, b]);
  });

  it('refuses a forged device file (a stranger’s signature, or plain JSON); its device writes it again', () => {
    const [a, b, c] = setup();
    const forgedInfo: DeviceInfo = {
      deviceId: a.deviceId,
      name: 'A',
      userName: null,
      appVersion: '0.1.0',
      lastSeenAt: new Date(world.t).toISOString(),
      lastSeq: 50,
      skipped: [lastSeq(a) + 1, lastSeq(a) + 2],
    };
    const rel = `devices/${a.deviceId}.json`;
    writeRaw(
      rel,
      sealEnvelope(
        stranger('x', true),
        { kind: 'device', device: a.deviceId },
        Buffer.from(JSON.stringify(forgedInfo)),
      ),
    );
    expectRefused(pull(b, b.transport).refused, rel, 'bad_signature');
    const relC = `devices/${c.deviceId}.json`;
    writeRaw(relC, JSON.stringify({ ...forgedInfo, deviceId: c.deviceId }));
    expectRefused(pull(b, b.transport).refused, relC, 'unsigned');
    expect(b.transport.readDevice(c.deviceId)).toBeNull();
    expectRefused(b.transport.refusals(), relC, 'unsigned'); // and the list is drained
    // Each device finds its own file is not what it wrote and writes it again.
    syncAll([a, c], 1);
    expect(b.transport.readDevice(a.deviceId)?.lastSeq).toBe(lastSeq(a));
    expect(b.transport.readDevice(a.deviceId)?.lastSeq).not.toBe(50);
    expect(b.transport.readDevice(c.deviceId)).not.toBeNull();
    expect(b.transport.refusals()).toEqual([]);
    converge([a, b, c]);
  });

  it('waits on a torn sealed batch and applies it when it is whole', () => {
    const [a, b, c] = setup();
    const id = newCustomer(a, 'arrives in pieces');
    push(a, a.transport);
    const n = lastSeq(a);
    const whole = readFileSync(batchPath(a.deviceId, n));
    for (const cut of [whole.length - 5, 30]) {
      // Past the header line, then within it.
      writeFileSync(batchPath(a.deviceId, n), whole.subarray(0, cut));
      const pulled = pull(b, b.transport);
      expect(pulled.refused).toEqual([]);
      expect(pulled.waiting).toEqual([
        expect.objectContaining({ deviceId: a.deviceId, seq: n, problem: 'torn' }),
      ]);
      expect(customerName(b, id)).toBeNull();
    }
    // One more byte than signed is not torn: refused.
    writeFileSync(batchPath(a.deviceId, n), Buffer.concat([whole, Buffer.from('x')]));
    expectRefused(pull(b, b.transport).refused, batchRel(a.deviceId, n), 'bad_signature');
    writeFileSync(batchPath(a.deviceId, n), whole);
    const pulled = pull(b, b.transport);
    expect(pulled.waiting).toEqual([]);
    expect(customerName(b, id)).toBe('arrives in pieces');
    converge([a, b, c]);
  });

  it('refuses a file sealed with a team key this device does not hold', () => {
    const [a, b, c] = setup();
    const next = lastSeq(a) + 1;
    const other = fixedTrust({
      teamId: TEAM,
      deviceId: a.deviceId,
      keys: a.keys,
      members: world.members,
      epochs: { e9: newTeamKey() },
      writeEpoch: 'e9',
    });
    const text = Buffer.from(
      encodeBatch(forgedBatch(a.deviceId, next, 'other-epoch', 'Other epoch')),
    );
    writeRaw(
      batchRel(a.deviceId, next),
      sealEnvelope(other, { kind: 'batch', device: a.deviceId, seq: next }, text),
    );
    expectRefused(pull(b, b.transport).refused, batchRel(a.deviceId, next), 'undecryptable');
    nothingOf(b, 'other-epoch');
    converge([a, b, c]);
  });

  it('streams a snapshot of several megabytes through the seal in pieces, and refuses one changed in a middle piece', () => {
    const [a, b] = setup();
    const name = `20261123T090000000Z-${a.deviceId}.sqlite`;
    const content = Buffer.alloc(3.5 * 1024 * 1024);
    for (let i = 0; i < content.length; i++) content[i] = (i * 7919) % 251;
    a.transport.putSnapshot(name, (file) => writeFileSync(file, content));
    const file = path.join(world.folder, 'snapshots', name);
    expect(statSync(file).size).toBeGreaterThan(content.length); // header + ciphertext + tag
    const out = path.join(world.root, 'out.sqlite');
    b.transport.getSnapshot(name, out);
    expect(readFileSync(out).equals(content)).toBe(true);
    rmSync(out);
    const bytes = readFileSync(file);
    const at = bytes.length - 1024 * 1024 - 3; // in the last full piece, not the tag
    bytes[at] = (bytes[at] ?? 0) ^ 0x10;
    writeFileSync(file, bytes);
    expect(() => b.transport.getSnapshot(name, out)).toThrow(/refused \(bad_signature/);
    expect(existsSync(out)).toBe(false);
    // Cut short: still arriving, not refused.
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    expect(() => b.transport.getSnapshot(name, out)).toThrow(/not whole yet/);
    expect(b.transport.refusals().map((r) => r.reason)).toEqual(['bad_signature']);
  });

  it('round-trips a sealed snapshot, and refuses one that was tampered with or moved', () => {
    const [a, b] = setup();
    newCustomer(a, 'in the snapshot');
    syncAll([a, b], 1);
    const name = makeSnapshot(a, a.transport);
    const dir = path.join(world.root, 'join');
    mkdirSync(dir);
    const copy = path.join(dir, 'copy.sqlite');
    b.transport.getSnapshot(name, copy);
    const db = openSqlite(copy);
    try {
      const names = db.prepare('SELECT name FROM customers ORDER BY name').all();
      expect(names).toEqual(a.sqlite.prepare('SELECT name FROM customers ORDER BY name').all());
    } finally {
      db.close();
    }
    const file = path.join(world.folder, 'snapshots', name);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    const target = path.join(dir, 'tampered.sqlite');
    expect(() => b.transport.getSnapshot(name, target)).toThrow(
      new RegExp(`snapshots/${name}.*refused.*bad_signature`),
    );
    expect(existsSync(target)).toBe(false);
    // No temporary plaintext left behind.
    expect(readdirSync(dir).filter((n) => !n.startsWith('copy.sqlite'))).toEqual([]);
    expectRefused(b.transport.refusals(), `snapshots/${name}`, 'bad_signature');
    // A's snapshot under a name that says B wrote it.
    world.t += 60_000;
    const second = makeSnapshot(a, a.transport);
    const moved = second.replace(a.deviceId, b.deviceId);
    copyFileSync(
      path.join(world.folder, 'snapshots', second),
      path.join(world.folder, 'snapshots', moved),
    );
    expect(() => b.transport.getSnapshot(moved, target)).toThrow(/wrong_slot/);
    expect(existsSync(target)).toBe(false);
  });
});
