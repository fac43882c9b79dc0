import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
let manager: User;
let alice: User;
let bob: User;
let carol: User;
let westTeamId: string;

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

function fields(
  overrides: Partial<Input<'customers.create'>> & { name: string },
): Input<'customers.create'> {
  return { ownerId: null, status: 'prospect', ...overrides };
}

async function create(
  overrides: Partial<Input<'customers.create'>> & { name: string },
): Promise<CustomerDetail> {
  const customer = await call(app, 'customers.create', fields(overrides));
  app.tick(1000);
  return customer;
}

async function names(input: Input<'customers.list'>): Promise<string[]> {
  return (await call(app, 'customers.list', input)).rows.map((r) => r.name);
}

beforeEach(async () => {
  app = tempApp();
  const status = await call(app, 'app.createTeam', {
    teamName: '华东销售部',
    userName: '王经理',
    role: 'manager',
    password: 'test-password',
  });
  if (!status.currentUser?.teamId) throw new Error('no current user');
  manager = status.currentUser;
  const eastId = status.currentUser.teamId;
  alice = await call(app, 'team.saveUser', { name: 'Alice', role: 'rep', teamId: eastId });
  bob = await call(app, 'team.saveUser', { name: 'Bob', role: 'rep', teamId: eastId });
  westTeamId = (await call(app, 'team.saveTeam', { name: '西部销售部' })).id;
  carol = await call(app, 'team.saveUser', { name: 'Carol', role: 'rep', teamId: westTeamId });
  app.tick(60_000);
});
afterEach(() => {
  app.cleanup();
});

describe('customers.create and customers.get', () => {
  it('creates a customer and reads it back with owner, team, editor and tags', async () => {
    const created = await call(
      app,
      'customers.create',
      fields({
        name: '  ＡＢＣ（上海）贸易有限公司 ',
        phone: '021-5555 1234',
        industry: '零售连锁',
        region: '华东',
        address: '',
        ownerId: alice.id,
        status: 'customer',
        tags: ['老客户', '国企'],
        notes: '  ',
      }),
    );
    expect(created).toEqual({
      id: created.id,
      name: 'ＡＢＣ（上海）贸易有限公司',
      phone: '021-5555 1234',
      industry: '零售连锁',
      region: '华东',
      status: 'customer',
      ownerId: alice.id,
      ownerName: 'Alice',
      updatedAt: '2026-11-23T09:01:00.000Z',
      address: null,
      source: null,
      notes: null,
      tags: ['老客户', '国企'],
      ownerTeamName: '华东销售部',
      createdAt: '2026-11-23T09:01:00.000Z',
      updatedByName: '王经理',
      grade: null,
      relationship: null,
      attractiveness: null,
      gradeReviewedOn: null,
      gradeOverride: null,
      gradeOverrideReason: null,
      lastContactAt: null,
      lastVisitOn: null,
      overdueDays: null,
      contacts: [],
      upcomingVisits: [],
    });
    expect(await call(app, 'customers.get', { id: created.id })).toEqual(created);
    expect(
      app.sqlite.prepare('SELECT name_key, tags FROM customers WHERE id = ?').get(created.id),
    ).toEqual({ name_key: 'abc(上海)贸易有限公司', tags: '["老客户","国企"]' });
    const logged = app.sqlite
      .prepare('SELECT DISTINCT user_id FROM change_log WHERE row_id = ?')
      .all(created.id);
    expect(logged).toEqual([{ user_id: manager.id }]);
  });

  it('lists contacts on the detail, by name, leaving out deleted ones', async () => {
    const c = await create({ name: '恒信机电' });
    app.commit([
      {
        op: 'insert',
        table: 'contacts',
        id: 'k1',
        values: {
          customerId: c.id,
          name: '张伟',
          title: '总经理',
          phone: '13800001111',
          email: null,
          buyingRole: 'decision_maker',
          notes: null,
        },
      },
      {
        op: 'insert',
        table: 'contacts',
        id: 'k2',
        values: {
          customerId: c.id,
          name: '李娜',
          title: '采购经理',
          phone: null,
          email: null,
          buyingRole: 'purchaser',
          notes: null,
        },
      },
      {
        op: 'insert',
        table: 'contacts',
        id: 'k3',
        values: {
          customerId: c.id,
          name: '陈离职',
          title: null,
          phone: null,
          email: null,
          buyingRole: null,
          notes: null,
        },
      },
    ]);
    app.commit([{ op: 'delete', table: 'contacts', id: 'k3' }]);
    const detail = await call(app, 'customers.get', { id: c.id });
    // Ordered by name as SQLite compares text: 张 (U+5F20) before 李 (U+674E).
    expect(detail.contacts.map((k) => [k.name, k.title, k.phone, k.buyingRole])).toEqual([
      ['张伟', '总经理', '13800001111', 'decision_maker'],
      ['李娜', '采购经理', null, 'purchaser'],
    ]);
  });

  it('answers not_found for an unknown or deleted id', async () => {
    expect(await callError(app, 'customers.get', { id: UNKNOWN })).toMatchObject({
      code: 'not_found',
      key: 'errors.notFound',
      params: { what: 'customer' },
    });
    const c = await create({ name: 'Gone' });
    await call(app, 'customers.delete', { id: c.id });
    expect(await callError(app, 'customers.get', { id: c.id })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(app, 'customers.get', { id: 'abc' })).toMatchObject({
      code: 'invalid_input',
      fields: { id: 'validation.invalid' },
    });
  });
});

