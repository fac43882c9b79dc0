import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../electron/core/commit';
import { applyBatch } from '../../../electron/sync/apply';
import { dismissConflict, listConflicts } from '../../../electron/sync/conflicts';
import { push } from '../../../electron/sync/push';
import { syncOnce } from '../../../electron/sync/sync';
import { isRefusal } from '../../../electron/sync/transport';
import {
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

/*
 * Authorization on apply (docs/decisions/0024), through the real stack: SQLite files, a team
 * folder, push and pull. The rep's device writes with `commit` directly, as a device whose
 * handlers were bypassed would: the other devices judge each change again and refuse it.
 */

let world: World;
const open: Device[] = [];
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  world.cleanup();
});

/** A: the founding manager; B: a rep; C: another manager of the top team. */
function setup(): [Device, Device, Device] {
  world = makeWorld();
  const a = founder(world, 'A');
  const b = joiner(world, 'B', 11, { role: 'rep' });
  const c = joiner(world, 'C', 12);
  open.push(a, b, c);
  syncAll([a, b, c]);
  return [a, b, c];
}

function syncAll(devices: Device[], rounds = 2): void {
  for (let r = 0; r < rounds; r++)
    for (const d of devices) {
      world.t += 10;
      const report = syncOnce(d, d.transport);
      expect(report.pushError).toBeNull();
      expect(report.pullError).toBeNull();
    }
}

const me = (d: Device): string => {
  const id = d.currentUserId();
  if (!id) throw new Error('no user');
  return id;
};

