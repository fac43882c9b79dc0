import * as XLSX from '@e965/xlsx';
import { CFB, read, type CellObject, type WorkBook, type WorkSheet } from '@e965/xlsx';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
} from '../../../shared/contract/imports';
import { AppError } from '../../core/errors';
import { inspectXlsx, type ArchiveFacts } from './archive';

/** One sheet row as text: `line` is the row number the spreadsheet shows (1-based). */
export type SheetRow = { line: number; cells: string[] };

/** The first sheet that holds data, every cell as plain text. */
export type SheetTable = { sheetName: string; rows: SheetRow[] };

/** Rows above the header a file may carry (a title, an export date) and still be read. */
export const HEADER_SCAN_ROWS = 10;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function refuse(key: string, message: string, params?: Record<string, string | number>): AppError {
  return new AppError('invalid_input', message, key, params);
}

/**
 * Text of a CSV (or an HTML/XML "xls" some CRMs export): UTF-8 when it decodes as such,
 * else GB18030, which is what WPS and Excel write for Chinese CSV. Bytes no text editor
 * would produce (NUL, most C0 controls) mean it is not a spreadsheet at all.
 */
function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw refuse(
        'imports.errors.notSpreadsheet',
        'not a spreadsheet: the bytes are neither xlsx, xls nor text',
      );
    }
  }
  // eslint-disable-next-line no-control-regex -- looking for exactly these bytes
  if (/[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/.test(text.slice(0, 65_536))) {
    throw refuse(
      'imports.errors.notSpreadsheet',
      'not a spreadsheet: binary data that is neither xlsx nor xls',
    );
  }
  return text.replace(/^\uFEFF/, '');
}

// Options that keep the parser to reading values: no HTML, no styles, no VBA, and a row
// cap so a huge sheet is not read whole just to be refused. SheetJS has no formula
// engine, so formulas are never evaluated; `cellFormula` only keeps their text. An .xlsx
// is checked first (inspectXlsx): a zip bomb or a damaged zip never reaches the parser.
const SHEET_ROW_CAP = MAX_IMPORT_ROWS + HEADER_SCAN_ROWS + 2;
const readOptions = {
  dense: true,
  cellFormula: true,
  cellHTML: false,
  cellNF: false,
  cellStyles: false,
  cellDates: false,
  bookVBA: false,
  sheetRows: SHEET_ROW_CAP,
} as const;

const noFacts: ArchiveFacts = { uncachedFormulas: new Map(), files: [] };

type ZipContainer = { FileIndex: unknown[]; FullPaths: string[] };
type Cfb = {
  utils: {
    cfb_new: () => ZipContainer;
    cfb_add: (c: ZipContainer, name: string, content: Buffer, o: { unsafe: true }) => void;
  };
};
// SheetJS's own entry point for an unpacked zip (what `read` calls after inflating it).
const parseZip = (XLSX as unknown as { parse_zip: (zip: ZipContainer, o: object) => WorkBook })
  .parse_zip;

/** The workbook from the entries inspectXlsx inflated: each is inflated once, never twice. */
function parseEntries(facts: ArchiveFacts, options: object): WorkBook {
  const cfb = CFB as unknown as Cfb;
  const zip = cfb.utils.cfb_new();
  for (const file of facts.files) cfb.utils.cfb_add(zip, file.name, file.content, { unsafe: true });
  facts.files = [];
  return parseZip(zip, options);
}

function parseWorkbook(bytes: Uint8Array): { workbook: WorkBook; facts: ArchiveFacts } {
  const zip = startsWith(bytes, ZIP);
  try {
    if (zip) {
      const facts = inspectXlsx(bytes);
      // Stubs keep a formula cell SheetJS would drop for having no value (`t="n"`, no <v>).
      const sheetStubs = facts.uncachedFormulas.size > 0;
      return {
        workbook: parseEntries(facts, { ...readOptions, sheetStubs, type: 'buffer' }),
        facts,
      };
    }
    if (startsWith(bytes, OLE))
      return { workbook: read(bytes, { ...readOptions, type: 'buffer' }), facts: noFacts };
    const text = decodeText(bytes);
    // CSV cells stay text (`raw`): "00123" keeps its zeros, "=1+1" is not a formula.
    const raw = !/^\s*</.test(text);
    return { workbook: read(text, { ...readOptions, type: 'string', raw }), facts: noFacts };
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // Only an OLE container (D0 CF 11 E0) holds an encrypted workbook; a zip never does.
    if (!zip && /password|encrypt/i.test(message))
      throw refuse('imports.errors.encrypted', `the file is password-protected: ${message}`);
    throw refuse('imports.errors.notSpreadsheet', `not a spreadsheet: ${message}`);
  }
}

