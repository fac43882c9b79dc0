import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/contract/team';
import { call, callError } from '../../helpers';
import {
  DAY,
  UNKNOWN,
  actAs,
  advanceTo,
  createDeal,
  fixture,
  move,
  tickAll,
  type Fixture,
} from './deals.fixture';
import { day, score, scorings } from './scores.fixture';

/**
 * A small hand-made team, every figure below added up by hand:
 *
 * 李娜 (alice): A1 M3 100万, scored 18 then (31 days later) 58 · A2 M1 20万, never scored ·
 *   A3 M2 30万, scored 30 on day 0 (stale) · A4 won, scored 41 (closed: left out).
 * 张伟 (bob): B1 M5 50万, scored 41 (over-claimed: 90 − 41 = 49) · B2 deleted, scored.
 * 王经理 (manager, not a rep): G1 M1 5万, scored 18 on day 0 (stale) · G2 M1 8万, never scored.
 * 陈静: active rep, no deals · 孙丽: deactivated rep, no deals · 周杰: rep of 华南销售部.
 */
let f: Fixture;
let chen: User;
let zhou: User;
let southId: string;
let today: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  f = await fixture();
  const { alice, bob, manager, teamId } = f;
  chen = await call(f.app, 'team.saveUser', { name: '陈静', role: 'rep', teamId });
  const sun = await call(f.app, 'team.saveUser', { name: '孙丽', role: 'rep', teamId });
  await call(f.app, 'team.setUserActive', { id: sun.id, active: false });
  southId = (await call(f.app, 'team.saveTeam', { name: '华南销售部' })).id;
  zhou = await call(f.app, 'team.saveUser', { name: '周杰', role: 'rep', teamId: southId });

  const a1 = await advanceTo(
    f,
    await createDeal(f, { ownerId: alice.id, amount: 1_000_000_00 }),
    'M3',
  );
  const a2 = await createDeal(f, { ownerId: alice.id, amount: 200_000_00 });
  const a3 = await advanceTo(
    f,
    await createDeal(f, { ownerId: alice.id, amount: 300_000_00 }),
    'M2',
  );
  const a4 = await tickAll(
    f,
    await advanceTo(f, await createDeal(f, { ownerId: alice.id }), 'M5'),
    ['M5'],
  );
  const b1 = await advanceTo(
    f,
    await createDeal(f, { ownerId: bob.id, customerId: f.otherCustomerId, amount: 500_000_00 }),
    'M5',
  );
  const b2 = await createDeal(f, { ownerId: bob.id, customerId: f.otherCustomerId });
  const g1 = await createDeal(f, { ownerId: manager.id, amount: 50_000_00 });
  const g2 = await createDeal(f, { ownerId: manager.id, amount: 80_000_00 });
  Object.assign(ids, { a1: a1.id, a2: a2.id, a3: a3.id, b1: b1.id, g1: g1.id, g2: g2.id });

  await score(f, a1.id, scorings.s18);
  await score(f, a3.id, scorings.s30);
  await score(f, g1.id, scorings.s18);
  await score(f, a4.id, scorings.s41);
  await move(f, a4, 'M6', { closedOn: day(f), finalAmount: a4.amount });
  await score(f, b2.id, scorings.s58);
  await call(f.app, 'deals.delete', { id: b2.id });
  f.app.tick(31 * DAY);
  today = day(f);
  await score(f, a1.id, scorings.s58, { today });
  await score(f, b1.id, scorings.s41, { today });
});
afterAll(() => f.app.cleanup());
afterEach(async () => {
  await actAs(f.app, f.manager);
});

const none = { problem: null, power: null, vision: null, value: null, control: null };
const zero = {
  openDeals: 0,
  scoredDeals: 0,
  avgTotal: null,
  averages: none,
  weakest: null,
  overClaimed: 0,
  stale: 0,
  unscored: 0,
  amount: 0,
  weighted: 0,
  intensityWeighted: 0,
};
const aliceFigures = {
  openDeals: 3,
  scoredDeals: 2,
  avgTotal: 44, // (58 + 30) / 2
  averages: { problem: 14, power: 9, vision: 9.5, value: 2.5, control: 9 },
  weakest: 'value',
  overClaimed: 0,
  stale: 1,
  unscored: 1,
  amount: 1_500_000_00,
  weighted: 500_000_00 + 20_000_00 + 75_000_00, // 50 %, 10 %, 25 %
  intensityWeighted: 580_000_00 + 90_000_00, // 58 %, unscored 0, 30 %
};
const bobFigures = {
  openDeals: 1,
  scoredDeals: 1,
  avgTotal: 41,
  averages: { problem: 0, power: 16, vision: 6, value: 3, control: 16 },
  weakest: 'problem',
  overClaimed: 1,
  stale: 0,
  unscored: 0,
  amount: 500_000_00,
  weighted: 450_000_00,
  intensityWeighted: 205_000_00,
};
const managerFigures = {
  openDeals: 2,
  scoredDeals: 1,
  avgTotal: 18,
  averages: { problem: 6, power: 4, vision: 2, value: 2, control: 4 },
  // Vision and Value tie at 2: the earlier in the formula is named.
  weakest: 'vision',
  overClaimed: 0,
  stale: 1,
  unscored: 1,
  amount: 130_000_00,
  weighted: 13_000_00,
  intensityWeighted: 9_000_00,
};
/** Over the six open deals together, not the average of the rows' averages. */
const companyFigures = {
  openDeals: 6,
  scoredDeals: 4,
  avgTotal: 36.8, // (58 + 30 + 41 + 18) / 4 = 36.75
  averages: { problem: 8.5, power: 9.5, vision: 6.8, value: 2.5, control: 9.5 },
  weakest: 'value',
  overClaimed: 1,
  stale: 2,
  unscored: 2,
  amount: 2_130_000_00,
  weighted: 1_058_000_00,
  intensityWeighted: 884_000_00,
};

