import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/contract/team';
import { handoverPartNames, receiverOf } from '../../../../shared/domain/handover';
import { executeHandover } from '../../../../electron/features/handover/handover.plan';
import { handoverParts, type HandoverPart } from '../../../../electron/features/handover/parts';
import { call, callError, count, dbSnapshot, startTeam, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
let manager: User;
let zhang: User; // leaving
let li: User;
let wang: User;
let zhao: User; // inactive
let admin: User;
/** Customer ids by short name: c1…c6 are 张三's (c6 deleted), c7 is 李四's. */
const c: Record<string, string> = {};
/** Follow-up ids by short name. */
const f: Record<string, string> = {};

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

function addCustomer(
  key: string,
  ownerId: string,
  region: string | null,
  scores: [number, number] | null,
) {
  const id = app.newId();
  c[key] = id;
  app.commit([
    {
      op: 'insert',
      table: 'customers',
      id,
      values: {
        name: `客户${key}`,
        ownerId,
        region,
        status: 'customer',
        relationship: scores?.[0] ?? null,
        attractiveness: scores?.[1] ?? null,
      },
    },
  ]);
}

const d: Record<string, string> = {};
function addDeal(key: string, ownerId: string, customer: string, status: 'open' | 'won' | 'lost') {
  const id = app.newId();
  d[key] = id;
  app.commit([
    {
      op: 'insert',
      table: 'deals',
      id,
      values: {
        customerId: c[customer] ?? '',
        ownerId,
        title: `机会 ${key}`,
        amount: 10_000_000,
        expectedCloseOn: '2026-12-31',
        milestone: status === 'won' ? 'M6' : 'M2',
        status,
        stageEnteredAt: '2026-11-01T00:00:00.000Z',
        closedOn: status === 'open' ? null : '2026-11-20',
        isKey: false,
      },
    },
  ]);
}

function addFollowUp(key: string, ownerId: string, customer: string, done = false) {
  const id = app.newId();
  f[key] = id;
  app.commit([
    {
      op: 'insert',
      table: 'follow_ups',
      id,
      values: {
        customerId: c[customer] ?? '',
        ownerId,
        dueOn: '2026-11-30',
        text: `回访 ${key}`,
        doneAt: done ? '2026-11-20T08:00:00.000Z' : null,
      },
    },
  ]);
}

const owner = (table: 'customers' | 'follow_ups' | 'deals', id: string | undefined) =>
  (app.sqlite.prepare(`SELECT owner_id AS o FROM ${table} WHERE id = ?`).get(id) as { o: string })
    .o;
const isActive = (id: string) =>
  (app.sqlite.prepare('SELECT active AS a FROM users WHERE id = ?').get(id) as { a: number }).a ===
  1;

beforeEach(async () => {
  app = tempApp();
  const team = await startTeam(app, ['张三', '李四', '王五', '赵六']);
  manager = team.manager;
  const teamId = team.teamId;
  [zhang, li, wang, zhao] = team.reps as [User, User, User, User];
  admin = await call(app, 'team.saveUser', { name: '管理员', role: 'admin', teamId });
  await call(app, 'team.setUserActive', { id: zhao.id, active: false });

  addCustomer('c1', zhang.id, '华东', [4, 4]); // key
  addCustomer('c2', zhang.id, '华东', [2, 4]); // potential
  addCustomer('c3', zhang.id, '华南', null); // ungraded
  addCustomer('c4', zhang.id, '华南', [5, 3]); // key
  addCustomer('c5', zhang.id, null, [4, 2]); // ordinary, no region
  addCustomer('c6', zhang.id, '华东', [1, 1]);
  app.commit([{ op: 'delete', table: 'customers', id: c.c6 ?? '' }]);
  addCustomer('c7', li.id, '华东', null);

  addFollowUp('f1', zhang.id, 'c1');
  addFollowUp('f2', zhang.id, 'c3');
  addFollowUp('f3', zhang.id, 'c1', true); // done: stays credited
  addFollowUp('f4', zhang.id, 'c7'); // on 李四's customer: goes to the default colleague
  addFollowUp('f5', li.id, 'c1'); // not 张三's: untouched
  addFollowUp('f6', zhang.id, 'c2');
  app.commit([{ op: 'delete', table: 'follow_ups', id: f.f6 ?? '' }]);

  addDeal('d1', zhang.id, 'c1', 'open');
  addDeal('d2', zhang.id, 'c4', 'open');
  addDeal('d3', zhang.id, 'c1', 'won'); // closed: stays credited
  addDeal('d4', zhang.id, 'c2', 'lost'); // closed: stays credited
  app.tick(60_000);
});
afterEach(() => {
  app.cleanup();
});

describe('handover parts', () => {
  it('has one part per name the contract knows, in the same order', () => {
    expect(handoverParts.map((p) => p.name)).toEqual([...handoverPartNames]);
  });
});

describe('handover.preview', () => {
  it('counts live customers and open follow-ups, and splits customers by region and by grade', async () => {
    const preview = await call(app, 'handover.preview', { fromUserId: zhang.id });
    expect(preview.user).toMatchObject({ id: zhang.id, name: '张三', active: true });
    expect(preview.parts).toEqual([
      { part: 'customers', count: 5 },
      { part: 'openDeals', count: 2 },
      { part: 'followUps', count: 3 },
      { part: 'futureVisits', count: 0 },
    ]);
    expect(preview.byRegion).toEqual([
      { region: '华东', customers: 2 },
      { region: '华南', customers: 2 },
      { region: '', customers: 1 },
    ]);
    expect(preview.byGrade).toEqual([
      { grade: 'key', customers: 2 },
      { grade: 'potential', customers: 1 },
      { grade: 'ordinary', customers: 1 },
      { grade: 'ungraded', customers: 1 },
    ]);
  });

  it('answers zero counts and empty breakdowns for a rep who owns nothing', async () => {
    const preview = await call(app, 'handover.preview', { fromUserId: wang.id });
    expect(preview.parts).toEqual([
      { part: 'customers', count: 0 },
      { part: 'openDeals', count: 0 },
      { part: 'followUps', count: 0 },
      { part: 'futureVisits', count: 0 },
    ]);
    expect(preview.byRegion).toEqual([]);
    expect(preview.byGrade).toEqual([]);
  });

  it('refuses the same people execute refuses', async () => {
    expect(await callError(app, 'handover.preview', { fromUserId: manager.id })).toMatchObject({
      code: 'conflict',
      key: 'handover.errors.fromSelf',
    });
    expect(await callError(app, 'handover.preview', { fromUserId: zhao.id })).toMatchObject({
      key: 'handover.errors.fromInactive',
      params: { name: '赵六' },
    });
    expect(await callError(app, 'handover.preview', { fromUserId: UNKNOWN })).toMatchObject({
      code: 'not_found',
      key: 'handover.errors.fromUnknown',
    });
  });
});

describe('handover.execute', () => {
  it('moves everything to one colleague, leaves done and deleted rows, and deactivates the rep', async () => {
    const result = await call(app, 'handover.execute', {
      fromUserId: zhang.id,
      defaultToUserId: li.id,
    });
    expect(result).toEqual({
      parts: [
        { part: 'customers', count: 5 },
        { part: 'openDeals', count: 2 },
        { part: 'followUps', count: 3 },
        { part: 'futureVisits', count: 0 },
      ],
      activities: 5,
      deactivated: true,
    });
    for (const key of ['c1', 'c2', 'c3', 'c4', 'c5'])
      expect(owner('customers', c[key])).toBe(li.id);
    expect(owner('customers', c.c6)).toBe(zhang.id); // deleted: not part of the book
    expect(owner('follow_ups', f.f1)).toBe(li.id);
    expect(owner('follow_ups', f.f2)).toBe(li.id);
    expect(owner('follow_ups', f.f4)).toBe(li.id);
    expect(owner('follow_ups', f.f3)).toBe(zhang.id); // done: stays credited
    expect(owner('follow_ups', f.f6)).toBe(zhang.id);
    expect(owner('deals', d.d1)).toBe(li.id);
    expect(owner('deals', d.d2)).toBe(li.id);
    expect(owner('deals', d.d3)).toBe(zhang.id); // won: stays credited
    expect(owner('deals', d.d4)).toBe(zhang.id); // lost: stays credited
    expect(isActive(zhang.id)).toBe(false);
    expect(count(app, 'customers', `owner_id = '${zhang.id}' AND deleted_at IS NULL`)).toBe(0);
    // The preview now has nothing to move (and refuses: the rep is inactive).
    expect(await callError(app, 'handover.preview', { fromUserId: zhang.id })).toMatchObject({
      key: 'handover.errors.fromInactive',
    });
  });

  it('writes one handover timeline entry per moved customer, by the acting manager', async () => {
    await call(app, 'handover.execute', { fromUserId: zhang.id, defaultToUserId: li.id });
    const rows = app.sqlite
      .prepare(
        "SELECT customer_id, user_id, kind, category, at, body, updated_by FROM activities WHERE kind = 'handover' ORDER BY customer_id",
      )
      .all();
    expect(rows).toEqual(
      ['c1', 'c2', 'c3', 'c4', 'c5']
        .map((key) => c[key])
        .sort()
        .map((customerId) => ({
          customer_id: customerId,
          user_id: manager.id,
          kind: 'handover',
          category: null,
          at: '2026-11-23T09:01:00.000Z',
          body: '张三 → 李四',
          updated_by: manager.id,
        })),
    );
    // A handover is not a contact: it must not count as the customer's last contact.
    expect(count(app, 'customers', 'last_contact_at IS NOT NULL')).toBe(0);
  });

  it('splits by region: the region’s colleague, the default for regions not assigned; follow-ups follow their customer', async () => {
    await call(app, 'handover.execute', {
      fromUserId: zhang.id,
      defaultToUserId: li.id,
      byRegion: { 华东: wang.id, '': wang.id },
    });
    expect([c.c1, c.c2, c.c5].map((id) => owner('customers', id))).toEqual([
      wang.id,
      wang.id,
      wang.id,
    ]);
    expect([c.c3, c.c4].map((id) => owner('customers', id))).toEqual([li.id, li.id]);
    expect(owner('follow_ups', f.f1)).toBe(wang.id); // c1 → 王五
    expect(owner('follow_ups', f.f2)).toBe(li.id); // c3 → 李四
    expect(owner('follow_ups', f.f4)).toBe(li.id); // 李四's own customer: the default colleague
    const body = (id: string | undefined) =>
      (
        app.sqlite
          .prepare("SELECT body FROM activities WHERE customer_id = ? AND kind = 'handover'")
          .get(id) as { body: string }
      ).body;
    expect(body(c.c1)).toBe('张三 → 王五');
    expect(body(c.c3)).toBe('张三 → 李四');
  });

  it('splits by grade, with ungraded customers as a bucket of their own', async () => {
    await call(app, 'handover.execute', {
      fromUserId: zhang.id,
      defaultToUserId: li.id,
      byGrade: { key: wang.id, ungraded: wang.id },
    });
    expect([c.c1, c.c4, c.c3].map((id) => owner('customers', id))).toEqual([
      wang.id,
      wang.id,
      wang.id,
    ]);
    expect([c.c2, c.c5].map((id) => owner('customers', id))).toEqual([li.id, li.id]);
    expect(owner('follow_ups', f.f1)).toBe(wang.id);
    expect(owner('follow_ups', f.f2)).toBe(wang.id);
    expect(owner('follow_ups', f.f4)).toBe(li.id);
  });

  it('lets a region win over a grade when both are given', async () => {
    await call(app, 'handover.execute', {
      fromUserId: zhang.id,
      defaultToUserId: li.id,
      byRegion: { 华南: manager.id },
      byGrade: { key: wang.id },
    });
    expect(owner('customers', c.c4)).toBe(manager.id); // 华南 and key: region wins
    expect(owner('customers', c.c1)).toBe(wang.id); // 华东 (not assigned) and key
    expect(owner('customers', c.c2)).toBe(li.id);
  });

  it('records who owned what when: owner changes and the deactivation in the change log, stamped with the manager', async () => {
    const before = count(app, 'change_log');
    await call(app, 'handover.execute', {
      fromUserId: zhang.id,
      defaultToUserId: li.id,
      byGrade: { key: wang.id },
    });
    const logged = app.sqlite
      .prepare(
        'SELECT table_name, row_id, "column", value, user_id, device_id FROM change_log WHERE seq > ? AND table_name <> \'activities\' ORDER BY seq',
      )
      .all(before) as {
      table_name: string;
      row_id: string;
      column: string;
      value: string;
      user_id: string;
      device_id: string;
    }[];
    expect(new Set(logged.map((l) => l.user_id))).toEqual(new Set([manager.id]));
    expect(new Set(logged.map((l) => l.device_id))).toEqual(new Set([app.deviceId]));
    const ownerOf = (table: string, id: string | undefined) =>
      logged.find((l) => l.table_name === table && l.row_id === id && l.column === 'owner_id')
        ?.value;
    expect(ownerOf('customers', c.c1)).toBe(JSON.stringify(wang.id));
    expect(ownerOf('customers', c.c2)).toBe(JSON.stringify(li.id));
    expect(ownerOf('follow_ups', f.f1)).toBe(JSON.stringify(wang.id));
    expect(ownerOf('follow_ups', f.f3)).toBeUndefined();
    expect(logged.filter((l) => l.table_name === 'customers')).toHaveLength(5);
    expect(logged.filter((l) => l.table_name === 'follow_ups')).toHaveLength(3);
    expect(logged.filter((l) => l.table_name === 'users')).toEqual([
      {
        table_name: 'users',
        row_id: zhang.id,
        column: 'active',
        value: 'false',
        user_id: manager.id,
        device_id: app.deviceId,
      },
    ]);
    // The earlier owner is still in the log: the insert of c1 recorded 张三.
    const history = app.sqlite
      .prepare(
        "SELECT value FROM change_log WHERE table_name = 'customers' AND row_id = ? AND \"column\" = 'owner_id' ORDER BY seq",
      )
      .all(c.c1) as { value: string }[];
    expect(history.map((h) => JSON.parse(h.value) as string)).toEqual([zhang.id, wang.id]);
  });

  it('announces every table it changed, once', async () => {
    const seen: string[][] = [];
    app.onTablesChanged((tables) => seen.push([...tables].sort()));
    await call(app, 'handover.execute', { fromUserId: zhang.id, defaultToUserId: li.id });
    expect(seen).toEqual([['activities', 'customers', 'deals', 'follow_ups', 'users']]);
  });

  it('keeps the rep active when asked, and deactivates a rep who owns nothing', async () => {
    expect(
      await call(app, 'handover.execute', {
        fromUserId: zhang.id,
        defaultToUserId: li.id,
        deactivate: false,
      }),
    ).toMatchObject({ deactivated: false });
    expect(isActive(zhang.id)).toBe(true);
    expect(
      await call(app, 'handover.execute', { fromUserId: wang.id, defaultToUserId: li.id }),
    ).toEqual({
      parts: [
        { part: 'customers', count: 0 },
        { part: 'openDeals', count: 0 },
        { part: 'followUps', count: 0 },
        { part: 'futureVisits', count: 0 },
      ],
      activities: 0,
      deactivated: true,
    });
    expect(isActive(wang.id)).toBe(false);
  });

  it('refuses a bad leaving rep or receiver with an i18n key, and writes nothing', async () => {
    const before = dbSnapshot(app);
    const refusals: [Record<string, unknown>, Record<string, unknown>][] = [
      [
        { fromUserId: manager.id, defaultToUserId: li.id },
        { code: 'conflict', key: 'handover.errors.fromSelf' },
      ],
      [
        { fromUserId: zhao.id, defaultToUserId: li.id },
        { code: 'conflict', key: 'handover.errors.fromInactive', params: { name: '赵六' } },
      ],
      [
        { fromUserId: admin.id, defaultToUserId: li.id },
        { code: 'invalid_input', key: 'handover.errors.fromRole', params: { name: '管理员' } },
      ],
      [
        { fromUserId: UNKNOWN, defaultToUserId: li.id },
        { code: 'not_found', key: 'handover.errors.fromUnknown' },
      ],
      [
        { fromUserId: zhang.id, defaultToUserId: zhang.id },
        {
          code: 'invalid_input',
          key: 'handover.errors.receiverIsLeaving',
          params: { name: '张三' },
        },
      ],
      [
        { fromUserId: zhang.id, defaultToUserId: zhao.id },
        { code: 'conflict', key: 'handover.errors.receiverInactive', params: { name: '赵六' } },
      ],
      [
        { fromUserId: zhang.id, defaultToUserId: UNKNOWN },
        { code: 'not_found', key: 'handover.errors.receiverUnknown' },
      ],
      // A bad receiver in a map is refused even though the default is fine.
      [
        { fromUserId: zhang.id, defaultToUserId: li.id, byRegion: { 华南: zhao.id } },
        { key: 'handover.errors.receiverInactive' },
      ],
      [
        { fromUserId: zhang.id, defaultToUserId: li.id, byGrade: { key: zhang.id } },
        { key: 'handover.errors.receiverIsLeaving' },
      ],
      [
        { fromUserId: zhang.id, defaultToUserId: li.id, byRegion: { 华东: UNKNOWN } },
        { key: 'handover.errors.receiverUnknown' },
      ],
      // Not everything assigned, or not a grade: the contract refuses before any reads.
      [{ fromUserId: zhang.id }, { code: 'invalid_input' }],
      [
        { fromUserId: zhang.id, defaultToUserId: li.id, byGrade: { vip: wang.id } },
        { code: 'invalid_input' },
      ],
      [
        { fromUserId: zhang.id, defaultToUserId: li.id, byRegion: { 华东: 'not-an-id' } },
        { code: 'invalid_input' },
      ],
    ];
    for (const [input, error] of refusals) {
      expect(await callError(app, 'handover.execute', input), JSON.stringify(input)).toMatchObject(
        error,
      );
    }
    expect(dbSnapshot(app)).toBe(before);
  });

  it('is all or nothing: a part failing inside the commit rolls back every move and the deactivation', () => {
    const before = dbSnapshot(app);
    const counts = {
      customers: count(app, 'customers', `owner_id = '${li.id}'`),
      activities: count(app, 'activities'),
      log: count(app, 'change_log'),
    };
    // A part whose changes reach a row that is gone: commit fails after the customers moved.
    const broken: HandoverPart = {
      name: 'followUps',
      count: () => 1,
      changes: () => [
        { op: 'update', table: 'follow_ups', id: UNKNOWN, values: { ownerId: li.id } },
      ],
    };
    const [customersPart] = handoverParts;
    if (!customersPart) throw new Error('no customers part');
    expect(() =>
      executeHandover(app, { fromUserId: zhang.id, defaultToUserId: li.id, deactivate: true }, [
        customersPart,
        broken,
      ]),
    ).toThrow(/not found/);
    expect(count(app, 'customers', `owner_id = '${li.id}'`)).toBe(counts.customers);
    expect(count(app, 'activities')).toBe(counts.activities);
    expect(count(app, 'change_log')).toBe(counts.log);
    expect(isActive(zhang.id)).toBe(true);
    expect(dbSnapshot(app)).toBe(before);
  });
});

describe('receiverOf', () => {
  it('never reads a region name through the prototype chain', () => {
    const routing = { defaultToUserId: 'd', byRegion: { 华东: 'e' } };
    expect(receiverOf(routing, { region: 'constructor', grade: null })).toBe('d');
    expect(receiverOf(routing, { region: '__proto__', grade: 'key' })).toBe('d');
    expect(receiverOf(routing, { region: ' 华东 ', grade: null })).toBe('e');
  });
});
