import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One file in a hand-built zip: its bytes, or raw deflate data with a size it claims. */
export type ZipEntry = {
  name: string;
  data?: Buffer;
  /** Raw deflate data written as is (a bomb); `declaredSize` is then what the zip claims. */
  deflated?: Buffer;
  declaredSize?: number;
  store?: boolean;
};

/**
 * A zip archive written byte by byte (local headers, central directory, end record), so a
 * test can make one that lies about its sizes, as a hostile file would.
 */
export function zipArchive(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = entry.data ?? Buffer.alloc(0);
    const body = entry.deflated ?? (entry.store ? data : deflateRawSync(data));
    const size = entry.declaredSize ?? data.length;
    const crc = entry.deflated ? 0 : crc32(data);
    const method = entry.store && !entry.deflated ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const head = Buffer.alloc(46);
    head.writeUInt32LE(0x02014b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(20, 6);
    head.writeUInt16LE(0x0800, 8);
    head.writeUInt16LE(method, 10);
    head.writeUInt32LE(crc >>> 0, 16);
    head.writeUInt32LE(body.length, 20);
    head.writeUInt32LE(size, 24);
    head.writeUInt16LE(name.length, 28);
    head.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    central.push(head, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a minimal real .xlsx around one worksheet (as Excel lays them out). */
export function xlsxParts(sheetName = '客户'): ZipEntry[] {
  const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${text}`);
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '</Types>',
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
  ];
}

/** Worksheet XML around `<row>` elements. */
export const worksheetXml = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;

/** A one-sheet .xlsx whose sheet1.xml is `rows` (XML of `<row>` elements). */
export function xlsxWithRows(rows: string): Buffer {
  return zipArchive([
    ...xlsxParts(),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(worksheetXml(rows)) },
  ]);
}

/** An inline-string cell, as many exporters write text. */
export const textCell = (ref: string, text: string) =>
  `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/**
 * Raw deflate data that inflates to `head`, then `repeat` MiB of spaces, then `tail`: each
 * MiB is deflated once and its compressed block repeated (a full flush makes every copy
 * stand alone), so a 1.5 GB bomb is built in milliseconds.
 */
export function bombDeflate(head: string, repeatMiB: number, tail: string): Buffer {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const start = deflateRawSync(Buffer.from(head), flush);
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), flush);
  const end = deflateRawSync(Buffer.from(tail));
  return Buffer.concat([start, ...Array.from({ length: repeatMiB }, () => block), end]);
}

/**
 * A large, honest customer list: `rows` customers × `columns` text columns of Chinese and
 * digits as a CRM export holds them, as inline strings (the bulkiest way an exporter writes).
 */
export function largeCustomerXlsx(rows: number, columns: number): Buffer {
  const letter = (c: number) =>
    c < 26 ? String.fromCharCode(65 + c) : `A${String.fromCharCode(65 + c - 26)}`;
  const header = Array.from({ length: columns }, (_, c) =>
    textCell(`${letter(c)}1`, c === 0 ? '客户名称' : c === 1 ? '电话' : `字段${c}`),
  );
  const parts: string[] = [`<row r="1">${header.join('')}</row>`];
  for (let r = 2; r <= rows + 1; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < columns; c++) {
      const ref = `${letter(c)}${r}`;
      row +=
        c === 0
          ? textCell(ref, `上海客户${r}号贸易有限公司`)
          : c === 1
            ? `<c r="${ref}"><v>${13800000000 + r}</v></c>`
            : textCell(ref, `浦东新区备注${(r * 31 + c) % 9973}`);
    }
    parts.push(`${row}</row>`);
  }
  return zipArchive([
    ...xlsxParts(),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(worksheetXml(parts.join(''))) },
  ]);
}
