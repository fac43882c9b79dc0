import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WeeklyPackInput } from '../../../shared/contract/exports';
import type { ReportName, ReportOf } from '../../../shared/contract/reports';
import { main } from '../../../electron/cli';
import { AppError } from '../../../electron/core/errors';
import { folderFileHost } from '../../../electron/export/host';
import { packFileName, weeklyPack } from '../../../electron/export/weeklyPack';
import { buildWorkbook } from '../../../electron/export/workbook';
import { handlers } from '../../../electron/features/handlers';
import { runReport } from '../../../electron/features/reports/run';
import { weeklyFigures } from '../../../electron/features/weekly/weekly.figures';
import { dispatch } from '../../../electron/ipc/dispatch';
import {
  A,
  B,
  C,
  T1,
  T2,
  TODAY,
  reportsWorld,
  type World,
} from '../electron/features/reports.fixture';

/**
 * The weekly meeting pack (issue 8, domain.md §8) on a hand-made week: 2026-W47 (Mon 11-16 –
 * Sun 11-22), made on Monday 11-23. Teams 华东一部 (T1: rep 李娜 A) and 华南部 (T2: 张伟 B
 * since 11-01, 赵敏 C). The pack is built, written and read back with ExcelJS.
 */
const WEEK = '2026-W47';
const NOW = new Date('2026-11-23T09:00:00.000Z');

const SHEETS_ZH = [
  '总览',
  '目标达成',
  '业绩对比',
  '销售漏斗',
  '关键机会',
  '拜访执行',
  '客户拜访统计',
  '异常客户',
  '下周计划',
  '周报',
];
const SHEETS_EN = [
  'Overview',
  'Target attainment',
  'Performance comparison',
  'Funnel',
  'Key opportunities',
  'Visit execution',
  'Customer visits',
  'Abnormal customers',
  'Next week',
  'Weekly reports',
];

let w: World;
beforeEach(() => {
  w = reportsWorld();
});
afterEach(() => {
  vi.restoreAllMocks();
  w.cleanup();
});

/** The week's data: sales, an open key deal with a brief and a score, visits, a plan, a report. */
function week(world: World) {
  const cA = world.customer({
    owner: A,
    name: '上海天鑫管业',
    relationship: 4,
    attractiveness: 4,
    grade: 'key',
  });
  const cB = world.customer({ owner: B, name: '广州华南电器' });
  const cC = world.customer({ owner: C, name: '深圳=1+1科技' });
  // Won: A 300,000 on 11-18 (in the week), C 100,000 on 11-05 (month to date), B 50,000 on 11-09 (last week).
  world.deal({ owner: A, customer: cA, amount: 300_000, status: 'won', closedOn: '2026-11-18' });
  world.deal({ owner: C, customer: cC, amount: 100_000, status: 'won', closedOn: '2026-11-05' });
  world.deal({ owner: B, customer: cB, amount: 50_000, status: 'won', closedOn: '2026-11-09' });
  // Open: A's key deal at M4 (over-claimed: 75% against a score of 30), B's at M2 unscored.
  const contact = world.insert('contacts', {
    customer_id: cA,
    name: '韩玉',
    title: '供应链总监',
  });
  const key = world.deal({
    owner: A,
    customer: cA,
    amount: 800_000,
    milestone: 'M4',
    is_key: 1,
    contact_id: contact,
    contact_problem: '交期不稳定',
    contact_vision: '按周交付',
    next_step: '安排样机试用',
  });
  world.score(key, '2026-11-20T02:00:00.000Z', 30);
  world.deal({ owner: B, customer: cB, amount: 200_000, milestone: 'M2' });
  // Visits in the week: A planned and done (effective, with a summary), A missed; B unplanned, done.
  world.visit({
    owner: A,
    customer: cA,
    day: '2026-11-17',
    effective: 1,
    outcome: '客户确认需求',
    competitor_info: '对手降价 5%',
    order_amount: 12_300,
  });
  world.visit({ owner: A, customer: cA, day: '2026-11-19', status: 'missed' });
  world.visit({ owner: B, customer: cB, day: '2026-11-18', planned: 0, effective: 0 });
  // Next week: A plans a visit on Tuesday 11-24 at 10:00 Shanghai time.
  world.visit({
    owner: A,
    customer: cA,
    day: '2026-11-24',
    status: 'planned',
    start_at: '2026-11-24T02:00:00.000Z',
    end_at: '2026-11-24T03:00:00.000Z',
    purpose: 'order',
    goal: '谈年度框架协议',
  });
  // Next week: B visits a customer in Tokyo on Wednesday 11-25 at 10:00 Tokyo time (09:00 in
  // Shanghai): the pack prints the visit's own wall time, with its zone, as the calendar draws it.
  world.visit({
    owner: B,
    customer: cB,
    day: '2026-11-25',
    status: 'planned',
    start_at: '2026-11-25T01:00:00.000Z',
    end_at: '2026-11-25T02:00:00.000Z',
    time_zone: 'Asia/Tokyo',
  });
  // Targets for November.
  world.target('sales', 'company', null, '2026-11', 2_000_000);
  world.target('sales', 'team', T1, '2026-11', 1_000_000);
  world.target('sales', 'rep', A, '2026-11', 1_000_000);
  world.target('visits', 'rep', A, '2026-11', 20);
  // A's weekly report, submitted.
  world.insert('weekly_reports', {
    user_id: A,
    week: WEEK,
    status: 'submitted',
    competition: '竞争对手在本区域降价约 5%',
    next_week_plan: '拿下天鑫年度协议',
    submitted_at: '2026-11-20T10:00:00.000Z',
  });
  return { cA, key };
}

