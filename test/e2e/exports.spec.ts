import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';

test.use({
  setup: { demo: true, language: 'en', as: 'manager' },
  viewport: { width: 1440, height: 1000 },
});

/** The meeting pack's sheets in domain.md §8's order. */
const packSheets = {
  'zh-CN': [
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
  ],
  en: [
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
  ],
};

async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The header row: the frozen rows end with it (the writer freezes title and header). */
function headerRow(sheet: ExcelJS.Worksheet): number {
  const view = sheet.views[0] as { ySplit?: number } | undefined;
  expect(view?.ySplit ?? 0, `${sheet.name} has a frozen header`).toBeGreaterThan(0);
  return view?.ySplit ?? 0;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values;
  return Array.isArray(values) ? values.slice(1) : [];
}

/** The data rows under the first table's header, up to the first empty row. */
function dataRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = headerRow(sheet) + 1; r <= sheet.rowCount; r += 1) {
    const values = rowValues(sheet, r);
    if (values.every((v) => v === null || v === undefined || v === '')) break;
    rows.push(values);
  }
  return rows;
}

/** Every number cell of a sheet (a pack that stores figures as text fails this). */
function numberCells(sheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Number) cells.push(cell);
    }),
  );
  return cells;
}

/** The file the host saved, named in the export's result. */
async function savedFile(scope: Locator, downloads: string): Promise<string> {
  const result = scope.getByRole('status', { name: 'Exported' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  const name = (await result.getByTestId('export-file').textContent()) ?? '';
  await expect(result.getByTestId('export-folder')).toHaveText(`Saved in ${downloads}`);
  // The browser host cannot open a folder window: no "Open folder" button there.
  await expect(result.getByRole('button', { name: 'Open folder' })).toHaveCount(0);
  const file = path.join(downloads, name);
  expect(existsSync(file), `${file} exists`).toBe(true);
  return file;
}

test('the manager exports the weekly meeting pack on Monday, and retries after an error', async ({
  page,
  host,
}) => {
  // Monday 23 November 2026: the meeting reviews last week, 2026-W47.
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  const manager = host.one<{ teamId: string; teamName: string }>(
    `SELECT t.id AS teamId, t.name AS teamName FROM local_state s
     JOIN users u ON u.id = s.value JOIN teams t ON t.id = u.team_id
     WHERE s.key = 'current_user_id'`,
  );
  await page.goto(`${host.url}#/weekly/team`);
  await expect(page.getByRole('heading', { level: 2, name: 'Weekly reports' })).toBeVisible();
  await page.getByRole('button', { name: 'Export weekly meeting pack' }).click();

  const dialog = page.getByRole('dialog', { name: 'Export weekly meeting pack' });
  await expect(dialog.getByRole('group', { name: 'Week' })).toContainText('2026-W47');
  await expect(dialog.getByText('It is Monday: last week is picked')).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Scope' })).toHaveValue(manager.teamName);
  await expect(dialog.getByRole('radio', { name: 'English' })).toBeChecked();

  // The workbook in Chinese, though the app is in English.
  await dialog.getByText('简体中文').click();
  await expect(dialog.getByRole('radio', { name: '简体中文' })).toBeChecked();

  // The folder is gone: the error says so and the dialog keeps every choice.
  rmSync(host.downloads, { recursive: true });
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const error = dialog.getByRole('alert');
  await expect(error).toContainText('The export did not finish');
  await expect(error).toContainText(`The folder ${host.downloads} does not exist`);
  await expect(dialog.getByRole('group', { name: 'Week' })).toContainText('2026-W47');
  await expect(dialog.getByRole('combobox', { name: 'Scope' })).toHaveValue(manager.teamName);
  await expect(dialog.getByRole('radio', { name: '简体中文' })).toBeChecked();

  // The folder is back: the same click exports.
  mkdirSync(host.downloads);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await savedFile(dialog, host.downloads);
  expect(path.basename(file)).toMatch(/^周会资料_.+_2026-W47\.xlsx$/);
  expect(path.basename(file)).toContain(manager.teamName);
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  expect(readdirSync(host.downloads)).toEqual([path.basename(file)]);

  const workbook = await readWorkbook(file);
  expect(workbook.worksheets.map((s) => s.name)).toEqual(packSheets['zh-CN']);
  const attainment = workbook.getWorksheet('目标达成');
  if (!attainment) throw new Error('no attainment sheet');
  expect(String(attainment.getCell('A1').value)).toContain(manager.teamName);
  expect(String(attainment.getCell('A1').value)).toContain('2026-W47');
  const header = rowValues(attainment, headerRow(attainment)).map(String);
  expect(attainment.getRow(headerRow(attainment)).getCell(1).font?.bold).toBe(true);
  // A figure column: its first row holds a real number with a display format, not text.
  const column = header.findIndex((h) => /销售/.test(h));
  expect(column, `a sales column in ${header.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const figure = attainment.getRow(headerRow(attainment) + 1).getCell(column + 1);
  expect(figure.type).toBe(ExcelJS.ValueType.Number);
  expect(figure.numFmt).toBeTruthy();
  expect(numberCells(attainment).length).toBeGreaterThan(1);
  await expect(dialog.getByTestId('export-name-note')).toHaveCount(0);

  // The same pack again: the file already there is kept, the new one is "… (2)", and it says so.
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(dialog.getByTestId('export-name-note')).toHaveText(
    `A file named “${path.basename(file)}” was already in this folder: it is kept as it was, and this export got the name above.`,
  );
  const again = await savedFile(dialog, host.downloads);
  expect(path.basename(again)).toBe(path.basename(file).replace(/\.xlsx$/, ' (2).xlsx'));
  expect(readdirSync(host.downloads).sort()).toEqual(
    [path.basename(file), path.basename(again)].sort(),
  );

  // Done: closing the dialog returns to the list.
  await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
  await expect(dialog).toBeHidden();
});

test('a report exports as shown: the same period, scope and drill-down', async ({ page, host }) => {
  await page.clock.setFixedTime(new Date('2026-11-25T09:00:00'));
  await page.goto(`${host.url}#/reports/attainment?period=month&date=2026-11-23&scope=company`);
  await expect(page.getByRole('heading', { level: 2, name: 'Target attainment' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Teams and reps' });
  const link = table.getByRole('link').first();
  await expect(link).toBeVisible();
  const team = (await link.textContent()) ?? '';

  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const popover = page.getByRole('dialog', { name: 'Export to Excel' });
  const file = await savedFile(popover, host.downloads);
  expect(path.basename(file)).toBe('Target attainment_Company_2026-11.xlsx');

  const workbook = await readWorkbook(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  expect(String(sheet.getCell('A1').value)).toContain('Target attainment');
  expect(String(sheet.getCell('A1').value)).toContain('2026-11');
  expect(sheet.getRow(headerRow(sheet)).getCell(1).font?.bold).toBe(true);
  // The rows the page lists, one per team, with their figures as numbers.
  const teamRow = workbook.worksheets
    .flatMap((ws) => Array.from({ length: ws.rowCount }, (_, i) => rowValues(ws, i + 1)))
    .find((values) => values[0] === team);
  expect(teamRow, `a row for ${team}`).toBeDefined();
  expect(teamRow?.some((v) => typeof v === 'number')).toBe(true);
  expect(numberCells(sheet).length).toBeGreaterThan(0);
  await popover.getByRole('button', { name: 'Close' }).click();
  await expect(popover).toBeHidden();

  // Drilled into a team, the export is the team's.
  await link.click();
  await expect(page).toHaveURL(/scope=team%3A/);
  await expect(page.getByRole('navigation', { name: 'Scope trail' })).toContainText(team);
  await page.getByRole('button', { name: 'Export to Excel' }).click();
  await expect(popover.getByTestId('export-file')).toContainText(team);
  const drilled = await savedFile(popover, host.downloads);
  expect(path.basename(drilled)).toBe(`Target attainment_${team}_2026-11.xlsx`);
  const teamSheet = (await readWorkbook(drilled)).worksheets[0];
  if (!teamSheet) throw new Error('no sheet');
  expect(String(teamSheet.getCell('A1').value)).toContain(team);
});

test('the customer list exports with its filter: one row per customer counted', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/customers`);
  await expect(page.getByRole('heading', { level: 2, name: 'Customers' })).toBeVisible();
  const count = page.getByText(/^\d[\d,]* customers$/);
  await expect(count).toBeVisible();
  const before = (await count.textContent()) ?? '';
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Lost' }).click();
  await expect(page).toHaveURL(/status=lost/);
  // The filtered count has replaced the whole list's.
  await expect(count).not.toHaveText(before);
  const shown = Number(((await count.textContent()) ?? '').replace(/\D/g, ''));
  expect(shown).toBeGreaterThan(0);
  const firstShown = await page
    .getByRole('table', { name: 'Customers' })
    .locator('tbody tr')
    .first()
    .textContent();

  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const popover = page.getByRole('dialog', { name: 'Export to Excel' });
  const file = await savedFile(popover, host.downloads);

  const workbook = await readWorkbook(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows = dataRows(sheet);
  expect(rows).toHaveLength(shown);
  // The list's sort: the first row is the first customer on screen.
  expect(firstShown).toContain(String(rows[0]?.[0]));
});

test('the board exports as a list: every deal the filtered columns count', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/deals`);
  await expect(page.getByRole('heading', { level: 2, name: 'Funnel board' })).toBeVisible();
  const columns = page.getByRole('region', { name: / column$/ });
  await expect(columns.first()).toBeVisible();
  const counted = async () => {
    let total = 0;
    for (const column of await columns.all())
      total += Number(
        ((await column.locator('.mantine-Badge-root').first().textContent()) ?? '').replace(
          /\D/g,
          '',
        ),
      );
    return total;
  };
  const before = await counted();
  await page.getByRole('switch', { name: 'Key only' }).click();
  await expect.poll(counted).toBeLessThan(before);
  const shown = await counted();
  expect(shown).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const popover = page.getByRole('dialog', { name: 'Export to Excel' });
  const file = await savedFile(popover, host.downloads);
  const workbook = await readWorkbook(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  expect(dataRows(sheet)).toHaveLength(shown);
});
