import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Change } from '../../electron/core/commit';
import { openApp, type AppContext } from '../../electron/core/context';
import { FolderTransport } from '../../electron/sync/folder';
import { pull } from '../../electron/sync/pull';
import { push } from '../../electron/sync/push';
import { createTeam, joinTeam } from '../../electron/sync/team';
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
 * Issue 9's budgets, on their own team folder (sync does not need the large demo: a batch
 * costs the same whatever the file holds besides): applying 100,000 remote changes, an idle
 * pull with 20 devices, pushing 100 changes.
 */
export function measureSync(dir: string, record: (row: Row) => void): void {
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
  const transport = new FolderTransport(folder);
  try {
    // 100,000 field changes: 10,000 new customers of 10 logged fields each.
    let made = 0;
    while (made < 100_000) made += a.commit(customers(a, 1000, `c${made}`)).fieldChanges;
    push(a, transport);
    const started = performance.now();
    const applied = pull(b, transport);
    record({
      name: 'sync: apply 100,000 remote changes',
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
    push(a, transport);
    const updatesStarted = performance.now();
    const updated = pull(b, transport);
    record({
      name: 'sync: apply 100,000 remote updates',
      value: performance.now() - updatesStarted,
      budget: 10_000,
      unit: 'ms',
      note: `${updated.records} records in ${updated.batches} batches`,
    });

    // 20 devices, nothing new: one registry read and one open of the next name per device.
    for (let i = 0; i < 19; i++)
      transport.writeDevice({
        deviceId: `idle-device-${String(i).padStart(2, '0')}`,
        name: `idle ${i}`,
        userName: null,
        appVersion: '0.1.0',
        lastSeenAt: new Date().toISOString(),
        lastSeq: 0,
      });
    const idle: number[] = [];
    for (let i = 0; i < 25; i++) {
      const t = performance.now();
      pull(b, transport);
      idle.push(performance.now() - t);
    }
    record({ name: 'sync: idle pull, 20 devices', value: median(idle), budget: 50, unit: 'ms' });

    const pushes: number[] = [];
    for (let i = 0; i < 15; i++) {
      b.commit(customers(b, 10, `p${i}`)); // 10 customers × 10 fields
      const t = performance.now();
      push(b, transport);
      pushes.push(performance.now() - t);
    }
    record({ name: 'sync: push 100 changes', value: median(pushes), budget: 50, unit: 'ms' });
  } finally {
    a.close();
    b.close();
  }
}

export function run(bench: Bench): Promise<void> {
  measureSync(bench.dir, (row) => bench.record(row));
  return Promise.resolve();
}
