import { inflateRawSync } from 'node:zlib';
import {
  MAX_ARCHIVE_RATIO,
  MAX_ARCHIVE_UNPACKED_BYTES,
  MAX_SHEET_CELLS,
} from '../../../shared/contract/imports';
import { AppError } from '../../core/errors';

/**
 * What the check of an .xlsx archive learnt on the way: for each sheet name, the cells that
 * hold a formula but no saved result (Excel never calculated them, or a library wrote them).
 */
export type ArchiveFacts = {
  uncachedFormulas: Map<string, Set<string>>;
  /** Every entry, inflated once here and handed to the parser as is. */
  files: { name: string; content: Buffer }[];
};

/** Below this many unpacked bytes a high ratio is harmless (a tiny, very regular sheet). */
const RATIO_FLOOR = 10 * 1024 * 1024;
const MB = 1024 * 1024;

type Entry = { name: string; method: number; flags: number; csz: number; usz: number; at: number };

function damaged(why: string): AppError {
  return new AppError('invalid_input', `damaged xlsx: ${why}`, 'imports.errors.damaged');
}

function tooLarge(unpacked: string): AppError {
  return new AppError(
    'invalid_input',
    `the archive unpacks to ${unpacked} (limit ${MAX_ARCHIVE_UNPACKED_BYTES} bytes)`,
    'imports.errors.archiveTooLarge',
    { max: MAX_ARCHIVE_UNPACKED_BYTES / MB },
  );
}

function checkRatio(unpacked: number, packed: number): void {
  if (unpacked > RATIO_FLOOR && unpacked / packed > MAX_ARCHIVE_RATIO) {
    throw new AppError(
      'invalid_input',
      `the archive unpacks ${Math.round(unpacked / packed)} times its size (limit ${MAX_ARCHIVE_RATIO})`,
      'imports.errors.archiveRatio',
      { ratio: MAX_ARCHIVE_RATIO },
    );
  }
}

/** The central directory: every entry's name, sizes as declared, and where its data starts. */
function entries(bytes: Buffer): Entry[] {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('no end of central directory');
  let count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    // ZIP64: the real figures are in the ZIP64 end record the locator points to.
    const locator = eocd - 20;
    if (locator < 0 || bytes.readUInt32LE(locator) !== 0x07064b50) throw damaged('bad zip64');
    const end = Number(bytes.readBigUInt64LE(locator + 8));
    if (end + 56 > bytes.length || bytes.readUInt32LE(end) !== 0x06064b50)
      throw damaged('bad zip64 end');
    count = Number(bytes.readBigUInt64LE(end + 32));
    offset = Number(bytes.readBigUInt64LE(end + 48));
  }
  const list: Entry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50)
      throw damaged('bad central directory');
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > bytes.length) throw damaged('bad central directory');
    let csz = bytes.readUInt32LE(p + 20);
    let usz = bytes.readUInt32LE(p + 24);
    let at = bytes.readUInt32LE(p + 42);
    // ZIP64 extra field: 64-bit values for the fields set to 0xffffffff, in this order.
    for (let e = p + 46 + nameLength; e + 4 <= p + 46 + nameLength + extraLength;) {
      const id = bytes.readUInt16LE(e);
      const size = bytes.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        const next = () => {
          const value = f + 8 <= e + 4 + size ? Number(bytes.readBigUInt64LE(f)) : -1;
          f += 8;
          return value;
        };
        if (usz === 0xffffffff) usz = next();
        if (csz === 0xffffffff) csz = next();
        if (at === 0xffffffff) at = next();
      }
      e += 4 + size;
    }
    if (usz < 0 || csz < 0 || at < 0) throw damaged('bad zip64 field');
    list.push({
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      csz,
      usz,
      at,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return list;
}

function dataOf(bytes: Buffer, entry: Entry): Buffer {
  const { at } = entry;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50)
    throw damaged(`no local header for ${entry.name}`);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.csz > bytes.length) throw damaged(`${entry.name} is cut short`);
  return bytes.subarray(start, start + entry.csz);
}

const isWorksheet = (name: string) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name);

/** Counts `<c …>` cell elements (with or without a namespace prefix) in sheet XML bytes. */
function countCells(xml: Buffer): number {
  let cells = 0;
  const end = xml.length - 2;
  for (let i = 0; i < end; i++) {
    if (xml[i] !== 0x3c) continue; // '<'
    let j = i + 1;
    // an optional prefix such as "x:" (the Open XML SDK writes <x:c>)
    let k = j;
    while (k < end && k - j < 16 && xml[k] !== 0x3a && xml[k] !== 0x20 && xml[k] !== 0x3e) k++;
    if (xml[k] === 0x3a) j = k + 1;
    if (xml[j] === 0x63) {
      const after = xml[j + 1];
      if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x0a || after === 0x0d)
        cells++;
    }
  }
  return cells;
}

