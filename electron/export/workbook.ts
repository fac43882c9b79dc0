import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';

/**
 * The one writer of formatted workbooks (docs/decisions/0015-excel-exports.md): the weekly
 * meeting pack and every table export are described as sheets of tables and written here,
 * so they share one look: a title row (what, scope, period), a generated-at line, a bold
 * frozen header, fitted column widths, real numbers with number, money and percent formats,
 * red/amber/green status fills, an autofilter on list tables and a landscape, fit-to-width
 * print setup. Pure: data in, bytes out, no database and no file.
 */

export type CellValue = string | number | boolean | null | undefined;

/**
 * How a column's values are written:
 * - text: as is (booleans as ✓ / empty);
 * - integer, decimal: numbers (`#,##0`, `#,##0.0`);
 * - money: **fen** in, yuan out as a number with a ¥ format (the app keeps money in fen);
 * - percent: a fraction (0.42) shown as 42.0%;
 * - date: `YYYY-MM-DD` as a real Excel date; datetime: `YYYY-MM-DD HH:mm` (local wall time);
 * - days: a whole number of days.
 */
export type Format =
  'text' | 'integer' | 'decimal' | 'money' | 'percent' | 'date' | 'datetime' | 'days';

/** Status fills: Excel's own Good / Neutral / Bad colours (green, amber, red). */
export type Status = 'good' | 'warn' | 'bad';

export type Column<R> = {
  header: string;
  format: Format;
  value: (row: R) => CellValue;
  /** A status fill for the cell (attainment against time progress, a flag). */
  status?: (row: R) => Status | null | undefined;
  /** Width in characters: fixed when `wrap`, otherwise at least this. */
  width?: number;
  /** Long text (summaries, notes): wrapped in a fixed-width column. */
  wrap?: boolean;
};

export type Table<R> = {
  /** A heading above the table (sheets holding several tables). */
  heading?: string;
  columns: Column<R>[];
  rows: readonly R[];
  /** A bold row under the rows (totals, the company line). */
  totals?: R;
  /** An autofilter over the header (list tables; one per sheet, the first that asks). */
  filter?: boolean;
  /** Written in place of rows when there are none ("No visits this week"). */
  empty: string;
};

/** Builds a `Table` with its row type checked against its columns. */
export function table<R>(t: Table<R>): Table<unknown> {
  return t as unknown as Table<unknown>;
}

export type Sheet = {
  /** The tab's name (cut to Excel's 31 characters, without the characters Excel refuses). */
  name: string;
  /** Row 1: what, for whom, which period ("销售一部 · 2026-W47 · 2026-11-16 – 2026-11-22"). */
  title: string;
  /** Row 2: e.g. "Generated 2026-11-23 08:00". */
  subtitle?: string;
  /** A note under the subtitle (what the figures mean, or that the period has no data). */
  note?: string;
  tables: Table<unknown>[];
};

export type WorkbookMeta = { creator: string; created: Date; title: string };

const numFmt: Record<Format, string | undefined> = {
  text: undefined,
  integer: '#,##0',
  decimal: '#,##0.0',
  money: '"¥"#,##0',
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  days: '#,##0',
};

const fills: Record<Status, { fill: string; font: string }> = {
  good: { fill: 'FFC6EFCE', font: 'FF006100' },
  warn: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  bad: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

const HEADER_FILL = 'FFDCE6F1';
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;
const WRAP_WIDTH = 48;
/** The most a number column's header widens it (longer headers wrap). */
const NUMBER_HEADER_WIDTH = 12;
/** Rows looked at to fit a column's width (enough to be right, cheap on big lists). */
const FIT_SAMPLE = 2000;

/** A sheet name Excel accepts: no []:*?/\ or ', at most 31 characters, unique in the book. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\']/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Points per line of 11-point text, and the most lines a wrapped row grows to. */
const LINE_HEIGHT = 15;
const MAX_LINES = 15;

/** Lines a text takes in a column `width` characters wide (wrapping at the width, and at newlines). */
export function linesOf(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / usable)), 0);
}

/** Display width of text: CJK and full-width characters take two columns. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/;

/** A calendar day or a local wall time as the Date ExcelJS writes as that serial (UTC). */
function excelDate(value: string): Date | null {
  const m = dayPattern.exec(value);
  if (!m) return null;
  return new Date(
    Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)),
  );
}

