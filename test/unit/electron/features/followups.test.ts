import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input, Output } from '../../../../shared/contract';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { FollowUp } from '../../../../shared/contract/followups';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, startTeam, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
let manager: User;
let alice: User;
let bob: User;
let carol: User;
let acme: CustomerDetail;
let unowned: CustomerDetail;
let west: CustomerDetail;

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

async function add(
  overrides: Partial<Input<'followUps.create'>> & { dueOn: string },
): Promise<FollowUp> {
  const created = await call(app, 'followUps.create', {
    customerId: acme.id,
    text: `due ${overrides.dueOn}`,
    ...overrides,
  });
  app.tick(1000);
  return created;
}

type Groups = Output<'followUps.list'>;
const texts = (groups: Groups) => ({
  overdue: groups.overdue.rows.map((r) => r.text),
  today: groups.today.rows.map((r) => r.text),
  upcoming: groups.upcoming.rows.map((r) => r.text),
  later: groups.later.rows.map((r) => r.text),
});

beforeEach(async () => {
  app = tempApp();
  let reps: User[];
  ({ manager, reps } = await startTeam(app, ['Alice', 'Bob']));
  [alice, bob] = reps as [User, User];
  const westTeam = await call(app, 'team.saveTeam', { name: '西部销售部' });
  carol = await call(app, 'team.saveUser', { name: 'Carol', role: 'rep', teamId: westTeam.id });
  acme = await call(app, 'customers.create', {
    name: '恒信机电',
    ownerId: alice.id,
    status: 'customer',
  });
  unowned = await call(app, 'customers.create', {
    name: '华润精密',
    ownerId: null,
    status: 'prospect',
  });
  west = await call(app, 'customers.create', {
    name: '成都天府科技',
    ownerId: carol.id,
    status: 'prospect',
  });
  app.tick(60_000);
});
afterEach(() => {
  app.cleanup();
});

describe('followUps.create', () => {
  it('assigns the customer’s owner by default, else the current user, or whoever is asked', async () => {
    const first = await add({ dueOn: '2026-11-24', text: '回电确认报价' });
    expect(first).toEqual({
      id: first.id,
      customerId: acme.id,
      customerName: '恒信机电',
      ownerId: alice.id,
      ownerName: 'Alice',
      dueOn: '2026-11-24',
      text: '回电确认报价',
      doneAt: null,
      createdAt: '2026-11-23T09:01:00.000Z',
    });
    expect((await add({ customerId: unowned.id, dueOn: '2026-11-25' })).ownerId).toBe(manager.id);
    expect((await add({ dueOn: '2026-11-25', ownerId: bob.id })).ownerName).toBe('Bob');
    // Through commit: the row is in the change log, signed by who added it.
    expect(
      count(
        app,
        'change_log',
        `table_name = 'follow_ups' AND row_id = '${first.id}' AND user_id = '${manager.id}'`,
      ),
    ).toBeGreaterThan(4);
  });

  it('falls back to me when the customer’s owner has left, and refuses an unknown or inactive assignee', async () => {
    await call(app, 'team.setUserActive', { id: alice.id, active: false });
    expect((await add({ dueOn: '2026-11-24' })).ownerId).toBe(manager.id);
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'followUps.create', {
        customerId: acme.id,
        dueOn: '2026-11-24',
        text: 'x',
        ownerId: alice.id,
      }),
    ).toMatchObject({
      code: 'invalid_input',
      key: 'errors.userInactive',
      fields: { ownerId: 'errors.userInactive' },
    });
    expect(
      await callError(app, 'followUps.create', {
        customerId: acme.id,
        dueOn: '2026-11-24',
        text: 'x',
        ownerId: UNKNOWN,
      }),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { ownerId: 'errors.ownerUnknown' },
    });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses an unknown or deleted customer', async () => {
    await call(app, 'customers.delete', { id: west.id });
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'followUps.create', {
        customerId: west.id,
        dueOn: '2026-11-24',
        text: 'x',
      }),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await callError(app, 'followUps.create', {
        customerId: UNKNOWN,
        dueOn: '2026-11-24',
        text: 'x',
      }),
    ).toMatchObject({ code: 'not_found' });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('answers bad input with invalid_input and changes nothing', async () => {
    const before = dbSnapshot(app);
    const base = { customerId: acme.id, dueOn: '2026-11-24', text: 'ok' };
    const bad: [unknown, string][] = [
      [{ ...base, dueOn: '2026-02-30' }, 'dueOn'],
      [{ ...base, dueOn: '2026-2-3' }, 'dueOn'],
      [{ ...base, dueOn: 'tomorrow' }, 'dueOn'],
      [{ ...base, dueOn: '2026-11-24T10:00:00Z' }, 'dueOn'],
      [{ ...base, dueOn: '1999-12-31' }, 'dueOn'],
      [{ ...base, text: '  ' }, 'text'],
      [{ ...base, text: 'x'.repeat(301) }, 'text'],
      [{ ...base, ownerId: 'bob' }, 'ownerId'],
      [{ ...base, customerId: 42 }, 'customerId'],
      [{ ...base, doneAt: '2026-11-23T10:00:00.000Z' }, '_'],
      [{ customerId: acme.id, text: 'no date' }, 'dueOn'],
    ];
    for (const [input, field] of bad) {
      const error = await callError(app, 'followUps.create', input);
      expect(error.code, JSON.stringify(input).slice(0, 80)).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(input).slice(0, 80)).toContain(field);
    }
    expect(dbSnapshot(app)).toBe(before);
  });
});

