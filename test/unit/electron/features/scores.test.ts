import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
import { day, score, scorings } from './scores.fixture';

let f: Fixture;
beforeEach(async () => {
  f = await fixture();
});
afterEach(() => f.app.cleanup());

type Row = Record<string, unknown>;
const dealRow = (id: string) =>
  f.app.sqlite
    .prepare('SELECT score_id, score_total, scored_at FROM deals WHERE id = ?')
    .get(id) as Row;

describe('scoring a deal', () => {
  it('records who scored when, stores the derived points and caches the latest on the deal', async () => {
    await actAs(f.app, f.alice);
    const deal = await createDeal(f);
    const at = f.app.now().toISOString();
    const result = await score(f, deal.id, scorings.s58, { note: '  决策者认可痛点  ' });
    expect(result).toMatchObject({
      dealId: deal.id,
      milestone: 'M1',
      status: 'open',
      amount: 100_000_000,
      intensityWeighted: 58_000_000,
      calibration: {
        probability: 10,
        total: 58,
        gap: -48,
        overClaimed: false,
        stale: false,
        unscored: false,
        daysSinceScored: 0,
      },
      contradictions: [],
    });
    expect(result.history).toHaveLength(1);
    expect(result.latest).toEqual({
      id: result.history[0]?.id,
      dealId: deal.id,
      scoredAt: at,
      scoredById: f.alice.id,
      scoredByName: '李娜',
      note: '决策者认可痛点',
      levels: scorings.s58,
      points: { problem: 20, power: 10, vision: 15, value: 3, control: 10 },
      total: 58,
    });
    const stored = f.app.sqlite
      .prepare('SELECT * FROM deal_scores WHERE deal_id = ?')
      .get(deal.id) as Row;
    expect(stored).toMatchObject({
      scored_by: f.alice.id,
      problem_level: 'admits_pain',
      problem_with: 'decider',
      problem_points: 20,
      power_points: 10,
      vision_points: 15,
      value_points: 3,
      control_points: 10,
      total_points: 58,
      updated_by: f.alice.id,
    });
    expect(dealRow(deal.id)).toEqual({
      score_id: result.latest?.id,
      score_total: 58,
      scored_at: at,
    });
    // Only the levels are logged: the points are derived again wherever the change is applied.
    const logged = (
      f.app.sqlite
        .prepare('SELECT "column" AS name FROM change_log WHERE table_name = \'deal_scores\'')
        .all() as { name: string }[]
    ).map((r) => r.name);
    expect(logged).toContain('problem_level');
    expect(logged.some((name) => name.endsWith('points'))).toBe(false);
    expect(await call(f.app, 'scores.forDeal', { dealId: deal.id, today: TODAY })).toEqual(result);
  });

  it('keeps every scoring, oldest first; the latest is the last of the day', async () => {
    const deal = await createDeal(f);
    await score(f, deal.id, scorings.s18);
    f.app.tick(3 * 3_600_000);
    await score(f, deal.id, scorings.s41, { note: null });
    f.app.tick(3 * 3_600_000);
    const last = await score(f, deal.id, scorings.s30);
    expect(last.history.map((s) => s.total)).toEqual([18, 41, 30]);
    expect(new Set(last.history.map((s) => s.scoredAt.slice(0, 10)))).toEqual(new Set([TODAY]));
    expect(last.latest?.total).toBe(30);
    expect(last.calibration.total).toBe(30);
    expect(dealRow(deal.id)).toMatchObject({ score_id: last.latest?.id, score_total: 30 });
  });

  it('breaks a tie of the same instant by the larger id, as the trigger does', async () => {
    const deal = await createDeal(f);
    const first = await call(f.app, 'scores.add', {
      dealId: deal.id,
      levels: scorings.s18,
      today: TODAY,
    });
    const second = await call(f.app, 'scores.add', {
      dealId: deal.id,
      levels: scorings.s41,
      today: TODAY,
    });
    const [a, b] = second.history;
    expect(a?.scoredAt).toBe(b?.scoredAt);
    expect(second.history).toHaveLength(2);
    const larger = [a?.id ?? '', b?.id ?? ''].sort()[1];
    expect(b?.id).toBe(larger);
    expect(second.latest?.id).toBe(larger);
    expect(dealRow(deal.id)).toMatchObject({ score_id: larger });
    expect(first.latest?.id).toBe(first.history[0]?.id);
  });

  it('points out ticked exit criteria the latest score contradicts', async () => {
    // Walking to M3 ticks contact_vision (needs Vision "customer agrees") and dm_reached.
    const deal = await advanceTo(f, await createDeal(f), 'M3');
    const scored = await score(f, deal.id, scorings.s58);
    expect(scored.contradictions).toEqual([
      {
        criterion: 'contact_vision',
        dimension: 'vision',
        needsLevel: 'customer_agrees',
        needsDecider: false,
        level: 'differentiated',
        with: 'decider',
      },
    ]);
    // Unticking the criterion removes the contradiction.
    await call(f.app, 'deals.check', {
      dealId: deal.id,
      criterion: 'contact_vision',
      checked: false,
      expectedMilestone: 'M3',
      today: TODAY,
    });
    const after = await call(f.app, 'scores.forDeal', { dealId: deal.id, today: TODAY });
    expect(after.contradictions).toEqual([]);
  });

  it('answers an unscored deal with an empty history', async () => {
    const deal = await createDeal(f, { amount: 5_000_000 });
    expect(await call(f.app, 'scores.forDeal', { dealId: deal.id, today: TODAY })).toEqual({
      dealId: deal.id,
      milestone: 'M1',
      status: 'open',
      amount: 5_000_000,
      history: [],
      latest: null,
      calibration: {
        probability: 10,
        total: null,
        gap: null,
        overClaimed: false,
        stale: false,
        unscored: true,
        daysSinceScored: null,
      },
      contradictions: [],
      intensityWeighted: 0,
    });
  });
});

