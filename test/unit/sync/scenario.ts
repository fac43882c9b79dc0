/**
 * The convergence scenario, shared by the plain-folder and the sshfs suites: devices make
 * seeded random edits through `commit` over the synced tables and sync at random moments;
 * `checkConverged` is the oracle.
 */
import { expect } from 'vitest';
import type { Change } from '../../../electron/core/commit';
import { seededRandom } from '../../../electron/core/ids';
import { isSyncedTable, tableInfo } from '../../../electron/core/tables';
import { pull } from '../../../electron/sync/pull';
import { push } from '../../../electron/sync/push';
import { syncOnce } from '../../../electron/sync/sync';
import { dump, integrityOk, logSet, type Device } from './fixture';

type LogRow = {
  seq: number;
  hlc: string;
  device_id: string;
  table_name: string;
  row_id: string;
  column: string;
  value: string | null;
};

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

function someId(d: Device, rand: () => number, table: string, where = '1 = 1'): string | null {
  const n = (
    d.sqlite.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }
  ).n;
  if (n === 0) return null;
  const row = d.sqlite
    .prepare(`SELECT id FROM "${table}" WHERE ${where} ORDER BY id LIMIT 1 OFFSET ?`)
    // Half the time one of a few hot rows, so devices often edit the same fields concurrently.
    .get(Math.floor(rand() * (rand() < 0.5 ? Math.min(n, 3) : n))) as { id: string };
  return row.id;
}