const input = (over: Partial<WeeklyPackInput> = {}): WeeklyPackInput => ({
  week: WEEK,
  scope: { type: 'company' },
  language: 'zh-CN',
  today: TODAY,
  ...over,
});

async function build(world: World, over: Partial<WeeklyPackInput> = {}) {
  const pack = weeklyPack(world.app.db, input(over), NOW);
  const { sheets, title } = await pack.build();
  const bytes = await buildWorkbook(sheets, { creator: 'Pacer', created: NOW, title });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return { workbook, fileName: pack.fileName };
}

const report = <N extends ReportName>(
  world: World,
  name: N,
  scope: { type: 'company' } | { type: 'team'; id: string } = { type: 'company' },
) =>
  runReport(world.app.db, {
    report: name,
    period: { kind: 'week', date: '2026-11-16' },
    scope,
    today: TODAY,
  }) as ReportOf<N>;

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Every row's values as plain arrays (1-based columns dropped). */
function rows(ws: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const out: ExcelJS.CellValue[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    out[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  return out.map((r) => r ?? []);
}

/** The cell under a header (the first table whose header row holds it) in the row starting with `labels`. */
function cellUnder(ws: ExcelJS.Worksheet, header: string, ...labels: string[]): ExcelJS.Cell {
  let column = 0;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (column) return;
    row.eachCell((cell, c) => {
      if (!column && cell.value === header && cell.font?.bold) {
        column = c;
        headerRow = n;
      }
    });
  });
  if (!column) throw new Error(`no header ${header} in ${ws.name}`);
  let target = 0;
  ws.eachRow((row, n) => {
    if (target || n <= headerRow) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (labels.every((l, i) => values[i] === l)) target = n;
  });
  if (!target) throw new Error(`no row ${labels.join(' | ')} under ${header} in ${ws.name}`);
  return ws.getRow(target).getCell(column);
}

const texts = (ws: ExcelJS.Worksheet) =>
  rows(ws)
    .flat()
    .filter((v): v is string => typeof v === 'string');

