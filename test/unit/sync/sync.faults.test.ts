import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../electron/core/clock';
import { openApp } from '../../../electron/core/context';
import { FolderTransport } from '../../../electron/sync/folder';
import { pull } from '../../../electron/sync/pull';
import { push } from '../../../electron/sync/push';
import { syncOnce } from '../../../electron/sync/sync';
import { createTeam, joinTeam, makeSnapshot } from '../../../electron/sync/team';
import {
  batchName,
  decodeBatch,
  TransportError,
  type Transport,
} from '../../../electron/sync/transport';
import {
  conflicts,
  dump,
  field,
  founder,
  integrityOk,
  joiner,
  logSet,
  makeWorld,
  newCustomer,
  type Device,
  type World,
} from './fixture';

let world: World;
const open: Device[] = [];
const undo: (() => void)[] = [];
afterEach(() => {
  for (const f of undo.splice(0).reverse()) f();
  for (const d of open.splice(0)) d.close();
  world.cleanup();
});

function setup(n: number, offsets: number[] = []): Device[] {
  world = makeWorld();
  const devices = [founder(world, 'A', { offsetMs: offsets[0] ?? 0 })];
  for (let i = 1; i < n; i++)
    devices.push(joiner(world, String.fromCharCode(65 + i), 10 + i, { offsetMs: offsets[i] ?? 0 }));
  open.push(...devices);
  return devices;
}

function batchFile(device: Device, seq: number): string {
  return path.join(world.folder, 'changes', device.deviceId, `${batchName(seq)}.jsonl`);
}

function settle(devices: Device[]): void {
  for (let r = 0; r < 2; r++) for (const d of devices) syncOnce(d, d.transport);
}

/**
 * Makes every directory of the folder refuse new entries. As root (CI containers) mode bits do
 * not stop writes, so the immutable attribute is used; returns how to undo it.
 */
function makeReadOnly(folder: string): () => void {
  const dirs: string[] = [];
  const walk = (dir: string) => {
    dirs.push(dir);
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
    }
  };
  walk(folder);
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', ...dirs]);
    return () => execFileSync('chattr', ['-i', ...dirs]);
  }
  for (const d of dirs) chmodSync(d, 0o555);
  return () => dirs.forEach((d) => chmodSync(d, 0o755));
}