describe('customer names are unique, folding case and width', () => {
  it('refuses a clashing name, naming the existing customer, and writes nothing', async () => {
    const existing = await create({ name: 'ＡＢＣ（上海）贸易有限公司', ownerId: alice.id });
    const customersBefore = count(app, 'customers');
    const logBefore = count(app, 'change_log');
    const before = dbSnapshot(app);
    for (const name of [
      'abc(上海)贸易有限公司',
      'ABC（上海）贸易有限公司',
      ' Abc(上海)贸易有限公司  ',
    ]) {
      const error = await callError(app, 'customers.create', fields({ name }));
      expect(error).toEqual({
        code: 'conflict',
        message: 'customer name clashes with existing customer "ＡＢＣ（上海）贸易有限公司"',
        key: 'errors.customerNameTaken',
        params: { name: 'ＡＢＣ（上海）贸易有限公司', id: existing.id },
        fields: { name: 'errors.customerNameTaken' },
      });
    }
    expect(count(app, 'customers')).toBe(customersBefore);
    expect(count(app, 'change_log')).toBe(logBefore);
    expect(dbSnapshot(app)).toBe(before);
  });

  it('folds runs of white space, so "Acme  Corp" clashes with "acme corp"', async () => {
    await create({ name: 'Acme Corp' });
    expect(await callError(app, 'customers.create', fields({ name: 'acme   corp' }))).toMatchObject(
      { code: 'conflict', params: { name: 'Acme Corp' } },
    );
    expect(
      await callError(app, 'customers.create', fields({ name: 'acme\u3000corp' })),
    ).toMatchObject({ code: 'conflict' });
  });

  it('refuses renaming onto another customer, but allows re-casing your own name', async () => {
    const a = await create({ name: 'Acme Corp' });
    const b = await create({ name: 'Beta Ltd' });
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'customers.update', { id: b.id, fields: fields({ name: 'ACME CORP' }) }),
    ).toMatchObject({ code: 'conflict', params: { id: a.id } });
    expect(dbSnapshot(app)).toBe(before);
    const renamed = await call(app, 'customers.update', {
      id: a.id,
      fields: fields({ name: 'ACME Corp' }),
    });
    expect(renamed.name).toBe('ACME Corp');
  });

  it('frees the name of a deleted customer, and then refuses to restore it', async () => {
    const old = await create({ name: '恒信机电' });
    expect(await call(app, 'customers.delete', { id: old.id })).toEqual({ ok: true });
    const taker = await create({ name: '恒信机电' });
    const before = dbSnapshot(app);
    expect(await callError(app, 'customers.restore', { id: old.id })).toMatchObject({
      code: 'conflict',
      key: 'errors.customerNameTaken',
      params: { name: '恒信机电', id: taker.id },
    });
    expect(dbSnapshot(app)).toBe(before);
    expect(await callError(app, 'customers.get', { id: old.id })).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('customers.update, delete and restore', () => {
  it('saves only changed fields and bumps updated_at; an unchanged save writes nothing', async () => {
    // A customer of the shared pool (no owner: every rep sees it, docs/data-scope.md) that Bob claims.
    const c = await create({ name: 'Acme', region: '华东', ownerId: null });
    app.setCurrentUserId(bob.id);
    const logBefore = count(app, 'change_log');
    const saved = await call(app, 'customers.update', {
      id: c.id,
      fields: fields({ name: 'Acme', region: '华南', ownerId: bob.id }),
    });
    expect(saved).toMatchObject({
      region: '华南',
      ownerId: bob.id,
      ownerName: 'Bob',
      updatedByName: 'Bob',
      updatedAt: '2026-11-23T09:01:01.000Z',
      createdAt: '2026-11-23T09:01:00.000Z',
    });
    expect(
      app.sqlite
        .prepare('SELECT "column", value, user_id FROM change_log WHERE seq > ? ORDER BY seq')
        .all(logBefore),
    ).toEqual([
      { column: 'region', value: '"华南"', user_id: bob.id },
      { column: 'owner_id', value: JSON.stringify(bob.id), user_id: bob.id },
    ]);

    app.tick(5000);
    const before = dbSnapshot(app);
    const same = await call(app, 'customers.update', {
      id: c.id,
      fields: fields({ name: 'Acme', region: '华南', ownerId: bob.id }),
    });
    expect(same.updatedAt).toBe('2026-11-23T09:01:01.000Z');
    expect(dbSnapshot(app)).toBe(before);
  });

  it('answers not_found when updating or deleting an unknown customer', async () => {
    expect(
      await callError(app, 'customers.update', { id: UNKNOWN, fields: fields({ name: 'X' }) }),
    ).toMatchObject({ code: 'not_found' });
    expect(await callError(app, 'customers.delete', { id: UNKNOWN })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(app, 'customers.restore', { id: UNKNOWN })).toMatchObject({
      code: 'not_found',
    });
  });

  it('soft-deletes and restores, keeping the row and its history', async () => {
    const c = await create({ name: 'Acme', ownerId: alice.id });
    await call(app, 'customers.delete', { id: c.id });
    expect(app.sqlite.prepare('SELECT deleted_at FROM customers WHERE id = ?').get(c.id)).toEqual({
      deleted_at: '2026-11-23T09:01:01.000Z',
    });
    expect((await call(app, 'customers.list', { scope: 'all' })).total).toBe(0);
    expect(await call(app, 'customers.restore', { id: c.id })).toEqual({ ok: true });
    expect((await call(app, 'customers.get', { id: c.id })).name).toBe('Acme');
    // Restoring a live customer is a harmless no-op.
    const before = dbSnapshot(app);
    expect(await call(app, 'customers.restore', { id: c.id })).toEqual({ ok: true });
    expect(dbSnapshot(app)).toBe(before);
    const deletedAt = app.sqlite
      .prepare(
        'SELECT value FROM change_log WHERE row_id = ? AND "column" = \'deleted_at\' ORDER BY seq',
      )
      .all(c.id);
    expect(deletedAt).toEqual([{ value: '"2026-11-23T09:01:01.000Z"' }, { value: 'null' }]);
  });
});

describe('bad input is refused and changes nothing', () => {
  it.each([
    ['an empty name', { name: '' }, { name: 'validation.required' }],
    ['a blank name', { name: '   ' }, { name: 'validation.required' }],
    ['a 10,000-character name', { name: '客'.repeat(10_000) }, { name: 'validation.tooLong' }],
    ['a bad phone', { name: 'Acme', phone: 'call me maybe' }, { phone: 'validation.phone' }],
    [
      'an owner id that is not an id',
      { name: 'Acme', ownerId: 'alice' },
      { ownerId: 'validation.invalid' },
    ],
    ['an unknown status', { name: 'Acme', status: 'vip' }, { status: 'validation.invalid' }],
    [
      'too many tags',
      { name: 'Acme', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
      { tags: 'validation.invalid' },
    ],
  ] as const)('%s', async (_label, overrides, expectedFields) => {
    await create({ name: 'Existing' });
    const before = dbSnapshot(app);
    const error = await callError(app, 'customers.create', {
      ownerId: null,
      status: 'prospect',
      ...overrides,
    });
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual(expectedFields);
    expect(dbSnapshot(app)).toBe(before);
  });

  it('an unknown owner', async () => {
    const before = dbSnapshot(app);
    const error = await callError(
      app,
      'customers.create',
      fields({ name: 'Acme', ownerId: UNKNOWN }),
    );
    expect(error).toMatchObject({
      code: 'invalid_input',
      key: 'errors.ownerUnknown',
      fields: { ownerId: 'errors.ownerUnknown' },
    });
    expect(dbSnapshot(app)).toBe(before);
    const c = await create({ name: 'Acme', ownerId: alice.id });
    const saved = dbSnapshot(app);
    expect(
      await callError(app, 'customers.update', {
        id: c.id,
        fields: fields({ name: 'Acme', ownerId: UNKNOWN }),
      }),
    ).toMatchObject({ code: 'invalid_input', fields: { ownerId: 'errors.ownerUnknown' } });
    expect(dbSnapshot(app)).toBe(saved);
  });

  it('accepts a name of exactly the maximum length', async () => {
    const c = await create({ name: '客'.repeat(120) });
    expect(c.name).toHaveLength(120);
  });
});

describe('customers.list', () => {
  let abc: CustomerDetail;
  let hengxin: CustomerDetail;
  let acme: CustomerDetail;

  beforeEach(async () => {
    abc = await create({
      name: 'ＡＢＣ（上海）贸易有限公司',
      phone: '021-5555 1234',
      region: '华东',
      industry: '零售连锁',
      status: 'customer',
      ownerId: alice.id,
    });
    hengxin = await create({
      name: '恒信机电',
      phone: '0755-8888 0000',
      region: '华南',
      industry: '机械设备',
      status: 'prospect',
      ownerId: bob.id,
    });
    acme = await create({
      name: 'Acme Corp',
      region: '华北',
      industry: '机械设备',
      status: 'lost',
      ownerId: carol.id,
    });
    await create({ name: '100%纯净水', region: '华东', status: 'prospect', ownerId: alice.id });
    await create({ name: '1000纯净水', region: '华东', status: 'customer', ownerId: manager.id });
    await create({ name: 'a_b 实业', status: 'prospect', ownerId: null });
    app.commit([
      {
        op: 'insert',
        table: 'contacts',
        id: 'k1',
        values: {
          customerId: hengxin.id,
          name: '张伟',
          title: '总经理',
          phone: '13800001111',
          email: null,
          buyingRole: 'decision_maker',
          notes: null,
        },
      },
      {
        op: 'insert',
        table: 'contacts',
        id: 'k2',
        values: {
          customerId: acme.id,
          name: 'John Smith',
          title: 'CTO',
          phone: null,
          email: null,
          buyingRole: 'technical',
          notes: null,
        },
      },
    ]);
  });

  it('returns rows with the owner name and the total', async () => {
    const result = await call(app, 'customers.list', { scope: 'all' });
    expect(result.total).toBe(6);
    expect(result.rows.find((r) => r.id === abc.id)).toEqual({
      id: abc.id,
      name: 'ＡＢＣ（上海）贸易有限公司',
      phone: '021-5555 1234',
      industry: '零售连锁',
      region: '华东',
      status: 'customer',
      ownerId: alice.id,
      ownerName: 'Alice',
      updatedAt: abc.updatedAt,
      grade: null,
      relationship: null,
      attractiveness: null,
      gradeReviewedOn: null,
      lastContactAt: null,
      lastVisitOn: null,
      overdueDays: null,
    });
    expect(result.rows.find((r) => r.name === 'a_b 实业')?.ownerName).toBeNull();
  });

  it.each([
    ['full-width', 'ａｂｃ', ['ＡＢＣ（上海）贸易有限公司']],
    ['upper case', 'ABC', ['ＡＢＣ（上海）贸易有限公司']],
    ['half-width brackets', 'abc(上海)', ['ＡＢＣ（上海）贸易有限公司']],
    ['full-width brackets', '（上海）贸易', ['ＡＢＣ（上海）贸易有限公司']],
    ['mixed case', 'aCmE', ['Acme Corp']],
    ['extra spaces', '  acme    corp ', ['Acme Corp']],
    ['Chinese substring', '机电', ['恒信机电']],
    ['customer phone', '5555', ['ＡＢＣ（上海）贸易有限公司']],
    ['customer phone with a space', '8888 0000', ['恒信机电']],
    ['contact name', '张伟', ['恒信机电']],
    ['contact name, any case', 'john smith', ['Acme Corp']],
    ['contact phone', '1380000', ['恒信机电']],
    ['a literal percent sign', '100%', ['100%纯净水']],
    ['a literal underscore', 'a_b', ['a_b 实业']],
    ['no match', '不存在', []],
  ] as const)('searches by %s', async (_label, search, expected) => {
    const result = await call(app, 'customers.list', { scope: 'all', search });
    expect(result.rows.map((r) => r.name)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('does not find a customer through a deleted contact', async () => {
    app.commit([{ op: 'delete', table: 'contacts', id: 'k1' }]);
    expect(await names({ scope: 'all', search: '张伟' })).toEqual([]);
  });

  it('filters by owner, status, region and team, and combines filters', async () => {
    expect(await names({ scope: 'all', ownerId: alice.id })).toEqual([
      '100%纯净水',
      'ＡＢＣ（上海）贸易有限公司',
    ]);
    expect(await names({ scope: 'all', status: 'prospect' })).toEqual([
      '100%纯净水',
      'a_b 实业',
      '恒信机电',
    ]);
    expect(await names({ scope: 'all', region: '华东' })).toEqual([
      '100%纯净水',
      '1000纯净水',
      'ＡＢＣ（上海）贸易有限公司',
    ]);
    expect(await names({ scope: 'all', teamId: westTeamId })).toEqual(['Acme Corp']);
    expect(await names({ scope: 'all', teamId: manager.teamId ?? '' })).toEqual([
      '100%纯净水',
      '1000纯净水',
      'ＡＢＣ（上海）贸易有限公司',
      '恒信机电',
    ]);
    expect(await names({ scope: 'all', region: '华东', status: 'customer' })).toEqual([
      '1000纯净水',
      'ＡＢＣ（上海）贸易有限公司',
    ]);
    expect(await names({ scope: 'all', ownerId: alice.id, search: '纯净水' })).toEqual([
      '100%纯净水',
    ]);
    expect(await names({ scope: 'all', ownerId: carol.id, status: 'customer' })).toEqual([]);
  });

  it('scopes to the current user: mine, my team, or everyone', async () => {
    app.setCurrentUserId(alice.id); // the device's remembered user
    expect(await names({ scope: 'mine' })).toEqual(['100%纯净水', 'ＡＢＣ（上海）贸易有限公司']);
    // A rep's data scope is their own customers (docs/data-scope.md): 'team' and 'all' clamp to it.
    expect(await names({ scope: 'team' })).toEqual(['100%纯净水', 'ＡＢＣ（上海）贸易有限公司']);
    // 'all' adds the shared pool: the one customer without an owner.
    expect((await call(app, 'customers.list', { scope: 'all' })).total).toBe(3);
    app.setCurrentUserId(manager.id); // the device's remembered user
    expect(await names({ scope: 'team' })).toEqual([
      '100%纯净水',
      '1000纯净水',
      'ＡＢＣ（上海）贸易有限公司',
      '恒信机电',
    ]);
    expect((await call(app, 'customers.list', { scope: 'all' })).total).toBe(6);

    app.setCurrentUserId(carol.id); // the device's remembered user
    expect(await names({ scope: 'mine' })).toEqual(['Acme Corp']);
    expect(await names({ scope: 'team' })).toEqual(['Acme Corp']);
    // Scope and filters combine.
    expect(await names({ scope: 'mine', status: 'prospect' })).toEqual([]);
  });

  it('sorts by name (folded), owner, region, status, and dates, both ways, ties by id', async () => {
    // By the folded key: '%' (0x25) sorts before '0' (0x30), Latin before Chinese.
    expect(await names({ scope: 'all' })).toEqual([
      '100%纯净水',
      '1000纯净水',
      'a_b 实业',
      'ＡＢＣ（上海）贸易有限公司',
      'Acme Corp',
      '恒信机电',
    ]);
    expect(await names({ scope: 'all', direction: 'desc' })).toEqual([
      '恒信机电',
      'Acme Corp',
      'ＡＢＣ（上海）贸易有限公司',
      'a_b 实业',
      '1000纯净水',
      '100%纯净水',
    ]);
    expect(await names({ scope: 'all', sort: 'createdAt' })).toEqual([
      'ＡＢＣ（上海）贸易有限公司',
      '恒信机电',
      'Acme Corp',
      '100%纯净水',
      '1000纯净水',
      'a_b 实业',
    ]);
    expect(await names({ scope: 'all', sort: 'updatedAt', direction: 'desc' })).toEqual([
      'a_b 实业',
      '1000纯净水',
      '100%纯净水',
      'Acme Corp',
      '恒信机电',
      'ＡＢＣ（上海）贸易有限公司',
    ]);
    // Owner names: NULL first ascending, then Alice ×2 (ties by id = creation order), Bob, Carol, 王经理.
    expect(await names({ scope: 'all', sort: 'owner' })).toEqual([
      'a_b 实业',
      'ＡＢＣ（上海）贸易有限公司',
      '100%纯净水',
      '恒信机电',
      'Acme Corp',
      '1000纯净水',
    ]);
    expect(await names({ scope: 'all', sort: 'status' })).toEqual([
      'ＡＢＣ（上海）贸易有限公司',
      '1000纯净水',
      'Acme Corp',
      '恒信机电',
      '100%纯净水',
      'a_b 实业',
    ]);
    // Regions: NULL first, then 华东 (U+4E1C) < 华北 (U+5317) < 华南 (U+5357).
    expect(await names({ scope: 'all', sort: 'region' })).toEqual([
      'a_b 实业',
      'ＡＢＣ（上海）贸易有限公司',
      '100%纯净水',
      '1000纯净水',
      'Acme Corp',
      '恒信机电',
    ]);
  });

  it('pages with a stable order and the full total', async () => {
    const page1 = await call(app, 'customers.list', { scope: 'all', pageSize: 4, page: 1 });
    const page2 = await call(app, 'customers.list', { scope: 'all', pageSize: 4, page: 2 });
    const page3 = await call(app, 'customers.list', { scope: 'all', pageSize: 4, page: 3 });
    expect([page1.total, page2.total, page3.total]).toEqual([6, 6, 6]);
    expect(page1.rows.map((r) => r.name)).toEqual([
      '100%纯净水',
      '1000纯净水',
      'a_b 实业',
      'ＡＢＣ（上海）贸易有限公司',
    ]);
    expect(page2.rows.map((r) => r.name)).toEqual(['Acme Corp', '恒信机电']);
    expect(page3.rows).toEqual([]);
    const filtered = await call(app, 'customers.list', {
      scope: 'all',
      region: '华东',
      pageSize: 1,
      page: 2,
    });
    expect(filtered).toMatchObject({ total: 3, rows: [{ name: '1000纯净水' }] });
  });

  it('refuses bad list input', async () => {
    expect(await callError(app, 'customers.list', { scope: 'everyone' })).toMatchObject({
      code: 'invalid_input',
      fields: { scope: 'validation.invalid' },
    });
    expect(await callError(app, 'customers.list', { scope: 'all', pageSize: 201 })).toMatchObject({
      code: 'invalid_input',
      fields: { pageSize: 'validation.invalid' },
    });
    expect(await callError(app, 'customers.list', { scope: 'all', page: 0 })).toMatchObject({
      code: 'invalid_input',
    });
    expect(await callError(app, 'customers.list', { scope: 'all', sort: 'phone' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(
      await callError(app, 'customers.list', { scope: 'all', search: 'x'.repeat(101) }),
    ).toMatchObject({ code: 'invalid_input' });
  });

  it('offers the regions and industries in use for filters', async () => {
    expect(await call(app, 'customers.facets', {})).toEqual({
      regions: ['华东', '华北', '华南'],
      industries: ['机械设备', '零售连锁'],
    });
    await call(app, 'customers.delete', { id: acme.id });
    expect((await call(app, 'customers.facets', {})).regions).toEqual(['华东', '华南']);
  });
});