/** One random edit, the way the features write: through commit, as the device's user. */
export function randomEdit(d: Device, rand: () => number): void {
  const now = d.now().toISOString();
  const day = now.slice(0, 10);
  const me = d.currentUserId()!;
  const customer = someId(d, rand, 'customers');
  const deal = someId(d, rand, 'deals');
  const r = rand();
  const changes: Change[] = [];
  const names = ['Acme', '华为', 'Beta', 'Gamma', '腾讯', 'Delta', 'Omega', 'Zeta'];
  if (r < 0.05 || !customer) {
    changes.push({
      op: 'insert',
      table: 'customers',
      id: d.newId(),
      values: {
        name: `${pick(rand, names)} ${Math.floor(rand() * 30)}`,
        status: 'prospect',
        ownerId: me,
        tags: '[]',
      },
    } as Change);
  } else if (r < 0.35) {
    const values = pick(rand, [
      { notes: `note ${Math.floor(rand() * 1000)} by ${d.label}` },
      { phone: `021-${Math.floor(rand() * 10_000)}` },
      { region: pick(rand, ['华东', '华北', '华南']) },
      { relationship: 1 + Math.floor(rand() * 5), attractiveness: 1 + Math.floor(rand() * 5) },
      { status: pick(rand, ['prospect', 'customer', 'lost']) },
      { name: `${pick(rand, names)} ${Math.floor(rand() * 30)}` },
      { gradeOverride: pick(rand, ['key', null]) },
    ]);
    changes.push({ op: 'update', table: 'customers', id: customer, values } as Change);
  } else if (r < 0.4) {
    changes.push({
      op: rand() < 0.5 ? 'delete' : 'restore',
      table: 'customers',
      id: customer,
    } as Change);
  } else if (r < 0.47) {
    changes.push({
      op: 'insert',
      table: 'contacts',
      id: d.newId(),
      values: {
        customerId: customer,
        name: `contact ${Math.floor(rand() * 100)}`,
        title: null,
        phone: null,
      },
    } as Change);
  } else if (r < 0.53) {
    const contact = someId(d, rand, 'contacts');
    if (contact)
      changes.push({
        op: 'update',
        table: 'contacts',
        id: contact,
        values: pick(rand, [
          { title: `title ${d.label}${Math.floor(rand() * 9)}` },
          { phone: String(Math.floor(rand() * 1e6)) },
        ]),
      } as Change);
  } else if (r < 0.6 || !deal) {
    changes.push({
      op: 'insert',
      table: 'deals',
      id: d.newId(),
      values: {
        customerId: customer,
        ownerId: me,
        title: `deal ${Math.floor(rand() * 100)}`,
        amount: Math.floor(rand() * 1e7),
        expectedCloseOn: '2026-12-31',
        milestone: 'M1',
        status: 'open',
        stageEnteredAt: now,
        isKey: false,
      },
    } as Change);
  } else if (r < 0.7) {
    changes.push({
      op: 'update',
      table: 'deals',
      id: deal,
      values: pick(rand, [
        { amount: Math.floor(rand() * 1e7) },
        { title: `deal ${d.label} ${Math.floor(rand() * 100)}` },
        { nextStep: `step ${Math.floor(rand() * 100)}` },
        { isKey: rand() < 0.5 },
      ]),
    } as Change);
  } else if (r < 0.78) {
    // A move: the deal's milestone and an insert-only history row, in one commit.
    const current = d.sqlite
      .prepare('SELECT milestone, customer_id FROM deals WHERE id = ?')
      .get(deal) as {
      milestone: string;
      customer_id: string;
    };
    const to = pick(rand, ['M1', 'M2', 'M3', 'M4', 'M5']);
    if (to !== current.milestone)
      changes.push(
        {
          op: 'update',
          table: 'deals',
          id: deal,
          values: { milestone: to, stageEnteredAt: now },
        } as Change,
        {
          op: 'insert',
          table: 'stage_history',
          id: d.newId(),
          values: {
            dealId: deal,
            customerId: current.customer_id,
            fromMilestone: current.milestone,
            fromStatus: 'open',
            toMilestone: to,
            toStatus: 'open',
            at: now,
            byUserId: me,
            forced: false,
            reason: null,
          },
        } as Change,
      );
  } else if (r < 0.82) {
    changes.push({
      op: 'insert',
      table: 'deal_scores',
      id: d.newId(),
      values: {
        dealId: deal,
        scoredAt: now,
        scoredBy: me,
        problemLevel: pick(rand, ['cannot_describe', 'admits_pain']),
        problemWith: pick(rand, ['contact', 'decider']),
        powerLevel: pick(rand, ['dm_unknown', 'dm_agrees_buy']),
        visionLevel: 'product_vision',
        visionWith: 'contact',
        valueLevel: 'customer_states',
        valueWith: 'decider',
        controlLevel: 'dm_revises_plan',
        note: null,
      },
    } as Change);
  } else if (r < 0.88) {
    const start = new Date(d.now().getTime() - Math.floor(rand() * 86_400_000)).toISOString();
    changes.push({
      op: 'insert',
      table: 'visits',
      id: d.newId(),
      values: {
        ownerId: me,
        customerId: customer,
        contactIds: '[]',
        day,
        startAt: start,
        endAt: start,
        timeZone: 'Asia/Shanghai',
        routeOrder: 1,
        purpose: 'develop',
        planned: true,
        status: rand() < 0.5 ? 'done' : 'planned',
      },
    } as Change);
  } else if (r < 0.92) {
    const visit = someId(d, rand, 'visits');
    if (visit)
      changes.push({
        op: 'update',
        table: 'visits',
        id: visit,
        values: pick(rand, [
          { status: 'done' },
          { status: 'cancelled' },
          { outcome: `outcome ${d.label}` },
        ]),
      } as Change);
  } else if (r < 0.95) {
    changes.push({
      op: 'insert',
      table: 'activities',
      id: d.newId(),
      values: {
        customerId: customer,
        kind: pick(rand, ['call', 'note', 'handover']),
        at: now,
        body: 'x',
        userId: me,
        contactId: null,
        category: null,
      },
    } as Change);
  } else {
    const target = someId(d, rand, 'targets');
    if (target && rand() < 0.6)
      changes.push({
        op: 'update',
        table: 'targets',
        id: target,
        values: { value: Math.floor(rand() * 1e6) },
      } as Change);
    else
      changes.push({
        op: 'insert',
        table: 'targets',
        id: d.newId(),
        values: {
          metric: 'sales',
          scopeType: 'company',
          scopeId: null,
          year: 2026,
          periodKey: pick(rand, ['2026-11', '2026-12']),
          value: Math.floor(rand() * 1e6),
        },
      } as Change);
  }
  if (changes.length > 0) d.commit(changes);
}

