import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { CFB } from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_ARCHIVE_RATIO,
  MAX_ARCHIVE_UNPACKED_BYTES,
  MAX_SHEET_CELLS,
} from '../../../../shared/contract/imports';
import { translate } from '../../../../shared/i18n/translate';
import { call, callError, count, dbSnapshot, tempApp } from '../../helpers';
import { preview, team, type TestApp } from './imports.fixtures';
import {
  bombDeflate,
  largeCustomerXlsx,
  textCell,
  worksheetXml,
  xlsxParts,
  xlsxWithRows,
  zipArchive,
} from './imports.zip';

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const MB = 1024 * 1024;

let app: TestApp;
beforeEach(async () => {
  app = tempApp();
  await team(app);
});
afterEach(() => app.cleanup());

const refusal = (bytes: Buffer, fileName = 'customers.xlsx') =>
  callError(app, 'imports.previewCustomers', { fileName, dataBase64: bytes.toString('base64') });

/** A 1.5 MB .xlsx whose sheet inflates to 1.5 GB; `declaredSize` is what its zip claims. */
function bomb(declaredSize: number): Buffer {
  const xml = worksheetXml(`<row r="1">${textCell('A1', '客户名称')}</row>`);
  const cut = xml.indexOf('</sheetData>');
  return zipArchive([
    ...xlsxParts(),
    {
      name: 'xl/worksheets/sheet1.xml',
      deflated: bombDeflate(xml.slice(0, cut), 1536, xml.slice(cut)),
      declaredSize,
    },
  ]);
}

type Measured = {
  ok: boolean;
  key: string | null;
  rows: number;
  beforeMB: number;
  peakMB: number;
  growthMB: number;
  ms: number;
};

/** Previews a file in a fresh process (the real stack: dispatch, a real SQLite file) and reads its peak RSS. */
function measure(name: string, bytes: Buffer): Measured {
  const file = path.join(app.dir, name);
  writeFileSync(file, bytes);
  const child = spawnSync(
    tsx,
    [path.join(root, 'test/unit/electron/features/imports.memory.child.ts'), file],
    { cwd: root, encoding: 'utf8' },
  );
  if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
  const measured = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Measured;
  console.log(`${name}: ${JSON.stringify(measured)}`);
  return measured;
}

