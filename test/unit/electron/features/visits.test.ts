import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callError, dbSnapshot } from '../../helpers';
import {
  NOW,
  TZ,
  UNKNOWN,
  planOf,
  planVisit,
  visitFixture,
  visitRow,
  type VisitFixture,
} from './visits.fixture';

let f: VisitFixture;

beforeEach(async () => {
  f = await visitFixture();
});
afterEach(() => f.app.cleanup());

/** Visits on the calendar for a range, as the whole company sees them. */
async function calendar(from: string, to = from) {
  const { events } = await call(f.app, 'calendar.range', { from, to, scope: 'all', now: NOW });
  return events;
}

describe('visits.create and visits.get', () => {
  it('stores UTC instants, the local day and the time zone, and answers the plan', async () => {
    const visit = await planVisit(f, {
      contactIds: [f.contactIds[1] ?? '', f.contactIds[0] ?? ''],
      area: '  苏州工业园区 ',
      goal: '了解二期产线预算',
    });
    expect(visit).toMatchObject({
      type: 'visit',
      ownerId: f.alice.id,
      ownerName: '李娜',
      customerId: f.customerId,
      customerName: '苏州精密机械有限公司',
      customerGrade: null,
      day: '2026-11-25',
      startAt: '2026-11-25T01:00:00.000Z',
      endAt: '2026-11-25T02:00:00.000Z',
      timeZone: TZ,
      routeOrder: 0,
      area: '苏州工业园区',
      purpose: 'info',
      goal: '了解二期产线预算',
      planned: true,
      status: 'planned',
      effective: null,
      summaryDue: false,
      conflict: false,
      collection: null,
      summarizedAt: null,
    });
    expect(visit.contacts.map((c) => c.name)).toEqual(['刘总', '陈工']);
    const row = visitRow(f.app, visit.id);
    expect(row).toMatchObject({ day: '2026-11-25', time_zone: TZ, planned: 1, status: 'planned' });
    expect(JSON.parse(String(row.contact_ids))).toEqual([f.contactIds[1], f.contactIds[0]]);

    // Seen after its end, the same visit asks for its summary.
    const later = await call(f.app, 'visits.get', {
      id: visit.id,
      now: '2026-11-25T10:30:00+08:00',
    });
    expect(later).toEqual({ ...visit, summaryDue: true });
  });

  it('gives the visit to the current user when no rep is named', async () => {
    const { ownerId: _omit, ...plan } = planOf(f);
    const visit = await call(f.app, 'visits.create', plan);
    expect(visit.ownerId).toBe(f.manager.id);
  });

  it('stores 00:30 Shanghai time on its local day, which is the day before in UTC', async () => {
    const visit = await planVisit(f, { day: '2026-11-26', start: '00:30', end: '01:15' });
    expect(visit).toMatchObject({
      day: '2026-11-26',
      startAt: '2026-11-25T16:30:00.000Z',
      endAt: '2026-11-25T17:15:00.000Z',
    });
    expect((await calendar('2026-11-26')).map((e) => e.id)).toEqual([visit.id]);
    expect(await calendar('2026-11-25')).toEqual([]);
  });

  it('takes the first of a time repeated when New York falls back', async () => {
    const visit = await planVisit(f, {
      day: '2026-11-01',
      start: '01:30',
      end: '02:30',
      timeZone: 'America/New_York',
    });
    // 01:30 EDT (UTC−4) is 05:30Z; 02:30 is after the change, EST (UTC−5): 07:30Z.
    expect(visit).toMatchObject({
      startAt: '2026-11-01T05:30:00.000Z',
      endAt: '2026-11-01T07:30:00.000Z',
    });
  });
});