/** The value a cell gets: numbers stay numbers (money in yuan), dates become dates. */
function cellValue(format: Format, value: CellValue): string | number | Date | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'boolean') return value ? '✓' : null;
  switch (format) {
    case 'text':
      return String(value);
    case 'money':
      return typeof value === 'number' ? value / 100 : value;
    case 'date':
    case 'datetime':
      return typeof value === 'string' ? (excelDate(value) ?? value) : value;
    default:
      return value;
  }
}

/** Roughly how wide a value shows, for fitting the column. */
function shownWidth(format: Format, value: string | number | Date | null): number {
  if (value === null) return 0;
  if (value instanceof Date) return format === 'datetime' ? 16 : 10;
  if (typeof value === 'number') {
    const digits = Math.round(Math.abs(value)).toString().length;
    const grouped = digits + Math.floor((digits - 1) / 3);
    if (format === 'percent') return grouped + 5;
    if (format === 'money') return grouped + 2;
    if (format === 'decimal') return grouped + 2;
    return grouped + (value < 0 ? 1 : 0);
  }
  return Math.max(...value.split('\n').map(textWidth));
}

type Prepared = {
  table: Table<unknown>;
  values: (string | number | Date | null)[][];
  statuses: (Status | null)[][];
  totals: { values: (string | number | Date | null)[]; statuses: (Status | null)[] } | null;
};

function prepareTable(t: Table<unknown>, widths: number[], fixed: boolean[]): Prepared {
  t.columns.forEach((c, i) => {
    if (c.wrap) {
      widths[i] = Math.max(widths[i] ?? MIN_WIDTH, c.width ?? WRAP_WIDTH);
      fixed[i] = true;
    } else
      widths[i] = Math.max(
        widths[i] ?? MIN_WIDTH,
        // A number column's long header wraps (the header row wraps) rather than widening a
        // column of short numbers: wide sheets stay readable when fitted to a page.
        Math.min(c.format === 'text' ? MAX_WIDTH : NUMBER_HEADER_WIDTH, textWidth(c.header) + 2),
        c.width ?? 0,
      );
  });
  const prepareRow = (row: unknown, sampled: boolean) => {
    const values = t.columns.map((c) => cellValue(c.format, c.value(row)));
    const statuses = t.columns.map((c) => c.status?.(row) ?? null);
    if (sampled)
      t.columns.forEach((c, i) => {
        if (!fixed[i])
          widths[i] = Math.max(
            widths[i] ?? MIN_WIDTH,
            Math.min(MAX_WIDTH, shownWidth(c.format, values[i] ?? null) + 2),
          );
      });
    return { values, statuses };
  };
  const rows = t.rows.map((row, index) => prepareRow(row, index < FIT_SAMPLE));
  return {
    table: t,
    values: rows.map((r) => r.values),
    statuses: rows.map((r) => r.statuses),
    totals: t.totals === undefined ? null : prepareRow(t.totals, true),
  };
}

