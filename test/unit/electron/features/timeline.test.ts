import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import { defaultActivityCategory } from '../../../../shared/domain/activities';
import type { CustomerDetail } from '../../../../shared/contract/customers';
import type { TimelineEntry } from '../../../../shared/contract/timeline';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, startTeam, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
let manager: User;
let alice: User;
let prospect: CustomerDetail;
let client: CustomerDetail;

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

async function log(overrides: Partial<Input<'timeline.log'>> = {}): Promise<TimelineEntry> {
  const entry = await call(app, 'timeline.log', {
    customerId: prospect.id,
    kind: 'call',
    body: '电话沟通报价，客户要求下周给方案',
    ...overrides,
  });
  app.tick(1000);
  return entry;
}

/** Every page of a customer's timeline, walking the cursor. */
async function allPages(
  customerId: string,
  limit: number,
): Promise<{ pages: TimelineEntry[][]; totals: number[] }> {
  const pages: TimelineEntry[][] = [];
  const totals: number[] = [];
  let before: Input<'timeline.list'>['before'];
  for (;;) {
    const page = await call(app, 'timeline.list', {
      customerId,
      limit,
      ...(before ? { before } : {}),
    });
    pages.push(page.entries);
    totals.push(page.total);
    if (!page.next) return { pages, totals };
    before = page.next;
  }
}

function addContact(customerId: string, id: string, name: string): void {
  app.commit([
    {
      op: 'insert',
      table: 'contacts',
      id,
      values: {
        customerId,
        name,
        title: '采购经理',
        phone: null,
        email: null,
        buyingRole: 'purchaser',
        notes: null,
      },
    },
  ]);
}

beforeEach(async () => {
  app = tempApp();
  let reps: User[];
  ({ manager, reps } = await startTeam(app, ['Alice']));
  [alice] = reps as [User];
  prospect = await call(app, 'customers.create', {
    name: '恒信机电',
    ownerId: alice.id,
    status: 'prospect',
  });
  client = await call(app, 'customers.create', {
    name: '华润精密',
    ownerId: alice.id,
    status: 'customer',
  });
  app.tick(60_000);
});
afterEach(() => {
  app.cleanup();
});

describe('timeline.log', () => {
  it('logs a call now, by the current user, with the category the customer status suggests', async () => {
    const entry = await log();
    expect(entry).toEqual({
      id: entry.id,
      source: 'activity',
      kind: 'call',
      category: 'development',
      at: '2026-11-23T09:01:00.000Z',
      body: '电话沟通报价，客户要求下周给方案',
      userId: manager.id,
      userName: '王经理',
      contactId: null,
      contactName: null,
      deletable: true,
    });
    expect(
      app.sqlite
        .prepare('SELECT customer_id, user_id, updated_by, deleted_at FROM activities WHERE id = ?')
        .get(entry.id),
    ).toEqual({
      customer_id: prospect.id,
      user_id: manager.id,
      updated_by: manager.id,
      deleted_at: null,
    });
    // Written through commit: every field is in the change log, signed by the user.
    const logged = app.sqlite
      .prepare('SELECT "column", user_id FROM change_log WHERE table_name = ? AND row_id = ?')
      .all('activities', entry.id) as { column: string; user_id: string }[];
    expect(logged.map((r) => r.column)).toEqual(
      expect.arrayContaining(['customer_id', 'kind', 'category', 'at', 'body']),
    );
    expect(new Set(logged.map((r) => r.user_id))).toEqual(new Set([manager.id]));

    expect((await log({ customerId: client.id, kind: 'message' })).category).toBe('maintenance');
    expect(
      (await log({ customerId: client.id, kind: 'note', category: 'negotiation' })).category,
    ).toBe('negotiation');
    // A lost customer being won back is development again.
    expect(
      ['prospect', 'customer', 'lost'].map((s) => defaultActivityCategory(s as 'prospect')),
    ).toEqual(['development', 'maintenance', 'development']);
  });

  it('takes a moment in the past and a contact of the customer, normalising the instant to UTC', async () => {
    addContact(prospect.id, '01900000-0000-7000-8000-0000000000c1', '张伟');
    const entry = await log({
      contactId: '01900000-0000-7000-8000-0000000000c1',
      at: '2026-11-20T15:30:00+08:00',
      kind: 'message',
    });
    expect(entry).toMatchObject({
      at: '2026-11-20T07:30:00.000Z',
      contactId: '01900000-0000-7000-8000-0000000000c1',
      contactName: '张伟',
      kind: 'message',
    });
  });

  it('refuses an unknown or deleted customer, a contact of another customer, and a future moment, writing nothing', async () => {
    addContact(client.id, '01900000-0000-7000-8000-0000000000c2', '李娜');
    await call(app, 'customers.delete', { id: client.id });
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'timeline.log', { customerId: UNKNOWN, kind: 'call', body: 'x' }),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await callError(app, 'timeline.log', { customerId: client.id, kind: 'call', body: 'x' }),
    ).toMatchObject({ code: 'not_found' });
    expect(
      await callError(app, 'timeline.log', {
        customerId: prospect.id,
        kind: 'call',
        body: 'x',
        contactId: '01900000-0000-7000-8000-0000000000c2',
      }),
    ).toMatchObject({
      code: 'invalid_input',
      key: 'timeline.errors.contactUnknown',
      fields: { contactId: 'timeline.errors.contactUnknown' },
    });
    expect(
      await callError(app, 'timeline.log', {
        customerId: prospect.id,
        kind: 'call',
        body: 'x',
        at: '2026-11-24T09:00:00.000Z',
      }),
    ).toMatchObject({
      code: 'invalid_input',
      fields: { at: 'timeline.errors.future' },
    });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('answers bad input with invalid_input and changes nothing', async () => {
    const before = dbSnapshot(app);
    const base = { customerId: prospect.id, kind: 'call', body: 'ok' };
    const bad: [unknown, string][] = [
      [{ ...base, body: '   ' }, 'body'],
      [{ ...base, body: 'x'.repeat(2001) }, 'body'],
      [{ ...base, kind: 'handover' }, 'kind'],
      [{ ...base, kind: 'visit' }, 'kind'],
      [{ ...base, category: 'sales' }, 'category'],
      [{ ...base, at: 'yesterday' }, 'at'],
      [{ ...base, at: '2026-11-20T10:00:00' }, 'at'],
      [{ ...base, at: '1999-12-31T10:00:00.000Z' }, 'at'],
      [{ ...base, contactId: 'not-a-uuid' }, 'contactId'],
      [{ ...base, customerId: 'x' }, 'customerId'],
      [{ ...base, userId: manager.id }, '_'],
      [{ customerId: prospect.id, kind: 'call' }, 'body'],
    ];
    for (const [input, field] of bad) {
      const error = await callError(app, 'timeline.log', input);
      expect(error.code, JSON.stringify(input).slice(0, 80)).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}), JSON.stringify(input).slice(0, 80)).toContain(field);
    }
    expect(dbSnapshot(app)).toBe(before);
  });
});

