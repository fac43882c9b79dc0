import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, startTeam, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
let manager: User;
let rep: User;
const TODAY = '2026-11-23';

async function customer(name: string, ownerId: string | null = null) {
  const created = await call(app, 'customers.create', { name, ownerId, status: 'customer' });
  app.tick(1000);
  return created;
}

async function logActivity(customerId: string, at: string, kind: 'call' | 'handover' = 'call') {
  const id = app.newId();
  app.commit([
    {
      op: 'insert',
      table: 'activities',
      id,
      values: {
        customerId,
        kind,
        at,
        body: 'x',
        userId: manager.id,
        contactId: null,
        category: 'maintenance',
      },
    },
  ]);
  return id;
}

/** A done visit on a day (local noon UTC), written as a commit like the summary writes it. */
function logVisit(customerId: string, day: string, status: 'done' | 'planned' = 'done') {
  const id = app.newId();
  app.commit([
    {
      op: 'insert',
      table: 'visits',
      id,
      values: {
        ownerId: manager.id,
        customerId,
        day,
        startAt: `${day}T04:00:00.000Z`,
        endAt: `${day}T05:00:00.000Z`,
        timeZone: 'Asia/Shanghai',
        purpose: 'service',
        planned: true,
        status,
      },
    },
  ]);
  return id;
}

beforeEach(async () => {
  app = tempApp({ start: '2026-11-23T09:00:00.000Z' });
  const team = await startTeam(app, ['Rep']);
  manager = team.manager;
  [rep] = team.reps as [User];
});
afterEach(() => app.cleanup());

