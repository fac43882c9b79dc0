import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seededBytes, uuidv7Source } from '../../../electron/core/ids';
import { parseSnapshotName, type SnapshotPolicy } from '../../../electron/sync/snapshots';
import { syncOnce, type SyncReport } from '../../../electron/sync/sync';
import { joinTeam, makeSnapshot } from '../../../electron/sync/team';
import {
  dump,
  founder,
  integrityOk,
  joiner,
  makeWorld,
  newCustomer,
  type Device,
  type World,
} from './fixture';

const DAY = 24 * 3_600_000;
let world: World;
const open: { close: () => void }[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  world.cleanup();
});

function setup(n: number): Device[] {
  world = makeWorld();
  const devices = [founder(world, 'A')];
  for (let i = 1; i < n; i++) devices.push(joiner(world, String.fromCharCode(65 + i), 10 + i));
  open.push(...devices);
  return devices;
}

function round(d: Device, policy: SnapshotPolicy = {}): SyncReport {
  const report = syncOnce(d, d.transport, { snapshots: policy });
  expect(report.pushError).toBeNull();
  expect(report.pullError).toBeNull();
  return report;
}

function syncAll(devices: Device[], policy: SnapshotPolicy = {}): SyncReport[] {
  const reports: SyncReport[] = [];
  for (let r = 0; r < 2; r++) for (const d of devices) reports.push(round(d, policy));
  return reports;
}

/** `days` days of work: every device adds a customer each day, then all sync (an hour later). */
function work(devices: Device[], days: number, policy: SnapshotPolicy = {}): SyncReport[] {
  const reports: SyncReport[] = [];
  for (let day = 0; day < days; day++) {
    world.t += DAY;
    for (const d of devices) newCustomer(d, `${d.label}-${world.t}`);
    reports.push(...syncAll(devices, policy));
  }
  return reports;
}

function snapshots(): string[] {
  return readdirSync(path.join(world.folder, 'snapshots'))
    .filter((n) => n.endsWith('.sqlite') && !n.startsWith('.'))
    .sort();
}

function by(device: Device): string[] {
  return snapshots().filter((n) => parseSnapshotName(n)?.device === device.deviceId);
}

function joinFresh(label: string, seed: number): ReturnType<typeof joinTeam> {
  mkdirSync(path.join(world.root, label));
  const joined = joinTeam(path.join(world.root, label, 'pacer.sqlite'), world.folder, {
    appOptions: {
      now: () => new Date(world.t),
      newId: uuidv7Source(() => world.t, seededBytes(seed)),
      deviceName: label,
    },
  });
  open.push(joined.ctx);
  return joined;
}

describe('periodic snapshots', () => {
  it('writes a new snapshot after a week of edits, and a fresh device joins from it and converges', () => {
    const [a, b] = setup(2) as [Device, Device];
    const first = snapshots();
    expect(first).toHaveLength(1);
    const reports = work([a, b], 8);
    const written = reports.map((r) => r.snapshot?.written).filter(Boolean);
    expect(written).toHaveLength(1);
    expect(parseSnapshotName(written[0] ?? '')?.device).toBe(a.deviceId);
    expect(snapshots()).toHaveLength(2);
    // Written on day 7, from A's state then: the join applies only the batches after it.
    const joined = joinFresh('C', 31);
    expect(joined.snapshot).toBe(written[0]);
    const all = readdirSync(path.join(world.folder, 'changes'), { recursive: true }).filter((f) =>
      String(f).endsWith('.jsonl'),
    );
    expect(joined.pulled.batches).toBeGreaterThan(0);
    expect(joined.pulled.batches).toBeLessThan(all.length / 3);
    const c = Object.assign(joined.ctx, { label: 'C', transport: a.transport }) as Device;
    syncAll([a, b, c]);
    expect(dump(c)).toEqual(dump(a));
    expect(dump(b)).toEqual(dump(a));
    expect(integrityOk(c)).toBe(true);
    expect(dump(c).customers).toHaveLength(16);
  });

  it('keeps exactly three of the author’s snapshots after five weeks; a join right after a prune works', () => {
    const [a, b] = setup(2) as [Device, Device];
    const reports = work([a, b], 35);
    expect(reports.filter((r) => r.snapshot?.written)).toHaveLength(5);
    const pruned = reports.flatMap((r) => r.snapshot?.pruned ?? []);
    expect(pruned).toHaveLength(3);
    // Only A wrote, only A pruned, and only its own.
    expect(snapshots()).toHaveLength(3);
    expect(by(a)).toEqual(snapshots());
    // The last round pruned the oldest: a new device joins from what remains, whole.
    const last = reports.findLastIndex((r) => (r.snapshot?.pruned.length ?? 0) > 0);
    expect(last).toBeGreaterThanOrEqual(reports.length - 4);
    const joined = joinFresh('C', 31);
    expect(joined.snapshot).toBe(snapshots().at(-1));
    const c = Object.assign(joined.ctx, { label: 'C', transport: a.transport }) as Device;
    syncAll([a, b, c]);
    expect(dump(c)).toEqual(dump(a));
    expect(dump(c).customers).toHaveLength(70);
  });

  it('never deletes a snapshot another device wrote; a silent writer is taken over by one device', () => {
    const [a, b, c] = setup(3) as [Device, Device, Device];
    world.t += 60_000;
    const gone = makeSnapshot(c, c.transport); // C publishes one, then is never seen again
    c.close();
    open.splice(open.indexOf(c), 1);
    const reports = work([a, b], 42);
    expect(snapshots()).toContain(gone);
    const writers = new Set(
      reports.flatMap((r) =>
        r.snapshot?.written ? [parseSnapshotName(r.snapshot.written)?.device] : [],
      ),
    );
    // One takes over (the lowest id, after two weeks of silence), the other never writes.
    expect(writers.size).toBe(1);
    const writer = [a, b].find((d) => writers.has(d.deviceId)) as Device;
    expect(writer.deviceId).toBe([a.deviceId, b.deviceId].sort()[0]);
    expect(by(writer)).toHaveLength(3);
    for (const r of reports)
      for (const name of r.snapshot?.pruned ?? []) expect(name).not.toBe(gone);
  });

  it('writes one early after N changes, only its author, and keeps a snapshot 10 minutes after a newer one', () => {
    const [a, b] = setup(2) as [Device, Device];
    const policy: SnapshotPolicy = { afterChanges: 40 };
    world.t += 3_600_000;
    syncAll([a, b], policy);
    expect(snapshots()).toHaveLength(1);
    // B's changes reach A's log too: the author counts every record it received.
    for (let i = 0; i < 10; i++) newCustomer(b, `b-${i}`);
    world.t += 60_000;
    const reports = syncAll([b, a], policy);
    expect(reports.map((r) => r.snapshot?.written ?? null).filter(Boolean)).toHaveLength(1);
    expect(by(a)).toHaveLength(2);
    expect(by(b)).toHaveLength(0);
    // Three more in three minutes: the oldest has three newer, but the next is not 10 minutes old.
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 10; i++) newCustomer(a, `a-${k}-${i}`);
      world.t += 60_000;
      syncAll([a, b], policy);
    }
    expect(by(a)).toHaveLength(5);
    world.t += 10 * 60_000;
    for (let i = 0; i < 10; i++) newCustomer(a, `a-late-${i}`);
    syncAll([a, b], policy);
    expect(by(a)).toHaveLength(3);
  });
});
