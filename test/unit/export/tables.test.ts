import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/core/errors';
import { safeFileName, tableExport, type TableExport } from '../../../electron/export/tables';
import { buildWorkbook } from '../../../electron/export/workbook';
import { runReport } from '../../../electron/features/reports/run';
import type { Input } from '../../../shared/contract';
import type { CustomerRow } from '../../../shared/contract/customers';
import type { DealCard } from '../../../shared/contract/deals';
import { reportInput, type ReportOf } from '../../../shared/contract/reports';
import { tableExportInput, type TableExportInput } from '../../../shared/contract/exports';
import { call, callError } from '../helpers';
import {
  A,
  B,
  C,
  NOW,
  T1,
  T2,
  TODAY,
  reportsWorld,
  type World,
} from '../electron/features/reports.fixture';

const Q4 = { kind: 'quarter', date: TODAY } as const;
const MISSING = '01900000-0000-7000-8000-000000000000';

let w: World;
beforeEach(() => {
  w = reportsWorld();
});
afterEach(() => w.cleanup());

/** Parses the input as the contract does, then asks for the export. */
function exportOf(input: Input<'exports.table'>): TableExport {
  return tableExport(w.app.db, tableExportInput.parse(input) as TableExportInput, new Date(NOW));
}

async function workbookOf(exp: TableExport): Promise<ExcelJS.Workbook> {
  const { sheets, title } = await exp.build();
  const data = await buildWorkbook(sheets, { creator: 'Pacer', created: new Date(NOW), title });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${wb.worksheets.map((s) => s.name).join(', ')}`);
  return ws;
}

/** The frozen header's row number (the pane is frozen right under the first header). */
function headerRowOf(ws: ExcelJS.Worksheet): number {
  const view = ws.views[0] as { state?: string; ySplit?: number } | undefined;
  expect(view?.state).toBe('frozen');
  return view?.ySplit ?? 0;
}

function rowTexts(ws: ExcelJS.Worksheet, n: number): string[] {
  const out: string[] = [];
  ws.getRow(n).eachCell({ includeEmpty: true }, (cell, col) => {
    out[col - 1] = cell.value === null || cell.value === undefined ? '' : String(cell.value);
  });
  return out;
}

/** The first table of a sheet: its header and its cells, until the first empty row. */
function firstTable(ws: ExcelJS.Worksheet) {
  const at = headerRowOf(ws);
  const headers = rowTexts(ws, at);
  const rows: ExcelJS.Row[] = [];
  for (let n = at + 1; n <= ws.rowCount; n += 1) {
    const row = ws.getRow(n);
    if (!row.hasValues) break;
    rows.push(row);
  }
  const cell = (row: ExcelJS.Row, header: string) => {
    const i = headers.indexOf(header);
    if (i < 0) throw new Error(`no column ${header} in ${headers.join(' | ')}`);
    return row.getCell(i + 1);
  };
  return { at, headers, rows, cell };
}

/** A cell holding a number with the given format. */
function expectNumber(c: ExcelJS.Cell, value: number, numFmt: string) {
  expect(typeof c.value).toBe('number');
  expect(c.value as number).toBeCloseTo(value, 9);
  expect(c.numFmt).toBe(numFmt);
}

const MONEY = '"¥"#,##0';
const PERCENT = '0.0%';
const INTEGER = '#,##0';
const DECIMAL = '#,##0.0';

/** The sales data of the attainment test in reports.sales.test.ts (Q4 2026), with targets. */
function sales(world: World) {
  const cust = world.customer({ owner: A, created_at: '2026-01-01T00:00:00.000Z' });
  const won = (owner: string, amount: number, closedOn: string) =>
    world.deal({ owner, customer: cust, amount, status: 'won', closedOn });
  won(A, 300_000, '2026-10-15');
  won(B, 200_000, '2026-10-20');
  won(B, 500_000, '2026-11-10');
  won(C, 100_000, '2026-11-05');
  world.visit({ owner: A, customer: cust, day: '2026-10-08', effective: 1 });
  world.visit({ owner: A, customer: cust, day: '2026-11-09', effective: 0 });
  world.visit({ owner: B, customer: cust, day: '2026-10-30', effective: 1 });
  world.target('sales', 'company', null, '2026-Q4', 2_000_000);
  world.target('sales', 'team', T1, '2026-Q4', 1_000_000);
  world.target('visits', 'company', null, '2026-Q4', 10);
  world.target('visits', 'team', T1, '2026-Q4', 2);
  return cust;
}

describe('table export: reports', () => {
  it('target attainment: key figures per metric, team rows with target / actual / attainment and fills', async () => {
    sales(w);
    const input = { report: 'attainment', period: Q4, scope: { type: 'company' }, today: TODAY };
    const report = runReport(w.app.db, reportInput.parse(input)) as ReportOf<'attainment'>;
    const exp = exportOf({ table: 'report', language: 'en', report: input as never });
    expect(exp.fileName).toBe('Target attainment_Company_2026-Q4.xlsx');
    const wb = await workbookOf(exp);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Key figures', 'Teams and reps']);

    const figures = sheet(wb, 'Key figures');
    const title = 'Target attainment · Company · 2026-Q4 (2026-10-01 – 2026-12-31)';
    expect(figures.getCell('A1').value).toBe(title);
    expect(String(figures.getCell('A2').value)).toMatch(
      /^Generated \d{4}-\d\d-\d\d \d\d:\d\d · figures as of 2026-11-23$/,
    );
    const kf = firstTable(figures);
    expect(kf.headers).toEqual([
      'Figure',
      'Target',
      'Actual',
      'Attainment',
      'Time progress',
      'Status',
    ]);
    expect(kf.rows.map((r) => r.getCell(1).value)).toEqual(['Sales', 'Collections']);
    const salesRow = kf.rows[0]!;
    // Money is written in yuan (fen / 100) as a number with a ¥ format.
    expectNumber(kf.cell(salesRow, 'Target'), report.keyFigures.sales.target! / 100, MONEY);
    expectNumber(kf.cell(salesRow, 'Actual'), report.keyFigures.sales.actual / 100, MONEY);
    expectNumber(kf.cell(salesRow, 'Attainment'), report.keyFigures.sales.attainment!, PERCENT);
    expectNumber(kf.cell(salesRow, 'Time progress'), report.keyFigures.timeProgress, PERCENT);
    // 0.55 against 0.576 time progress: below it, but not by 10 points: amber.
    expect(kf.cell(salesRow, 'Attainment').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expect(kf.cell(salesRow, 'Status').value).toBe('On track');
    expect(kf.cell(kf.rows[1]!, 'Status').value).toBe('No target');
    // The second table (counts): visits 3 of 10 is behind: red.
    const visitsRow = figures.getRow(kf.at + kf.rows.length + 3);
    expect(visitsRow.getCell(1).value).toBe('New customers');
    const visits = figures.getRow(visitsRow.number + 1);
    expect(visits.getCell(1).value).toBe('Visits');
    // A count target carries its working-day share (2.1 of 9 for a week): one decimal.
    expectNumber(visits.getCell(2), 10, DECIMAL);
    expectNumber(visits.getCell(3), report.keyFigures.visits.actual, INTEGER);
    expect(report.keyFigures.visits.behind).toBe(true);
    expect(visits.getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(visits.getCell(6).value).toBe('Behind');

    const rows = sheet(wb, 'Teams and reps');
    expect(rows.getCell('A1').value).toBe(title);
    const t = firstTable(rows);
    expect(t.headers.slice(0, 5)).toEqual([
      'Name',
      'Kind',
      'Sales · Target',
      'Sales · Actual',
      'Sales · Attainment',
    ]);
    expect(t.headers).toContain('Effective visits · Attainment');
    expect(rows.autoFilter).toBeTruthy();
    // One row per team (by name, as the page sorts them), then the company line in bold.
    const byName = (name: string) => t.rows.find((r) => r.getCell(1).value === name)!;
    expect(t.rows.map((r) => r.getCell(1).value)).toEqual([
      ...['华东一部', '华南部'].sort(new Intl.Collator('en').compare),
      'Company',
    ]);
    for (const row of report.rows) {
      if (row.kind === 'deal') throw new Error('scope rows expected');
      const x = byName(row.name);
      expect(t.cell(x, 'Kind').value).toBe('Team');
      expectNumber(t.cell(x, 'Sales · Actual'), row.sales.actual / 100, MONEY);
      expectNumber(t.cell(x, 'Visits · Actual'), row.visits.actual, INTEGER);
      if (row.sales.target === null) expect(t.cell(x, 'Sales · Target').value).toBeNull();
      else expectNumber(t.cell(x, 'Sales · Target'), row.sales.target / 100, MONEY);
    }
    const east = byName('华东一部');
    // 华东一部: 2 visit target, 3 done: 150 %, at or above time progress: green.
    expectNumber(t.cell(east, 'Visits · Attainment'), 1.5, PERCENT);
    expect(t.cell(east, 'Visits · Attainment').fill).toMatchObject({
      fgColor: { argb: 'FFC6EFCE' },
    });
    const company = t.rows[2]!;
    expect(company.getCell(1).font?.bold).toBe(true);
    expectNumber(t.cell(company, 'Sales · Actual'), 11_000, MONEY);
  });

  it('funnel of a team: key figures by kind of value, the milestones table, rep rows', async () => {
    const cust = w.customer({ owner: A });
    const open = (owner: string, amount: number, milestone: string) =>
      w.deal({ owner, customer: cust, amount, milestone, createdAt: '2026-10-02T00:00:00.000Z' });
    const d1 = open(A, 1_000_000, 'M3');
    w.path(d1, [
      ['M1', '2026-10-02T00:00:00.000Z'],
      ['M2', '2026-10-12T00:00:00.000Z'],
      ['M3', '2026-10-22T00:00:00.000Z'],
    ]);
    open(A, 500_000, 'M1');
    w.deal({
      owner: A,
      customer: cust,
      amount: 800_000,
      status: 'won',
      closedOn: '2026-11-02',
      createdAt: '2026-10-01T00:00:00.000Z',
    });
    w.target('sales', 'team', T1, '2026-Q4', 3_000_000);
    const input = { report: 'funnel', period: Q4, scope: { type: 'team', id: T1 }, today: TODAY };
    const report = runReport(w.app.db, reportInput.parse(input)) as ReportOf<'funnel'>;
    const exp = exportOf({ table: 'report', language: 'zh-CN', report: input as never });
    expect(exp.fileName).toBe('销售漏斗_华东一部_2026-Q4.xlsx');
    const wb = await workbookOf(exp);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['关键指标', '里程碑', '团队与业务员']);

    const figures = sheet(wb, '关键指标');
    expect(figures.getCell('A1').value).toBe(
      '销售漏斗 · 华东一部 · 2026-Q4（2026-10-01 – 2026-12-31）',
    );
    // The first table holds counts (open deals comes first on the page), then amounts, rates, days.
    const kf = firstTable(figures);
    expect(kf.headers).toEqual(['指标', '数量']);
    expect(kf.rows.map((r) => r.getCell(1).value)).toEqual(['在途机会']);
    expectNumber(kf.rows[0]!.getCell(2), report.keyFigures.openDeals, INTEGER);
    const values = new Map<string, ExcelJS.Cell>();
    figures.eachRow((row) => {
      const label = row.getCell(1).value;
      if (typeof label === 'string') values.set(label, row.getCell(2));
    });
    expectNumber(values.get('在途金额')!, report.keyFigures.openAmount / 100, MONEY);
    expectNumber(values.get('赢单金额')!, report.keyFigures.wonAmount / 100, MONEY);
    expectNumber(values.get('赢单率')!, report.keyFigures.winRate!, PERCENT);
    expectNumber(values.get('管道覆盖率')!, report.keyFigures.pipelineCoverage!, PERCENT);
    expectNumber(
      values.get('销售周期（平均天数）')!,
      report.keyFigures.salesCycleAvgDays!,
      '#,##0.0',
    );
    expect(values.has('销售周期（中位天数）')).toBe(true);

    const stages = firstTable(sheet(wb, '里程碑'));
    expect(stages.headers).toEqual([
      '里程碑',
      '在途机会',
      '在途金额',
      '加权管道',
      '到达数',
      '转化率',
      '平均停留（天）',
      '中位停留（天）',
    ]);
    expect(stages.rows).toHaveLength(report.keyFigures.stages.length);
    for (const [i, s] of report.keyFigures.stages.entries()) {
      const x = stages.rows[i]!;
      expect(x.getCell(1).value).toMatch(new RegExp(`^${s.milestone} · `));
      expectNumber(x.getCell(2), s.openDeals, INTEGER);
      expectNumber(x.getCell(4), s.openWeighted / 100, MONEY);
      if (s.conversion === null) expect(x.getCell(6).value).toBeNull();
      else expectNumber(x.getCell(6), s.conversion, PERCENT);
    }
    expect(stages.rows[2]!.getCell(1).value).toBe('M3 · 合格决策者');

    const reps = firstTable(sheet(wb, '团队与业务员'));
    expect(reps.headers.slice(0, 4)).toEqual(['名称', '类型', '在途机会', '在途金额']);
    const names = report.rows.map((r) => (r.kind === 'deal' ? r.title : r.name));
    expect(reps.rows.map((r) => r.getCell(1).value)).toEqual([
      ...names.sort(new Intl.Collator('zh-CN').compare),
      '华东一部',
    ]);
    const li = reps.rows[names.indexOf('李娜')]!;
    expect(reps.cell(li, '类型').value).toBe('业务员');
    expectNumber(reps.cell(li, '在途金额'), 15_000, MONEY);
  });

  it('a rep’s deals (record rows) with dates, and a note when the report caps its rows', async () => {
    const cust = w.customer({ owner: A, name: '苏州精密' });
    for (let i = 0; i < 501; i += 1)
      w.deal({
        owner: A,
        customer: cust,
        amount: 10_000 + i,
        milestone: 'M2',
        createdAt: '2026-10-05T00:00:00.000Z',
        expectedCloseOn: '2026-12-20',
      });
    const input = { report: 'funnel', period: Q4, scope: { type: 'rep', id: A }, today: TODAY };
    const report = runReport(w.app.db, reportInput.parse(input)) as ReportOf<'funnel'>;
    expect(report.rowKind).toBe('deal');
    expect(report.rowsTotal).toBe(501);
    expect(report.rows).toHaveLength(500);
    const exp = exportOf({ table: 'report', language: 'en', report: input as never });
    expect(exp.fileName).toBe('Funnel_李娜_2026-Q4.xlsx');
    const wb = await workbookOf(exp);
    const ws = sheet(wb, 'Deals');
    expect(ws.getCell('A3').value).toBe(
      'The report lists at most 500 records: these are the first 500 of 501. Choose a shorter period or a narrower scope to see the rest.',
    );
    const t = firstTable(ws);
    expect(t.headers).toEqual([
      'Deal',
      'Customer',
      'Milestone',
      'Status',
      'Amount',
      'Milestone-weighted',
      'Created',
      'Expected close',
    ]);
    expect(t.rows).toHaveLength(500);
    expect(ws.autoFilter).toBeTruthy();
    // The report's first 500 deals, sorted by title as the page shows them.
    const titles = report.rows.map((r) => (r.kind === 'deal' ? r.title : ''));
    expect(t.rows.map((r) => r.getCell(1).value)).toEqual(
      [...titles].sort(new Intl.Collator('en').compare),
    );
    const byTitle = new Map(t.rows.map((r) => [r.getCell(1).value, r]));
    for (const row of report.rows) {
      if (row.kind !== 'deal') throw new Error('deal rows expected');
      const x = byTitle.get(row.title)!;
      expect(t.cell(x, 'Status').value).toBe('Open');
      expectNumber(t.cell(x, 'Amount'), row.amount / 100, MONEY);
      expectNumber(t.cell(x, 'Milestone-weighted'), row.weighted / 100, MONEY);
      const close = t.cell(x, 'Expected close');
      expect(close.value).toEqual(new Date(`${row.expectedCloseOn}T00:00:00Z`));
      expect(close.numFmt).toBe('yyyy-mm-dd');
    }
  });

  it('performance: the compared periods under the title, rank and peers as numbers', async () => {
    sales(w);
    const input = {
      report: 'performance',
      period: Q4,
      scope: { type: 'team', id: T1 },
      today: TODAY,
    };
    const report = runReport(w.app.db, reportInput.parse(input)) as ReportOf<'performance'>;
    const wb = await workbookOf(
      exportOf({ table: 'report', language: 'en', report: input as never }),
    );
    const figures = sheet(wb, 'Key figures');
    expect(figures.getCell('A3').value).toBe(
      'Previous period: 2026-07-01 – 2026-09-30 · Same period last year: 2025-10-01 – 2025-12-31',
    );
    const rows = firstTable(sheet(wb, 'Teams and reps'));
    expect(rows.headers).toEqual([
      'Name',
      'Kind',
      'Sales',
      'Won deals',
      'Previous period',
      'vs previous',
      'Same period last year',
      'vs last year',
      'Rank',
      'Ranked among',
    ]);
    for (const row of report.rows) {
      if (row.kind === 'deal') throw new Error('scope rows expected');
      const x = rows.rows.find((r) => r.getCell(1).value === row.name)!;
      expectNumber(rows.cell(x, 'Sales'), row.sales / 100, MONEY);
      expectNumber(rows.cell(x, 'Rank'), row.rank!, INTEGER);
      expectNumber(rows.cell(x, 'Ranked among'), row.peers!, INTEGER);
      if (row.changeVsPrevious === null) expect(rows.cell(x, 'vs previous').value).toBeNull();
      else expectNumber(rows.cell(x, 'vs previous'), row.changeVsPrevious, PERCENT);
    }
    // The team's own line: its rank among the teams.
    const total = rows.rows[rows.rows.length - 1]!;
    expect(total.getCell(1).value).toBe('华东一部');
    expectNumber(rows.cell(total, 'Rank'), report.keyFigures.rank!, INTEGER);
  });

  it('names the file after the report, the scope and the period, without characters Windows refuses', () => {
    w.app.sqlite.prepare('UPDATE teams SET name = ? WHERE id = ?').run('华东/一部: "A"', T1);
    const exp = exportOf({
      table: 'report',
      language: 'zh-CN',
      report: { report: 'stalled', period: Q4, scope: { type: 'team', id: T1 }, today: TODAY },
    });
    expect(exp.fileName).toBe('停滞机会_华东-一部- -A-_2026-Q4.xlsx');
    expect(safeFileName('a<b>c|d?e*f\\g\u0001h. ')).toBe('a-b-c-d-e-f-g-h.xlsx');
    expect(safeFileName('...')).toBe('export.xlsx');
  });

  it('refuses a team or rep that does not exist, before anything is written', async () => {
    const base = { report: 'funnel', period: Q4, today: TODAY } as const;
    for (const scope of [
      { type: 'team', id: MISSING },
      { type: 'rep', id: MISSING },
    ] as const) {
      let error: unknown;
      try {
        exportOf({ table: 'report', language: 'en', report: { ...base, scope } });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('not_found');
      expect((error as AppError).key).toBe('reports.errors.scopeGone');
    }
    // Through the method: refused before the host is asked where to save.
    const refused = await callError(w.app, 'exports.table', {
      table: 'report',
      language: 'en',
      report: { ...base, scope: { type: 'team', id: MISSING } },
    });
    expect(refused.code).toBe('not_found');
    const customers = await callError(w.app, 'exports.table', {
      table: 'customers',
      language: 'en',
      query: { scope: 'all', teamId: MISSING },
    });
    expect(customers.code).toBe('not_found');
  });
});

describe('table export: the customer list', () => {
  it('every customer matching the filters, in the list’s order, in both languages', async () => {
    const at = (day: string) => `${day}T02:00:00.000Z`;
    for (let i = 0; i < 60; i += 1)
      w.customer({
        owner: i % 3 === 0 ? A : i % 3 === 1 ? B : null,
        name: `客户${String(i).padStart(2, '0')}`,
        grade: i % 2 === 0 ? 'key' : 'ordinary',
        relationship: 4,
        attractiveness: 5,
        region: i % 4 === 0 ? '华东' : '华南',
        industry: '机械',
        phone: `1380000${String(i).padStart(4, '0')}`,
        tags: JSON.stringify(i === 0 ? ['老客户', '重点'] : []),
        last_contact_at:
          i % 5 === 0 ? null : at(`2026-10-${String((i % 28) + 1).padStart(2, '0')}`),
        last_visit_on: i % 3 === 0 ? null : `2026-09-${String((i % 28) + 1).padStart(2, '0')}`,
      });
    const query = {
      scope: 'all',
      grade: 'key',
      sort: 'lastContact',
      direction: 'desc',
      today: TODAY,
    } as const;
    // The list as the app pages it (every page), for comparison.
    const listed: CustomerRow[] = [];
    for (let page = 1; ; page += 1) {
      const p = await call(w.app, 'customers.list', { ...query, page, pageSize: 7 });
      listed.push(...p.rows);
      if (listed.length >= p.total) break;
    }
    expect(listed).toHaveLength(30);

    const exp = exportOf({ table: 'customers', language: 'zh-CN', query });
    expect(exp.fileName).toBe('客户列表_2026-11-23.xlsx');
    const wb = await workbookOf(exp);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['客户']);
    const ws = sheet(wb, '客户');
    expect(ws.getCell('A1').value).toBe('客户 · 公司 · 2026-11-23');
    expect(ws.getCell('A3').value).toBe('筛选：等级: 重点客户 · 共 30 行');
    const t = firstTable(ws);
    expect(t.headers).toEqual([
      '客户名称',
      '等级',
      '状态',
      '负责人',
      '团队',
      '区域',
      '行业',
      '电话',
      '最近拜访',
      '距上次拜访天数',
      '超期天数',
      '最近联系',
      '距上次联系天数',
      '关系',
      '吸引力',
      '标签',
      '更新时间',
    ]);
    expect(ws.autoFilter).toBeTruthy();
    expect(t.rows.map((r) => r.getCell(1).value)).toEqual(listed.map((r) => r.name));
    for (const [i, c] of listed.entries()) {
      const x = t.rows[i]!;
      expect(t.cell(x, '等级').value).toBe('重点客户');
      expect(t.cell(x, '负责人').value).toBe(c.ownerName ?? '未分配');
      if (c.overdueDays === null) expect(t.cell(x, '超期天数').value).toBeNull();
      else {
        expectNumber(t.cell(x, '超期天数'), c.overdueDays, INTEGER);
        expect(t.cell(x, '超期天数').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
      }
      if (c.lastContactAt) {
        const day = c.lastContactAt.slice(0, 10);
        expect(t.cell(x, '最近联系').value).toEqual(new Date(`${day}T00:00:00Z`));
        expect(t.cell(x, '距上次联系天数').value).toBe(
          Math.round(
            (Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / 86_400_000,
          ),
        );
      } else expect(t.cell(x, '最近联系').value).toBeNull();
      if (c.lastVisitOn) {
        expect(t.cell(x, '最近拜访').value).toEqual(new Date(`${c.lastVisitOn}T00:00:00Z`));
        expect(t.cell(x, '距上次拜访天数').value).toBe(
          Math.round(
            (Date.parse(`${TODAY}T00:00:00Z`) - Date.parse(`${c.lastVisitOn}T00:00:00Z`)) /
              86_400_000,
          ),
        );
      } else expect(t.cell(x, '最近拜访').value).toBeNull();
    }
    // The data holds both kinds: visited customers and contacted ones.
    expect(listed.some((c) => c.lastVisitOn)).toBe(true);
    expect(t.cell(t.rows[listed.findIndex((r) => r.name === '客户00')]!, '标签').value).toBe(
      '老客户、重点',
    );

    const en = await workbookOf(exportOf({ table: 'customers', language: 'en', query }));
    const enSheet = sheet(en, 'Customers');
    expect(firstTable(enSheet).headers.slice(0, 5)).toEqual([
      'Name',
      'Grade',
      'Status',
      'Owner',
      'Team',
    ]);
    expect(enSheet.getCell('A3').value).toBe('Filters: Grade: Key · 30 rows');
  });

  it('“mine” is the current user’s customers; an empty result says so', async () => {
    w.customer({ owner: A, name: '甲' });
    w.customer({ owner: B, name: '乙' });
    w.app.setCurrentUserId(A);
    const wb = await workbookOf(
      exportOf({ table: 'customers', language: 'en', query: { scope: 'mine', today: TODAY } }),
    );
    const ws = sheet(wb, 'Customers');
    expect(ws.getCell('A1').value).toBe('Customers · 李娜 · 2026-11-23');
    expect(firstTable(ws).rows.map((r) => r.getCell(1).value)).toEqual(['甲']);

    const none = await workbookOf(
      exportOf({ table: 'customers', language: 'en', query: { scope: 'all', search: 'nobody' } }),
    );
    const empty = sheet(none, 'Customers');
    expect(empty.getCell('A3').value).toBe('Filters: search “nobody” · 0 rows');
    expect(empty.getCell(`A${headerRowOf(empty) + 1}`).value).toBe(
      'No customers match these filters.',
    );
  });
});

describe('table export: the board as a list', () => {
  it('every deal matching the board filters, one row each, with flags and fills', async () => {
    const cust = w.customer({ owner: A, name: '苏州精密' });
    const other = w.customer({ owner: C, name: '杭州数控' });
    const stageAt = '2026-09-01T00:00:00.000Z';
    const ids = {
      stalled: w.deal({
        owner: A,
        customer: cust,
        amount: 5_000_000,
        milestone: 'M3',
        stageEnteredAt: stageAt,
      }),
      fresh: w.deal({
        owner: A,
        customer: cust,
        amount: 2_000_000,
        milestone: 'M4',
        stageEnteredAt: '2026-11-20T00:00:00.000Z',
        is_key: 1,
      }),
      small: w.deal({ owner: A, customer: cust, amount: 100_000, milestone: 'M1' }),
      won: w.deal({
        owner: C,
        customer: other,
        amount: 3_000_000,
        status: 'won',
        closedOn: '2026-11-01',
      }),
      lost: w.deal({
        owner: B,
        customer: other,
        amount: 4_000_000,
        status: 'lost',
        closedOn: '2026-11-02',
      }),
      oldWon: w.deal({
        owner: C,
        customer: other,
        amount: 9_000_000,
        status: 'won',
        closedOn: '2026-01-10',
      }),
    };
    // M4 at 70 %: a score of 30 is over-claimed.
    w.score(ids.fresh, '2026-11-21T00:00:00.000Z', 30);
    const query = { scope: 'all', minAmount: 1_000_000, today: TODAY } as const;
    const board = await call(w.app, 'deals.board', { ...query, perColumn: 200 });
    const cards: DealCard[] = board.columns.flatMap((c) => c.cards);
    expect(cards.map((c) => c.id).sort()).toEqual(
      [ids.stalled, ids.fresh, ids.won, ids.lost].sort(),
    );

    const exp = exportOf({ table: 'deals', language: 'en', query });
    expect(exp.fileName).toBe('Deals_2026-11-23.xlsx');
    const wb = await workbookOf(exp);
    const ws = sheet(wb, 'Deals');
    expect(ws.getCell('A1').value).toBe('Deals · Company · 2026-11-23');
    expect(ws.getCell('A3').value).toBe(
      'Filters: won and lost deals closed 2026-08-25 – 2026-11-23 · amount ¥10,000 – … · 4 rows',
    );
    const t = firstTable(ws);
    expect(t.headers).toEqual([
      'Customer',
      'Deal',
      'Milestone',
      'Status',
      'Amount',
      'Probability',
      'Weighted',
      'Expected close',
      'Closed',
      'Days in milestone',
      'Stalled',
      'Intensity score',
      'Score flag',
      'Owner',
      'Key opportunity',
    ]);
    expect(ws.autoFilter).toBeTruthy();
    // In the board's order: M1…M5, won, lost.
    expect(t.rows.map((r) => t.cell(r, 'Deal').value)).toEqual(cards.map((c) => c.title));
    for (const [i, card] of cards.entries()) {
      const x = t.rows[i]!;
      expect(t.cell(x, 'Customer').value).toBe(card.customerName);
      expectNumber(t.cell(x, 'Amount'), card.amount / 100, MONEY);
      expectNumber(t.cell(x, 'Weighted'), card.weighted / 100, MONEY);
      expectNumber(t.cell(x, 'Probability'), card.probability / 100, PERCENT);
      expect(t.cell(x, 'Owner').value).toBe(card.ownerName);
    }
    const stalled = t.rows[cards.findIndex((c) => c.id === ids.stalled)]!;
    expect(t.cell(stalled, 'Milestone').value).toBe('M3 · Qualified decision maker');
    expect(t.cell(stalled, 'Stalled').value).toBe('✓');
    expect(t.cell(stalled, 'Stalled').fill).toMatchObject({ fgColor: { argb: 'FFFFEB9C' } });
    expectNumber(t.cell(stalled, 'Days in milestone'), 83, INTEGER);
    expect(t.cell(stalled, 'Score flag').value).toBe('Not scored');
    const fresh = t.rows[cards.findIndex((c) => c.id === ids.fresh)]!;
    expect(t.cell(fresh, 'Score flag').value).toBe('Over-claimed');
    expect(t.cell(fresh, 'Score flag').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expectNumber(t.cell(fresh, 'Intensity score'), 30, INTEGER);
    expect(t.cell(fresh, 'Key opportunity').value).toBe('✓');
    const won = t.rows[cards.findIndex((c) => c.id === ids.won)]!;
    expect(t.cell(won, 'Status').value).toBe('Won');
    expect(t.cell(won, 'Closed').value).toEqual(new Date('2026-11-01T00:00:00Z'));
    expect(t.cell(won, 'Days in milestone').value).toBeNull();

    // Chinese headers, a team filter.
    const zh = await workbookOf(
      exportOf({
        table: 'deals',
        language: 'zh-CN',
        query: { scope: 'all', teamId: T2, today: TODAY },
      }),
    );
    const zs = sheet(zh, '销售机会');
    expect(zs.getCell('A1').value).toBe('销售机会 · 华南部 · 2026-11-23');
    const zt = firstTable(zs);
    expect(zt.headers.slice(0, 5)).toEqual(['客户', '机会', '里程碑', '状态', '金额']);
    expect(zt.rows.map((r) => zt.cell(r, '负责人').value).sort()).toEqual(['张伟', '赵敏']);
  });

  it('refuses a team or rep filter that no longer exists', () => {
    expect(() =>
      exportOf({
        table: 'deals',
        language: 'en',
        query: { scope: 'all', ownerId: MISSING, today: TODAY },
      }),
    ).toThrow(AppError);
  });
});