describe('zip bombs and absurd archives are refused before parsing', () => {
  it('a 1.5 MB bomb that declares its 1.5 GB is refused at once, naming the limit', async () => {
    const bytes = bomb(1536 * MB);
    expect(bytes.length).toBeLessThan(2 * MB);
    const before = dbSnapshot(app);
    const started = performance.now();
    const error = await refusal(bytes);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error).toMatchObject({
      code: 'invalid_input',
      key: 'imports.errors.archiveTooLarge',
      params: { max: MAX_ARCHIVE_UNPACKED_BYTES / MB },
    });
    expect(translate('en', error.key ?? '', error.params)).toContain('more than 100 MB');
    expect(translate('zh-CN', error.key ?? '', error.params)).toContain('超过 100 MB');
    expect(dbSnapshot(app)).toBe(before);
  });

  it('a bomb that lies about its sizes is stopped while it inflates, in little time and memory', () => {
    const measured = measure('liar.xlsx', bomb(4000));
    expect(measured).toMatchObject({ ok: false, key: 'imports.errors.archiveTooLarge' });
    expect(measured.growthMB).toBeLessThan(500);
    expect(measured.ms).toBeLessThan(10_000);
  });

  it('an archive that unpacks to more than 100 times its size is refused for its ratio', async () => {
    const xml = worksheetXml(`<row r="1">${textCell('A1', '客户名称')}</row>`);
    const cut = xml.indexOf('</sheetData>');
    const bytes = zipArchive([
      ...xlsxParts(),
      // 20 MiB of spaces from about 20 KB: honest sizes, absurd ratio.
      {
        name: 'xl/worksheets/sheet1.xml',
        data: Buffer.from(xml.slice(0, cut) + ' '.repeat(20 * MB) + xml.slice(cut)),
      },
    ]);
    expect(await refusal(bytes)).toMatchObject({
      key: 'imports.errors.archiveRatio',
      params: { ratio: MAX_ARCHIVE_RATIO },
    });
  });

  it(`refuses sheets holding more than ${MAX_SHEET_CELLS.toLocaleString('en')} cells`, async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 50_000; r++) {
      let row = `<row r="${r}">`;
      for (let c = 0; c < 22; c++)
        row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${c}</v></c>`;
      rows.push(`${row}</row>`);
    }
    expect(await refusal(xlsxWithRows(rows.join('')))).toMatchObject({
      key: 'imports.errors.tooManyCells',
      params: { max: MAX_SHEET_CELLS },
    });
    expect(count(app, 'customers')).toBe(0);
  });

  it('a legitimate large file (50,000 customers × 20 columns) imports within 500 MB', () => {
    const measured = measure('large.xlsx', largeCustomerXlsx(50_000, 20));
    expect(measured).toMatchObject({ ok: true, rows: 50_000 });
    expect(measured.growthMB).toBeLessThan(500);
  }, 180_000);
});

describe('damaged and protected files', () => {
  it('the zip signature followed by garbage is a damaged file, not a password-protected one', async () => {
    const garbage = Buffer.alloc(5000);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919 + 13) % 251;
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), garbage]);
    const error = await refusal(bytes);
    expect(error).toMatchObject({ code: 'invalid_input', key: 'imports.errors.damaged' });
    expect(translate('en', error.key ?? '')).toMatch(/damaged or is not a real \.xlsx/);
    expect(translate('zh-CN', error.key ?? '')).toContain('已损坏');
    // A real .xlsx cut in half, and one whose sheet's deflate data is garbage, are damaged too.
    const good = xlsxWithRows(
      `<row r="1">${textCell('A1', 'Name')}</row><row r="2">${textCell('A2', 'A')}</row>`,
    );
    expect(await refusal(good.subarray(0, good.length >> 1))).toMatchObject({
      key: 'imports.errors.damaged',
    });
    const scrambled = zipArchive([
      ...xlsxParts(),
      { name: 'xl/worksheets/sheet1.xml', deflated: garbage, declaredSize: 9000 },
    ]);
    expect(await refusal(scrambled)).toMatchObject({ key: 'imports.errors.damaged' });
  });

  it('an encrypted workbook (an OLE container holding EncryptionInfo and EncryptedPackage) is password-protected', async () => {
    const cfb = CFB as unknown as {
      utils: { cfb_new: () => unknown; cfb_add: (c: unknown, name: string, data: Buffer) => void };
      write: (c: unknown, o: object) => Buffer;
    };
    const container = cfb.utils.cfb_new();
    // Agile encryption (version 4.4), as Excel writes for "Encrypt with password".
    const info = Buffer.concat([
      Buffer.from([0x04, 0x00, 0x04, 0x00, 0x40, 0x00, 0x00, 0x00]),
      Buffer.from(
        '<?xml version="1.0"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>',
      ),
    ]);
    cfb.utils.cfb_add(container, 'EncryptionInfo', info);
    cfb.utils.cfb_add(container, 'EncryptedPackage', Buffer.alloc(4096, 0x5a));
    const bytes = Buffer.from(cfb.write(container, { fileType: 'cfb', type: 'buffer' }));
    expect([...bytes.subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    expect(await refusal(bytes)).toMatchObject({ key: 'imports.errors.encrypted' });
  });
});

describe('formula cells without a saved result', () => {
  it('import as their formula text, as the reader promises; saved results stay as they are', async () => {
    const header = `<row r="1">${['客户名称', '备注', '地址', '区域', '行业'].map((h, i) => textCell(`${'ABCDE'[i]}1`, h)).join('')}</row>`;
    const bytes = xlsxWithRows(
      header +
        // no <v> at all; an empty <v/> as openpyxl writes; a string formula; a typed number
        `<row r="2">${textCell('A2', '甲公司')}<c r="B2"><f>A2&amp;"-备注"</f></c><c r="C2"><f>CONCAT("上海",A2)</f><v></v></c>` +
        `<c r="D2" t="str"><f>UPPER("华东")</f></c><c r="E2" t="n"><f>1+1</f></c></row>` +
        // saved results (a 0 among them) are what the user saw in Excel
        `<row r="3">${textCell('A3', '乙公司')}<c r="B3" t="str"><f>"ok"</f><v>ok</v></c><c r="C3"><f>2*3</f><v>6</v></c>` +
        `<c r="D3"><f>0*1</f><v>0</v></c></row>`,
    );
    const result = await preview(app, bytes);
    expect(result.counts.valid).toBe(2);
    await call(app, 'imports.commitCustomers', {
      importId: result.importId,
      mapping: result.mapping,
      onDuplicate: 'skip',
    });
    expect(
      app.sqlite
        .prepare('SELECT name, notes, address, region, industry FROM customers ORDER BY name')
        .all(),
    ).toEqual([
      {
        name: '乙公司',
        notes: 'ok',
        address: '6',
        region: '0',
        industry: null,
      },
      {
        name: '甲公司',
        notes: '=A2&"-备注"',
        address: '=CONCAT("上海",A2)',
        region: '=UPPER("华东")',
        industry: '=1+1',
      },
    ]);
  });
});