describe('customers.setGrading', () => {
  it('derives the grade from the two scores, logs the scores but not the grade, and marks it reviewed', async () => {
    const c = await customer('Acme');
    const graded = await call(app, 'customers.setGrading', {
      id: c.id,
      relationship: 4,
      attractiveness: 2,
      override: null,
      overrideReason: null,
      today: TODAY,
    });
    expect(graded).toMatchObject({
      relationship: 4,
      attractiveness: 2,
      grade: 'ordinary',
      gradeReviewedOn: TODAY,
      gradeOverride: null,
    });
    const logged = app.sqlite
      .prepare('SELECT "column" FROM change_log WHERE row_id = ? ORDER BY seq')
      .all(c.id) as { column: string }[];
    expect(logged.map((r) => r.column)).toEqual(
      expect.arrayContaining(['relationship', 'attractiveness', 'grade_reviewed_on']),
    );
    expect(logged.map((r) => r.column)).not.toContain('grade');
  });

  it('recomputes the grade when one score changes (from the stored other score)', async () => {
    const c = await customer('Acme');
    await call(app, 'customers.setGrading', {
      id: c.id,
      relationship: 4,
      attractiveness: 2,
      override: null,
      overrideReason: null,
      today: TODAY,
    });
    app.commit([{ op: 'update', table: 'customers', id: c.id, values: { attractiveness: 5 } }]);
    expect((await call(app, 'customers.get', { id: c.id })).grade).toBe('key');
  });

  it('an override needs a reason and a manager', async () => {
    const c = await customer('Acme');
    const noReason = await callError(app, 'customers.setGrading', {
      id: c.id,
      relationship: 1,
      attractiveness: 1,
      override: 'key',
      overrideReason: '',
      today: TODAY,
    });
    expect(noReason).toMatchObject({
      code: 'invalid_input',
      fields: { overrideReason: 'validation.reasonRequired' },
    });

    const overridden = await call(app, 'customers.setGrading', {
      id: c.id,
      relationship: 1,
      attractiveness: 1,
      override: 'key',
      overrideReason: '集团战略客户',
      today: TODAY,
    });
    expect(overridden).toMatchObject({
      grade: 'key',
      gradeOverride: 'key',
      gradeOverrideReason: '集团战略客户',
    });

    const other = await customer('Beta');
    app.setCurrentUserId(rep.id);
    const before = dbSnapshot(app);
    const refused = await callError(app, 'customers.setGrading', {
      id: other.id,
      relationship: 1,
      attractiveness: 1,
      override: 'key',
      overrideReason: 'I want it',
      today: TODAY,
    });
    expect(refused).toMatchObject({ code: 'conflict', key: 'errors.overrideNeedsManager' });
    expect(dbSnapshot(app)).toBe(before);
    // A rep may still re-score a customer a manager overrode, keeping the override.
    const rescored = await call(app, 'customers.setGrading', {
      id: c.id,
      relationship: 2,
      attractiveness: 2,
      override: 'key',
      overrideReason: '集团战略客户',
      today: TODAY,
    });
    expect(rescored.grade).toBe('key');
  });

  it('refuses scores outside 1–5 and unknown customers', async () => {
    const c = await customer('Acme');
    expect(
      await callError(app, 'customers.setGrading', {
        id: c.id,
        relationship: 6,
        attractiveness: 0,
        override: null,
        overrideReason: null,
        today: TODAY,
      }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await callError(app, 'customers.setGrading', {
        id: c.id,
        relationship: 3,
        attractiveness: 3,
        override: null,
        overrideReason: null,
        today: '2026-02-30',
      }),
    ).toMatchObject({ code: 'invalid_input', fields: { today: 'validation.date' } });
    for (const [today, key] of [
      ['2026-13-01', 'validation.date'],
      ['2206-01-01', 'validation.range'],
    ] as const) {
      expect(
        await callError(app, 'customers.setGrading', {
          id: c.id,
          relationship: 3,
          attractiveness: 3,
          override: null,
          overrideReason: null,
          today,
        }),
      ).toMatchObject({ code: 'invalid_input', fields: { today: key } });
    }
    expect(
      await callError(app, 'customers.setGrading', {
        id: '01900000-0000-7000-8000-000000000000',
        relationship: 3,
        attractiveness: 3,
        override: null,
        overrideReason: null,
        today: TODAY,
      }),
    ).toMatchObject({ code: 'not_found' });
  });
});

describe('last contact and overdue', () => {
  it('the timeline keeps last_contact_at: newer entries move it, handovers do not count, deletes recompute it', async () => {
    const c = await customer('Acme');
    expect((await call(app, 'customers.get', { id: c.id })).lastContactAt).toBeNull();
    const first = await logActivity(c.id, '2026-11-01T08:00:00.000Z');
    await logActivity(c.id, '2026-10-01T08:00:00.000Z');
    expect((await call(app, 'customers.get', { id: c.id })).lastContactAt).toBe(
      '2026-11-01T08:00:00.000Z',
    );
    await logActivity(c.id, '2026-11-20T08:00:00.000Z', 'handover');
    expect((await call(app, 'customers.get', { id: c.id })).lastContactAt).toBe(
      '2026-11-01T08:00:00.000Z',
    );
    app.commit([{ op: 'delete', table: 'activities', id: first }]);
    expect((await call(app, 'customers.get', { id: c.id })).lastContactAt).toBe(
      '2026-10-01T08:00:00.000Z',
    );
    // The cache is not a change: only the activities were logged.
    expect(
      count(app, 'change_log', "table_name = 'customers' AND \"column\" = 'last_contact_at'"),
    ).toBe(0);
  });

  it('filters and shows overdue customers by their grade’s rule, counted from the last done visit or creation: calls do not reset it', async () => {
    const key = await customer('Key Co');
    const potential = await customer('Potential Co');
    const ordinary = await customer('Ordinary Co');
    const phoned = await customer('Phoned Key Co');
    for (const [c, r, a] of [
      [key, 4, 4],
      [potential, 2, 4],
      [ordinary, 4, 2],
      [phoned, 4, 4],
    ] as const) {
      await call(app, 'customers.setGrading', {
        id: c.id,
        relationship: r,
        attractiveness: a,
        override: null,
        overrideReason: null,
        today: TODAY,
      });
    }
    logVisit(key.id, '2026-11-01'); // 22 days before today: key rule 14 → 8 overdue
    logVisit(key.id, '2026-11-20', 'planned'); // a planned visit is not a visit
    logVisit(potential.id, '2026-11-01'); // 22 < 30: fine
    // Phoned Key Co: visited on 11-02 (21 days: 7 overdue), called yesterday: still overdue,
    // and the call shows as its last contact beside the last visit.
    logVisit(phoned.id, '2026-11-02');
    await logActivity(phoned.id, '2026-11-22T08:00:00.000Z');
    // Ordinary Co has no visit: counted from its creation today → fine.
    const list = await call(app, 'customers.list', {
      scope: 'all',
      overdue: true,
      today: TODAY,
      sort: 'name',
    });
    expect(list.rows.map((r) => [r.name, r.overdueDays, r.lastVisitOn, r.lastContactAt])).toEqual([
      ['Key Co', 8, '2026-11-01', '2026-11-01T04:00:00.000Z'],
      ['Phoned Key Co', 7, '2026-11-02', '2026-11-22T08:00:00.000Z'],
    ]);
    expect(list.total).toBe(2);

    // Across a month end: the same data seen on 2026-12-05 (34 days since 11-01).
    const later = await call(app, 'customers.list', {
      scope: 'all',
      overdue: true,
      today: '2026-12-05',
      sort: 'name',
    });
    expect(later.rows.map((r) => [r.name, r.overdueDays])).toEqual([
      ['Key Co', 20],
      ['Phoned Key Co', 19],
      ['Potential Co', 4],
    ]);

    // A later visit resets it; deleting that visit brings it back.
    const visit = logVisit(phoned.id, '2026-11-21');
    expect((await call(app, 'customers.get', { id: phoned.id })).overdueDays).toBe(null);
    app.commit([{ op: 'delete', table: 'visits', id: visit }]);
    const back = await call(app, 'customers.get', { id: phoned.id });
    expect([back.lastVisitOn, back.overdueDays]).toEqual(['2026-11-02', 7]);
    // The cache is not a change: only the visits were logged.
    expect(
      count(app, 'change_log', "table_name = 'customers' AND \"column\" = 'last_visit_on'"),
    ).toBe(0);

    // Edited rules apply at once.
    await call(app, 'settings.setFrequencyRules', {
      key: 30,
      potential: 30,
      ordinary: 60,
      ignore: null,
    });
    expect(
      (await call(app, 'customers.list', { scope: 'all', overdue: true, today: TODAY })).total,
    ).toBe(0);
  });

  it('filters by grade, by cell and by stale review; sorts by grade and by last contact', async () => {
    const a = await customer('A');
    const b = await customer('B');
    await customer('C');
    await call(app, 'customers.setGrading', {
      id: a.id,
      relationship: 5,
      attractiveness: 5,
      override: null,
      overrideReason: null,
      today: '2026-01-01',
    });
    await call(app, 'customers.setGrading', {
      id: b.id,
      relationship: 1,
      attractiveness: 5,
      override: null,
      overrideReason: null,
      today: TODAY,
    });
    await logActivity(b.id, '2026-11-22T08:00:00.000Z');
    const names = async (input: Parameters<typeof call<'customers.list'>>[2]) =>
      (await call(app, 'customers.list', input)).rows.map((r) => r.name);
    expect(await names({ scope: 'all', grade: 'key' })).toEqual(['A']);
    expect(await names({ scope: 'all', grade: 'ungraded' })).toEqual(['C']);
    expect(await names({ scope: 'all', relationship: 1, attractiveness: 5 })).toEqual(['B']);
    expect(await names({ scope: 'all', staleGrade: true, today: TODAY })).toEqual(['A']);
    expect(await names({ scope: 'all', sort: 'grade' })).toEqual(['A', 'B', 'C']);
    expect(await names({ scope: 'all', sort: 'lastContact', direction: 'desc' })).toEqual([
      'B',
      'A',
      'C',
    ]);
  });
});

describe('bulk actions and the matrix', () => {
  it('reassigns and marks reviewed in one commit each, skipping deleted customers', async () => {
    const a = await customer('A', manager.id);
    const b = await customer('B', manager.id);
    const gone = await customer('Gone', manager.id);
    await call(app, 'customers.delete', { id: gone.id });
    expect(
      await call(app, 'customers.reassign', { ids: [a.id, b.id, gone.id], ownerId: rep.id }),
    ).toEqual({ count: 2 });
    expect(count(app, 'customers', `owner_id = '${rep.id}'`)).toBe(2);
    expect(await call(app, 'customers.markReviewed', { ids: [a.id, b.id], today: TODAY })).toEqual({
      count: 2,
    });
    expect(count(app, 'customers', `grade_reviewed_on = '${TODAY}'`)).toBe(2);
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'customers.reassign', {
        ids: [a.id],
        ownerId: '01900000-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(await callError(app, 'customers.reassign', { ids: [], ownerId: rep.id })).toMatchObject({
      code: 'invalid_input',
    });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('counts customers per cell and per grade in the chosen scope', async () => {
    const mine = await customer('Mine', manager.id);
    const theirs = await customer('Theirs', rep.id);
    const alsoTheirs = await customer('Also theirs', rep.id);
    await customer('Ungraded', rep.id);
    for (const [c, r, a] of [
      [mine, 5, 5],
      [theirs, 5, 5],
      [alsoTheirs, 1, 2],
    ] as const) {
      await call(app, 'customers.setGrading', {
        id: c.id,
        relationship: r,
        attractiveness: a,
        override: null,
        overrideReason: null,
        today: TODAY,
      });
    }
    const all = await call(app, 'customers.matrix', { scope: 'all', today: TODAY });
    expect(all.cells).toEqual(
      expect.arrayContaining([
        { relationship: 5, attractiveness: 5, count: 2 },
        { relationship: 1, attractiveness: 2, count: 1 },
      ]),
    );
    expect(all.grades).toEqual({ key: 2, potential: 0, ordinary: 0, ignore: 1 });
    expect(all).toMatchObject({ ungraded: 1, total: 4, stale: 0 });
    const repOnly = await call(app, 'customers.matrix', {
      scope: 'all',
      ownerId: rep.id,
      today: TODAY,
    });
    expect(repOnly.grades).toEqual({ key: 1, potential: 0, ordinary: 0, ignore: 1 });
  });
});

describe('contacts and team settings', () => {
  it('adds, edits and removes contacts with buying roles; refuses bad input and unknown customers', async () => {
    const c = await customer('Acme');
    const added = await call(app, 'contacts.create', {
      customerId: c.id,
      fields: {
        name: '李总',
        title: '总经理',
        phone: '13800000000',
        email: null,
        buyingRole: 'decision_maker',
        notes: null,
      },
    });
    expect((await call(app, 'customers.get', { id: c.id })).contacts).toEqual([
      expect.objectContaining({ name: '李总', buyingRole: 'decision_maker' }),
    ]);
    await call(app, 'contacts.update', {
      id: added.id,
      fields: {
        name: '李总',
        title: '董事长',
        phone: '13800000000',
        email: 'li@example.com',
        buyingRole: 'decision_maker',
        notes: null,
      },
    });
    expect((await call(app, 'customers.get', { id: c.id })).contacts[0]).toMatchObject({
      title: '董事长',
      email: 'li@example.com',
    });
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'contacts.create', {
        customerId: c.id,
        fields: { name: '', buyingRole: 'boss' },
      }),
    ).toMatchObject({ code: 'invalid_input' });
    expect(
      await callError(app, 'contacts.create', {
        customerId: '01900000-0000-7000-8000-000000000000',
        fields: { name: 'X', buyingRole: null },
      }),
    ).toMatchObject({ code: 'not_found' });
    expect(dbSnapshot(app)).toBe(before);
    await call(app, 'contacts.delete', { id: added.id });
    expect((await call(app, 'customers.get', { id: c.id })).contacts).toEqual([]);
  });

  it('frequency rules default to domain.md, are shared settings, and only managers change them', async () => {
    expect((await call(app, 'settings.get', {})).frequencyRules).toEqual({
      key: 14,
      potential: 30,
      ordinary: 60,
      ignore: null,
    });
    await call(app, 'settings.setFrequencyRules', {
      key: 7,
      potential: 21,
      ordinary: 45,
      ignore: 120,
    });
    expect((await call(app, 'settings.get', {})).frequencyRules).toEqual({
      key: 7,
      potential: 21,
      ordinary: 45,
      ignore: 120,
    });
    expect(count(app, 'change_log', "table_name = 'settings'")).toBeGreaterThan(0);
    expect(
      await callError(app, 'settings.setFrequencyRules', {
        key: 0,
        potential: 21,
        ordinary: 45,
        ignore: null,
      }),
    ).toMatchObject({ code: 'invalid_input' });
    app.setCurrentUserId(rep.id);
    expect(
      await callError(app, 'settings.setFrequencyRules', {
        key: 10,
        potential: 21,
        ordinary: 45,
        ignore: null,
      }),
    ).toMatchObject({ code: 'conflict' });
  });
});