describe('followUps.list', () => {
  it('groups by the user’s today across a month end, whatever the main process’s clock says', async () => {
    for (const dueOn of [
      '2026-11-02',
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-14',
      '2026-12-15',
      '2027-01-20',
    ])
      await add({ dueOn, ownerId: manager.id });
    const groups = await call(app, 'followUps.list', { scope: 'mine', today: '2026-11-30' });
    expect(texts(groups)).toEqual({
      overdue: ['due 2026-11-02', 'due 2026-11-29'],
      today: ['due 2026-11-30'],
      // Today + 14 days is the last upcoming day: 30 November + 14 = 14 December.
      upcoming: ['due 2026-12-01', 'due 2026-12-14'],
      later: ['due 2026-12-15', 'due 2027-01-20'],
    });
    expect([
      groups.overdue.total,
      groups.today.total,
      groups.upcoming.total,
      groups.later.total,
    ]).toEqual([2, 1, 2, 2]);

    // Across the year end and a leap day.
    expect(
      texts(await call(app, 'followUps.list', { scope: 'mine', today: '2026-12-31' })),
    ).toEqual({
      overdue: [
        'due 2026-11-02',
        'due 2026-11-29',
        'due 2026-11-30',
        'due 2026-12-01',
        'due 2026-12-14',
        'due 2026-12-15',
      ],
      today: [],
      upcoming: [],
      later: ['due 2027-01-20'],
    });
    expect(
      texts(await call(app, 'followUps.list', { scope: 'mine', today: '2027-01-06' })).upcoming,
    ).toEqual(['due 2027-01-20']);
  });

  it('shows mine, my team’s or everyone’s open follow-ups on live customers, with customer and owner names', async () => {
    await add({ dueOn: '2026-11-23', ownerId: manager.id, text: 'mine' });
    await add({ dueOn: '2026-11-23', ownerId: alice.id, text: 'alice' });
    await add({ customerId: west.id, dueOn: '2026-11-23', text: 'carol' });
    const done = await add({ dueOn: '2026-11-23', ownerId: manager.id, text: 'done' });
    await call(app, 'followUps.complete', { id: done.id });
    const today = async (scope: 'mine' | 'team' | 'all') =>
      (await call(app, 'followUps.list', { scope, today: '2026-11-23' })).today.rows;
    expect((await today('mine')).map((r) => r.text)).toEqual(['mine']);
    expect((await today('team')).map((r) => r.text).sort()).toEqual(['alice', 'mine']);
    expect((await today('all')).map((r) => [r.text, r.customerName, r.ownerName]).sort()).toEqual([
      ['alice', '恒信机电', 'Alice'],
      ['carol', '成都天府科技', 'Carol'],
      ['mine', '恒信机电', '王经理'],
    ]);
    // A deleted customer's follow-ups leave every list with it.
    await call(app, 'customers.delete', { id: west.id });
    expect((await today('all')).map((r) => r.text).sort()).toEqual(['alice', 'mine']);
  });

  it('caps each group at the limit and still counts all of it, soonest due first', async () => {
    for (const day of ['05', '01', '03', '02', '04'])
      await add({ dueOn: `2026-11-${day}`, ownerId: manager.id });
    const groups = await call(app, 'followUps.list', {
      scope: 'mine',
      today: '2026-11-23',
      limit: 2,
    });
    expect(groups.overdue).toMatchObject({ total: 5 });
    expect(groups.overdue.rows.map((r) => r.dueOn)).toEqual(['2026-11-01', '2026-11-02']);
    expect(groups.today).toEqual({ rows: [], total: 0 });
  });

  it('answers bad input with invalid_input', async () => {
    for (const input of [
      { scope: 'mine' },
      { scope: 'mine', today: '2026-11-31' },
      { scope: 'mine', today: '23/11/2026' },
      { scope: 'mine', today: '2026-11-23', limit: 0 },
      { scope: 'mine', today: '2026-11-23', limit: 501 },
      { scope: 'company', today: '2026-11-23' },
      { scope: 'mine', today: '2026-11-23', ownerId: alice.id },
    ]) {
      expect((await callError(app, 'followUps.list', input)).code, JSON.stringify(input)).toBe(
        'invalid_input',
      );
    }
  });
});