function sqlValue(json: string | null): unknown {
  const v = json === null ? null : (JSON.parse(json) as unknown);
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** Rounds of random edits on every device, each syncing (push, pull or both) at random moments. */
export function playRounds(
  devices: Device[],
  rand: () => number,
  rounds: number,
  tick: (ms: number) => void,
  onRound?: (round: number) => void,
): number {
  let edits = 0;
  for (let round = 0; round < rounds; round++) {
    tick(Math.floor(rand() * 4000));
    onRound?.(round);
    for (const d of devices) {
      const n = Math.floor(rand() * 3);
      for (let i = 0; i < n; i++) {
        randomEdit(d, rand);
        edits += 1;
      }
      const s = rand();
      if (s < 0.1) push(d, d.transport);
      else if (s < 0.2) pull(d, d.transport);
      else if (s < 0.3) syncOnce(d, d.transport);
    }
  }
  for (let i = 0; i < 2; i++) for (const d of devices) syncOnce(d, d.transport);
  return edits;
}

export { seededRandom };

function expectedConflicts(x: Device, logs: Map<string, LogRow[]>) {
  const position = new Map<string, Map<string, number>>();
  for (const [device, rows] of logs) {
    const map = new Map<string, number>();
    for (const r of rows)
      map.set(`${r.device_id}|${r.hlc}|${r.table_name}|${r.row_id}|${r.column}`, r.seq);
    position.set(device, map);
  }
  const winner = new Map<string, LogRow>();
  const lastOwn = new Map<string, LogRow>();
  const expected: string[] = [];
  let deliberate = 0;
  const fieldKey = (r: LogRow) => `${r.device_id}|${r.hlc}|${r.table_name}|${r.row_id}|${r.column}`;
  /** Had r's device applied `seen` before it made r? (Its own log order says.) */
  const knew = (seen: LogRow, r: LogRow) => {
    const theirs = position.get(r.device_id)!;
    const seenAt = theirs.get(fieldKey(seen));
    return seenAt !== undefined && seenAt < theirs.get(fieldKey(r))!;
  };
  for (const r of logs.get(x.deviceId)!) {
    const key = `${r.table_name}|${r.row_id}|${r.column}`;
    const rowKey = `${r.table_name}|${r.row_id}`;
    const w = winner.get(key);
    if (r.device_id === x.deviceId) lastOwn.set(rowKey, r);
    if (w && w.hlc >= r.hlc) continue;
    winner.set(key, r);
    if (r.device_id === x.deviceId) continue;
    const ownReplaced = w !== undefined && w.device_id === x.deviceId && w.value !== r.value;
    if (ownReplaced && !knew(w, r)) {
      expected.push(`${key}|${w.hlc}|${r.hlc}`);
      continue;
    }
    if (ownReplaced) deliberate += 1;
    if (r.column === 'deleted_at' && r.value !== 'null' && (!w || w.value === 'null')) {
      // A live row deleted: own edits of it made concurrently are hidden, so listed.
      const own = lastOwn.get(rowKey);
      if (own && !knew(own, r)) expected.push(`${key}|${own.hlc}|${r.hlc}`);
    }
  }
  return { expected: expected.sort(), deliberate };
}

/**
 * The oracle: identical tables and change logs, sound files, every field holding its newest
 * record's value, and exactly the concurrent overwrites in each device's conflict list.
 */
export function checkConverged(devices: Device[], minFields = 500) {
  const a = devices[0]!;
  // Identical tables and identical change logs everywhere, and sound files.
  const reference = dump(a);
  for (const d of devices) expect(dump(d)).toEqual(reference);
  const log = logSet(a);
  for (const d of devices) expect(logSet(d)).toEqual(log);
  for (const d of devices) expect(integrityOk(d)).toBe(true);

  // Last writer wins per field: every field holds its newest record's value, so every
  // edit not replaced by a newer one survived.
  const rows = a.sqlite
    .prepare(
      `SELECT l.table_name, l.row_id, l."column", l.value FROM change_log l
       JOIN (SELECT table_name, row_id, "column", max(hlc) AS hlc FROM change_log GROUP BY 1, 2, 3) m
         ON m.table_name = l.table_name AND m.row_id = l.row_id AND m."column" = l."column" AND m.hlc = l.hlc`,
    )
    .all() as LogRow[];
  let checked = 0;
  for (const r of rows) {
    if (!isSyncedTable(r.table_name)) continue;
    expect(
      Object.values(tableInfo[r.table_name].columns).some((col) => col.name === r.column),
    ).toBe(true);
    const stored = a.sqlite
      .prepare(`SELECT "${r.column}" AS v FROM "${r.table_name}" WHERE id = ?`)
      .get(r.row_id) as { v: unknown } | undefined;
    expect(stored, `${r.table_name} ${r.row_id}`).toBeDefined();
    expect(stored?.v, `${r.table_name}.${r.column} ${r.row_id}`).toEqual(sqlValue(r.value));
    checked += 1;
  }
  expect(checked).toBeGreaterThan(minFields);

  // Every own value replaced by a concurrent remote change is in that device's conflict
  // list — and nothing else is (a change made after seeing the value is deliberate).
  const logs = new Map(
    devices.map((d) => [
      d.deviceId,
      d.sqlite
        .prepare(
          'SELECT seq, hlc, device_id, table_name, row_id, "column", value FROM change_log ORDER BY seq',
        )
        .all() as LogRow[],
    ]),
  );
  let total = 0;
  let deliberateTotal = 0;
  for (const d of devices) {
    const { expected, deliberate } = expectedConflicts(d, logs);
    const recorded = (
      d.sqlite
        .prepare(
          'SELECT table_name, row_id, "column", local_hlc, remote_hlc FROM sync_conflicts WHERE kind = \'overwrite\'',
        )
        .all() as Record<string, string>[]
    )
      .map((c) => `${c.table_name}|${c.row_id}|${c.column}|${c.local_hlc}|${c.remote_hlc}`)
      .sort();
    expect(recorded).toEqual(expected);
    total += expected.length;
    deliberateTotal += deliberate;
  }
  return { conflicts: total, deliberate: deliberateTotal, fields: checked, records: log.length };
}
