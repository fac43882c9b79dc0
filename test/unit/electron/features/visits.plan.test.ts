import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { VisitDetail } from '../../../../shared/contract/visits';
import { isoWeekRange } from '../../../../shared/domain/time';
import { call } from '../../helpers';
import { NOW, TODAY, planOf, planVisit, visitFixture, type VisitFixture } from './visits.fixture';

let f: VisitFixture;

beforeEach(async () => {
  f = await visitFixture();
});
afterEach(() => f.app.cleanup());

type Summary = Input<'visits.summarize'>['summary'];

function summarize(visit: VisitDetail, summary: Summary) {
  return call(f.app, 'visits.summarize', {
    id: visit.id,
    expectedUpdatedAt: visit.updatedAt,
    summary,
    today: TODAY,
  });
}

/** A visit planned on a day (09:00–10:00 Shanghai unless told), then summarised if asked. */
async function visitOn(
  day: string,
  summary?: Summary,
  plan: Partial<Input<'visits.create'>> = {},
): Promise<VisitDetail> {
  const visit = await planVisit(f, { day, ...plan });
  return summary ? summarize(visit, summary) : visit;
}

const done = (effective: boolean): Summary => ({ status: 'done', effective });

describe('visits.planVsActual', () => {
  it('counts a hand-made week per rep, with rates, zero rows and the total', async () => {
    const carol = await call(f.app, 'team.saveUser', {
      name: '王芳',
      role: 'rep',
      teamId: f.teamId,
    });
    const week = isoWeekRange('2026-W47');
    expect(week).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    // 李娜's week: six planned visits and one logged without a plan.
    await visitOn('2026-11-16', done(true));
    await visitOn('2026-11-17', done(false));
    await visitOn('2026-11-18', { status: 'cancelled' });
    await visitOn('2026-11-19', { status: 'missed' });
    await visitOn('2026-11-20'); // not summarised: awaiting
    // Sunday 23:00 Shanghai is in the week; Monday 00:30 (still Sunday in UTC) is not.
    await visitOn('2026-11-22', done(true), { start: '23:00', end: '23:30' });
    await visitOn('2026-11-23', done(true), { start: '00:30', end: '01:00' });
    await visitOn('2026-11-15', done(true)); // the Sunday before
    await call(f.app, 'visits.log', {
      plan: planOf(f, { day: '2026-11-21' }),
      summary: done(true),
      today: TODAY,
    });
    const gone = await visitOn('2026-11-18', undefined, { start: '15:00', end: '16:00' });
    await call(f.app, 'visits.delete', { id: gone.id });
    // 张伟: one planned, done, effective.
    await visitOn('2026-11-18', done(true), { ownerId: f.bob.id, customerId: f.otherCustomerId });

    const result = await call(f.app, 'visits.planVsActual', {
      ...week!,
      scope: 'team',
      now: NOW,
    });
    const byName = Object.fromEntries(result.rows.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['张伟', '李娜', '王芳'].sort());
    expect(byName['李娜']).toEqual({
      ownerId: f.alice.id,
      name: '李娜',
      teamId: f.teamId,
      teamName: '华东销售部',
      planned: 6,
      plannedDone: 3,
      done: 4,
      effective: 3,
      unplanned: 1,
      cancelled: 1,
      missed: 1,
      awaitingSummary: 1,
      completionRate: 0.5,
      effectiveRate: 0.75,
    });
    expect(byName['张伟']).toMatchObject({
      planned: 1,
      plannedDone: 1,
      done: 1,
      effective: 1,
      completionRate: 1,
      effectiveRate: 1,
    });
    expect(byName['王芳']).toMatchObject({
      ownerId: carol.id,
      planned: 0,
      done: 0,
      completionRate: null,
      effectiveRate: null,
    });
    expect(result.total).toEqual({
      planned: 7,
      plannedDone: 4,
      done: 5,
      effective: 4,
      unplanned: 1,
      cancelled: 1,
      missed: 1,
      awaitingSummary: 1,
      completionRate: 4 / 7,
      effectiveRate: 4 / 5,
    });

    // The next ISO week starts with the Monday 00:30 visit.
    const next = await call(f.app, 'visits.planVsActual', {
      from: '2026-11-23',
      to: '2026-11-29',
      scope: 'all',
      ownerIds: [f.alice.id],
      now: NOW,
    });
    expect(next.rows).toMatchObject([{ name: '李娜', planned: 1, done: 1, plannedDone: 1 }]);

    // "Mine" for a manager without visits is their own row of zeros.
    const mine = await call(f.app, 'visits.planVsActual', { ...week!, scope: 'mine', now: NOW });
    expect(mine.rows).toMatchObject([{ name: '王经理', planned: 0, completionRate: null }]);
  });

  it('keeps a rep who left in the figures of the weeks they worked', async () => {
    await visitOn('2026-11-16', done(true));
    await call(f.app, 'team.setUserActive', { id: f.alice.id, active: false });
    const result = await call(f.app, 'visits.planVsActual', {
      from: '2026-11-16',
      to: '2026-11-22',
      scope: 'all',
      now: NOW,
    });
    expect(result.rows.map((r) => [r.name, r.done])).toEqual([
      ['张伟', 0],
      ['李娜', 1],
    ]);
  });
});