describe('bad plans are refused with their message and write nothing', () => {
  it('refuses a time skipped by the spring DST change in New York', async () => {
    const before = dbSnapshot(f.app);
    const error = await callError(f.app, 'visits.create', {
      ...planOf(f),
      day: '2027-03-14',
      start: '02:30',
      end: '04:00',
      timeZone: 'America/New_York',
    });
    expect(error).toMatchObject({
      code: 'invalid_input',
      key: 'visitErrors.timeSkipped',
      fields: { start: 'visitErrors.timeSkipped' },
    });
    const endSkipped = await callError(f.app, 'visits.create', {
      ...planOf(f),
      day: '2027-03-14',
      start: '01:00',
      end: '02:15',
      timeZone: 'America/New_York',
    });
    expect(endSkipped).toMatchObject({ fields: { end: 'visitErrors.timeSkipped' } });
    expect(dbSnapshot(f.app)).toBe(before);
    // 03:00 exists (clocks jump from 02:00 to 03:00 EDT): 01:30 EST → 03:30 EDT is one hour.
    const visit = await planVisit(f, {
      day: '2027-03-14',
      start: '01:30',
      end: '03:30',
      timeZone: 'America/New_York',
    });
    expect([visit.startAt, visit.endAt]).toEqual([
      '2027-03-14T06:30:00.000Z',
      '2027-03-14T07:30:00.000Z',
    ]);
  });

  it('refuses an end before or at the start', async () => {
    const before = dbSnapshot(f.app);
    for (const [start, end] of [
      ['10:00', '09:00'],
      ['10:00', '10:00'],
    ])
      expect(await callError(f.app, 'visits.create', planOf(f, { start, end }))).toMatchObject({
        code: 'invalid_input',
        key: 'visitErrors.endBeforeStart',
        fields: { end: 'visitErrors.endBeforeStart' },
      });
    // Not a time at all (24:00, 9:5) is the contract's.
    expect(await callError(f.app, 'visits.create', planOf(f, { end: '24:00' }))).toMatchObject({
      code: 'invalid_input',
      fields: { end: 'validation.time' },
    });
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('refuses an inactive rep, an unknown one, a deleted customer and another customer’s contact', async () => {
    await call(f.app, 'team.setUserActive', { id: f.bob.id, active: false });
    await call(f.app, 'customers.delete', { id: f.otherCustomerId });
    const before = dbSnapshot(f.app);
    expect(await callError(f.app, 'visits.create', planOf(f, { ownerId: f.bob.id }))).toMatchObject(
      {
        code: 'invalid_input',
        key: 'visitErrors.inactiveRep',
        fields: { ownerId: 'visitErrors.inactiveRep' },
      },
    );
    expect(await callError(f.app, 'visits.create', planOf(f, { ownerId: UNKNOWN }))).toMatchObject({
      code: 'invalid_input',
      key: 'errors.ownerUnknown',
    });
    expect(
      await callError(f.app, 'visits.create', planOf(f, { customerId: f.otherCustomerId })),
    ).toMatchObject({ code: 'not_found', key: 'visitErrors.customerGone' });
    expect(
      await callError(f.app, 'visits.create', planOf(f, { customerId: UNKNOWN })),
    ).toMatchObject({ code: 'not_found', key: 'visitErrors.customerGone' });
    expect(
      await callError(
        f.app,
        'visits.create',
        planOf(f, { contactIds: [f.contactIds[0] ?? '', f.otherContactId] }),
      ),
    ).toMatchObject({
      code: 'invalid_input',
      key: 'visitErrors.contactElsewhere',
      fields: { contactIds: 'visitErrors.contactElsewhere' },
    });
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('warns about an overlap with the rep’s other visit, and plans it anyway when asked', async () => {
    const first = await planVisit(f);
    const before = dbSnapshot(f.app);
    const clash = planOf(f, {
      customerId: f.otherCustomerId,
      start: '09:30',
      end: '11:00',
    });
    expect(await callError(f.app, 'visits.create', clash)).toMatchObject({
      code: 'conflict',
      key: 'visitErrors.overlap',
      params: { customer: '苏州精密机械有限公司', start: '09:00', end: '10:00' },
    });
    expect(dbSnapshot(f.app)).toBe(before);

    // Touching is not overlapping; another rep's visit at the same time is not in the way.
    await planVisit(f, { customerId: f.otherCustomerId, start: '10:00', end: '11:00' });
    await planVisit(f, { customerId: f.otherCustomerId, ownerId: f.bob.id });

    const anyway = await call(f.app, 'visits.create', { ...clash, allowOverlap: true });
    expect(anyway.conflict).toBe(true);
    const events = await calendar('2026-11-25');
    const flags = Object.fromEntries(
      events.map((e) => [e.id, e.type === 'visit' ? e.conflict : null]),
    );
    expect(flags[first.id]).toBe(true);
    expect(flags[anyway.id]).toBe(true);
    expect(Object.values(flags).filter((c) => c === true)).toHaveLength(3); // + the 10:00 one
  });

  it('lets a cancelled visit free its slot', async () => {
    const first = await planVisit(f, { day: '2026-11-20' });
    await call(f.app, 'visits.summarize', {
      id: first.id,
      expectedUpdatedAt: first.updatedAt,
      summary: { status: 'cancelled', outcome: '客户临时出差' },
      today: '2026-11-23',
    });
    const second = await planVisit(f, { day: '2026-11-20', customerId: f.otherCustomerId });
    expect(second.conflict).toBe(false);
  });
});

describe('visits.update and visits.move', () => {
  it('edits the plan, and refuses a stale edit with who changed it', async () => {
    const visit = await planVisit(f);
    f.app.tick(60_000);
    const updated = await call(f.app, 'visits.update', {
      id: visit.id,
      expectedUpdatedAt: visit.updatedAt,
      fields: planOf(f, {
        purpose: 'order',
        start: '14:00',
        end: '15:30',
        contactIds: [f.contactIds[0] ?? ''],
        goal: '谈订单',
      }),
    });
    expect(updated).toMatchObject({
      purpose: 'order',
      startAt: '2026-11-25T06:00:00.000Z',
      endAt: '2026-11-25T07:30:00.000Z',
      goal: '谈订单',
    });
    expect(updated.contacts.map((c) => c.name)).toEqual(['陈工']);

    const before = dbSnapshot(f.app);
    const stale = await callError(f.app, 'visits.update', {
      id: visit.id,
      expectedUpdatedAt: visit.updatedAt,
      fields: planOf(f),
    });
    expect(stale).toMatchObject({
      code: 'conflict',
      key: 'visitErrors.changedMeanwhile',
      params: { name: '王经理', at: updated.updatedAt },
    });
    expect(
      await callError(f.app, 'visits.move', {
        id: visit.id,
        expectedUpdatedAt: visit.updatedAt,
        day: '2026-11-26',
        start: '09:00',
        end: '10:00',
        timeZone: TZ,
      }),
    ).toMatchObject({ key: 'visitErrors.changedMeanwhile' });
    expect(
      await callError(f.app, 'visits.update', {
        id: UNKNOWN,
        expectedUpdatedAt: visit.updatedAt,
        fields: planOf(f),
      }),
    ).toMatchObject({ code: 'not_found', key: 'visitErrors.visitGone' });
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('keeps an inactive rep on an existing visit but refuses moving a visit to one', async () => {
    const visit = await planVisit(f, { day: '2026-11-20' });
    await call(f.app, 'team.setUserActive', { id: f.alice.id, active: false });
    await call(f.app, 'team.setUserActive', { id: f.bob.id, active: false });
    f.app.tick(1000);
    const kept = await call(f.app, 'visits.update', {
      id: visit.id,
      expectedUpdatedAt: visit.updatedAt,
      fields: planOf(f, { day: '2026-11-20', goal: '补记目的' }),
    });
    expect(kept).toMatchObject({ ownerId: f.alice.id, goal: '补记目的' });
    expect(
      await callError(f.app, 'visits.update', {
        id: visit.id,
        expectedUpdatedAt: kept.updatedAt,
        fields: planOf(f, { day: '2026-11-20', ownerId: f.bob.id }),
      }),
    ).toMatchObject({ key: 'visitErrors.inactiveRep' });
  });

  it('moves a visit: another day goes to the end of that route, a resize keeps its place', async () => {
    const a = await planVisit(f, { start: '09:00', end: '10:00' });
    const b = await planVisit(f, { start: '11:00', end: '12:00', customerId: f.otherCustomerId });
    await call(f.app, 'visits.reorder', {
      ownerId: f.alice.id,
      day: '2026-11-25',
      ids: [b.id, a.id],
    });
    const current = await call(f.app, 'visits.get', { id: b.id, now: NOW });
    expect(current.routeOrder).toBe(1);
    f.app.tick(1000);
    const resized = await call(f.app, 'visits.move', {
      id: b.id,
      expectedUpdatedAt: current.updatedAt,
      day: '2026-11-25',
      start: '11:00',
      end: '12:30',
      timeZone: TZ,
    });
    expect(resized).toMatchObject({ routeOrder: 1, endAt: '2026-11-25T04:30:00.000Z' });
    // Dragged onto a's slot: refused, then allowed.
    const before = dbSnapshot(f.app);
    const onto = {
      id: b.id,
      expectedUpdatedAt: resized.updatedAt,
      day: '2026-11-25',
      start: '09:30',
      end: '10:30',
      timeZone: TZ,
    };
    expect(await callError(f.app, 'visits.move', onto)).toMatchObject({
      code: 'conflict',
      key: 'visitErrors.overlap',
    });
    expect(dbSnapshot(f.app)).toBe(before);
    f.app.tick(1000);
    const moved = await call(f.app, 'visits.move', {
      ...onto,
      day: '2026-11-27',
      start: '09:00',
      end: '10:00',
    });
    expect(moved).toMatchObject({
      day: '2026-11-27',
      startAt: '2026-11-27T01:00:00.000Z',
      routeOrder: 0,
    });
  });

  it('keeps a summarised visit on its day, and a booked visit on its customer', async () => {
    const visit = await planVisit(f, { day: '2026-11-20' });
    const done = await call(f.app, 'visits.summarize', {
      id: visit.id,
      expectedUpdatedAt: visit.updatedAt,
      summary: { status: 'done', effective: true },
      today: '2026-11-23',
    });
    const before = dbSnapshot(f.app);
    expect(
      await callError(f.app, 'visits.move', {
        id: visit.id,
        expectedUpdatedAt: done.updatedAt,
        day: '2026-11-21',
        start: '09:00',
        end: '10:00',
        timeZone: TZ,
      }),
    ).toMatchObject({
      key: 'visitErrors.summarizedDayFixed',
      fields: { day: 'visitErrors.summarizedDayFixed' },
    });
    expect(dbSnapshot(f.app)).toBe(before);
    // Its times on the same day can be corrected.
    const fixed = await call(f.app, 'visits.move', {
      id: visit.id,
      expectedUpdatedAt: done.updatedAt,
      day: '2026-11-20',
      start: '09:30',
      end: '10:30',
      timeZone: TZ,
    });
    expect(fixed.startAt).toBe('2026-11-20T01:30:00.000Z');
  });
});

describe('visits.reorder and visits.route', () => {
  it('writes route order 1…n and answers the day in route order', async () => {
    const a = await planVisit(f, { start: '09:00', end: '10:00' });
    const b = await planVisit(f, { start: '11:00', end: '12:00', customerId: f.otherCustomerId });
    const c = await planVisit(f, { start: '14:00', end: '15:00' });
    await planVisit(f, { ownerId: f.bob.id, customerId: f.otherCustomerId });
    const unordered = await call(f.app, 'visits.route', {
      ownerId: f.alice.id,
      day: '2026-11-25',
      now: NOW,
    });
    expect(unordered.map((v) => v.id)).toEqual([a.id, b.id, c.id]);

    await call(f.app, 'visits.reorder', {
      ownerId: f.alice.id,
      day: '2026-11-25',
      ids: [c.id, a.id, b.id],
    });
    const route = await call(f.app, 'visits.route', {
      ownerId: f.alice.id,
      day: '2026-11-25',
      now: NOW,
    });
    expect(route.map((v) => [v.id, v.routeOrder])).toEqual([
      [c.id, 1],
      [a.id, 2],
      [b.id, 3],
    ]);
    // A visit planned later goes to the end of the route.
    const d = await planVisit(f, { start: '07:00', end: '08:00' });
    const after = await call(f.app, 'visits.route', {
      ownerId: f.alice.id,
      day: '2026-11-25',
      now: NOW,
    });
    expect(after.map((v) => v.id)).toEqual([c.id, a.id, b.id, d.id]);
  });

  it('refuses a route that does not list each of the day’s visits exactly once', async () => {
    const a = await planVisit(f, { start: '09:00', end: '10:00' });
    const b = await planVisit(f, { start: '11:00', end: '12:00' });
    const elsewhere = await planVisit(f, { day: '2026-11-26' });
    const bobs = await planVisit(f, { ownerId: f.bob.id, customerId: f.otherCustomerId });
    const before = dbSnapshot(f.app);
    for (const ids of [
      [a.id],
      [a.id, b.id, b.id],
      [a.id, b.id, elsewhere.id],
      [a.id, bobs.id],
      [a.id, UNKNOWN],
    ])
      expect(
        await callError(f.app, 'visits.reorder', { ownerId: f.alice.id, day: '2026-11-25', ids }),
      ).toMatchObject({
        code: 'invalid_input',
        key: 'visitErrors.routeMismatch',
        fields: { ids: 'visitErrors.routeMismatch' },
      });
    expect(dbSnapshot(f.app)).toBe(before);
  });
});

describe('visits.delete and visits.restore', () => {
  it('removes a visit from every list and brings it back', async () => {
    const visit = await planVisit(f);
    await call(f.app, 'visits.delete', { id: visit.id });
    expect(await calendar('2026-11-25')).toEqual([]);
    expect(await callError(f.app, 'visits.get', { id: visit.id, now: NOW })).toMatchObject({
      code: 'not_found',
      key: 'visitErrors.visitGone',
    });
    expect(await callError(f.app, 'visits.delete', { id: visit.id })).toMatchObject({
      key: 'visitErrors.visitGone',
    });
    await call(f.app, 'visits.restore', { id: visit.id });
    await call(f.app, 'visits.restore', { id: visit.id }); // twice is harmless
    expect((await calendar('2026-11-25')).map((e) => e.id)).toEqual([visit.id]);
    expect(await callError(f.app, 'visits.restore', { id: UNKNOWN })).toMatchObject({
      code: 'not_found',
      key: 'visitErrors.visitGone',
    });
  });

  it('hides the visits of a deleted customer, and will not restore one until the customer is back', async () => {
    const visit = await planVisit(f);
    await call(f.app, 'visits.delete', { id: visit.id });
    await call(f.app, 'customers.delete', { id: f.customerId });
    expect(await callError(f.app, 'visits.restore', { id: visit.id })).toMatchObject({
      code: 'not_found',
      key: 'visitErrors.customerGone',
    });
    await call(f.app, 'customers.restore', { id: f.customerId });
    await call(f.app, 'visits.restore', { id: visit.id });
    expect((await calendar('2026-11-25')).map((e) => e.id)).toEqual([visit.id]);
    await call(f.app, 'customers.delete', { id: f.customerId });
    expect(await calendar('2026-11-25')).toEqual([]);
  });
});

describe('calendar.range', () => {
  it('refuses more than 62 days and a range that ends before it starts', async () => {
    expect(
      await callError(f.app, 'calendar.range', {
        from: '2026-11-01',
        to: '2027-01-02',
        scope: 'all',
        now: NOW,
      }),
    ).toMatchObject({ code: 'invalid_input', key: 'visitErrors.rangeTooLong' });
    await call(f.app, 'calendar.range', {
      from: '2026-11-01',
      to: '2027-01-01',
      scope: 'all',
      now: NOW,
    });
    expect(
      await callError(f.app, 'calendar.range', {
        from: '2026-11-10',
        to: '2026-11-09',
        scope: 'all',
        now: NOW,
      }),
    ).toMatchObject({ code: 'invalid_input', fields: { to: 'validation.range' } });
  });

  it('flags every visit that overlaps another of its rep, however they nest', async () => {
    const anyway = { allowOverlap: true };
    const long = await planVisit(f, { start: '09:00', end: '12:00' });
    const inside = await planVisit(f, { start: '09:30', end: '10:00', ...anyway });
    const late = await planVisit(f, { start: '11:00', end: '11:30', ...anyway });
    const after = await planVisit(f, { start: '13:00', end: '14:00' });
    const called = await planVisit(f, { start: '15:00', end: '16:00' });
    await call(f.app, 'visits.summarize', {
      id: called.id,
      expectedUpdatedAt: called.updatedAt,
      summary: { status: 'cancelled' },
      today: '2026-11-23',
    });
    const cancelledOver = await call(f.app, 'visits.move', {
      id: called.id,
      expectedUpdatedAt: (await call(f.app, 'visits.get', { id: called.id, now: NOW })).updatedAt,
      day: '2026-11-25',
      start: '09:15',
      end: '09:45',
      timeZone: TZ,
    });
    const bobs = await planVisit(f, { ownerId: f.bob.id, customerId: f.otherCustomerId });
    const flags = Object.fromEntries(
      (await calendar('2026-11-25')).map((e) => [e.id, e.type === 'visit' && e.conflict]),
    );
    expect(flags).toEqual({
      [long.id]: true,
      [inside.id]: true,
      [late.id]: true,
      [after.id]: false,
      [cancelledOver.id]: false,
      [bobs.id]: false,
    });
    // The detail reads the same flags.
    const route = await call(f.app, 'visits.route', {
      ownerId: f.alice.id,
      day: '2026-11-25',
      now: NOW,
    });
    expect(Object.fromEntries(route.map((v) => [v.id, v.conflict]))).toEqual({
      [long.id]: true,
      [inside.id]: true,
      [late.id]: true,
      [after.id]: false,
      [cancelledOver.id]: false,
    });
  });

  it('shows the people in scope: mine, my team, or a list of reps', async () => {
    const mine = await planVisit(f, { ownerId: f.manager.id });
    const alices = await planVisit(f);
    const bobs = await planVisit(f, { ownerId: f.bob.id, customerId: f.otherCustomerId });
    const ids = async (who: Record<string, unknown>) =>
      (
        await call(f.app, 'calendar.range', {
          from: '2026-11-23',
          to: '2026-11-29',
          now: NOW,
          scope: 'all',
          ...who,
        })
      ).events.map((e) => e.id);
    expect(await ids({ scope: 'mine' })).toEqual([mine.id]);
    expect((await ids({ scope: 'team' })).sort()).toEqual([mine.id, alices.id, bobs.id].sort());
    expect(await ids({ ownerIds: [f.bob.id] })).toEqual([bobs.id]);
    expect(await ids({ scope: 'team', ownerIds: [] })).toEqual([]);
  });
});
