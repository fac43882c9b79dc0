import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { targetFor } from '../../../../electron/features/targets/targets.repo';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, startTeam, tempApp } from '../../helpers';

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

type Fixture = {
  app: ReturnType<typeof tempApp>;
  manager: User;
  east: string;
  south: string;
  zhang: User;
  li: User;
  wang: User;
};

let f: Fixture;

beforeEach(async () => {
  const app = tempApp({ start: '2026-11-23T09:00:00.000Z' });
  const { manager, teamId, reps } = await startTeam(app, ['张三', '李四']);
  const south = await call(app, 'team.saveTeam', { name: '华南销售部' });
  const wang = await call(app, 'team.saveUser', { name: '王五', role: 'rep', teamId: south.id });
  const [zhang, li] = reps as [User, User];
  f = { app, manager, east: teamId, south: south.id, zhang, li, wang };
});
afterEach(() => f.app.cleanup());

const year = 2026;
const sales = 'sales' as const;
const team = (id: string) => ({ type: 'team' as const, id });
const rep = (id: string) => ({ type: 'rep' as const, id });
const company = { type: 'company' as const };
const live = (where = '1 = 1') => count(f.app, 'targets', `deleted_at IS NULL AND ${where}`);

describe('decomposition', () => {
  it('writes the year, 4 quarters and 12 months in one commit; the 53 weeks follow', async () => {
    const commits: string[][] = [];
    f.app.onTablesChanged((tables) => commits.push(tables));
    const grid = await call(f.app, 'targets.decompose', {
      metric: sales,
      year,
      scope: company,
      total: 1_200_000,
    });
    expect(grid.total).toMatchObject({
      key: '2026',
      value: 1_200_000,
      partsSum: 1_200_000,
      partsDiff: 0,
    });
    expect(grid.quarters.map((q) => q.value)).toEqual([300_000, 300_000, 300_000, 300_000]);
    expect(grid.months.map((m) => m.value)).toEqual(Array.from({ length: 12 }, () => 100_000));
    expect(grid.weeks).toHaveLength(53);
    expect(grid.weeks[0]).toMatchObject({
      key: '2026-W01',
      from: '2026-01-01',
      to: '2026-01-04',
      derived: true,
    });
    expect(grid.months[0]?.derived).toBe(false);
    expect(grid.weeksSum).toBe(1_200_000);
    expect(grid.weeksDiff).toBe(0);
    expect(grid.money).toBe(true);
    // Teams have no targets yet: the whole company target is unassigned.
    expect(grid.children.map((c) => c.name)).toEqual(['华东销售部', '华南销售部']);
    expect(grid.total).toMatchObject({ childrenSum: 0, unassigned: 1_200_000 });
    expect(live()).toBe(17);
    expect(commits).toEqual([['targets']]);
  });

  it('replaces the scope-year’s cells when decomposed again, keeping their rows', async () => {
    await call(f.app, 'targets.decompose', {
      metric: sales,
      year,
      scope: team(f.east),
      total: 1_200_000,
    });
    await call(f.app, 'targets.setCell', {
      metric: sales,
      year,
      scope: team(f.east),
      key: '2026-W10',
      value: 5,
    });
    const grid = await call(f.app, 'targets.decompose', {
      metric: sales,
      year,
      scope: team(f.east),
      total: 1_400_000,
      weights: [1, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2],
    });
    expect(grid.months.map((m) => m.value)).toEqual([
      100_000, 100_000, 200_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000,
      100_000, 200_000,
    ]);
    expect(grid.quarters.map((q) => q.value)).toEqual([400_000, 300_000, 300_000, 400_000]);
    expect(grid.weeksSum).toBe(1_400_000);
    // The week someone set is cleared: it follows March again.
    expect(grid.weeks.find((w) => w.key === '2026-W10')?.derived).toBe(true);
    expect(count(f.app, 'targets')).toBe(18);
    expect(live()).toBe(17);
  });

  it('decomposes many scopes in one call', async () => {
    const result = await call(f.app, 'targets.decomposeMany', {
      metric: 'visits',
      year,
      items: [
        { scope: rep(f.zhang.id), total: 600 },
        { scope: rep(f.li.id), total: 480, weights: [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
        { scope: rep(f.wang.id), total: 360 },
      ],
    });
    expect(result).toEqual({ scopes: 3, cells: 51 });
    const li = await call(f.app, 'targets.grid', { metric: 'visits', year, scope: rep(f.li.id) });
    expect(li.money).toBe(false);
    expect(li.months.slice(0, 3).map((m) => m.value)).toEqual([0, 0, 48]);
    const error = await callError(f.app, 'targets.decomposeMany', {
      metric: 'visits',
      year,
      items: [
        { scope: rep(f.zhang.id), total: 1 },
        { scope: rep(f.zhang.id), total: 2 },
      ],
    });
    expect(error).toMatchObject({ code: 'invalid_input', key: 'targets.errors.scopeTwice' });
  });

  it('splits weeks by the working-day calendar, 调休 included', async () => {
    await call(f.app, 'calendar.importDays', {
      text: [
        '2025-10-01 holiday 国庆节',
        ...['02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d} holiday 国庆节`),
        '2025-09-28 workday 调休',
        '2025-10-11 workday 调休',
      ].join('\n'),
    });
    const grid = await call(f.app, 'targets.decompose', {
      metric: sales,
      year: 2025,
      scope: rep(f.zhang.id),
      total: 410_000,
      weights: [0, 0, 0, 0, 0, 0, 0, 0, 23, 18, 0, 0],
    });
    const week = (key: string) => grid.weeks.find((w) => w.key === key)?.value;
    expect(week('2025-W39')).toBe(60_000);
    expect(week('2025-W40')).toBe(20_000);
    expect(week('2025-W41')).toBe(30_000);
    expect(grid.weeks.at(-1)).toMatchObject({
      key: '2026-W01',
      from: '2025-12-29',
      to: '2025-12-31',
    });
  });
});

describe('levels and what is unassigned', () => {
  beforeEach(async () => {
    await call(f.app, 'targets.decompose', {
      metric: sales,
      year,
      scope: company,
      total: 2_000_000,
    });
    await call(f.app, 'targets.decompose', {
      metric: sales,
      year,
      scope: team(f.east),
      total: 1_500_000,
    });
    await call(f.app, 'targets.decompose', {
      metric: sales,
      year,
      scope: rep(f.zhang.id),
      total: 700_000,
    });
    await call(f.app, 'targets.decompose', {
      metric: sales,
      year,
      scope: rep(f.li.id),
      total: 500_000,
    });
  });

  it('shows the reps’ sum against the team target', async () => {
    const grid = await call(f.app, 'targets.grid', { metric: sales, year, scope: team(f.east) });
    expect(grid.children.map((c) => c.name).sort()).toEqual(['张三', '李四']);
    expect(grid.total).toMatchObject({
      value: 1_500_000,
      childrenSum: 1_200_000,
      unassigned: 300_000,
    });
    expect(grid.parent).toMatchObject({
      scope: { type: 'company' },
      value: 2_000_000,
      childrenSum: 1_500_000,
      unassigned: 500_000,
    });
    const zhang = await call(f.app, 'targets.grid', {
      metric: sales,
      year,
      scope: rep(f.zhang.id),
    });
    expect(zhang.total).toMatchObject({ childrenSum: null, unassigned: null });
    expect(zhang.parent).toMatchObject({
      scope: { type: 'team', id: f.east, name: '华东销售部' },
      value: 1_500_000,
      childrenSum: 1_200_000,
      unassigned: 300_000,
    });
  });

  it('lists the company, teams and reps in the overview', async () => {
    const overview = await call(f.app, 'targets.overview', { metric: sales, year });
    expect(overview.company).toEqual({
      value: 2_000_000,
      childrenSum: 1_500_000,
      unassigned: 500_000,
    });
    const east = overview.teams.find((t) => t.id === f.east);
    expect(east).toMatchObject({ value: 1_500_000, childrenSum: 1_200_000, unassigned: 300_000 });
    expect(east?.reps.map((r) => [r.name, r.value]).sort()).toEqual([
      ['张三', 700_000],
      ['李四', 500_000],
    ]);
    const south = overview.teams.find((t) => t.id === f.south);
    expect(south).toMatchObject({ value: null, childrenSum: 0, unassigned: null });
    expect(south?.reps).toEqual([{ id: f.wang.id, name: '王五', value: null }]);
  });

  it('edits one cell and shows the difference to its parent', async () => {
    const month = await call(f.app, 'targets.setCell', {
      metric: sales,
      year,
      scope: team(f.east),
      key: '2026-03',
      value: 150_000,
    });
    expect(month.edited).toEqual({ key: '2026-03', parentKey: '2026-Q1', difference: -25_000 });
    expect(month.quarters[0]).toMatchObject({
      value: 375_000,
      partsSum: 400_000,
      partsDiff: -25_000,
    });
    // The reps' March in whole yuan: 58,400 + 41,700 (7,000 and 5,000 yuan over twelve months,
    // remainders to the first months).
    expect(month.months[2]).toMatchObject({ childrenSum: 100_100, unassigned: 49_900 });

    const quarter = await call(f.app, 'targets.setCell', {
      metric: sales,
      year,
      scope: team(f.east),
      key: '2026-Q4',
      value: 400_000,
    });
    expect(quarter.edited).toEqual({ key: '2026-Q4', parentKey: '2026', difference: -25_000 });

    const week = await call(f.app, 'targets.setCell', {
      metric: sales,
      year,
      scope: team(f.east),
      key: '2026-W10',
      value: 0,
    });
    const before = quarter.weeks.find((w) => w.key === '2026-W10')?.value ?? 0;
    // The weeks follow the months (March is 25,000 above its share of the year), less the
    // week now set to zero.
    expect(week.edited).toEqual({
      key: '2026-W10',
      parentKey: '2026',
      difference: before - 25_000,
    });

    const cleared = await call(f.app, 'targets.setCell', {
      metric: sales,
      year,
      scope: team(f.east),
      key: '2026-W10',
      value: null,
    });
    // Cleared, the week follows its month again.
    expect(cleared.weeks.find((w) => w.key === '2026-W10')).toMatchObject({
      value: before,
      derived: true,
    });
    expect(live(`scope_id = '${f.east}'`)).toBe(17);
    const restored = await call(f.app, 'targets.setCell', {
      metric: sales,
      year,
      scope: team(f.east),
      key: '2026-W10',
      value: 1,
    });
    expect(restored.weeks.find((w) => w.key === '2026-W10')).toMatchObject({
      value: 1,
      derived: false,
    });
    expect(count(f.app, 'targets', `scope_id = '${f.east}'`)).toBe(18);
  });
});

describe('validation', () => {
  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = dbSnapshot(f.app);
    const cases: [unknown, string, string][] = [
      [{ metric: sales, year, scope: company, total: -1 }, 'invalid_input', 'errors.invalidInput'],
      [{ metric: sales, year, scope: company, total: 1.5 }, 'invalid_input', 'errors.invalidInput'],
      [
        { metric: 'revenue', year, scope: company, total: 1 },
        'invalid_input',
        'errors.invalidInput',
      ],
      [
        { metric: sales, year, scope: { type: 'region', id: f.east }, total: 1 },
        'invalid_input',
        'errors.invalidInput',
      ],
      [
        { metric: sales, year, scope: { type: 'company', id: f.east }, total: 1 },
        'invalid_input',
        'errors.invalidInput',
      ],
      [
        { metric: sales, year, scope: team(UNKNOWN), total: 1 },
        'invalid_input',
        'targets.errors.scopeUnknown',
      ],
      [
        { metric: sales, year, scope: rep(UNKNOWN), total: 1 },
        'invalid_input',
        'targets.errors.scopeUnknown',
      ],
      [
        { metric: sales, year, scope: company, total: 1, weights: Array(12).fill(0) },
        'invalid_input',
        'targets.errors.weightsAllZero',
      ],
      [
        { metric: sales, year, scope: company, total: 1, weights: Array(11).fill(1) },
        'invalid_input',
        'errors.invalidInput',
      ],
      [
        { metric: sales, year, scope: company, total: 1, weights: [-1, ...Array(11).fill(1)] },
        'invalid_input',
        'errors.invalidInput',
      ],
    ];
    for (const [input, code, key] of cases) {
      const error = await callError(f.app, 'targets.decompose', input);
      expect(error, JSON.stringify(input)).toMatchObject({ code, key });
      expect(error.message.length).toBeGreaterThan(10);
    }
    const outside = await callError(f.app, 'targets.setCell', {
      metric: sales,
      year,
      scope: company,
      key: '2027-01',
      value: 5,
    });
    expect(outside).toMatchObject({
      code: 'invalid_input',
      key: 'targets.errors.periodOutsideYear',
      fields: { key: 'targets.errors.periodOutsideYear' },
    });
    expect(dbSnapshot(f.app)).toBe(before);
  });

  it('lets only managers write targets and the calendar', async () => {
    f.app.setCurrentUserId(f.zhang.id); // the device's remembered user
    const before = dbSnapshot(f.app);
    for (const [method, input] of [
      ['targets.decompose', { metric: sales, year, scope: rep(f.zhang.id), total: 5 }],
      ['targets.setCell', { metric: sales, year, scope: rep(f.zhang.id), key: '2026', value: 5 }],
      ['calendar.setDay', { day: '2026-10-01', kind: 'holiday' }],
      ['calendar.importDays', { text: '2026-10-01 holiday' }],
    ] as const) {
      expect(await callError(f.app, method, input)).toMatchObject({
        code: 'conflict',
        key: 'targets.errors.needManager',
      });
    }
    expect(dbSnapshot(f.app)).toBe(before);
    // Reading is for everyone.
    await call(f.app, 'targets.grid', { metric: sales, year, scope: rep(f.zhang.id) });
  });
});

describe('targetFor (for the reports)', () => {
  it('sums the day-level split over any range, across a year boundary', async () => {
    await call(f.app, 'targets.decompose', {
      metric: sales,
      year: 2026,
      scope: rep(f.li.id),
      total: 1_200_000,
    });
    await call(f.app, 'targets.decompose', {
      metric: sales,
      year: 2027,
      scope: rep(f.li.id),
      total: 2_400_000,
    });
    const db = f.app.db;
    const scope = { type: 'rep' as const, id: f.li.id };
    expect(targetFor(db, sales, scope, { from: '2026-10-01', to: '2026-10-31' })).toBe(100_000);
    expect(targetFor(db, sales, scope, { from: '2026-01-01', to: '2027-12-31' })).toBe(3_600_000);
    // Week 53 takes each working day's exact share, rounded to the fen once: Monday 28 –
    // Thursday 31 December 2026 are 4 of December's 23 working days (1,000 yuan: 4 × 4,347.83
    // fen), Friday 1 January 2027 is 1 of January's 21 (2,000 yuan: 9,523.81 fen).
    expect(targetFor(db, sales, scope, { from: '2026-12-28', to: '2027-01-03' })).toBe(
      Math.round((4 * 100_000) / 23 + 200_000 / 21),
    );
    expect(
      targetFor(
        db,
        sales,
        { type: 'rep', id: f.zhang.id },
        { from: '2026-10-01', to: '2026-10-31' },
      ),
    ).toBeNull();
  });
});

describe('working-day calendar', () => {
  it('has no holidays built in', async () => {
    expect(await call(f.app, 'calendar.days', {})).toEqual([]);
  });

  it('adds, changes, lists and removes exceptions', async () => {
    const day = await call(f.app, 'calendar.setDay', {
      day: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
    });
    expect(day).toMatchObject({ day: '2026-10-01', kind: 'holiday', name: '国庆节' });
    await call(f.app, 'calendar.setDay', { day: '2026-10-01', kind: 'holiday', name: '国庆' });
    await call(f.app, 'calendar.setDay', { day: '2026-10-10', kind: 'workday' });
    await call(f.app, 'calendar.setDay', { day: '2025-10-11', kind: 'workday', name: '调休' });
    expect(await call(f.app, 'calendar.days', { year: 2026 })).toEqual([
      expect.objectContaining({ day: '2026-10-01', kind: 'holiday', name: '国庆', id: day.id }),
      expect.objectContaining({ day: '2026-10-10', kind: 'workday', name: null }),
    ]);
    expect(await call(f.app, 'calendar.days', {})).toHaveLength(3);
    await call(f.app, 'calendar.removeDay', { day: '2026-10-01' });
    expect((await call(f.app, 'calendar.days', { year: 2026 })).map((d) => d.day)).toEqual([
      '2026-10-10',
    ]);
    expect(count(f.app, 'calendar_days', 'deleted_at IS NULL')).toBe(2);
  });

  it('imports a pasted list all or nothing, listing every bad line', async () => {
    const text = [
      '日期,类型,名称',
      '2026-10-01 holiday 国庆节',
      '2026/10/2,休,国庆节',
      '',
      '# 调休',
      '2026-09-20\tworkday\t调休',
      '2026-02-30 holiday',
      '2026-10-03 maybe',
      '2026-10-01 workday',
    ].join('\n');
    const before = dbSnapshot(f.app);
    const bad = await call(f.app, 'calendar.importDays', { text });
    expect(bad.written).toBe(false);
    expect(bad.errors.map((e) => [e.line, e.key])).toEqual([
      [7, 'targets.calendar.errors.date'],
      [8, 'targets.calendar.errors.kind'],
      [9, 'targets.calendar.errors.duplicate'],
    ]);
    expect(dbSnapshot(f.app)).toBe(before);

    const good = text.split('\n').slice(0, 6).join('\n');
    const dry = await call(f.app, 'calendar.importDays', { text: good, dryRun: true });
    expect(dry).toMatchObject({ written: false, added: 3, updated: 0, errors: [] });
    expect(dbSnapshot(f.app)).toBe(before);
    const done = await call(f.app, 'calendar.importDays', { text: good });
    expect(done).toMatchObject({ written: true, added: 3, updated: 0, unchanged: 0, errors: [] });
    expect(done.days).toEqual([
      { day: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { day: '2026-10-02', kind: 'holiday', name: '国庆节' },
      { day: '2026-09-20', kind: 'workday', name: '调休' },
    ]);
    const again = await call(f.app, 'calendar.importDays', { text: `${good}\n2026-10-08 班 调休` });
    expect(again).toMatchObject({ written: true, added: 1, unchanged: 3 });
    expect(await call(f.app, 'calendar.importDays', { text: '\n# nothing\n' })).toMatchObject({
      written: false,
      errors: [{ key: 'targets.calendar.errors.empty' }],
    });
  });
});