describe('refusals', () => {
  it('refuses a won or lost deal (conflict) and writes nothing; its history stays readable', async () => {
    const deal = await createDeal(f);
    await score(f, deal.id, scorings.s18);
    const lost = await move(f, deal, 'lost', { lostReason: '预算取消' });
    const m5 = await tickAll(f, await advanceTo(f, await createDeal(f), 'M5'), ['M5']);
    const won = await move(f, m5, 'M6', { closedOn: TODAY, finalAmount: m5.amount });
    expect(won.status).toBe('won');
    const before = dbSnapshot(f.app);
    for (const closed of [lost, won])
      expect(
        await callError(f.app, 'scores.add', {
          dealId: closed.id,
          levels: scorings.s30,
          today: TODAY,
        }),
      ).toMatchObject({ code: 'conflict', key: 'scoreErrors.dealClosed' });
    expect(dbSnapshot(f.app)).toBe(before);
    const history = await call(f.app, 'scores.forDeal', { dealId: lost.id, today: TODAY });
    expect(history).toMatchObject({ status: 'lost', latest: { total: 18 } });
    // Closed deals carry no calibration flags, however far the score lies from the milestone.
    expect(history.calibration).toMatchObject({
      overClaimed: false,
      stale: false,
      unscored: false,
    });
  });

  it('answers not_found for a deleted or unknown deal, writing nothing', async () => {
    const deal = await createDeal(f);
    await call(f.app, 'deals.delete', { id: deal.id });
    const before = dbSnapshot(f.app);
    for (const dealId of [deal.id, UNKNOWN]) {
      expect(
        await callError(f.app, 'scores.add', { dealId, levels: scorings.s18, today: TODAY }),
      ).toMatchObject({ code: 'not_found', key: 'scoreErrors.dealGone' });
      expect(await callError(f.app, 'scores.forDeal', { dealId, today: TODAY })).toMatchObject({
        code: 'not_found',
        key: 'scoreErrors.dealGone',
      });
    }
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('refuses unknown levels, a missing "with whom", and out-of-range input in the contract', async () => {
    const deal = await createDeal(f);
    const before = dbSnapshot(f.app);
    const base = { dealId: deal.id, levels: scorings.s18, today: TODAY };
    const bad: [unknown, string][] = [
      [
        { ...base, levels: { ...scorings.s18, problem: { level: 'admits_all', with: 'contact' } } },
        'levels.problem.level',
      ],
      // A level of another ladder is unknown on this one.
      [
        { ...base, levels: { ...scorings.s18, power: { level: 'admits_pain' } } },
        'levels.power.level',
      ],
      [
        { ...base, levels: { ...scorings.s18, vision: { level: 'differentiated' } } },
        'levels.vision.with',
      ],
      [
        {
          ...base,
          levels: { ...scorings.s18, value: { level: 'customer_states', with: 'boss' } },
        },
        'levels.value.with',
      ],
      // One-column dimensions take no "with whom".
      [
        { ...base, levels: { ...scorings.s18, power: { level: 'dm_known', with: 'decider' } } },
        'levels.power',
      ],
      [{ ...base, levels: { problem: scorings.s18.problem } }, 'levels.power'],
      [{ ...base, note: '记'.repeat(1001) }, 'note'],
      [{ ...base, today: '2026-02-30' }, 'today'],
      [{ ...base, dealId: 'not-an-id' }, 'dealId'],
      [{ ...base, points: { problem: 20 } }, '_'],
    ];
    for (const [input, field] of bad) {
      const error = await callError(f.app, 'scores.add', input);
      expect(error.code, field).toBe('invalid_input');
      expect(Object.keys(error.fields ?? {}), field).toContain(field);
    }
    expect(dbSnapshot(f.app)).toBe(before);
    expect(count(f.app, 'deal_scores')).toBe(0);
  });
});

describe('calibration on the board', () => {
  it('flags over-claimed, stale and unscored cards, and filters by the flag', async () => {
    // Stale: scored, then 31 days pass. Over-claimed: M3 (50 %) scored 18. Fine: M1 scored 30.
    const stale = await createDeal(f, { title: '旧评分' });
    await score(f, stale.id, scorings.s30);
    f.app.tick(31 * DAY);
    const today = day(f);
    const over = await advanceTo(f, await createDeal(f, { title: '虚高' }), 'M3');
    await score(f, over.id, scorings.s18, { today });
    const fine = await createDeal(f, { title: '正常' });
    await score(f, fine.id, scorings.s30, { today });
    const unscored = await createDeal(f, { title: '未评分' });
    const lost = await move(f, await createDeal(f, { title: '丢单' }), 'lost', {
      lostReason: '预算取消',
    });

    const cards = (await call(f.app, 'deals.board', { scope: 'all', today })).columns.flatMap(
      (c) => c.cards,
    );
    const card = (id: string) => cards.find((c) => c.id === id);
    expect(card(stale.id)).toMatchObject({
      probability: 10,
      scoreTotal: 30,
      staleScore: true,
      overClaimed: false,
      unscored: false,
    });
    expect(card(over.id)).toMatchObject({
      probability: 50,
      scoreTotal: 18,
      overClaimed: true,
      staleScore: false,
    });
    expect(card(fine.id)).toMatchObject({ overClaimed: false, staleScore: false, unscored: false });
    expect(card(unscored.id)).toMatchObject({ scoreTotal: null, scoredAt: null, unscored: true });
    expect(card(lost.id)).toMatchObject({ unscored: false, overClaimed: false });

    const filtered = async (scoreFlag: 'overClaimed' | 'stale' | 'unscored') =>
      (await call(f.app, 'deals.board', { scope: 'all', today, scoreFlag })).columns
        .flatMap((c) => c.cards.map((k) => k.id))
        .sort();
    expect(await filtered('overClaimed')).toEqual([over.id]);
    expect(await filtered('stale')).toEqual([stale.id]);
    // The fixture's own open deals are unscored too; the lost deal never is.
    expect(await filtered('unscored')).toContain(unscored.id);
    expect(await filtered('unscored')).not.toContain(lost.id);
    // The day before, the first score is exactly 30 days old: not stale yet.
    const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    expect(
      (
        await call(f.app, 'deals.board', { scope: 'all', today: dayBefore, scoreFlag: 'stale' })
      ).columns.flatMap((c) => c.cards),
    ).toEqual([]);
  });
});
