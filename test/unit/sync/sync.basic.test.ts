import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listConflicts, restoreMine } from '../../../electron/sync/conflicts';
import { pull } from '../../../electron/sync/pull';
import { push } from '../../../electron/sync/push';
import { syncOnce } from '../../../electron/sync/sync';
import { joinTeam, teamStatus } from '../../../electron/sync/team';
import type { Transport } from '../../../electron/sync/transport';
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

function syncAll(devices: Device[], rounds = 2): void {
  for (let r = 0; r < rounds; r++)
    for (const d of devices) {
      const report = syncOnce(d, d.transport);
      expect(report.pushError).toBeNull();
      expect(report.pullError).toBeNull();
    }
}

describe('team folder: create, join, push, pull', () => {
  it('lays out the folder and gives a joining device its own identity', () => {
    const [a, b] = setup(2) as [Device, Device];
    const folder = world.folder;
    const descriptor = JSON.parse(readFileSync(path.join(folder, 'pacer-team.json'), 'utf8'));
    expect(descriptor).toMatchObject({ format: 1, name: 'Team' });
    expect(readdirSync(path.join(folder, 'snapshots'))).toHaveLength(1);
    expect(existsSync(path.join(folder, 'devices', `${a.deviceId}.json`))).toBe(true);
    expect(b.deviceId).not.toBe(a.deviceId);
    // The joiner starts from A's snapshot: A's team and user are there.
    expect(dump(b).users).toHaveLength(2);
    syncAll([a, b]);
    expect(dump(a)).toEqual(dump(b));
    expect(existsSync(path.join(folder, 'changes', b.deviceId, '0000000001.jsonl'))).toBe(true);
  });

  it('carries a change from one device to another, field by field', () => {
    const [a, b] = setup(2) as [Device, Device];
    const id = newCustomer(a, 'Acme 上海', { relationship: 5, attractiveness: 5 });
    syncAll([a, b]);
    expect(field(b, 'customers', id, 'name')).toBe('Acme 上海');
    // Derived columns are recomputed on the receiving device, not shipped.
    expect(field(b, 'customers', id, 'grade')).toBe(field(a, 'customers', id, 'grade'));
    expect(field(b, 'customers', id, 'name_key')).toBe(field(a, 'customers', id, 'name_key'));
    world.t += 1000;
    a.commit([{ op: 'update', table: 'customers', id, values: { name: 'Acme 北京' } }]);
    world.t += 1000;
    b.commit([{ op: 'update', table: 'customers', id, values: { phone: '021-1234' } }]);
    syncAll([a, b]);
    for (const d of [a, b]) {
      expect(field(d, 'customers', id, 'name')).toBe('Acme 北京');
      expect(field(d, 'customers', id, 'phone')).toBe('021-1234');
      expect(conflicts(d)).toEqual([]);
    }
    expect(dump(a)).toEqual(dump(b));
    expect(logSet(a)).toEqual(logSet(b));
  });

  it('last writer wins per field and the overwritten concurrent value is a visible conflict', () => {
    const [a, b] = setup(2) as [Device, Device];
    const id = newCustomer(a, 'Acme');
    syncAll([a, b]);
    world.t += 1000;
    a.commit([{ op: 'update', table: 'customers', id, values: { notes: 'mine (A)' } }]);
    world.t += 1000;
    b.commit([{ op: 'update', table: 'customers', id, values: { notes: 'theirs (B)' } }]);
    syncAll([a, b]);
    expect(field(a, 'customers', id, 'notes')).toBe('theirs (B)');
    expect(field(b, 'customers', id, 'notes')).toBe('theirs (B)');
    expect(conflicts(b)).toEqual([]);
    const [c] = listConflicts(a.sqlite);
    expect(c).toMatchObject({
      kind: 'overwrite',
      table: 'customers',
      rowId: id,
      column: 'notes',
      local: { value: 'mine (A)', userId: a.currentUserId() },
      remote: { value: 'theirs (B)', userId: b.currentUserId(), deviceId: b.deviceId },
    });
    // Restore mine: a new change that wins everywhere; B now sees it as its own conflict.
    world.t += 1000;
    restoreMine(a, c!.id);
    expect(listConflicts(a.sqlite)).toEqual([]);
    syncAll([a, b]);
    expect(field(b, 'customers', id, 'notes')).toBe('mine (A)');
    expect(listConflicts(b.sqlite)).toHaveLength(0); // A had seen B's value: a deliberate change
    expect(dump(a)).toEqual(dump(b));
  });

  it('lists an edit hidden by a concurrent delete, and restoring brings the row back', () => {
    const [a, b] = setup(2) as [Device, Device];
    const id = newCustomer(a, 'Acme');
    syncAll([a, b]);
    world.t += 1000;
    a.commit([{ op: 'update', table: 'customers', id, values: { notes: 'call back Tuesday' } }]);
    world.t += 1000;
    b.commit([{ op: 'delete', table: 'customers', id }]);
    syncAll([a, b]);
    for (const d of [a, b]) expect(field(d, 'customers', id, 'deleted_at')).not.toBeNull();
    const [c] = listConflicts(a.sqlite);
    expect(c).toMatchObject({ kind: 'overwrite', column: 'deleted_at', local: { value: null } });
    expect(listConflicts(b.sqlite)).toEqual([]);
    world.t += 1000;
    restoreMine(a, c!.id);
    syncAll([a, b]);
    for (const d of [a, b]) {
      expect(field(d, 'customers', id, 'deleted_at')).toBeNull();
      expect(field(d, 'customers', id, 'notes')).toBe('call back Tuesday');
    }
    // Deleting after seeing the edit is deliberate: nothing listed.
    world.t += 1000;
    b.commit([{ op: 'delete', table: 'customers', id }]);
    syncAll([a, b]);
    expect(listConflicts(a.sqlite)).toEqual([]);
  });

  it('a change made after seeing the other value is no conflict', () => {
    const [a, b] = setup(2) as [Device, Device];
    const id = newCustomer(a, 'Acme');
    a.commit([{ op: 'update', table: 'customers', id, values: { notes: 'first' } }]);
    syncAll([a, b]);
    world.t += 1000;
    b.commit([{ op: 'update', table: 'customers', id, values: { notes: 'second' } }]);
    syncAll([a, b]);
    expect(field(a, 'customers', id, 'notes')).toBe('second');
    expect(conflicts(a)).toEqual([]);
  });

  it('ties on the physical clock fall to the device id, the same way everywhere', () => {
    const [a, b] = setup(2) as [Device, Device];
    const id = newCustomer(a, 'Acme');
    syncAll([a, b]);
    world.t += 5000; // both clocks read the same millisecond and counter
    a.commit([{ op: 'update', table: 'customers', id, values: { notes: 'A' } }]);
    b.commit([{ op: 'update', table: 'customers', id, values: { notes: 'B' } }]);
    syncAll([a, b]);
    const winner = a.deviceId > b.deviceId ? 'A' : 'B';
    expect(field(a, 'customers', id, 'notes')).toBe(winner);
    expect(field(b, 'customers', id, 'notes')).toBe(winner);
    const loser = winner === 'A' ? b : a;
    expect(conflicts(loser === a ? a : b).length + conflicts(loser === a ? b : a).length).toBe(1);
  });

  it('keeps both moves of a deal moved by two people, and flags two customers with one name', () => {
    const [a, b] = setup(2) as [Device, Device];
    const customer = newCustomer(a, 'Acme');
    const deal = a.newId();
    a.commit([
      {
        op: 'insert',
        table: 'deals',
        id: deal,
        values: {
          customerId: customer,
          ownerId: a.currentUserId()!,
          title: 'ERP',
          amount: 100_000_00,
          expectedCloseOn: '2026-12-31',
          milestone: 'M1',
          status: 'open',
          stageEnteredAt: '2026-11-23T09:00:00.000Z',
          isKey: false,
        },
      },
    ]);
    syncAll([a, b]);
    world.t += 1000;
    const move = (d: Device, to: 'M2' | 'M3') =>
      d.commit([
        { op: 'update', table: 'deals', id: deal, values: { milestone: to } },
        {
          op: 'insert',
          table: 'stage_history',
          id: d.newId(),
          values: {
            dealId: deal,
            customerId: customer,
            fromMilestone: 'M1',
            fromStatus: 'open',
            toMilestone: to,
            toStatus: 'open',
            at: d.now().toISOString(),
            byUserId: d.currentUserId(),
            forced: false,
            reason: null,
          },
        },
      ]);
    move(a, 'M2');
    world.t += 10;
    move(b, 'M3');
    newCustomer(a, 'Beta 公司');
    newCustomer(b, 'beta 公司 '); // the same name key
    syncAll([a, b]);
    for (const d of [a, b]) {
      expect(field(d, 'deals', deal, 'milestone')).toBe('M3');
      expect(
        (
          d.sqlite
            .prepare('SELECT count(*) AS n FROM stage_history WHERE deal_id = ?')
            .get(deal) as { n: number }
        ).n,
      ).toBe(2);
      const dup = conflicts(d).filter((c) => c.kind === 'duplicate');
      expect(dup).toHaveLength(1);
      expect(dup[0]).toMatchObject({ table_name: 'customers' });
    }
    expect(listConflicts(a.sqlite).filter((c) => c.kind === 'overwrite')).toHaveLength(1);
    expect(dump(a)).toEqual(dump(b));
  });

  it('applying a batch twice changes nothing', () => {
    const [a, b] = setup(2) as [Device, Device];
    for (let i = 0; i < 5; i++) newCustomer(a, `c${i}`);
    syncAll([a, b]);
    const before = { rows: dump(b), log: logSet(b) };
    b.sqlite.prepare('UPDATE sync_cursors SET applied_seq = 0').run();
    const again = pull(b, b.transport);
    expect(again.batches).toBeGreaterThan(0);
    expect(again.written).toBe(0);
    expect(again.duplicates).toBe(again.records);
    expect({ rows: dump(b), log: logSet(b) }).toEqual(before);
  });

  it('builds a row whose update arrives before its insert (devices read in another order)', () => {
    const [a, b, c] = setup(3) as [Device, Device, Device];
    const id = newCustomer(a, 'Acme');
    const deal = a.newId();
    a.commit([
      {
        op: 'insert',
        table: 'deals',
        id: deal,
        values: {
          customerId: id,
          ownerId: a.currentUserId()!,
          title: 'ERP',
          amount: 1000,
          expectedCloseOn: '2026-12-31',
          milestone: 'M1',
          status: 'open',
          stageEnteredAt: '2026-11-23T09:00:00.000Z',
          isKey: false,
        },
      },
    ]);
    push(a, a.transport);
    pull(b, b.transport);
    world.t += 1000;
    b.commit([{ op: 'update', table: 'customers', id, values: { notes: 'from B' } }]);
    const score = b.newId();
    b.commit([
      {
        op: 'insert',
        table: 'deal_scores',
        id: score,
        values: {
          dealId: deal,
          scoredAt: '2026-11-23T10:00:00.000Z',
          scoredBy: null,
          problemLevel: 'admits_pain',
          problemWith: 'decider',
          powerLevel: 'dm_agrees_buy',
          visionLevel: 'customer_agrees',
          visionWith: 'decider',
          valueLevel: 'agreed_financial',
          valueWith: 'decider',
          controlLevel: 'evaluation_plan_done',
          note: null,
        },
      },
    ]);
    b.commit([
      {
        op: 'insert',
        table: 'activities',
        id: b.newId(),
        values: {
          customerId: id,
          kind: 'call',
          at: '2026-11-23T10:00:00.000Z',
          body: 'call',
          userId: null,
          contactId: null,
          category: null,
        },
      },
      {
        op: 'insert',
        table: 'visits',
        id: b.newId(),
        values: {
          ownerId: 'someone',
          customerId: id,
          day: '2026-11-20',
          startAt: '2026-11-20T02:00:00.000Z',
          endAt: '2026-11-20T03:00:00.000Z',
          timeZone: 'Asia/Shanghai',
          purpose: 'service',
          planned: true,
          status: 'done',
        },
      },
    ]);
    push(b, b.transport);
    // C reads only B first: the customer does not exist there yet.
    const only = (t: Transport, device: string): Transport => ({
      ...t,
      listDevices: () => [device],
      readDevice: (d) => (d === device ? t.readDevice(d) : null),
      readBatch: (d, seq) => (d === device ? t.readBatch(d, seq) : 'missing'),
    });
    const first = pull(c, only(c.transport, b.deviceId));
    expect(first.pendingRows).toBeGreaterThan(0);
    expect(field(c, 'customers', id, 'name')).toBeUndefined();
    pull(c, c.transport);
    expect(field(c, 'customers', id, 'notes')).toBe('from B');
    // Trigger caches of rows created after their sources: recomputed as the triggers would.
    expect(field(c, 'customers', id, 'last_contact_at')).toBe('2026-11-23T10:00:00.000Z');
    expect(field(c, 'customers', id, 'last_visit_on')).toBe('2026-11-20');
    expect(field(c, 'deals', deal, 'score_id')).toBe(score);
    expect(field(c, 'deals', deal, 'score_total')).toBe(100);
    expect(field(c, 'deal_scores', score, 'total_points')).toBe(100);
    syncAll([a, b, c]);
    expect(dump(c)).toEqual(dump(a));
    expect(dump(b)).toEqual(dump(a));
  });

  it('reports status and progress', () => {
    const [a] = setup(1) as [Device];
    for (let i = 0; i < 3; i++) {
      newCustomer(a, `c${i}`);
      push(a, a.transport);
    }
    const progress: string[] = [];
    const { ctx: b } = joinTeam(path.join(world.root, 'B.sqlite'), world.folder, {
      onProgress: (stage, done, total) => progress.push(`${stage} ${done}/${total}`),
    });
    open.push(Object.assign(b, { label: 'B', transport: a.transport }));
    expect(progress).toEqual([
      'snapshot 0/1',
      'snapshot 1/1',
      'changes 1/3',
      'changes 2/3',
      'changes 3/3',
    ]);
    const status = teamStatus(a);
    expect(status.team?.name).toBe('Team');
    expect(status.reachable).toBe(true);
    expect(status.devices.map((d) => d.deviceId)).toContain(b.deviceId);
    expect(integrityOk(b)).toBe(true);
  });
});