function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: Sheet,
  taken: Set<string>,
): void {
  const columnCount = Math.max(1, ...sheet.tables.map((t) => t.columns.length));
  const widths: number[] = Array.from({ length: columnCount }, () => MIN_WIDTH);
  const fixed: boolean[] = Array.from({ length: columnCount }, () => false);
  const prepared = sheet.tables.map((t) => prepareTable(t, widths, fixed));

  // Row numbers are known before writing: the stream cannot go back to freeze or filter.
  let rowNumber = 1 + (sheet.subtitle ? 1 : 0) + (sheet.note ? 1 : 0);
  let frozenAt = 0;
  let autoFilter: ExcelJS.AutoFilter | undefined;
  for (const p of prepared) {
    rowNumber += 1 + (p.table.heading ? 1 : 0) + 1;
    if (frozenAt === 0) frozenAt = rowNumber;
    if (p.table.filter && !autoFilter && p.values.length > 0)
      autoFilter = {
        from: { row: rowNumber, column: 1 },
        to: { row: rowNumber + p.values.length, column: p.table.columns.length },
      };
    rowNumber += Math.max(1, p.values.length) + (p.totals ? 1 : 0);
  }

  const ws = workbook.addWorksheet(sheetName(sheet.name, taken), {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      // The first table's header is repeated on every printed page.
      ...(frozenAt > 0 ? { printTitlesRow: `${frozenAt}:${frozenAt}` } : {}),
    },
    headerFooter: { oddFooter: '&L&A&R&P / &N' },
    views:
      frozenAt > 0
        ? [{ state: 'frozen', xSplit: 0, ySplit: frozenAt, topLeftCell: `A${frozenAt + 1}` }]
        : [],
  });
  if (autoFilter) ws.autoFilter = autoFilter;
  ws.columns = widths.map((width) => ({ width }));

  const title = ws.addRow([sheet.title]);
  title.font = { bold: true, size: 14 };
  title.height = 22;
  title.commit();
  if (sheet.subtitle) {
    const row = ws.addRow([sheet.subtitle]);
    row.font = { size: 9, color: { argb: 'FF666666' } };
    row.commit();
  }
  if (sheet.note) {
    const row = ws.addRow([sheet.note]);
    row.font = { italic: true, color: { argb: 'FF444444' } };
    row.commit();
  }

  for (const p of prepared) {
    const t = p.table;
    ws.addRow([]).commit();
    if (t.heading) {
      const heading = ws.addRow([t.heading]);
      heading.font = { bold: true, size: 12 };
      heading.commit();
    }
    const header = ws.addRow(t.columns.map((c) => c.header));
    // Neither Excel nor LibreOffice grows a row for wrapped text on opening: set the height.
    const headerLines = Math.max(
      1,
      ...t.columns.map((c, i) => linesOf(c.header, widths[i] ?? MIN_WIDTH)),
    );
    if (headerLines > 1) header.height = LINE_HEIGHT * headerLines + 2;
    t.columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
      cell.border = { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } };
      cell.alignment = {
        vertical: 'middle',
        wrapText: true,
        ...(c.format !== 'text' ? { horizontal: 'right' as const } : {}),
      };
    });
    header.commit();

    const writeRow = (
      values: (string | number | Date | null)[],
      statuses: (Status | null)[],
      bold: boolean,
    ) => {
      const xrow = ws.addRow(values);
      let lines = 1;
      t.columns.forEach((c, i) => {
        const value = values[i];
        if (c.wrap && typeof value === 'string')
          lines = Math.max(lines, linesOf(value, widths[i] ?? WRAP_WIDTH));
      });
      lines = Math.min(lines, MAX_LINES);
      if (lines > 1) xrow.height = LINE_HEIGHT * lines + 2;
      t.columns.forEach((c, i) => {
        const value = values[i] ?? null;
        if (value === null && !bold && lines === 1) return;
        const cell = xrow.getCell(i + 1);
        const fmt = numFmt[c.format];
        if (fmt && value !== null && typeof value !== 'string') cell.numFmt = fmt;
        if (c.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
        else if (lines > 1) cell.alignment = { vertical: 'top' };
        const status = statuses[i];
        const colours = status ? fills[status] : null;
        if (colours)
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } };
        if (colours || bold)
          cell.font = { bold, ...(colours ? { color: { argb: colours.font } } : {}) };
        if (bold) cell.border = { top: { style: 'thin', color: { argb: 'FF7F7F7F' } } };
      });
      xrow.commit();
    };

    if (p.values.length === 0) {
      const empty = ws.addRow([t.empty]);
      empty.font = { italic: true, color: { argb: 'FF7F7F7F' } };
      empty.commit();
    } else p.values.forEach((values, i) => writeRow(values, p.statuses[i] ?? [], false));
    if (p.totals) writeRow(p.totals.values, p.totals.statuses, true);
  }
  ws.commit();
}

/** Writes the sheets, in order, as one .xlsx workbook (streamed: memory stays flat on big lists). */
export async function buildWorkbook(sheets: readonly Sheet[], meta: WorkbookMeta): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  // Loaded on the first export, not at start: exceljs alone takes ~0.55 s to load, which every
  // `pacer` command and the app's start paid before (issue 18).
  const { default: excel } = await import('exceljs');
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = meta.creator;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  workbook.title = meta.title;
  const taken = new Set<string>();
  for (const sheet of sheets) writeSheet(workbook, sheet, taken);
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}
