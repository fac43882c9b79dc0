import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exitCriteria } from '../../../../shared/domain/milestones';
import { call, callError, count, dbSnapshot } from '../../helpers';
import {
  DAY,
  TODAY,
  UNKNOWN,
  actAs,
  advanceTo,
  createDeal,
  fixture,
  move,
  tickAll,
  type Fixture,
} from './deals.fixture';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.app.cleanup());

describe('creating a deal', () => {
  it('enters M1, open, owned by the current user, with a creation row in stage history', async () => {
    const deal = await createDeal(f);
    expect(deal).toMatchObject({
      milestone: 'M1',
      status: 'open',
      ownerId: f.manager.id,
      customerName: '苏州精密机械有限公司',
      amount: 100_000_000,
      weighted: 10_000_000,
      daysInStage: 0,
      stalled: false,
    });
    expect(deal.history).toHaveLength(1);
    expect(deal.history[0]).toMatchObject({
      fromMilestone: null,
      toMilestone: 'M1',
      byName: '王经理',
    });
    expect(deal.checklist.map((c) => c.criterion)).toEqual([...exitCriteria.M1]);
    expect(count(f.app, 'change_log', "table_name = 'deals'")).toBeGreaterThan(5);
  });

  it('refuses bad input and writes nothing', async () => {
    const before = dbSnapshot(f.app);
    const base = {
      customerId: f.customerId,
      title: 'X',
      amount: 100,
      expectedCloseOn: '2027-01-01',
      today: TODAY,
    };
    for (const bad of [
      { amount: -5 },
      { amount: 0 },
      { amount: 10_000_000_001 },
      { amount: 1.5 },
      { title: '' },
      { expectedCloseOn: '2027-02-30' },
    ]) {
      const error = await callError(f.app, 'deals.create', { ...base, ...bad });
      expect(error.code, JSON.stringify(bad)).toBe('invalid_input');
    }
    const far = await callError(f.app, 'deals.create', { ...base, expectedCloseOn: '2062-01-01' });
    expect(far).toMatchObject({
      code: 'invalid_input',
      key: 'dealErrors.closeDateFar',
      params: { min: '2024-11-23', max: '2031-11-23' },
      fields: { expectedCloseOn: 'dealErrors.closeDateFar' },
    });
    expect(await callError(f.app, 'deals.create', { ...base, customerId: UNKNOWN })).toMatchObject({
      code: 'invalid_input',
      fields: { customerId: 'dealErrors.customerUnknown' },
    });
    expect(await callError(f.app, 'deals.create', { ...base, ownerId: UNKNOWN })).toMatchObject({
      code: 'invalid_input',
      fields: { ownerId: 'errors.ownerUnknown' },
    });
    expect(
      await callError(f.app, 'deals.create', {
        ...base,
        lines: [{ productId: UNKNOWN, quantity: 1, unitPrice: 100 }],
      }),
    ).toMatchObject({ code: 'invalid_input', key: 'dealErrors.productUnknown' });
    expect(dbSnapshot(f.app)).toBe(before);
  });
});

describe('product lines', () => {
  it('make the amount their sum, on create and on setLines, and an update must agree', async () => {
    const pump = await call(f.app, 'products.save', {
      name: '伺服电机',
      unit: '台',
      listPrice: 800_000,
    });
    const plc = await call(f.app, 'products.save', {
      name: 'PLC 控制柜',
      unit: '套',
      listPrice: 5_000_000,
    });
    const deal = await createDeal(f, {
      amount: 1,
      lines: [
        { productId: pump.id, quantity: 10, unitPrice: 750_000 },
        { productId: plc.id, quantity: 2, unitPrice: 5_000_000 },
      ],
    });
    expect(deal.amount).toBe(17_500_000);
    expect(deal.lines.map((l) => [l.productName, l.total])).toEqual([
      ['伺服电机', 7_500_000],
      ['PLC 控制柜', 10_000_000],
    ]);
    const relined = await call(f.app, 'deals.setLines', {
      id: deal.id,
      lines: [{ productId: plc.id, quantity: 3, unitPrice: 4_000_000 }],
    });
    expect(relined.amount).toBe(12_000_000);
    expect(relined.lines).toHaveLength(1);
    f.app.tick(1000);
    const error = await callError(f.app, 'deals.update', {
      id: deal.id,
      expectedUpdatedAt: relined.updatedAt,
      fields: {
        title: relined.title,
        amount: 99,
        expectedCloseOn: relined.expectedCloseOn,
        ownerId: relined.ownerId,
        nextStep: null,
      },
    });
    expect(error).toMatchObject({ code: 'invalid_input', key: 'dealErrors.amountFromLines' });
    await call(f.app, 'products.setActive', { id: pump.id, active: false });
    expect((await call(f.app, 'products.list', {})).map((p) => p.name)).toEqual(['PLC 控制柜']);
    expect(await call(f.app, 'products.list', { includeInactive: true })).toHaveLength(2);
    expect(
      await callError(f.app, 'products.save', { name: ' 伺服电机 ', listPrice: 1 }),
    ).toMatchObject({ code: 'conflict', key: 'dealErrors.productNameTaken' });
  });
});

