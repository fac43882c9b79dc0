import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, callError, count, dbSnapshot } from '../../helpers';
import { actAs } from './deals.fixture';
import { winDeal } from './receivables.fixtures';
import { TODAY, WEEK, weeklyFixture, type WeeklyFixture } from './weekly.fixture';

let f: WeeklyFixture;

beforeEach(async () => {
  f = await weeklyFixture();
});
afterEach(() => f.app.cleanup());

const written = {
  competition: '竞品降价 5%',
  abnormalCustomers: null,
  nextWeekPlan: '拜访三家重点客户',
  helpNeeded: null,
};

describe('auto-filled figures', () => {
  it('computes the week by hand-checked definitions', async () => {
    await actAs(f.app, f.zhang);
    const report = await call(f.app, 'weekly.get', { week: WEEK, today: TODAY });
    expect(report).toMatchObject({
      id: null,
      updatedAt: null,
      userId: f.zhang.id,
      status: 'draft',
      from: '2026-11-23',
      to: '2026-11-29',
      figuresFrozen: false,
      canEdit: true,
      canReview: false,
    });
    const fig = report.figures;
    expect(fig.asOf).toBe(TODAY);
    // Won 24 and 26 November. One customer developed this week: 苏州精密's first order on the
    // 24th (杭州数控 ordered again on the 26th, but first ordered in May; 李四's is not his).
    expect(fig.sales).toBe(30_000 + 12_000);
    expect(fig.newCustomers).toBe(1);
    expect(fig.collections).toBe(8_000);
    expect(fig.visits).toEqual({
      planned: 4,
      plannedDone: 2,
      done: 3,
      effective: 2,
      completionRate: 0.5,
      effectiveRate: 2 / 3,
    });
    // M4 → M5 on the won deal and M2 → M3 on an open one; the move back does not count.
    expect(fig.deals).toEqual({ advanced: 2, won: 2, lost: 1 });

    // November 2026 has 21 working days, each carrying 1,000 yuan / 21 (docs/reports.md:
    // derived targets are exact working-day shares). Week 48 holds 5 of them: 238.10 yuan.
    const sales = fig.attainment.sales;
    expect(sales.week).toEqual({
      target: 23_810,
      actual: 42_000,
      attainment: 42_000 / 23_810,
      timeProgress: 1,
      behind: false,
    });
    expect(sales.monthToDate).toEqual({
      month: '2026-11',
      target: 100_000,
      actual: 47_000,
      attainment: 0.47,
      timeProgress: 20 / 21,
      behind: true,
    });
    expect(fig.attainment.newCustomers.monthToDate).toMatchObject({
      target: null,
      actual: 2,
      attainment: null,
      behind: false,
    });
    expect(fig.attainment.collections.monthToDate.actual).toBe(10_000);
    expect(fig.attainment.visits.monthToDate.actual).toBe(4);
    expect(fig.attainment.effectiveVisits.monthToDate.actual).toBe(3);
  });

  it('pre-fills next week’s plan from next week’s planned visits while it is empty', async () => {
    await actAs(f.app, f.zhang);
    const report = await call(f.app, 'weekly.get', { week: WEEK, today: TODAY });
    expect(report.nextWeekVisits.map((v) => v.day)).toEqual(['2026-11-30', '2026-12-01']);
    expect(report.nextWeekPlan).toBe(
      '2026-11-30 杭州数控设备厂\n2026-12-01 苏州精密机械有限公司 — 签订二期合同',
    );
    expect(report.nextWeekPlanSuggested).toBe(true);
    const saved = await call(f.app, 'weekly.save', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: null,
      ...written,
    });
    expect(saved).toMatchObject({ nextWeekPlan: '拜访三家重点客户', nextWeekPlanSuggested: false });
  });
});