describe('visits.suggestions', () => {
  /** A customer of 李娜 graded (key: 4/4, potential: 2/4, ordinary: 4/2) and last visited on a day. */
  async function graded(name: string, grade: 'key' | 'potential' | 'ordinary', lastVisit: string) {
    const customer = await call(f.app, 'customers.create', {
      name,
      ownerId: f.alice.id,
      status: 'customer',
      region: '苏州',
    });
    const [relationship, attractiveness] =
      grade === 'key' ? [4, 4] : grade === 'potential' ? [2, 4] : [4, 2];
    await call(f.app, 'customers.setGrading', {
      id: customer.id,
      relationship,
      attractiveness,
      override: null,
      today: TODAY,
    });
    await call(f.app, 'visits.log', {
      plan: planOf(f, { customerId: customer.id, day: lastVisit }),
      summary: done(true),
      today: TODAY,
      allowOverlap: true,
    });
    return customer.id;
  }

  it('lists overdue customers most overdue first (key first on ties), key deals and due follow-ups', async () => {
    const from = '2026-11-30';
    const to = '2026-12-06';
    const a = await graded('A 重点', 'key', '2026-10-14'); // 40 days: 26 over 14
    const fCustomer = await graded('F 可能', 'potential', '2026-09-28'); // 56 days: 26 over 30
    const c = await graded('C 重点', 'key', '2026-10-24'); // 30 days: 16 over
    const b = await graded('B 可能', 'potential', '2026-10-14'); // 40 days: 10 over
    await graded('D 普通', 'ordinary', '2026-10-14'); // 40 of 60: not overdue
    const e = await graded('E 重点', 'key', '2026-10-14'); // overdue, but planned next week
    await planVisit(f, { customerId: e, day: '2026-12-01' });
    // Planned before `from` does not count as planned for the week.
    await planVisit(f, { customerId: c, day: '2026-11-26' });
    // 张伟's overdue customer is not 李娜's to visit.
    const bobs = await call(f.app, 'customers.create', {
      name: 'G 重点',
      ownerId: f.bob.id,
      status: 'customer',
    });
    await call(f.app, 'customers.setGrading', {
      id: bobs.id,
      relationship: 4,
      attractiveness: 4,
      override: null,
      today: TODAY,
    });

    const deal = async (customerId: string, title: string, key: boolean, ownerId = f.alice.id) => {
      const d = await call(f.app, 'deals.create', {
        customerId,
        title,
        amount: 1_000_000,
        expectedCloseOn: '2026-12-31',
        ownerId,
        today: TODAY,
      });
      if (key) await call(f.app, 'deals.setKey', { id: d.id, isKey: true });
      return d.id;
    };
    const keyDeal = await deal(a, '重点项目', true);
    await deal(e, '已排拜访的重点项目', true);
    await deal(b, '普通项目', false);

    const followUp = (dueOn: string, text: string) =>
      call(f.app, 'followUps.create', {
        customerId: f.customerId,
        ownerId: f.alice.id,
        dueOn,
        text,
      });
    const due = await followUp('2026-12-06', '寄样品');
    const overdue = await followUp('2026-11-20', '回电话');
    await followUp('2026-12-07', '下下周的事');
    const finished = await followUp('2026-11-30', '已完成');
    await call(f.app, 'followUps.complete', { id: finished.id });

    const s = await call(f.app, 'visits.suggestions', {
      ownerId: f.alice.id,
      from,
      to,
      today: TODAY,
    });
    expect(s.overdueCustomers.map((x) => [x.customerId, x.grade, x.overdueDays])).toEqual([
      [a, 'key', 26],
      [fCustomer, 'potential', 26],
      [c, 'key', 16],
      [b, 'potential', 10],
    ]);
    expect(s.overdueCustomers[0]).toMatchObject({
      name: 'A 重点',
      region: '苏州',
      lastContactAt: '2026-10-14T01:00:00.000Z',
    });
    expect(s.keyDeals).toEqual([
      {
        dealId: keyDeal,
        title: '重点项目',
        customerId: a,
        customerName: 'A 重点',
        milestone: 'M1',
        amount: 1_000_000,
      },
    ]);
    expect(s.followUps.map((x) => x.id)).toEqual([overdue.id, due.id]);
    expect(s.followUps[0]).toMatchObject({ customerName: '苏州精密机械有限公司', text: '回电话' });

    // Planning A for the week takes it (and its key deal) off the list.
    await planVisit(f, { customerId: a, day: '2026-12-02' });
    const after = await call(f.app, 'visits.suggestions', {
      ownerId: f.alice.id,
      from,
      to,
      today: TODAY,
    });
    expect(after.overdueCustomers.map((x) => x.customerId)).toEqual([fCustomer, c, b]);
    expect(after.keyDeals).toEqual([]);
  });
});