describe('moving a deal', () => {
  it('forward is blocked until the exit criteria are ticked, naming what is missing', async () => {
    const deal = await createDeal(f);
    const before = dbSnapshot(f.app);
    const error = await callError(f.app, 'deals.move', {
      id: deal.id,
      expectedUpdatedAt: deal.updatedAt,
      to: 'M2',
      today: TODAY,
    });
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'dealErrors.checklistIncomplete',
      params: { missing: exitCriteria.M1.join(','), count: 4 },
    });
    expect(Object.keys(error.fields ?? {})).toContain('checklist.problem_found');
    expect(dbSnapshot(f.app)).toBe(before);

    const ticked = await tickAll(f, deal, ['M1']);
    expect(ticked.checklist.every((c) => c.checked && c.checkedByName === '王经理')).toBe(true);
    const moved = await move(f, ticked, 'M2');
    expect(moved).toMatchObject({ milestone: 'M2', weighted: 25_000_000 });
    expect(moved.history.at(-1)).toMatchObject({
      fromMilestone: 'M1',
      toMilestone: 'M2',
      forced: false,
      byName: '王经理',
    });
    // Skipping M2 → M4 needs M2's and M3's criteria.
    const skip = await callError(f.app, 'deals.move', {
      id: deal.id,
      expectedUpdatedAt: moved.updatedAt,
      to: 'M4',
      today: TODAY,
    });
    expect(skip.params?.count).toBe(exitCriteria.M2.length + exitCriteria.M3.length);
  });

  it('a rep skips a milestone in one move: the skipped milestone’s criteria are ticked with it', async () => {
    await actAs(f.app, f.alice);
    const deal = await tickAll(f, await createDeal(f), ['M1']);
    const before = dbSnapshot(f.app);
    // deals.check still refuses M2's items while the deal is at M1: they ride with the move.
    expect(
      await callError(f.app, 'deals.check', {
        dealId: deal.id,
        criterion: 'dm_reached',
        checked: true,
        expectedMilestone: 'M1',
      }),
    ).toMatchObject({ code: 'invalid_input', key: 'dealErrors.criterionLater' });
    // Without them the move names what is missing; with part of them it still does.
    expect(
      await callError(f.app, 'deals.move', {
        id: deal.id,
        expectedUpdatedAt: deal.updatedAt,
        to: 'M3',
        checks: ['contact_introduces_dm'],
        today: TODAY,
      }),
    ).toMatchObject({
      key: 'dealErrors.checklistIncomplete',
      params: { missing: 'consensus_letter,dm_reached', count: 2 },
    });
    // A criterion of a milestone the move does not pass (M3's, the target's own) is refused.
    const outside = await callError(f.app, 'deals.move', {
      id: deal.id,
      expectedUpdatedAt: deal.updatedAt,
      to: 'M3',
      checks: [...exitCriteria.M2, 'dm_vision'],
      today: TODAY,
    });
    expect(outside).toMatchObject({
      code: 'invalid_input',
      key: 'dealErrors.criterionNotPassed',
      fields: { 'checks.3': 'dealErrors.criterionNotPassed' },
    });
    expect(dbSnapshot(f.app)).toBe(before);

    const moved = await move(f, deal, 'M3', { checks: [...exitCriteria.M1, ...exitCriteria.M2] });
    expect(moved).toMatchObject({ milestone: 'M3', status: 'open' });
    expect(moved.checklist.filter((c) => c.milestone !== 'M3').every((c) => c.checked)).toBe(true);
    expect(moved.checklist.find((c) => c.criterion === 'dm_reached')).toMatchObject({
      checked: true,
      checkedByName: '李娜',
    });
    expect(moved.history.at(-1)).toMatchObject({
      fromMilestone: 'M1',
      toMilestone: 'M3',
      forced: false,
      byName: '李娜',
    });
    // M1's were already ticked: only M2's three rows are new, one per criterion.
    expect(count(f.app, 'deal_checks', `deal_id = '${deal.id}' AND checked = 1`)).toBe(7);
  });

  it('checks ride only on forward moves; backward and lost moves refuse them', async () => {
    const deal = await advanceTo(f, await createDeal(f), 'M3');
    for (const to of ['M1', 'lost'] as const) {
      expect(
        await callError(f.app, 'deals.move', {
          id: deal.id,
          expectedUpdatedAt: deal.updatedAt,
          to,
          lostReason: '预算取消',
          checks: ['problem_found'],
          today: TODAY,
        }),
      ).toMatchObject({ code: 'invalid_input', key: 'dealErrors.criterionNotPassed' });
    }
    expect((await move(f, deal, 'M1')).milestone).toBe('M1');
    // A manager forcing M1 → M4 saves what was ticked and records the force.
    const fresh = await tickAll(f, await createDeal(f), ['M1']);
    const forced = await move(f, fresh, 'M4', {
      checks: ['contact_introduces_dm'],
      forceReason: '客户高层直接拍板',
    });
    expect(forced.milestone).toBe('M4');
    expect(forced.history.at(-1)).toMatchObject({ forced: true, reason: '客户高层直接拍板' });
    expect(forced.checklist.find((c) => c.criterion === 'contact_introduces_dm')?.checked).toBe(
      true,
    );
    expect(forced.checklist.find((c) => c.criterion === 'dm_reached')?.checked).toBe(false);
  });

  it('a manager may force with a reason (recorded); a rep may not', async () => {
    await actAs(f.app, f.alice);
    const deal = await createDeal(f);
    expect(deal.ownerId).toBe(f.alice.id);
    const refused = await callError(f.app, 'deals.move', {
      id: deal.id,
      expectedUpdatedAt: deal.updatedAt,
      to: 'M2',
      forceReason: '客户已口头确认',
      today: TODAY,
    });
    expect(refused).toMatchObject({ code: 'conflict', key: 'dealErrors.forceNeedsManager' });
    await actAs(f.app, f.manager);
    const forced = await move(f, deal, 'M2', { forceReason: '客户已口头确认' });
    expect(forced.milestone).toBe('M2');
    expect(forced.history.at(-1)).toMatchObject({ forced: true, reason: '客户已口头确认' });
  });

  it('backward is allowed for anyone and recorded', async () => {
    await actAs(f.app, f.alice);
    const deal = await advanceTo(f, await createDeal(f), 'M3');
    const back = await move(f, deal, 'M2');
    expect(back.milestone).toBe('M2');
    expect(back.history.map((h) => h.toMilestone)).toEqual(['M1', 'M2', 'M3', 'M2']);
  });

  it('won needs a signing day and final amount, and creates one receivable in the same commit', async () => {
    const deal = await advanceTo(f, await createDeal(f), 'M5');
    const ticked = await tickAll(f, deal, ['M5']);
    for (const [extra, key] of [
      [{ finalAmount: 500 }, 'dealErrors.wonNeedsDate'],
      [{ closedOn: '2026-11-30', finalAmount: 500 }, 'dealErrors.wonNeedsDate'],
      [{ closedOn: '2026-11-20' }, 'dealErrors.wonNeedsAmount'],
    ] as const) {
      const error = await callError(f.app, 'deals.move', {
        id: deal.id,
        expectedUpdatedAt: ticked.updatedAt,
        to: 'M6',
        today: TODAY,
        ...extra,
      });
      expect(error.key).toBe(key);
    }
    const won = await move(f, ticked, 'M6', { closedOn: '2026-11-20', finalAmount: 95_000_000 });
    expect(won).toMatchObject({
      status: 'won',
      milestone: 'M6',
      amount: 95_000_000,
      weighted: 95_000_000,
      closedOn: '2026-11-20',
    });
    expect(won.checklist.map((c) => c.milestone)).toContain('M6');
    const receivables = f.app.sqlite
      .prepare('SELECT amount, due_on, customer_id FROM receivables WHERE deal_id = ?')
      .all(deal.id);
    expect(receivables).toEqual([
      { amount: 95_000_000, due_on: '2026-12-20', customer_id: f.customerId },
    ]);
    // Closed: no second win, no loss, amount fixed, lines fixed.
    expect(
      await callError(f.app, 'deals.move', {
        id: deal.id,
        expectedUpdatedAt: won.updatedAt,
        to: 'lost',
        lostReason: 'x',
        today: TODAY,
      }),
    ).toMatchObject({ code: 'conflict', key: 'dealErrors.closed' });
    expect(
      await callError(f.app, 'deals.update', {
        id: deal.id,
        expectedUpdatedAt: won.updatedAt,
        fields: {
          title: won.title,
          amount: 1,
          expectedCloseOn: won.expectedCloseOn,
          ownerId: won.ownerId,
          nextStep: null,
        },
      }),
    ).toMatchObject({ code: 'conflict', key: 'dealErrors.closedAmount' });
    expect(await callError(f.app, 'deals.setLines', { id: deal.id, lines: [] })).toMatchObject({
      key: 'dealErrors.closedLines',
    });
    // After-sales items of a won deal can be ticked.
    const afterSales = await call(f.app, 'deals.check', {
      dealId: deal.id,
      criterion: 'usage_feedback',
      checked: true,
      expectedMilestone: 'M6',
    });
    expect(afterSales.checklist.find((c) => c.criterion === 'usage_feedback')?.checked).toBe(true);
  });

  it('lost needs a reason; a manager may reopen, which is recorded', async () => {
    const deal = await createDeal(f);
    expect(
      await callError(f.app, 'deals.move', {
        id: deal.id,
        expectedUpdatedAt: deal.updatedAt,
        to: 'lost',
        today: TODAY,
      }),
    ).toMatchObject({ code: 'invalid_input', key: 'dealErrors.lostNeedsReason' });
    const lost = await move(f, deal, 'lost', { lostReason: '价格高于竞品' });
    expect(lost).toMatchObject({
      status: 'lost',
      milestone: 'M1',
      weighted: 0,
      lostReason: '价格高于竞品',
      closedOn: TODAY,
    });
    await actAs(f.app, f.alice);
    expect(
      await callError(f.app, 'deals.move', {
        id: deal.id,
        expectedUpdatedAt: lost.updatedAt,
        to: 'M1',
        today: TODAY,
      }),
    ).toMatchObject({ key: 'dealErrors.reopenNeedsManager' });
    await actAs(f.app, f.manager);
    const reopened = await move(f, lost, 'M1', { forceReason: '客户重启招标' });
    expect(reopened).toMatchObject({ status: 'open', closedOn: null, lostReason: null });
    expect(reopened.history.at(-1)).toMatchObject({
      fromStatus: 'lost',
      toStatus: 'open',
      reason: '客户重启招标',
    });
  });

  it('a stale expectedUpdatedAt is a conflict naming who changed it, and nothing is written', async () => {
    await actAs(f.app, f.alice);
    const deal = await tickAll(f, await createDeal(f), ['M1']);
    const seenByManager = deal;
    await move(f, deal, 'M2'); // 李娜 moves it in her window
    await actAs(f.app, f.manager);
    const before = dbSnapshot(f.app);
    const error = await callError(f.app, 'deals.move', {
      id: deal.id,
      expectedUpdatedAt: seenByManager.updatedAt,
      to: 'lost',
      lostReason: '预算取消',
      today: TODAY,
    });
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'dealErrors.changedMeanwhile',
      params: { name: '李娜' },
    });
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('ticking a criterion on a deal that moved meanwhile is refused', async () => {
    const deal = await tickAll(f, await createDeal(f), ['M1']);
    await move(f, deal, 'M2');
    const before = dbSnapshot(f.app);
    expect(
      await callError(f.app, 'deals.check', {
        dealId: deal.id,
        criterion: 'problem_found',
        checked: false,
        expectedMilestone: 'M1',
      }),
    ).toMatchObject({ code: 'conflict', key: 'dealErrors.movedMeanwhile' });
    expect(
      await callError(f.app, 'deals.check', {
        dealId: deal.id,
        criterion: 'dm_vision',
        checked: true,
        expectedMilestone: 'M2',
      }),
    ).toMatchObject({ code: 'invalid_input', key: 'dealErrors.criterionLater' });
    expect(dbSnapshot(f.app)).toBe(before);
    // Re-ticking updates the one row in place.
    await call(f.app, 'deals.check', {
      dealId: deal.id,
      criterion: 'problem_found',
      checked: false,
      expectedMilestone: 'M2',
    });
    expect(count(f.app, 'deal_checks', "criterion = 'problem_found'")).toBe(1);
  });

  it('a deleted deal can be neither moved nor edited; restore brings it back', async () => {
    const deal = await createDeal(f);
    await call(f.app, 'deals.delete', { id: deal.id });
    expect(
      await callError(f.app, 'deals.move', {
        id: deal.id,
        expectedUpdatedAt: deal.updatedAt,
        to: 'lost',
        lostReason: 'x',
        today: TODAY,
      }),
    ).toMatchObject({ code: 'not_found' });
    expect(await callError(f.app, 'deals.setKey', { id: deal.id, isKey: true })).toMatchObject({
      code: 'not_found',
    });
    expect(await callError(f.app, 'deals.get', { id: UNKNOWN, today: TODAY })).toMatchObject({
      code: 'not_found',
    });
    await call(f.app, 'deals.restore', { id: deal.id });
    expect((await call(f.app, 'deals.get', { id: deal.id, today: TODAY })).id).toBe(deal.id);
  });
});