/** A deal of `owner` on customer `customer`, at M1. */
function newDeal(d: Device, customer: string, owner: string): string {
  const id = d.newId();
  d.commit([
    {
      op: 'insert',
      table: 'deals',
      id,
      values: {
        customerId: customer,
        ownerId: owner,
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
  return id;
}

/** Every change a rep may not make, as one device's commits (a bypassed handler would write). */
function forbiddenChanges(
  d: Device,
  ids: { customer: string; deal: string; dealCustomer: string },
) {
  const target = d.newId();
  d.commit([{ op: 'update', table: 'users', id: me(d), values: { role: 'manager' } }]);
  d.commit([
    {
      op: 'insert',
      table: 'targets',
      id: target,
      values: {
        metric: 'sales',
        scopeType: 'company',
        scopeId: null,
        year: 2026,
        periodKey: '2026-12',
        value: 9_000_000_00,
      },
    } as Change,
  ]);
  d.commit([
    { op: 'insert', table: 'settings', id: 'stalled_days', values: { value: '{"M1":99}' } },
  ]);
  d.commit([{ op: 'update', table: 'customers', id: ids.customer, values: { name: '被改名' } }]);
  d.commit([
    { op: 'update', table: 'deals', id: ids.deal, values: { milestone: 'M4' } },
    {
      op: 'insert',
      table: 'stage_history',
      id: d.newId(),
      values: {
        dealId: ids.deal,
        customerId: ids.dealCustomer,
        fromMilestone: 'M1',
        fromStatus: 'open',
        toMilestone: 'M4',
        toStatus: 'open',
        at: d.now().toISOString(),
        byUserId: me(d),
        forced: true,
        reason: 'trust me',
      },
    },
  ]);
  return { target };
}

/** Applies `from`'s batches to `to` directly, ahead of every other device's (another read order). */
function applyAhead(to: Device, from: Device): void {
  const last = (
    from.sqlite.prepare('SELECT max(seq) AS n FROM sync_batches').get() as { n: number }
  ).n;
  for (let s = 1; s <= last; s++) {
    if (
      to.sqlite
        .prepare('SELECT 1 FROM sync_applied WHERE device_id = ? AND seq = ?')
        .get(from.deviceId, s)
    )
      continue;
    const read = to.transport.readBatch(from.deviceId, s);
    if (typeof read === 'string') throw new Error(read);
    if (isRefusal(read)) throw new Error(read.detail);
    applyBatch(to, read);
  }
}

const refusals = (d: Device) => listConflicts(d.sqlite).filter((c) => c.kind === 'refused');
const count = (d: Device, sql: string, ...args: unknown[]) =>
  (d.sqlite.prepare(sql).get(...args) as { n: number }).n;

describe('authorization on apply', () => {
  it("refuses a rep's forbidden changes on every other device, applies the rest of the batch, and still converges", () => {
    const [a, b, c] = setup();
    const rep = me(b);
    // Another rep's customer (D's), and the rep's own customer and deal on the manager's customer.
    const other = newCustomer(a, '别人的客户');
    const dealCustomer = newCustomer(a, '经理的客户');
    syncAll([a, b, c]);
    const ownDeal = newDeal(a, dealCustomer, rep);
    syncAll([a, b, c]);

    world.t += 1000;
    const mine = newCustomer(b, '我的新客户'); // allowed: before and after the forbidden ones
    const { target } = forbiddenChanges(b, {
      customer: other,
      deal: ownDeal,
      dealCustomer,
    });
    b.commit([{ op: 'update', table: 'customers', id: mine, values: { phone: '138' } }]);
    syncAll([a, b, c]);

    for (const d of [a, c]) {
      // Nothing of the forbidden changes was applied.
      expect(field(d, 'users', rep, 'role')).toBe('rep');
      expect(field(d, 'targets', target, 'value')).toBeUndefined();
      expect(count(d, "SELECT count(*) AS n FROM settings WHERE id = 'stalled_days'")).toBe(0);
      expect(field(d, 'customers', other, 'name')).toBe('别人的客户');
      expect(field(d, 'deals', ownDeal, 'milestone')).toBe('M1');
      expect(count(d, 'SELECT count(*) AS n FROM stage_history WHERE deal_id = ?', ownDeal)).toBe(
        0,
      );
      // …and none of it is in the change log, so it can never win a field later.
      expect(
        count(
          d,
          "SELECT count(*) AS n FROM change_log WHERE user_id = ? AND table_name IN ('targets', 'settings', 'stage_history')",
          rep,
        ),
      ).toBe(0);
      // The rest of the same batch was applied.
      expect(field(d, 'customers', mine, 'name')).toBe('我的新客户');
      expect(field(d, 'customers', mine, 'phone')).toBe('138');
      // Each refusal is listed with its author, device and rule.
      const rules = new Map(
        refusals(d).map((r) => [`${r.table}.${r.column}`, r.refusal?.rule] as const),
      );
      expect(rules.get('users.role')).toBe('teamNeedsManager');
      expect(rules.get('targets.value')).toBe('targetsNeedManager');
      expect(rules.get('settings.value')).toBe('settingsNeedManager');
      expect(rules.get('customers.name')).toBe('outOfScope');
      expect(rules.get('stage_history.forced')).toBe('forceNeedsManager');
      expect(rules.get('deals.milestone')).toBe('forceNeedsManager');
      for (const r of refusals(d))
        expect(r.remote).toMatchObject({ userId: rep, deviceId: b.deviceId });
      expect(integrityOk(d)).toBe(true);
    }
    // Every receiving device refused the same records and holds the same data.
    const key = (d: Device) =>
      refusals(d)
        .map((r) => `${r.remote.hlc} ${r.table} ${r.rowId} ${r.column} ${r.refusal?.rule}`)
        .sort();
    expect(key(c)).toEqual(key(a));
    expect(dump(c)).toEqual(dump(a));
    expect(logSet(c)).toEqual(logSet(a));

    // Reading the batches again refuses nothing twice; the rep's device still pushes.
    const before = refusals(a).length;
    world.t += 1000;
    b.commit([{ op: 'update', table: 'customers', id: mine, values: { phone: '139' } }]);
    syncAll([a, b, c]);
    expect(refusals(a)).toHaveLength(before);
    for (const d of [a, c]) expect(field(d, 'customers', mine, 'phone')).toBe('139');
    expect(dump(c)).toEqual(dump(a));

    // A later, allowed change of the same field wins as if the refused one never was.
    world.t += 1000;
    a.commit([{ op: 'update', table: 'customers', id: other, values: { phone: '021' } }]);
    syncAll([a, b, c]);
    for (const d of [a, b, c]) expect(field(d, 'customers', other, 'phone')).toBe('021');
    for (const d of [a, c]) expect(field(d, 'customers', other, 'name')).toBe('别人的客户');

    // Seen: one dismissal marks every field of that refused row.
    const role = refusals(a).find((r) => r.table === 'targets');
    if (!role) throw new Error('no refusal');
    dismissConflict(a, role.id);
    expect(refusals(a).some((r) => r.table === 'targets')).toBe(false);
  });

  it("refuses a rep's device writing the manager's password, and applies the rep's own (decision 0022)", () => {
    const [a, b, c] = setup();
    const manager = me(a);
    const before = field(a, 'users', manager, 'password_hash');
    world.t += 1000;
    b.commit([
      { op: 'update', table: 'users', id: manager, values: { passwordHash: 'scrypt$forged' } },
      { op: 'update', table: 'users', id: me(b), values: { passwordHash: 'scrypt$own' } },
    ]);
    syncAll([a, b, c]);
    for (const d of [a, c]) {
      expect(field(d, 'users', manager, 'password_hash')).toBe(before);
      expect(field(d, 'users', me(b), 'password_hash')).toBe('scrypt$own');
      expect(refusals(d)).toMatchObject([
        { table: 'users', rowId: manager, refusal: { rule: 'passwordNotYours' } },
      ]);
    }
    expect(dump(c)).toEqual(dump(a));
  });

  it("applies a manager's same changes", () => {
    const [a, b, c] = setup();
    const other = newCustomer(a, '别人的客户');
    const dealCustomer = newCustomer(a, '经理的客户');
    const deal = newDeal(a, dealCustomer, me(b));
    syncAll([a, b, c]);
    world.t += 1000;
    const { target } = forbiddenChanges(c, { customer: other, deal, dealCustomer });
    syncAll([a, b, c]);
    for (const d of [a, b]) {
      expect(refusals(d)).toEqual([]);
      expect(field(d, 'targets', target, 'value')).toBe(9_000_000_00);
      expect(field(d, 'settings', 'stalled_days', 'value')).toBe('{"M1":99}');
      expect(field(d, 'customers', other, 'name')).toBe('被改名');
      expect(field(d, 'deals', deal, 'milestone')).toBe('M4');
      expect(count(d, 'SELECT count(*) AS n FROM stage_history WHERE deal_id = ?', deal)).toBe(1);
    }
    expect(dump(b)).toEqual(dump(a));
  });

  it('judges by the role at the time: a change made after a promotion that arrives late is applied once the promotion is known', () => {
    const [a, b, c] = setup();
    const rep = me(b);
    world.t += 1000;
    a.commit([{ op: 'update', table: 'users', id: rep, values: { role: 'manager' } }]);
    syncOnce(a, a.transport);
    syncOnce(b, b.transport); // B learns it is a manager now…
    world.t += 1000;
    const target = b.newId();
    b.commit([
      {
        op: 'insert',
        table: 'targets',
        id: target,
        values: {
          metric: 'sales',
          scopeType: 'company',
          scopeId: null,
          year: 2026,
          periodKey: '2026-11',
          value: 5_00,
        },
      } as Change,
    ]);
    push(b, b.transport);
    // …but C reads B's batch before A's: B is still a rep as far as C knows.
    applyAhead(c, b);
    expect(field(c, 'targets', target, 'value')).toBeUndefined();
    expect(refusals(c).some((r) => r.table === 'targets')).toBe(true);
    // A's batch arrives: the promotion is older than the target, so the target is applied.
    syncAll([a, b, c]);
    for (const d of [a, b, c]) expect(field(d, 'targets', target, 'value')).toBe(5_00);
    expect(refusals(c)).toEqual([]);
    expect(dump(c)).toEqual(dump(a));
    expect(logSet(c)).toEqual(logSet(a));
  });

  it('holds a change whose author is not known yet, and applies it once their row arrives', () => {
    const [a, b, c] = setup();
    // A adds a manager; C acts as them (their row reached C, not yet B).
    const newcomer = a.newId();
    world.t += 1000;
    a.commit([
      {
        op: 'insert',
        table: 'users',
        id: newcomer,
        values: {
          name: '新经理',
          role: 'manager',
          teamId: field(a, 'users', me(a), 'team_id') as string,
          active: true,
          phone: null,
          email: null,
        },
      },
    ]);
    syncOnce(a, a.transport);
    syncOnce(c, c.transport);
    c.setCurrentUserId(newcomer);
    world.t += 1000;
    c.commit([
      { op: 'insert', table: 'settings', id: 'stalled_days', values: { value: '{"M2":30}' } },
    ]);
    push(c, c.transport);
    applyAhead(b, c);
    expect(field(b, 'users', newcomer, 'role')).toBeUndefined();
    expect(field(b, 'settings', 'stalled_days', 'value')).toBeUndefined();
    expect(refusals(b).map((r) => r.remote.userId)).toContain(newcomer);
    syncAll([a, b, c]);
    for (const d of [a, b, c])
      expect(field(d, 'settings', 'stalled_days', 'value')).toBe('{"M2":30}');
    expect(refusals(b)).toEqual([]);
    expect(dump(b)).toEqual(dump(a));
  });

  it('a demotion counts from its stamp: a change made after it is refused, one made before stays', () => {
    const [a, b, c] = setup();
    const manager = me(c);
    world.t += 1000;
    const early = c.newId();
    c.commit([
      {
        op: 'insert',
        table: 'calendar_days',
        id: early,
        values: { day: '2026-12-24', kind: 'holiday', name: null },
      } as Change,
    ]);
    syncAll([a, b, c]);
    world.t += 1000;
    a.commit([{ op: 'update', table: 'users', id: manager, values: { role: 'rep' } }]);
    syncAll([a, b, c]);
    world.t += 1000;
    const late = c.newId();
    c.commit([
      {
        op: 'insert',
        table: 'calendar_days',
        id: late,
        values: { day: '2026-12-31', kind: 'holiday', name: null },
      } as Change,
    ]);
    syncAll([a, b, c]);
    for (const d of [a, b]) {
      expect(field(d, 'calendar_days', early, 'day')).toBe('2026-12-24');
      expect(field(d, 'calendar_days', late, 'day')).toBeUndefined();
      expect(refusals(d).map((r) => r.refusal?.rule)).toContain('targetsNeedManager');
    }
    expect(dump(b)).toEqual(dump(a));
  });
});