const unescapeXml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * The references of formula cells with no saved result: no `<v>`, or an empty one. SheetJS
 * turns such a cell into the number 0 or drops it, so the reader has to know them.
 */
function uncachedFormulaCells(xml: Buffer): Set<string> {
  const refs = new Set<string>();
  if (xml.indexOf('<f') < 0 && xml.indexOf(':f') < 0) return refs;
  const text = xml.toString('utf8');
  const open = /<([\w.-]+:)?c(?=[\s>/])([^>]*?)(\/?)>/g;
  for (let m = open.exec(text); m; m = open.exec(text)) {
    if (m[3] === '/') continue;
    const prefix = m[1] ?? '';
    const close = text.indexOf(`</${prefix}c>`, open.lastIndex);
    if (close < 0) break;
    const body = text.slice(open.lastIndex, close);
    open.lastIndex = close;
    if (!new RegExp(`<${prefix}f[\\s>/]`).test(body)) continue;
    const value = new RegExp(`<${prefix}v>([^<]*)</${prefix}v>`).exec(body);
    if (value && value[1] !== '') continue;
    const ref = /\br="([A-Za-z]+\d+)"/.exec(m[2] ?? '');
    if (ref?.[1]) refs.add(ref[1].toUpperCase());
  }
  return refs;
}

/** Sheet name → worksheet part, from xl/workbook.xml and its relationships. */
function sheetParts(workbook: string, rels: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1] ?? '')?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1] ?? '')?.[1];
    if (!id || !target) continue;
    const part = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    targets.set(id, part.replace(/\/\.\//g, '/'));
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1] ?? '')?.[1];
    const attrs = (m[1] ?? '').replace(/\bsheetId="[^"]*"/, '');
    const id = /\b(?:[\w.-]+:)?id="([^"]*)"/.exec(attrs)?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) parts.set(unescapeXml(name), part.toLowerCase());
  }
  return parts;
}

/**
 * Checks an .xlsx (zip) archive before the spreadsheet reader unpacks it: a damaged zip, an
 * archive whose declared or actual unpacked size is over MAX_ARCHIVE_UNPACKED_BYTES (a zip
 * bomb), an absurd compression ratio, or sheets with more than MAX_SHEET_CELLS cells are each
 * refused with their own message. Every entry is really inflated with zlib's
 * `maxOutputLength`, so a zip that lies about its sizes is caught when it overflows, and no
 * entry is ever held beyond the limit. See docs/decisions/0018-import-limits.md.
 */
export function inspectXlsx(input: Uint8Array): ArchiveFacts {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const list = entries(bytes);
  if (list.length === 0) throw damaged('no entries');
  const declared = list.reduce((sum, e) => sum + e.usz, 0);
  if (declared > MAX_ARCHIVE_UNPACKED_BYTES) throw tooLarge(`${declared} bytes (declared)`);
  checkRatio(declared, bytes.length);

  let unpacked = 0;
  let cells = 0;
  const uncached = new Map<string, Set<string>>();
  let workbook = '';
  let rels = '';
  const files: ArchiveFacts['files'] = [];
  for (const entry of list) {
    if (entry.flags & 0x1) throw damaged(`${entry.name} is encrypted at the zip level`);
    const data = dataOf(bytes, entry);
    let content: Buffer;
    if (entry.method === 0) content = data;
    else if (entry.method === 8) {
      const room = MAX_ARCHIVE_UNPACKED_BYTES - unpacked;
      try {
        content = inflateRawSync(data, { maxOutputLength: room + 1 });
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
          throw tooLarge('more than the limit while inflating (its declared sizes lie)');
        throw damaged(`${entry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else throw damaged(`${entry.name} uses compression method ${entry.method}`);
    unpacked += content.length;
    if (unpacked > MAX_ARCHIVE_UNPACKED_BYTES) throw tooLarge(`${unpacked} bytes (inflated)`);
    files.push({ name: entry.name, content });
    const name = entry.name.toLowerCase();
    if (name === 'xl/workbook.xml') workbook = content.toString('utf8');
    else if (name === 'xl/_rels/workbook.xml.rels') rels = content.toString('utf8');
    else if (isWorksheet(name)) {
      cells += countCells(content);
      if (cells > MAX_SHEET_CELLS) {
        throw new AppError(
          'invalid_input',
          `the sheets hold more than ${MAX_SHEET_CELLS} cells`,
          'imports.errors.tooManyCells',
          { max: MAX_SHEET_CELLS },
        );
      }
      const refs = uncachedFormulaCells(content);
      if (refs.size > 0) uncached.set(name, refs);
    }
  }
  checkRatio(unpacked, bytes.length);

  const uncachedFormulas = new Map<string, Set<string>>();
  if (uncached.size > 0) {
    for (const [sheet, part] of sheetParts(workbook, rels)) {
      const refs = uncached.get(part);
      if (refs) uncachedFormulas.set(sheet, refs);
    }
  }
  return { uncachedFormulas, files };
}