describe('dwell time', () => {
  it('counts from the stage entry, survives edits, and history has days per stage', async () => {
    const deal = await tickAll(f, await createDeal(f), ['M1']);
    f.app.tick(5 * DAY);
    const m2 = await move(f, deal, 'M2');
    f.app.tick(3 * DAY);
    const edited = await call(f.app, 'deals.update', {
      id: deal.id,
      expectedUpdatedAt: m2.updatedAt,
      fields: {
        title: '新标题',
        amount: 2_000_000_00,
        expectedCloseOn: '2027-04-30',
        ownerId: f.alice.id,
        nextStep: '约决策者',
      },
    });
    expect(edited.stageEnteredAt).toBe(m2.stageEnteredAt);
    expect(edited.daysInStage).toBe(3);
    f.app.tick(4 * DAY);
    const back = await move(f, edited, 'M1', { today: '2026-12-05' });
    expect(back.history.map((h) => h.daysInPreviousStage)).toEqual([null, 5, 7]);
  });
});

describe('brief and key list', () => {
  it('takes contacts of the deal customer only, and the key list counts completeness', async () => {
    const deal = await createDeal(f);
    const brief = {
      id: deal.id,
      contactId: f.contactIds[0] ?? null,
      contactProblem: '换线慢',
      contactCause: '人工调机',
      contactVision: null,
      contactValue: null,
      deciderId: f.otherContactId,
      deciderProblem: null,
      deciderCause: null,
      deciderVision: null,
      deciderValue: null,
      nextStep: '周五演示',
    };
    expect(await callError(f.app, 'deals.setBrief', brief)).toMatchObject({
      code: 'invalid_input',
      fields: { deciderId: 'dealErrors.contactNotOfCustomer' },
    });
    const saved = await call(f.app, 'deals.setBrief', {
      ...brief,
      deciderId: f.contactIds[1] ?? null,
    });
    expect(saved.brief.contact).toMatchObject({ name: '陈工', title: '设备科长' });
    expect(saved.brief.decider).toMatchObject({ name: '刘总' });
    expect(saved.nextStep).toBe('周五演示');
    await call(f.app, 'deals.setKey', { id: deal.id, isKey: true });
    const list = await call(f.app, 'deals.keyList', { scope: 'all', today: TODAY });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ briefFilled: 4, briefTotal: 10, nextStep: '周五演示' });
  });
});