describe('draft → submitted → reviewed', () => {
  it('saves a draft with optimistic concurrency', async () => {
    await actAs(f.app, f.zhang);
    expect(count(f.app, 'weekly_reports')).toBe(0);
    const first = await call(f.app, 'weekly.save', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: null,
      ...written,
    });
    expect(first).toMatchObject({ status: 'draft', competition: '竞品降价 5%' });
    expect(first.id).not.toBeNull();
    f.app.tick(1000);
    const second = await call(f.app, 'weekly.save', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: first.updatedAt,
      ...written,
      helpNeeded: '需要技术支持',
    });
    expect(second.helpNeeded).toBe('需要技术支持');
    const before = dbSnapshot(f.app);
    for (const expectedUpdatedAt of [first.updatedAt, null])
      expect(
        await callError(f.app, 'weekly.save', { week: WEEK, expectedUpdatedAt, ...written }),
      ).toMatchObject({
        code: 'conflict',
        key: 'weekly.errors.changedMeanwhile',
        params: { name: '张三' },
      });
    expect(dbSnapshot(f.app)).toBe(before);
    expect(count(f.app, 'weekly_reports')).toBe(1);
  });

  it('freezes the figures on submission', async () => {
    await actAs(f.app, f.zhang);
    const submitted = await call(f.app, 'weekly.submit', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: null,
      competition: '竞品降价 5%',
    });
    expect(submitted).toMatchObject({
      status: 'submitted',
      figuresFrozen: true,
      submittedAt: '2026-11-27T08:00:00.000Z',
      canEdit: false,
      // Never typed: the suggestion the rep saw is what was submitted.
      nextWeekPlan: '2026-11-30 杭州数控设备厂\n2026-12-01 苏州精密机械有限公司 — 签订二期合同',
      nextWeekPlanSuggested: false,
    });
    winDeal(f.app, {
      customerId: f.customers.c3,
      ownerId: f.zhang.id,
      amount: 1_000,
      closedOn: '2026-11-27',
    });
    const later = await call(f.app, 'weekly.get', { week: WEEK, today: '2026-11-30' });
    expect(later.figures.sales).toBe(42_000);
    expect(later.figures.asOf).toBe(TODAY);
    expect(
      await callError(f.app, 'weekly.save', {
        week: WEEK,
        expectedUpdatedAt: submitted.updatedAt,
        ...written,
      }),
    ).toMatchObject({ code: 'conflict', key: 'weekly.errors.notDraft' });
  });

  it('is written by the rep or a manager, reviewed only by a manager', async () => {
    await actAs(f.app, f.li);
    expect(
      await callError(f.app, 'weekly.save', {
        userId: f.zhang.id,
        week: WEEK,
        expectedUpdatedAt: null,
        ...written,
      }),
      // Another rep is out of a rep's data scope: refused as someone unknown (docs/data-scope.md).
    ).toMatchObject({ code: 'invalid_input', key: 'weekly.errors.noUser' });
    await actAs(f.app, f.zhang);
    const report = await call(f.app, 'weekly.submit', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: null,
    });
    expect(
      await callError(f.app, 'weekly.review', {
        id: report.id,
        expectedUpdatedAt: report.updatedAt,
      }),
    ).toMatchObject({ code: 'conflict', key: 'weekly.errors.needManager' });
    expect(
      await callError(f.app, 'weekly.submit', {
        week: '2026-W49',
        today: TODAY,
        expectedUpdatedAt: null,
      }),
    ).toMatchObject({ code: 'invalid_input', key: 'weekly.errors.weekNotStarted' });
  });

  it('lets a manager return a report with a comment, and review it once resubmitted', async () => {
    await actAs(f.app, f.zhang);
    const submitted = await call(f.app, 'weekly.submit', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: null,
      ...written,
    });
    await actAs(f.app, f.manager);
    const managerView = await call(f.app, 'weekly.get', { userId: f.zhang.id, week: WEEK });
    expect(managerView).toMatchObject({ canReview: true, canEdit: false });
    f.app.tick(60_000);
    const returned = await call(f.app, 'weekly.return', {
      id: submitted.id ?? '',
      expectedUpdatedAt: submitted.updatedAt ?? '',
      comment: '请补充竞争对手的报价',
      today: TODAY,
    });
    expect(returned).toMatchObject({
      status: 'draft',
      returned: true,
      reviewComment: '请补充竞争对手的报价',
      reviewedByName: '王经理',
      figuresFrozen: false,
      submittedAt: null,
    });
    expect(
      await callError(f.app, 'weekly.return', {
        id: returned.id,
        expectedUpdatedAt: returned.updatedAt,
        comment: 'x',
      }),
    ).toMatchObject({ code: 'conflict', key: 'weekly.errors.notSubmitted' });

    await actAs(f.app, f.zhang);
    f.app.tick(60_000);
    const again = await call(f.app, 'weekly.submit', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: returned.updatedAt,
      competition: '竞品报价 92 万',
    });
    expect(again).toMatchObject({
      status: 'submitted',
      returned: false,
      competition: '竞品报价 92 万',
    });

    await actAs(f.app, f.manager);
    expect(await call(f.app, 'weekly.awaitingReview', {})).toEqual({ count: 1, oldestWeek: WEEK });
    f.app.tick(60_000);
    const reviewed = await call(f.app, 'weekly.review', {
      id: again.id ?? '',
      expectedUpdatedAt: again.updatedAt ?? '',
      comment: '很好',
    });
    expect(reviewed).toMatchObject({
      status: 'reviewed',
      reviewComment: '很好',
      reviewedBy: f.manager.id,
      reviewedAt: '2026-11-27T08:03:00.000Z',
      figuresFrozen: true,
      canReview: false,
    });
    expect(await call(f.app, 'weekly.awaitingReview', { teamId: f.teamId })).toEqual({
      count: 0,
      oldestWeek: null,
    });
  });
});