describe('visits.pending', () => {
  it('lists summaries due and missed visits not yet rescheduled, newest first, in scope', async () => {
    // Now is 17:00 in Shanghai.
    const morning = await visitOn('2026-11-23', undefined, { start: '09:00', end: '10:00' });
    await visitOn('2026-11-23', undefined, { start: '16:30', end: '17:30' }); // not over yet
    const friday = await visitOn('2026-11-20');
    await visitOn('2026-11-20', done(true), { start: '14:00', end: '15:00' });
    const bobs = await visitOn('2026-11-17', undefined, {
      ownerId: f.bob.id,
      customerId: f.otherCustomerId,
    });
    const missed = await visitOn(
      '2026-11-18',
      { status: 'missed' },
      { customerId: f.otherCustomerId },
    );
    // Missed, then visited again: rescheduled.
    await visitOn('2026-11-10', { status: 'missed' });
    // Missed too long ago.
    await visitOn('2026-10-20', { status: 'missed' }, { customerId: f.otherCustomerId });

    const all = await call(f.app, 'visits.pending', { scope: 'all', now: NOW, today: TODAY });
    expect(all.summaryDue.map((v) => v.id)).toEqual([morning.id, friday.id, bobs.id]);
    expect(all.summaryDue.every((v) => v.summaryDue)).toBe(true);
    expect(all.missed.map((v) => v.id)).toEqual([missed.id]);

    f.app.setCurrentUserId(f.bob.id);
    const bobsOwn = await call(f.app, 'visits.pending', { scope: 'mine', now: NOW, today: TODAY });
    expect(bobsOwn.summaryDue.map((v) => v.id)).toEqual([bobs.id]);
    expect(bobsOwn.missed).toEqual([]);
  });
});