describe('team folder faults', () => {
  it('skips a torn batch until it is whole', () => {
    const [a, b] = setup(2) as [Device, Device];
    const id = newCustomer(b, 'Acme');
    push(b, b.transport);
    const file = batchFile(b, 1);
    const whole = readFileSync(file, 'utf8');
    // A drive that syncs the file in pieces: the last line is cut off.
    writeFileSync(file, whole.slice(0, Math.floor(whole.length * 0.7)));
    const first = pull(a, a.transport);
    expect(first.batches).toBe(0);
    expect(first.waiting).toMatchObject([
      { deviceId: b.deviceId, seq: 1, problem: 'torn', stalled: false },
    ]);
    expect(field(a, 'customers', id, 'name')).toBeUndefined();
    // Garbage that ends in a newline is not whole either.
    writeFileSync(file, `${whole.split('\n')[0]}\n{"hlc": nope}\n`);
    expect(pull(a, a.transport).waiting[0]?.problem).toBe('torn');
    writeFileSync(file, whole);
    const later = pull(a, a.transport);
    expect(later.batches).toBe(1);
    expect(later.waiting).toEqual([]);
    expect(field(a, 'customers', id, 'name')).toBe('Acme');
  });

  it('waits for a missing sequence number, reports it when it persists, and resumes', () => {
    const [a, b] = setup(2) as [Device, Device];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push(newCustomer(b, `c${i}`));
      push(b, b.transport);
    }
    const second = batchFile(b, 2);
    renameSync(second, `${second}.away`); // not synced to this laptop yet
    const first = syncOnce(a, a.transport);
    expect(first.pulled?.batches).toBe(1);
    expect(first.pulled?.waiting).toMatchObject([{ seq: 2, problem: 'missing', stalled: false }]);
    expect(first.state).not.toBe('waiting');
    expect(field(a, 'customers', ids[2]!, 'name')).toBeUndefined(); // never out of order
    world.t += 61_000;
    const stalled = syncOnce(a, a.transport);
    expect(stalled.state).toBe('waiting');
    expect(stalled.pulled?.waiting[0]).toMatchObject({ seq: 2, stalled: true });
    renameSync(`${second}.away`, second);
    const resumed = syncOnce(a, a.transport);
    expect(resumed.pulled?.batches).toBe(2);
    expect(resumed.state).toBe('synced');
    for (const id of ids) expect(field(a, 'customers', id, 'name')).toMatch(/^c\d$/);
  });

  it('ignores "conflicted copy" duplicates and stray files, and lists them', () => {
    const [a, b] = setup(2) as [Device, Device];
    newCustomer(b, 'Acme');
    push(b, b.transport);
    const file = batchFile(b, 1);
    writeFileSync(
      path.join(path.dirname(file), `${batchName(1)} (conflicted copy 2026-11-23).jsonl`),
      readFileSync(file, 'utf8').replace('Acme', 'Evil'),
    );
    writeFileSync(path.join(path.dirname(file), `${batchName(2)}-冲突.jsonl`), 'junk');
    writeFileSync(path.join(world.folder, 'devices', 'desktop.ini'), '[.ShellClassInfo]');
    writeFileSync(path.join(world.folder, 'Thumbs.db'), '');
    const report = syncOnce(a, a.transport, { scanStrays: true });
    expect(report.state).toBe('synced');
    expect(report.pulled?.batches).toBe(1);
    const strays = report.strays.map((s) => `${s.kind} ${s.path}`).sort();
    expect(strays).toEqual(
      [
        `conflicted_copy ${path.join('changes', b.deviceId, `${batchName(1)} (conflicted copy 2026-11-23).jsonl`)}`,
        `conflicted_copy ${path.join('changes', b.deviceId, `${batchName(2)}-冲突.jsonl`)}`,
        `stray ${path.join('devices', 'desktop.ini')}`,
        'stray Thumbs.db',
      ].sort(),
    );
    expect(
      (
        a.sqlite.prepare("SELECT count(*) AS n FROM customers WHERE name = 'Evil'").get() as {
          n: number;
        }
      ).n,
    ).toBe(0);
    settle([a, b]);
    expect(dump(a)).toEqual(dump(b));
  });

  it('a read-only folder still pulls and says it cannot push', () => {
    const [a, b] = setup(2) as [Device, Device];
    const fromB = newCustomer(b, 'from B');
    push(b, b.transport);
    const fromA = newCustomer(a, 'from A');
    const restore = makeReadOnly(world.folder);
    undo.push(restore);
    const report = syncOnce(a, a.transport);
    expect(report.state).toBe('read_only');
    expect(report.pushError?.code).toBe('read_only');
    expect(report.pullError).toBeNull();
    expect(report.pending).toBeGreaterThan(0);
    expect(field(a, 'customers', fromB, 'name')).toBe('from B');
    // Local work goes on.
    a.commit([{ op: 'update', table: 'customers', id: fromA, values: { notes: 'offline edit' } }]);
    restore();
    undo.pop();
    const back = syncOnce(a, a.transport);
    expect(back.state).toBe('synced');
    settle([a, b]);
    expect(field(b, 'customers', fromA, 'notes')).toBe('offline edit');
    expect(dump(a)).toEqual(dump(b));
  });

  it('a folder that disappears mid-sync leaves the database usable and resumes without duplicates', () => {
    const [a, b] = setup(2) as [Device, Device];
    const id = newCustomer(a, 'Acme');
    const away = `${world.folder}.away`;
    // The drive disconnects right after the batch is renamed into place, before the cursor is saved.
    const flaky: Transport = Object.assign(Object.create(a.transport) as FolderTransport, {
      writeBatch: (device: string, seq: number, batch: Parameters<Transport['writeBatch']>[2]) => {
        a.transport.writeBatch(device, seq, batch);
        renameSync(world.folder, away);
        throw new TransportError('offline', 'drive disconnected');
      },
    });
    const report = syncOnce(a, flaky);
    expect(report.state).toBe('offline');
    expect(report.pending).toBeGreaterThan(0);
    const offline = syncOnce(a, a.transport);
    expect(offline.state).toBe('offline');
    a.commit([{ op: 'update', table: 'customers', id, values: { notes: 'while offline' } }]);
    expect(field(a, 'customers', id, 'notes')).toBe('while offline');
    renameSync(away, world.folder);
    const back = syncOnce(a, a.transport);
    expect(back.state).toBe('synced');
    // The batch written before the disconnect was adopted, not written again.
    const files = readdirSync(path.join(world.folder, 'changes', a.deviceId));
    expect(files).toEqual([batchName(1) + '.jsonl', batchName(2) + '.jsonl']);
    const second = readFileSync(path.join(world.folder, 'changes', a.deviceId, files[1]!), 'utf8');
    expect(second).toContain('while offline');
    expect(second).not.toContain('"Acme"');
    settle([a, b]);
    expect(field(b, 'customers', id, 'notes')).toBe('while offline');
    expect(logSet(b)).toEqual(logSet(a));
    expect(integrityOk(a) && integrityOk(b)).toBe(true);
  });

  it('joins from the newest whole snapshot when the newest is still arriving', () => {
    const [a] = setup(1) as [Device];
    const id = newCustomer(a, 'Acme');
    world.t += 1000;
    const newest = makeSnapshot(a, a.transport);
    const full = path.join(world.folder, 'snapshots', newest);
    const bytes = readFileSync(full);
    writeFileSync(full, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const { ctx: b } = joinTeam(path.join(world.root, 'B.sqlite'), world.folder);
    open.push(Object.assign(b, { label: 'B', transport: a.transport }));
    // Started from the first snapshot, then applied the batch the second one held.
    expect(field(b, 'customers', id, 'name')).toBe('Acme');
    expect(integrityOk(b)).toBe(true);
  });

  it('refuses to write over another batch with this device name (a copied database)', () => {
    const [a] = setup(1) as [Device];
    newCustomer(a, 'Acme');
    push(a, a.transport);
    // Pretend this file was restored from an old copy: it forgot it wrote batch 1.
    a.sqlite.prepare("UPDATE local_state SET value = '0' WHERE key = 'sync_batch'").run();
    a.sqlite.prepare("UPDATE local_state SET value = '0' WHERE key = 'sync_pushed_change'").run();
    newCustomer(a, 'Beta');
    const report = syncOnce(a, a.transport);
    expect(report.state).toBe('error');
    expect(report.pushError?.code).toBe('exists');
  });

  it('a copied database does not "repair" its twin’s torn batch with its own records', () => {
    const [a] = setup(1) as [Device];
    newCustomer(a, 'Acme');
    newCustomer(a, 'Acme 2');
    push(a, a.transport);
    const file = batchFile(a, 1);
    const whole = readFileSync(file, 'utf8');
    const lines = whole.split('\n');
    writeFileSync(file, `${lines.slice(0, 3).join('\n')}\n${(lines[3] ?? '').slice(0, 10)}`);
    const torn = readFileSync(file, 'utf8');
    // The copy forgot batch 1 and made other changes from the same point: the same log
    // positions, other stamps (what a twin device's edits look like).
    const pushed = a.sqlite
      .prepare('SELECT first_change FROM sync_batches WHERE seq = 1')
      .get() as {
      first_change: number;
    };
    a.sqlite.prepare("UPDATE local_state SET value = '0' WHERE key = 'sync_batch'").run();
    a.sqlite
      .prepare("UPDATE local_state SET value = ? WHERE key = 'sync_pushed_change'")
      .run(String(pushed.first_change - 1));
    a.sqlite
      .prepare(
        "UPDATE change_log SET hlc = printf('%015d', CAST(substr(hlc, 1, 15) AS INTEGER) + 7) || substr(hlc, 16) WHERE device_id = ? AND seq >= ?",
      )
      .run(a.deviceId, pushed.first_change);
    const report = syncOnce(a, a.transport);
    expect(report.pushError?.code).toBe('exists');
    expect(readFileSync(file, 'utf8')).toBe(torn);
  });

  it('waits on a batch written by a newer format', () => {
    const [a, b] = setup(2) as [Device, Device];
    newCustomer(b, 'Acme');
    push(b, b.transport);
    const file = batchFile(b, 1);
    writeFileSync(file, readFileSync(file, 'utf8').replace('"format":1', '"format":2'));
    expect(pull(a, a.transport).waiting[0]?.problem).toBe('newer_format');
  });

  it('never applies a batch with values a field cannot hold, and goes on with other devices', () => {
    const [a, b, c] = setup(3) as [Device, Device, Device];
    const id = newCustomer(b, 'Acme');
    push(b, b.transport);
    pull(a, a.transport);
    b.commit([{ op: 'update', table: 'customers', id, values: { notes: 'fine' } }]);
    push(b, b.transport);
    const file = batchFile(b, 2);
    const good = readFileSync(file, 'utf8');
    // A value no column holds (an object) is not a readable batch…
    writeFileSync(file, good.replace('"value":"fine"', '"value":{"x":1}'));
    expect(pull(a, a.transport).waiting[0]?.problem).toBe('torn');
    // …nor is a record stamped as another device (it would win ties it does not own)…
    writeFileSync(file, good.replace(`:${b.deviceId}","user"`, `:${a.deviceId}","user"`));
    expect(pull(a, a.transport).waiting[0]?.problem).toBe('torn');
    // …and a required field set to null fails in its transaction: nothing of the batch lands.
    writeFileSync(
      file,
      good.replace('"column":"notes","value":"fine"', '"column":"name","value":null'),
    );
    const fromC = newCustomer(c, 'from C');
    push(c, c.transport);
    const report = syncOnce(a, a.transport);
    expect(report.state).toBe('waiting');
    expect(report.pulled?.waiting).toMatchObject([
      { deviceId: b.deviceId, seq: 2, problem: 'invalid' },
    ]);
    expect(report.pulled?.waiting[0]?.message).toMatch(/NOT NULL/);
    expect(field(a, 'customers', id, 'name')).toBe('Acme');
    expect(field(a, 'customers', fromC, 'name')).toBe('from C');
    expect(
      (
        a.sqlite
          .prepare(
            "SELECT count(*) AS n FROM change_log WHERE \"column\" = 'name' AND value = 'null'",
          )
          .get() as { n: number }
      ).n,
    ).toBe(0);
    writeFileSync(file, good);
    expect(syncOnce(a, a.transport).state).toBe('synced');
    expect(field(a, 'customers', id, 'notes')).toBe('fine');
  });

  it('handles a device clock 10 minutes fast with the hybrid clock', () => {
    const fast = 10 * 60_000;
    const [a, b, c] = setup(3, [0, 0, fast]) as [Device, Device, Device];
    const id = newCustomer(a, 'Acme');
    settle([a, b, c]);
    world.t += 1000;
    c.commit([{ op: 'update', table: 'customers', id, values: { notes: 'C, clock fast' } }]);
    world.t += 60_000; // a minute later in real time, but 9 minutes "before" C's stamp
    a.commit([{ op: 'update', table: 'customers', id, values: { notes: 'A, a minute later' } }]);
    settle([a, b, c]);
    // Concurrent: the larger stamp wins, the same on every device, and A sees its loss.
    for (const d of [a, b, c]) expect(field(d, 'customers', id, 'notes')).toBe('C, clock fast');
    expect(conflicts(a).filter((x) => x.kind === 'overwrite')).toHaveLength(1);
    // Once A has seen C's change, A's clock runs past it: A's next edit wins, as it should.
    world.t += 60_000;
    a.commit([{ op: 'update', table: 'customers', id, values: { notes: 'A, after seeing C' } }]);
    const stamp = (
      a.sqlite
        .prepare('SELECT max(hlc) AS h FROM change_log WHERE device_id = ?')
        .get(a.deviceId) as { h: string }
    ).h;
    expect(parseHlc(stamp).wall).toBeGreaterThanOrEqual(world.t - 120_000 + fast);
    settle([a, b, c]);
    for (const d of [a, b, c]) expect(field(d, 'customers', id, 'notes')).toBe('A, after seeing C');
    expect(conflicts(c)).toEqual([]); // A had seen C's value: no conflict for C
    expect(dump(b)).toEqual(dump(a));
    expect(dump(c)).toEqual(dump(a));
  });

  describe('a join is whole or refused', () => {
    /** Joins a new file; returns the error, and whether any file of the attempt is left. */
    function tryJoin(label: string): { error: unknown; left: string[] } {
      const file = path.join(world.root, `${label}.sqlite`);
      let error: unknown = null;
      try {
        const { ctx } = joinTeam(file, world.folder);
        open.push(Object.assign(ctx, { label, transport: new FolderTransport(world.folder) }));
      } catch (e) {
        error = e;
      }
      const left = readdirSync(world.root).filter((n) => n.startsWith(`${label}.sqlite`));
      return { error, left };
    }

    function customers(d: Device): number {
      return (d.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    }

    it('refuses without a snapshot when the team began from a database, and leaves no file', () => {
      const [a, b] = setup(2) as [Device, Device];
      for (let i = 0; i < 3; i++) newCustomer(a, `a${i}`);
      newCustomer(b, 'b0');
      settle([a, b]);
      rmSync(path.join(world.folder, 'snapshots'), { recursive: true });
      const { error, left } = tryJoin('C');
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/holds no snapshot/);
      expect((error as { key?: string }).key).toBe('sync.errors.joinNoSnapshot');
      expect(left).toEqual([]);
      // Published again, the join is whole.
      makeSnapshot(a, a.transport);
      const joined = tryJoin('C');
      expect(joined.error).toBeNull();
      const c = open[open.length - 1]!;
      expect(customers(c)).toBe(4);
      settle([a, b, c]);
      expect(dump(c)).toEqual(dump(a));
    });

    it('refuses a gap in a device’s batches or batches that do not go back to its first, naming them', () => {
      const [a, b] = setup(2) as [Device, Device];
      for (let i = 0; i < 4; i++) {
        newCustomer(b, `b${i}`);
        push(b, b.transport);
      }
      settle([a, b]);
      // The only snapshot is A's first, from before B existed: B's batches must start at 1.
      const second = batchFile(b, 2);
      renameSync(second, `${second}.away`);
      const gap = tryJoin('C');
      expect((gap.error as Error).message).toMatch(/B batch 2 missing/);
      expect((gap.error as { key?: string; params?: unknown }).params).toEqual({
        device: 'B',
        seq: 2,
        count: 1,
      });
      expect(gap.left).toEqual([]);
      renameSync(`${second}.away`, second);
      const firstBatch = batchFile(b, 1);
      renameSync(firstBatch, `${firstBatch}.away`);
      const start = tryJoin('C');
      expect((start.error as Error).message).toMatch(/B batch 1 missing/);
      expect(start.left).toEqual([]);
      renameSync(`${firstBatch}.away`, firstBatch);
      // A torn batch is no more whole than a missing one.
      const whole = readFileSync(second, 'utf8');
      writeFileSync(second, whole.slice(0, whole.length - 10));
      expect((tryJoin('C').error as Error).message).toMatch(/B batch 2 torn/);
      writeFileSync(second, whole);
      // The folder whole again: the join works, with every row.
      expect(tryJoin('C').error).toBeNull();
      const c = open[open.length - 1]!;
      expect(customers(c)).toBe(4);
      expect(dump(c)).toEqual(dump(a));
    });

    it('a team that began empty is joined from its batches alone', () => {
      world = makeWorld();
      mkdirSync(path.join(world.root, 'A'));
      const a = Object.assign(openApp(path.join(world.root, 'A', 'pacer.sqlite')), {
        label: 'A',
        transport: new FolderTransport(world.folder),
      });
      open.push(a);
      const { descriptor } = createTeam(a, world.folder, 'Team');
      expect(descriptor.base).toBe('empty');
      const teamId = a.newId();
      a.commit([
        {
          op: 'insert',
          table: 'teams',
          id: teamId,
          values: { name: 'T', managerId: null, parentId: null },
        },
      ]);
      push(a, a.transport);
      rmSync(path.join(world.folder, 'snapshots'), { recursive: true });
      expect(tryJoin('B').error).toBeNull();
      const b = open[open.length - 1]!;
      expect(field(b, 'teams', teamId, 'name')).toBe('T');
      expect(existsSync(path.join(world.root, 'B.sqlite'))).toBe(true);
    });
  });

  describe('the author repairs its torn or lost batches', () => {
    function customers(d: Device): number {
      return (d.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
    }

    it('rewrites a torn batch identically; readers wait on it meanwhile, then converge', () => {
      const [a, b] = setup(2) as [Device, Device];
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 5; j++) ids.push(newCustomer(a, `a${i}-${j}`));
        push(a, a.transport);
      }
      const file = batchFile(a, 2);
      const whole = readFileSync(file, 'utf8');
      writeFileSync(file, whole.slice(0, Math.floor(whole.length * 0.6)));
      // B reads batch 1, stops at the torn 2 (never past it) and says so in its registry.
      const waiting = syncOnce(b, b.transport);
      expect(waiting.pulled?.waiting).toMatchObject([
        { deviceId: a.deviceId, seq: 2, problem: 'torn' },
      ]);
      expect(field(b, 'customers', ids[14]!, 'name')).toBeUndefined();
      expect(b.transport.readDevice(b.deviceId)?.waitingFor).toEqual([[a.deviceId, 2, 'torn']]);
      expect(pull(a, a.transport).asked).toEqual([2]);
      // A's next round writes it again: the same bytes.
      const repaired = syncOnce(a, a.transport);
      expect(repaired.repaired?.repaired).toEqual([2]);
      expect(readFileSync(file, 'utf8')).toBe(whole);
      expect(syncOnce(a, a.transport).repaired?.repaired).toEqual([]);
      settle([a, b]);
      for (const id of ids) expect(field(b, 'customers', id, 'name')).toMatch(/^a\d-\d$/);
      expect(b.transport.readDevice(b.deviceId)?.waitingFor).toBeUndefined();
      // A device joining later is whole too.
      const c = joiner(world, 'C', 30);
      open.push(c);
      expect(customers(c)).toBe(15);
      settle([a, b, c]);
      expect(dump(c)).toEqual(dump(a));
      expect(dump(b)).toEqual(dump(a));
    });

    it('rewrites a batch lost from the folder with the same records', () => {
      const [a, b] = setup(2) as [Device, Device];
      newCustomer(b, 'from B');
      settle([a, b]);
      for (let i = 0; i < 2; i++) {
        newCustomer(a, `a${i}`);
        a.commit([
          { op: 'update', table: 'customers', id: newCustomer(a, `x${i}`), values: { notes: 'n' } },
        ]);
        push(a, a.transport);
      }
      const file = batchFile(a, 1);
      const before = decodeBatch(readFileSync(file, 'utf8'), a.deviceId, 1);
      rmSync(file);
      const c = (() => {
        try {
          return joiner(world, 'C', 30);
        } catch (error) {
          return error as Error;
        }
      })();
      expect(c).toBeInstanceOf(Error); // not whole: refused
      const report = syncOnce(a, a.transport);
      expect(report.repaired?.repaired).toEqual([1]);
      const after = decodeBatch(readFileSync(file, 'utf8'), a.deviceId, 1);
      if (before === 'torn' || after === 'torn') throw new Error('unreadable batch');
      expect(after.records).toEqual(before.records);
      expect(after.header).toMatchObject({
        from: before.header.from,
        to: before.header.to,
        count: before.header.count,
        writtenAt: before.header.writtenAt,
      });
      // The acks it sent then are among those it sends again (each a fact, harmless to repeat).
      expect(after.header.acks).toEqual(expect.arrayContaining(before.header.acks));
      const late = joiner(world, 'C', 30);
      open.push(late);
      settle([a, b, late]);
      expect(customers(late)).toBe(5);
      expect(dump(late)).toEqual(dump(a));
      expect(dump(b)).toEqual(dump(a));
    });

    it('a batch torn right after its rename, before the crash saved its cursor, is written whole and adopted', () => {
      const [a, b] = setup(2) as [Device, Device];
      const id = newCustomer(a, 'Acme');
      // Push writes the file, then the process dies before saving the cursor; the drive tears it.
      const dying: Transport = Object.assign(Object.create(a.transport) as FolderTransport, {
        writeBatch: (
          device: string,
          seq: number,
          batch: Parameters<Transport['writeBatch']>[2],
        ) => {
          a.transport.writeBatch(device, seq, batch);
          throw new TransportError('offline', 'killed');
        },
      });
      expect(() => push(a, dying)).toThrow(/killed/);
      const file = batchFile(a, 1);
      const whole = readFileSync(file, 'utf8');
      writeFileSync(file, whole.slice(0, whole.length - 20));
      const report = syncOnce(a, a.transport);
      expect(report.pushError).toBeNull();
      expect(report.pushed?.batches).toBe(1);
      expect(readFileSync(file, 'utf8')).toBe(whole);
      settle([a, b]);
      expect(field(b, 'customers', id, 'name')).toBe('Acme');
      expect(logSet(b)).toEqual(logSet(a));
    });
  });

  it('"changed at / by" converges: the newest record of each row, local or remote', () => {
    // Clocks apart, C fast: a local wall clock would differ from the winning stamp.
    const [a, b, c] = setup(3, [0, 1500, 5 * 60_000]) as [Device, Device, Device];
    const ids = [0, 1, 2].map((i) => newCustomer(a, `c${i}`));
    settle([a, b, c]);
    for (let round = 0; round < 3; round++) {
      for (const [i, d] of [a, b, c].entries()) {
        world.t += 700;
        for (const id of ids)
          d.commit([
            {
              op: 'update',
              table: 'customers',
              id,
              values: i === 1 ? { notes: `${d.label}${round}` } : { phone: `${d.label}${round}` },
            },
          ]);
      }
      // Only some devices sync between rounds: edits stay concurrent.
      syncOnce([a, b, c][round]!, [a, b, c][round]!.transport);
    }
    settle([a, b, c]);
    expect(dump(b)).toEqual(dump(a));
    expect(dump(c)).toEqual(dump(a));
    for (const id of ids) {
      const newest = a.sqlite
        .prepare(
          'SELECT hlc, user_id FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc DESC LIMIT 1',
        )
        .get('customers', id) as { hlc: string; user_id: string };
      for (const d of [a, b, c]) {
        expect(field(d, 'customers', id, 'updated_by')).toBe(newest.user_id);
        expect(field(d, 'customers', id, 'updated_at')).toBe(
          new Date(parseHlc(newest.hlc).wall).toISOString(),
        );
      }
    }
  });
});