describe('weekly meeting pack: sheets', () => {
  it('has the ten sheets of domain.md §8 in order, in both languages, with a title row and a frozen bold header', async () => {
    week(w);
    const zh = await build(w);
    expect(zh.workbook.worksheets.map((s) => s.name)).toEqual(SHEETS_ZH);
    const en = await build(w, { language: 'en' });
    expect(en.workbook.worksheets.map((s) => s.name)).toEqual(SHEETS_EN);

    for (const ws of zh.workbook.worksheets) {
      expect(ws.getCell('A1').value).toBe('全公司 · 2026-W47 · 2026-11-16 – 2026-11-22');
      expect(String(ws.getCell('A2').value)).toMatch(/^生成于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state, ws.name).toBe('frozen');
      const header = ws.getRow(view.ySplit ?? 0);
      expect(header.getCell(1).font?.bold, ws.name).toBe(true);
      expect(header.getCell(1).value, ws.name).toBeTruthy();
    }
    expect(en.workbook.worksheets[0]?.getCell('A1').value).toBe(
      'Company · 2026-W47 · 2026-11-16 – 2026-11-22',
    );
    // Header cells, per sheet.
    const headerOf = (ws: ExcelJS.Worksheet) =>
      (ws.getRow((ws.views[0] as ExcelJS.WorksheetViewFrozen).ySplit ?? 0).values as unknown[])
        .slice(1)
        .map(String);
    expect(headerOf(sheet(zh.workbook, '总览'))).toEqual([
      '公司 / 团队',
      '指标',
      '本周目标',
      '本周实际',
      '本周达成率',
      '本周时间进度',
      '本月目标',
      '本月累计实际',
      '本月累计达成率',
      '本月时间进度',
    ]);
    expect(headerOf(sheet(en.workbook, 'Overview')).slice(0, 3)).toEqual([
      'Company / team',
      'Metric',
      'Week target',
    ]);
    expect(headerOf(sheet(zh.workbook, '关键机会'))).toEqual(
      expect.arrayContaining([
        '客户',
        '问题',
        '权力',
        '愿景',
        '价值',
        '控制',
        '强度总分',
        '标记',
        '下一步骤',
      ]),
    );
    expect(headerOf(sheet(zh.workbook, '周报'))).toEqual(
      expect.arrayContaining(['业务员', '状态', '主要竞争状况', '异常客户处理', '下周目标与计划']),
    );
    // List sheets carry an autofilter.
    for (const name of ['关键机会', '拜访执行', '异常客户', '下周计划', '周报'])
      expect(sheet(zh.workbook, name).autoFilter, name).toBeTruthy();
  });

  it('writes real numbers with money and percent formats, never numbers as text', async () => {
    week(w);
    const { workbook } = await build(w);
    const numericText = /^[-+]?[¥$]?\d[\d,]*(\.\d+)?%?$/;
    for (const ws of workbook.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string')
            expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(numericText);
        }),
      );
    const overview = sheet(workbook, '总览');
    const actual = cellUnder(overview, '本周实际', '全公司', '销售额');
    expect(actual.value).toBe(3000); // 300,000 fen → ¥3,000
    expect(actual.numFmt).toBe('"¥"#,##0');
    const rate = cellUnder(overview, '本月累计达成率', '全公司', '销售额');
    expect(typeof rate.value).toBe('number');
    expect(rate.numFmt).toBe('0.0%');
    const visitDay = cellUnder(sheet(workbook, '拜访执行'), '日期', '华东一部', '李娜');
    expect(visitDay.value).toBeInstanceOf(Date);
    expect(visitDay.numFmt).toBe('yyyy-mm-dd');
  });

  it('matches the reports: attainment, funnel, execution, customer visits', async () => {
    week(w);
    const { workbook } = await build(w);
    const attainment = report(w, 'attainment');
    const overview = sheet(workbook, '总览');
    expect(cellUnder(overview, '本周实际', '全公司', '销售额').value).toBe(
      attainment.keyFigures.sales.actual / 100,
    );
    expect(cellUnder(overview, '本周达成率', '全公司', '销售额').value).toBeCloseTo(
      attainment.keyFigures.sales.attainment ?? NaN,
      12,
    );
    expect(cellUnder(overview, '本周时间进度', '全公司', '销售额').value).toBe(
      attainment.keyFigures.timeProgress,
    );
    // Month to date as the weekly report counts it: November's target, actual 11-01 – 11-22.
    expect(cellUnder(overview, '本月目标', '全公司', '销售额').value).toBe(20_000);
    expect(cellUnder(overview, '本月累计实际', '全公司', '销售额').value).toBe(4_500);
    expect(cellUnder(overview, '本月累计达成率', '全公司', '销售额').value).toBeCloseTo(
      450_000 / 2_000_000,
      12,
    );

    // Per rep: A's week sales equal the team report's row for A.
    const east = report(w, 'attainment', { type: 'team', id: T1 });
    const rowA = east.rows.find((r) => r.id === A);
    if (!rowA || rowA.kind === 'deal') throw new Error('no row for A');
    const target = sheet(workbook, '目标达成');
    expect(cellUnder(target, '销售额实际', '华东一部', '李娜').value).toBe(rowA.sales.actual / 100);
    expect(cellUnder(target, '销售额达成率', '华东一部', '李娜').value).toBeCloseTo(
      rowA.sales.attainment ?? NaN,
      12,
    );

    // Month to date as the rep's weekly report shows it (weekly.figures.ts).
    const figures = weeklyFigures(w.app.db, A, WEEK, TODAY).attainment.sales;
    expect(cellUnder(target, '销售额实际', '华东一部', '李娜').value).toBe(
      figures.week.actual / 100,
    );
    const mtdRows = rows(target).filter((r) => r[0] === '华东一部' && r[1] === '李娜');
    // The four tables: week money, month-to-date money, week counts, month-to-date counts.
    expect(mtdRows[1]?.slice(2, 5)).toEqual([
      (figures.monthToDate.target ?? NaN) / 100,
      figures.monthToDate.actual / 100,
      figures.monthToDate.attainment,
    ]);
    expect(figures.monthToDate.actual).toBe(300_000);

    const funnel = report(w, 'funnel');
    const f = sheet(workbook, '销售漏斗');
    expect(cellUnder(f, '在手机会', '合计').value).toBe(funnel.keyFigures.openDeals);
    expect(funnel.keyFigures.openDeals).toBe(2);
    expect(cellUnder(f, '加权金额', 'M4 决策定案').value).toBe(
      (funnel.keyFigures.stages.find((s) => s.milestone === 'M4')?.openWeighted ?? NaN) / 100,
    );

    const execution = report(w, 'execution');
    const e = sheet(workbook, '拜访执行');
    expect(cellUnder(e, '计划完成率', '合计').value).toBe(execution.keyFigures.planCompletionRate);
    expect(cellUnder(e, '完成', '合计').value).toBe(execution.keyFigures.done);
    expect(execution.keyFigures.done).toBe(2);

    const visits = report(w, 'customerVisits');
    expect(cellUnder(sheet(workbook, '客户拜访统计'), '客户数', '合计').value).toBe(
      visits.keyFigures.customers,
    );
  });

  it('lists the key deal with its brief, dimensions, flags and fills, the visits, the plan and the reports', async () => {
    week(w);
    const { workbook } = await build(w);
    const key = sheet(workbook, '关键机会');
    const total = cellUnder(key, '强度总分', '华东一部', '李娜');
    expect(total.value).toBe(30);
    expect(cellUnder(key, '问题', '华东一部', '李娜').value).toBe(30);
    expect(cellUnder(key, '盈率', '华东一部', '李娜').value).toBe(0.75);
    const flags = cellUnder(key, '标记', '华东一部', '李娜');
    expect(flags.value).toBe('虚高');
    expect((flags.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const brief = String(cellUnder(key, '简报（经办人 / 决策者）', '华东一部', '李娜').value);
    expect(brief).toContain('经办人 韩玉（供应链总监）');
    expect(brief).toContain('问题：交期不稳定');
    expect(cellUnder(key, '下一步骤', '华东一部', '李娜').value).toBe('安排样机试用');

    const visits = texts(sheet(workbook, '拜访执行'));
    expect(visits).toContain('客户确认需求');
    expect(visits.some((t) => t.includes('竞争者信息：对手降价 5%'))).toBe(true);

    const plan = sheet(workbook, '下周计划');
    expect(cellUnder(plan, '时间', '华东一部', '李娜').value).toBe('10:00');
    expect(cellUnder(plan, '时间', '华南部', '张伟').value).toBe('10:00 (Asia/Tokyo GMT+9)');
    expect(cellUnder(plan, '拜访目标', '华东一部', '李娜').value).toBe('谈年度框架协议');
    expect(cellUnder(plan, '拜访目的', '华东一部', '李娜').value).toBe('订货');

    const weekly = sheet(workbook, '周报');
    const status = cellUnder(weekly, '状态', '华东一部', '李娜');
    expect(status.value).toBe('已提交');
    expect((status.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFC6EFCE');
    expect(cellUnder(weekly, '主要竞争状况', '华东一部', '李娜').value).toBe(
      '竞争对手在本区域降价约 5%',
    );
    expect(cellUnder(weekly, '状态', '华南部', '赵敏').value).toBe('未提交');
  });

  it('colours attainment against time progress: green on track, amber within 10 points, red behind', async () => {
    week(w);
    const { workbook } = await build(w);
    const overview = sheet(workbook, '总览');
    const fillOf = (c: ExcelJS.Cell) => (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const progress = cellUnder(overview, '本月时间进度', '全公司', '销售额').value as number;
    const mtd = cellUnder(overview, '本月累计达成率', '全公司', '销售额');
    const rate = mtd.value as number;
    const expected =
      rate >= progress ? 'FFC6EFCE' : progress - rate >= 0.1 ? 'FFFFC7CE' : 'FFFFEB9C';
    expect(fillOf(mtd)).toBe(expected);
    // 4,500 of 20,000 = 22.5% against 15 of 21 working days (71.4%): red.
    expect(fillOf(mtd)).toBe('FFFFC7CE');
  });

  it('one team: its reps only, its name in the title and the file name', async () => {
    week(w);
    const { workbook, fileName } = await build(w, { scope: { type: 'team', id: T2 } });
    expect(fileName).toBe('周会资料_华南部_2026-W47.xlsx');
    const ws = sheet(workbook, '目标达成');
    expect(ws.getCell('A1').value).toBe('华南部 · 2026-W47 · 2026-11-16 – 2026-11-22');
    const names = rows(ws).map((r) => r[0]);
    expect(names).toContain('张伟');
    expect(names).toContain('赵敏');
    expect(names).not.toContain('李娜');
    expect(texts(sheet(workbook, '关键机会'))).toContain('没有进行中的关键机会');
    const en = weeklyPack(
      w.app.db,
      input({ language: 'en', scope: { type: 'team', id: T1 } }),
      NOW,
    );
    expect(en.fileName).toBe('Weekly-meeting_华东一部_2026-W47.xlsx');
  });

  it('an empty week gives every sheet with its empty message, not an error', async () => {
    const { workbook } = await build(w, { week: '2025-W10', today: '2025-03-10' });
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS_ZH);
    const all = (name: string) => texts(sheet(workbook, name));
    expect(all('关键机会')).toContain('没有进行中的关键机会');
    expect(all('拜访执行')).toContain('本周无拜访记录');
    expect(all('客户拜访统计')).toContain('没有超期未拜访的重点客户或可能客户');
    expect(all('异常客户')).toContain('本周没有异常客户');
    expect(all('下周计划')).toContain('下周尚无计划拜访');
    expect(all('销售漏斗')).toContain('合计');
    const en = await build(w, { week: '2025-W10', today: '2025-03-10', language: 'en' });
    expect(texts(sheet(en.workbook, 'Visit execution'))).toContain('No visits this week');
  });

  it('refuses a deleted or unknown team before asking where to save', () => {
    w.app.sqlite.prepare('UPDATE teams SET deleted_at = ? WHERE id = ?').run(NOW.toISOString(), T2);
    const attempt = (id: string) => () =>
      weeklyPack(w.app.db, input({ scope: { type: 'team', id } }), NOW);
    expect(attempt(T2)).toThrow(AppError);
    try {
      attempt(T2)();
    } catch (error) {
      expect((error as AppError).code).toBe('not_found');
      expect((error as AppError).key).toBe('errors.notFound');
    }
    expect(attempt('00000000-0000-7000-8000-000000009999')).toThrow(AppError);
  });

  it('names files safely', () => {
    expect(packFileName('周会资料', 'A/B: "East"?', '2026-W47')).toBe(
      '周会资料_A_B_ _East___2026-W47.xlsx',
    );
    expect(packFileName('Weekly-meeting', 'Team. ', '2026-W01')).toBe(
      'Weekly-meeting_Team_2026-W01.xlsx',
    );
  });
});

describe('weekly meeting pack: saving', () => {
  it('exports through the handler into the host folder; a cancelled choice writes nothing', async () => {
    week(w);
    const dir = path.join(w.app.dir, 'downloads');
    mkdirSync(dir);
    w.app.fileHost = folderFileHost(dir);
    const result = await dispatch(
      handlers,
      w.app,
      'exports.weeklyPack',
      input({ scope: { type: 'team', id: T1 } }),
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      status: 'saved',
      fileName: '周会资料_华东一部_2026-W47.xlsx',
    });
    expect(readdirSync(dir)).toEqual(['周会资料_华东一部_2026-W47.xlsx']);

    w.app.fileHost = { ...folderFileHost(dir), chooseSavePath: () => Promise.resolve(null) };
    const cancelled = await dispatch(handlers, w.app, 'exports.weeklyPack', input());
    expect(cancelled).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(readdirSync(dir)).toEqual(['周会资料_华东一部_2026-W47.xlsx']);

    const gone = await dispatch(
      handlers,
      w.app,
      'exports.weeklyPack',
      input({ scope: { type: 'team', id: '00000000-0000-7000-8000-000000009999' } }),
    );
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('not_found');
  });

  it('pacer export weekly writes the file and refuses a bad week, a bad scope, a missing folder', async () => {
    week(w);
    const err: string[] = [];
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      err.push(args.map(String).join(' '));
    });
    const out = path.join(w.app.dir, 'pack.xlsx');
    const base = ['export', 'weekly', '--db', w.app.file, '--today', TODAY];
    expect(await main([...base, '--week', WEEK, '--lang', 'en', '--out', out])).toBe(0);
    expect(existsSync(out)).toBe(true);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(SHEETS_EN);

    expect(await main([...base, '--week', '2025-W53', '--out', out])).toBe(2);
    expect(err.at(-1)).toMatch(/--week 2025-W53 does not exist/);
    expect(await main([...base, '--week', '2026-47', '--out', out])).toBe(2);
    expect(err.at(-1)).toMatch(/--week must be an ISO week/);
    expect(await main([...base, '--week', WEEK, '--scope', 'rep:x', '--out', out])).toBe(2);
    expect(err.at(-1)).toMatch(/--scope must be company or team/);
    expect(await main([...base, '--week', WEEK])).toBe(2);
    expect(err.at(-1)).toMatch(/--out FILE.xlsx is required/);
    const missing = path.join(w.app.dir, 'nowhere', 'pack.xlsx');
    expect(await main([...base, '--week', WEEK, '--out', missing])).toBe(1);
    expect(err.at(-1)).toMatch(/folder .*nowhere does not exist/);
    expect(existsSync(missing)).toBe(false);
    expect(
      await main([
        ...base,
        '--week',
        WEEK,
        '--scope',
        `team:00000000-0000-7000-8000-000000009999`,
        '--out',
        out,
      ]),
    ).toBe(1);
    expect(err.at(-1)).toMatch(/no team with id/);
    rmSync(out);
  });
});