describe('timeline.list', () => {
  it('lists newest first, ties by the later id, only the customer’s live entries', async () => {
    const a = await log({ at: '2026-11-01T02:00:00.000Z', body: 'first' });
    const b = await log({ at: '2026-11-10T02:00:00.000Z', body: 'third' });
    const c = await log({ at: '2026-11-05T02:00:00.000Z', body: 'second' });
    const tie = await log({ at: '2026-11-10T02:00:00.000Z', body: 'third, logged later' });
    await log({ customerId: client.id, body: 'another customer' });
    const gone = await log({ body: 'deleted' });
    await call(app, 'timeline.delete', { id: gone.id });
    const page = await call(app, 'timeline.list', { customerId: prospect.id });
    expect(page.entries.map((e) => e.id)).toEqual([tie.id, b.id, c.id, a.id]);
    expect(page).toMatchObject({ next: null, total: 4 });
  });

  it('pages with a cursor: no entry twice, none missed, and an entry logged meanwhile does not shift later pages', async () => {
    const base = Date.parse('2026-10-01T02:00:00.000Z');
    for (let i = 0; i < 120; i++) {
      // Every fifth entry shares its moment with the one before: the id breaks the tie.
      const at = new Date(base + (i - (i % 5 === 4 ? 1 : 0)) * 3_600_000).toISOString();
      app.commit([
        {
          op: 'insert',
          table: 'activities',
          id: app.newId(),
          values: {
            customerId: prospect.id,
            contactId: null,
            userId: alice.id,
            kind: 'call',
            category: 'development',
            at,
            body: `#${i}`,
          },
        },
      ]);
    }
    const { pages, totals } = await allPages(prospect.id, 50);
    expect(pages.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(totals).toEqual([120, 120, 120]);
    const all = pages.flat();
    expect(new Set(all.map((e) => e.id)).size).toBe(120);
    const order = app.sqlite
      .prepare('SELECT id FROM activities WHERE customer_id = ? ORDER BY at DESC, id DESC')
      .all(prospect.id) as { id: string }[];
    expect(all.map((e) => e.id)).toEqual(order.map((r) => r.id));
    // Someone else's entry, not deletable by me.
    expect(all.every((e) => e.userName === 'Alice' && !e.deletable)).toBe(true);

    const first = await call(app, 'timeline.list', { customerId: prospect.id, limit: 50 });
    await log({ body: 'logged while reading page one' });
    const second = await call(app, 'timeline.list', {
      customerId: prospect.id,
      limit: 50,
      before: first.next ?? undefined,
    });
    expect(second.entries.map((e) => e.id)).toEqual(pages[1]?.map((e) => e.id));
    expect(second.total).toBe(121);
  });

  it('shows handover records in the timeline, never deletable', async () => {
    await log({ body: 'a call' });
    app.commit([
      {
        op: 'insert',
        table: 'activities',
        id: '01900000-0000-7000-8000-0000000000a1',
        values: {
          customerId: prospect.id,
          contactId: null,
          userId: manager.id,
          kind: 'handover',
          category: null,
          at: '2026-11-23T10:00:00.000Z',
          body: '客户由 Alice 交接给 Bob',
        },
      },
    ]);
    const [first, second] = (await call(app, 'timeline.list', { customerId: prospect.id })).entries;
    expect(first).toMatchObject({
      kind: 'handover',
      category: null,
      body: '客户由 Alice 交接给 Bob',
      deletable: false,
      userName: '王经理',
    });
    expect(second).toMatchObject({ kind: 'call', deletable: true });
    expect(
      await callError(app, 'timeline.delete', { id: '01900000-0000-7000-8000-0000000000a1' }),
    ).toMatchObject({ code: 'conflict', key: 'timeline.errors.systemEntry' });
  });

  it('refuses an unknown or deleted customer and bad paging input', async () => {
    await call(app, 'customers.delete', { id: client.id });
    expect(await callError(app, 'timeline.list', { customerId: client.id })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(app, 'timeline.list', { customerId: UNKNOWN })).toMatchObject({
      code: 'not_found',
    });
    for (const input of [
      { customerId: prospect.id, limit: 0 },
      { customerId: prospect.id, limit: 201 },
      { customerId: prospect.id, before: { at: '2026-11-01T00:00:00.000Z' } },
      { customerId: prospect.id, before: { at: 'x'.repeat(41), id: 'y' } },
      { customerId: prospect.id, page: 2 },
    ]) {
      expect((await callError(app, 'timeline.list', input)).code).toBe('invalid_input');
    }
  });
});

describe('timeline.delete', () => {
  it('soft-deletes my own entry: it leaves the list, the row and its history stay', async () => {
    const keep = await log({ body: 'keep' });
    const entry = await log({ body: 'typo' });
    await call(app, 'timeline.delete', { id: entry.id });
    expect(
      app.sqlite
        .prepare('SELECT deleted_at, updated_by FROM activities WHERE id = ?')
        .get(entry.id),
    ).toEqual({ deleted_at: '2026-11-23T09:01:02.000Z', updated_by: manager.id });
    expect(count(app, 'change_log', `row_id = '${entry.id}' AND "column" = 'deleted_at'`)).toBe(1);
    const page = await call(app, 'timeline.list', { customerId: prospect.id });
    expect(page.entries.map((e) => e.id)).toEqual([keep.id]);
    expect(page.total).toBe(1);
    // Already gone.
    expect(await callError(app, 'timeline.delete', { id: entry.id })).toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses someone else’s entry, an unknown one, and one on a deleted customer, changing nothing', async () => {
    const mine = await log({ customerId: client.id });
    app.setCurrentUserId(alice.id);
    const hers = await log({ body: 'Alice called' });
    app.setCurrentUserId(manager.id);
    await call(app, 'customers.delete', { id: client.id });
    const before = dbSnapshot(app);
    expect(await callError(app, 'timeline.delete', { id: hers.id })).toMatchObject({
      code: 'conflict',
      key: 'timeline.errors.notYours',
    });
    expect(await callError(app, 'timeline.delete', { id: UNKNOWN })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(app, 'timeline.delete', { id: mine.id })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(app, 'timeline.delete', { id: 'nope' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(dbSnapshot(app)).toBe(before);
    // The author sees it as deletable; I do not.
    expect(
      (await call(app, 'timeline.list', { customerId: prospect.id })).entries[0],
    ).toMatchObject({ id: hers.id, deletable: false });
  });
});

describe('last contact', () => {
  // customers.last_contact_at is a cache kept by triggers (docs/decisions/0007); these
  // checks drive it through the timeline's own write path.
  const lastContact = async (id: string) =>
    (await call(app, 'customers.get', { id })).lastContactAt;

  it('is null before any contact, then the latest live entry’s moment, skipping handovers', async () => {
    expect(await lastContact(prospect.id)).toBeNull();
    await log({ at: '2026-11-02T02:00:00.000Z' });
    const latest = await log({ at: '2026-11-20T02:00:00.000Z' });
    await log({ at: '2026-11-10T02:00:00.000Z' });
    await log({ customerId: client.id, at: '2026-10-01T02:00:00.000Z' });
    app.commit([
      {
        op: 'insert',
        table: 'activities',
        id: '01900000-0000-7000-8000-0000000000a2',
        values: {
          customerId: prospect.id,
          contactId: null,
          userId: manager.id,
          kind: 'handover',
          category: null,
          at: '2026-11-22T02:00:00.000Z',
          body: '交接',
        },
      },
    ]);
    expect(await lastContact(prospect.id)).toBe('2026-11-20T02:00:00.000Z');
    expect(await lastContact(client.id)).toBe('2026-10-01T02:00:00.000Z');

    // Deleting the latest entry falls back to the one before.
    await call(app, 'timeline.delete', { id: latest.id });
    expect(await lastContact(prospect.id)).toBe('2026-11-10T02:00:00.000Z');
  });
});