describe('complete and reopen', () => {
  it('completing sets the done time and takes it off the lists; reopening clears it and brings it back', async () => {
    const f = await add({ dueOn: '2026-11-20', ownerId: manager.id });
    const other = await add({ dueOn: '2026-11-26', ownerId: manager.id });
    await call(app, 'followUps.complete', { id: f.id });
    expect(
      app.sqlite.prepare('SELECT done_at, updated_by FROM follow_ups WHERE id = ?').get(f.id),
    ).toEqual({ done_at: '2026-11-23T09:01:02.000Z', updated_by: manager.id });
    expect(
      (await call(app, 'followUps.forCustomer', { customerId: acme.id })).map((r) => r.id),
    ).toEqual([other.id]);
    expect(
      (await call(app, 'followUps.list', { scope: 'mine', today: '2026-11-23' })).overdue.total,
    ).toBe(0);

    // Completing twice changes nothing (a double click, or two windows).
    const logged = count(app, 'change_log');
    app.tick(5000);
    await call(app, 'followUps.complete', { id: f.id });
    expect(count(app, 'change_log')).toBe(logged);

    await call(app, 'followUps.reopen', { id: f.id });
    expect(app.sqlite.prepare('SELECT done_at FROM follow_ups WHERE id = ?').get(f.id)).toEqual({
      done_at: null,
    });
    expect(count(app, 'change_log', `row_id = '${f.id}' AND "column" = 'done_at'`)).toBe(3);
    expect(
      (await call(app, 'followUps.forCustomer', { customerId: acme.id })).map((r) => r.id),
    ).toEqual([f.id, other.id]);
    await call(app, 'followUps.reopen', { id: f.id });
    expect(count(app, 'change_log', `row_id = '${f.id}' AND "column" = 'done_at'`)).toBe(3);
  });

  it('refuses an unknown follow-up, one on a deleted customer, and bad ids, changing nothing', async () => {
    const f = await add({ customerId: west.id, dueOn: '2026-11-20' });
    await call(app, 'customers.delete', { id: west.id });
    const before = dbSnapshot(app);
    for (const method of ['followUps.complete', 'followUps.reopen'] as const) {
      expect(await callError(app, method, { id: f.id })).toMatchObject({ code: 'not_found' });
      expect(await callError(app, method, { id: UNKNOWN })).toMatchObject({ code: 'not_found' });
      expect(await callError(app, method, { id: 'x' })).toMatchObject({ code: 'invalid_input' });
      expect(await callError(app, method, {})).toMatchObject({ code: 'invalid_input' });
    }
    expect(dbSnapshot(app)).toBe(before);
  });
});

describe('followUps.forCustomer', () => {
  it('lists the customer’s open follow-ups soonest first, and refuses a deleted customer', async () => {
    const late = await add({ dueOn: '2026-12-01' });
    const soon = await add({ dueOn: '2026-11-20' });
    await add({ customerId: unowned.id, dueOn: '2026-11-21' });
    expect(
      (await call(app, 'followUps.forCustomer', { customerId: acme.id })).map((r) => r.id),
    ).toEqual([soon.id, late.id]);
    await call(app, 'customers.delete', { id: acme.id });
    expect(await callError(app, 'followUps.forCustomer', { customerId: acme.id })).toMatchObject({
      code: 'not_found',
    });
  });
});
