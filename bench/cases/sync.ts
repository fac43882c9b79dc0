import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Change } from '../../electron/core/commit';
import { openApp, type AppContext } from '../../electron/core/context';
import { generateDeviceKeys, newTeamKey } from '../../electron/sync/crypto';
import { FolderTransport } from '../../electron/sync/folder';
import { pull } from '../../electron/sync/pull';
import { push } from '../../electron/sync/push';
import { createTeam, joinTeam } from '../../electron/sync/team';
import { fixedTrust, type MemberKey } from '../../electron/sync/trust';
import type { Bench, Row } from '../bench';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function customers(ctx: AppContext, n: number, prefix: string): Change[] {
  const owner = ctx.currentUserId();
  return Array.from(
    { length: n },
    (_, i) =>
      ({
        op: 'insert',
        table: 'customers',
        id: ctx.newId(),
        values: {
          name: `${prefix} ${i}`,
          status: 'prospect',
          ownerId: owner,
          tags: '[]',
          phone: `021-${i}`,
          region: '华东',
          industry: '制造',
          notes: `note ${i}`,
          relationship: 1 + (i % 5),
        },
      }) as Change,
  );
}

/**
 * Sealed transports (decision 0021) for the devices of a bench folder: each signs its own
 * files, every one is a member, one team key.
 */
function sealedTransports(folder: string) {
  const members: Record<string, MemberKey> = {};
  const epochs = { e1: newTeamKey() };
  return (deviceId: string) => {
    const keys = generateDeviceKeys();
    members[deviceId] = { signKey: keys.sign.publicKey, removedAfter: null };
    const trust = fixedTrust({
      teamId: 'bench',
      deviceId,
      keys,
      members,
      epochs,
      writeEpoch: 'e1',
    });
    return new FolderTransport(folder, trust);
  };
}

/**
 * Issue 9's budgets, on their own team folder (sync does not need the large demo: a batch
 * costs the same whatever the file holds besides): applying 100,000 remote changes, an idle
 * pull with 20 devices, pushing 100 changes. `sealed`: the same through signed, encrypted
 * files (issue 15): what sealing and opening add.
 */
export function measureSync(
  dir: string,
  record: (row: Row) => void,
  options: { sealed?: boolean } = {},
): void {
  const label = options.sealed ? ' (sealed)' : '';
  const folder = path.join(dir, 'team');
  mkdirSync(path.join(dir, 'a'), { recursive: true });
  const a = openApp(path.join(dir, 'a', 'pacer.sqlite'), { deviceName: 'bench-a' });
  const userId = a.newId();
  a.setCurrentUserId(userId);
  a.commit([
    {
      op: 'insert',
      table: 'users',
      id: userId,
      values: {
        name: 'bench',
        role: 'manager',
        teamId: null,
        active: true,
        phone: null,
        email: null,
      },
    },
  ]);
  createTeam(a, folder, 'bench');
  const { ctx: b } = joinTeam(path.join(dir, 'b.sqlite'), folder);
  // The team is made plain (createTeam and joinTeam are not sealed yet); what is timed is sealed.
  const seal = options.sealed ? sealedTransports(folder) : null;
  const transportA = seal ? seal(a.deviceId) : new FolderTransport(folder);
  const transportB = seal ? seal(b.deviceId) : transportA;
  try {
    // 100,000 field changes: 10,000 new customers of 10 logged fields each.
    let made = 0;
    while (made < 100_000) made += a.commit(customers(a, 1000, `c${made}`)).fieldChanges;
    push(a, transportA);
    const started = performance.now();
    const applied = pull(b, transportB);
    record({
      name: `sync: apply 100,000 remote changes${label}`,
      value: performance.now() - started,
      budget: 10_000,
      unit: 'ms',
      note: `${applied.records} records in ${applied.batches} batches`,
    });

    // 100,000 updates of existing rows (the field's newest stamp is looked up for each).
    const ids = (
      a.sqlite.prepare('SELECT id FROM customers ORDER BY id LIMIT 10000').all() as { id: string }[]
    ).map((r) => r.id);
    for (let round = 0; round < 10; round++)
      for (let i = 0; i < ids.length; i += 1000)
        a.commit(
          ids.slice(i, i + 1000).map(
            (id) =>
              ({
                op: 'update',
                table: 'customers',
                id,
                values: { notes: `round ${round}` },
              }) as Change,
          ),
        );
    push(a, transportA);
    const updatesStarted = performance.now();
    const updated = pull(b, transportB);
    record({
      name: `sync: apply 100,000 remote updates${label}`,
      value: performance.now() - updatesStarted,
      budget: 10_000,
      unit: 'ms',
      note: `${updated.records} records in ${updated.batches} batches`,
    });

    // 20 devices, nothing new: one registry read and one open of the next name per device.
    for (let i = 0; i < 19; i++) {
      const deviceId = `idle-device-${String(i).padStart(2, '0')}`;
      (seal ? seal(deviceId) : transportA).writeDevice({
        deviceId,
        name: `idle ${i}`,
        userName: null,
        appVersion: '0.1.0',
        lastSeenAt: new Date().toISOString(),
        lastSeq: 0,
      });
    }
    const idle: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      pull(b, transportB);
      idle.push(performance.now() - t);
    }
    record({
      name: `sync: idle pull, 20 devices${label}`,
      value: median(idle),
      budget: 50,
      unit: 'ms',
    });

    const pushes: number[] = [];
    for (let i = 0; i < 15; i++) {
      b.commit(customers(b, 10, `p${i}`)); // 10 customers × 10 fields
      const t = performance.now();
      push(b, transportB);
      pushes.push(performance.now() - t);
    }
    record({
      name: `sync: push 100 changes${label}`,
      value: median(pushes),
      budget: 50,
      unit: 'ms',
    });
  } finally {
    a.close();
    b.close();
  }
}

export function run(bench: Bench): Promise<void> {
  measureSync(path.join(bench.dir, 'plain'), (row) => bench.record(row));
  measureSync(path.join(bench.dir, 'sealed'), (row) => bench.record(row), { sealed: true });
  return Promise.resolve();
}