const exponent = /[eE][+-]?\d+$/;

/**
 * A cell as the text to import. Formula cells give their cached value (what the user saw
 * in Excel), or, without one, the formula's text: stored as plain text, never run.
 * `uncached` says the file saved no value for this formula cell (SheetJS shows 0 or '').
 */
export function cellText(cell: CellObject | undefined | null, uncached = false): string {
  if (!cell) return '';
  let text: string;
  if (uncached && cell.f) text = `=${cell.f}`;
  else if (cell.v === undefined || cell.v === null) text = cell.f ? `=${cell.f}` : (cell.w ?? '');
  else if (cell.t === 'e') text = cell.f ? `=${cell.f}` : (cell.w ?? '');
  else if (cell.t === 'n' && typeof cell.v === 'number') {
    // "1.38001E+10" is Excel's General format of a phone number: keep every digit.
    text = cell.w !== undefined && !exponent.test(cell.w) ? cell.w : String(cell.v);
  } else if (cell.t === 'd' && cell.v instanceof Date)
    text = cell.w ?? cell.v.toISOString().slice(0, 10);
  else text = typeof cell.v === 'string' ? cell.v : (cell.w ?? String(cell.v));
  // eslint-disable-next-line no-control-regex -- control characters have no place in a customer record
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Column letters as spreadsheets show them: A … Z, AA … */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

function sheetRows(sheet: WorkSheet, uncached: Set<string> | undefined): SheetRow[] {
  const data = (sheet['!data'] ?? []) as (CellObject[] | undefined)[];
  const rows: SheetRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    const width = Math.min(source.length, MAX_IMPORT_COLUMNS);
    const cells: string[] = new Array<string>(width);
    let any = false;
    for (let c = 0; c < width; c++) {
      const text = cellText(source[c], uncached?.has(`${columnLetter(c)}${r + 1}`) ?? false);
      cells[c] = text;
      if (text.trim() !== '') any = true;
    }
    if (any) rows.push({ line: r + 1, cells });
  }
  return rows;
}

/** The refusal of a sheet with more data rows than MAX_IMPORT_ROWS. */
export function tooManyRows(): AppError {
  return refuse('imports.errors.tooManyRows', `the sheet has more than ${MAX_IMPORT_ROWS} rows`, {
    max: MAX_IMPORT_ROWS,
  });
}

/**
 * Reads the first sheet that holds data. Refuses, with a message for the user, what is
 * not a spreadsheet, a damaged .xlsx, a zip bomb, a password-protected file, an empty
 * sheet, or more rows or cells than one import takes.
 */
export function readSpreadsheet(bytes: Uint8Array): SheetTable {
  if (bytes.length === 0) throw refuse('imports.errors.empty', 'the file is empty');
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw refuse('imports.errors.tooLarge', `the file is larger than ${MAX_IMPORT_BYTES} bytes`, {
      max: Math.round(MAX_IMPORT_BYTES / 1024 / 1024),
    });
  }
  const { workbook, facts } = parseWorkbook(bytes);
  for (const sheetName of workbook.SheetNames) {
    const sheet = workbook.Sheets[sheetName];
    if (!sheet) continue;
    const rows = sheetRows(sheet, facts.uncachedFormulas.get(sheetName));
    if (rows.length === 0) continue;
    // The reader stops at the cap: a sheet that reaches it has more rows than one import takes.
    const fullRef = sheet['!fullref'];
    if (
      (sheet['!data']?.length ?? 0) >= SHEET_ROW_CAP ||
      (fullRef !== undefined && fullRef !== sheet['!ref'])
    ) {
      throw tooManyRows();
    }
    return { sheetName, rows };
  }
  throw refuse('imports.errors.empty', 'the file holds no data');
}