describe('the manager’s list and the reminder', () => {
  it('lists every active rep with the status of the week', async () => {
    await actAs(f.app, f.zhang);
    await call(f.app, 'weekly.submit', { week: WEEK, today: TODAY, expectedUpdatedAt: null });
    await actAs(f.app, f.manager);
    const list = await call(f.app, 'weekly.list', { week: WEEK, teamId: f.teamId });
    expect(list.rows.map((r) => [r.name, r.status])).toEqual([
      ['张三', 'submitted'],
      ['李四', 'missing'],
    ]);
    expect(list.counts).toEqual({ missing: 1, draft: 0, submitted: 1, reviewed: 0 });
    const other = await call(f.app, 'team.saveTeam', { name: '华南销售部' });
    expect((await call(f.app, 'weekly.list', { week: WEEK, teamId: other.id })).rows).toEqual([]);
    expect((await call(f.app, 'weekly.list', { week: '2026-W47' })).counts.missing).toBe(2);
  });

  it('reminds a rep from Friday 15:00 until the report is submitted', async () => {
    await actAs(f.app, f.zhang);
    const remind = async (today: string, now: string) =>
      (await call(f.app, 'weekly.reminder', { today, now })).remind;
    expect(await remind('2026-11-26', '16:00')).toBe(false); // Thursday
    expect(await remind(TODAY, '14:59')).toBe(false);
    expect(await remind(TODAY, '15:00')).toBe(true);
    expect(await remind('2026-11-28', '09:00')).toBe(true); // Saturday, still not submitted
    await call(f.app, 'weekly.save', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: null,
      ...written,
    });
    expect(await remind(TODAY, '17:30')).toBe(true); // a draft is not submitted
    const report = await call(f.app, 'weekly.get', { week: WEEK, today: TODAY });
    await call(f.app, 'weekly.submit', {
      week: WEEK,
      today: TODAY,
      expectedUpdatedAt: report.updatedAt,
    });
    expect(await call(f.app, 'weekly.reminder', { today: TODAY, now: '17:30' })).toEqual({
      remind: false,
      week: WEEK,
      status: 'submitted',
    });
    await actAs(f.app, f.manager);
    expect(await remind(TODAY, '17:30')).toBe(false);
  });
});