describe('the team scorecard', () => {
  it('has a row per active rep and per other owner of open deals, and the company summary', async () => {
    const { rows, summary } = await call(f.app, 'scores.team', { scope: 'all', today });
    expect(rows.map((r) => r.name).sort()).toEqual(
      ['周杰', '张伟', '李娜', '王经理', '陈静'].sort(),
    );
    const row = (id: string) => rows.find((r) => r.repId === id);
    expect(row(f.alice.id)).toEqual({
      repId: f.alice.id,
      name: '李娜',
      teamId: f.teamId,
      teamName: '华东销售部',
      active: true,
      ...aliceFigures,
    });
    expect(row(f.bob.id)).toMatchObject(bobFigures);
    expect(row(f.manager.id)).toMatchObject(managerFigures);
    expect(row(chen.id)).toMatchObject(zero);
    expect(row(zhou.id)).toMatchObject({ teamName: '华南销售部', ...zero });
    expect(summary).toEqual(companyFigures);
  });

  it('narrows to my team, to a chosen team, and to my own deals', async () => {
    const team = await call(f.app, 'scores.team', { scope: 'team', today });
    expect(team.rows.map((r) => r.name).sort()).toEqual(['张伟', '李娜', '王经理', '陈静'].sort());
    expect(team.summary).toEqual(companyFigures);
    const south = await call(f.app, 'scores.team', { scope: 'all', teamId: southId, today });
    expect(south.rows.map((r) => r.name)).toEqual(['周杰']);
    expect(south.summary).toEqual(zero);
    await actAs(f.app, f.alice);
    const mine = await call(f.app, 'scores.team', { scope: 'mine', today });
    expect(mine.rows.map((r) => r.name)).toEqual(['李娜']);
    expect(mine.summary).toEqual(aliceFigures);
  });

  it('counts a score as stale only from the 31st day', async () => {
    const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    const { summary } = await call(f.app, 'scores.team', { scope: 'all', today: dayBefore });
    expect(summary.stale).toBe(0);
  });
});

describe('the rep scorecard', () => {
  it("answers the rep's row, the team's summary and the open deals, furthest milestone first", async () => {
    const card = await call(f.app, 'scores.rep', { repId: f.alice.id, today });
    expect(card.rep).toMatchObject({ repId: f.alice.id, name: '李娜', ...aliceFigures });
    expect(card.team).toEqual(companyFigures);
    expect(card.deals.map((d) => d.id)).toEqual([ids.a1, ids.a3, ids.a2]);
    expect(card.deals[0]).toMatchObject({
      milestone: 'M3',
      amount: 1_000_000_00,
      customerName: '苏州精密机械有限公司',
      points: { problem: 20, power: 10, vision: 15, value: 3, control: 10 },
      calibration: { probability: 50, total: 58, gap: -8, stale: false },
      intensityWeighted: 580_000_00,
    });
    expect(card.deals[1]).toMatchObject({
      calibration: { total: 30, stale: true, daysSinceScored: 31 },
    });
    expect(card.deals[2]).toMatchObject({
      points: null,
      scoredAt: null,
      calibration: { unscored: true },
      intensityWeighted: 0,
    });
  });

  it('flags the over-claimed deal, and orders deals of one milestone by amount', async () => {
    const bob = await call(f.app, 'scores.rep', { repId: f.bob.id, today });
    expect(bob.deals.map((d) => d.id)).toEqual([ids.b1]);
    expect(bob.deals[0]?.calibration).toMatchObject({
      probability: 90,
      gap: 49,
      overClaimed: true,
    });
    // A manager who owns deals has a scorecard too.
    const manager = await call(f.app, 'scores.rep', { repId: f.manager.id, today });
    expect(manager.rep).toMatchObject(managerFigures);
    expect(manager.deals.map((d) => [d.id, d.amount])).toEqual([
      [ids.g2, 80_000_00],
      [ids.g1, 50_000_00],
    ]);
  });

  it('gives a rep of another team that team, and a rep without deals empty figures', async () => {
    const card = await call(f.app, 'scores.rep', { repId: zhou.id, today });
    expect(card).toEqual({
      rep: {
        repId: zhou.id,
        name: '周杰',
        teamId: southId,
        teamName: '华南销售部',
        active: true,
        ...zero,
      },
      team: zero,
      deals: [],
    });
  });

  it('answers not_found for someone unknown', async () => {
    expect(await callError(f.app, 'scores.rep', { repId: UNKNOWN, today })).toMatchObject({
      code: 'not_found',
      key: 'scoreErrors.repGone',
    });
  });
});
