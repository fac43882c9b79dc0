import { CFB, utils } from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../../shared/contract';
import { MAX_IMPORT_ROWS } from '../../../../shared/contract/imports';
import { call, callError, count, dbSnapshot, tempApp } from '../../helpers';
import { preview, saveFixture, sheet, team, workbookBytes, type TestApp } from './imports.fixtures';
import { readFileSync } from 'node:fs';

let app: TestApp;

beforeEach(async () => {
  app = tempApp();
  await team(app);
});
afterEach(() => app.cleanup());

/** Deterministic "random" bytes, as a corrupt or foreign file would hold. */
function noise(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = x >> 16;
  }
  return bytes;
}

/** A zip that is no spreadsheet (a Word document's shape). */
function otherZip(): Buffer {
  const cfb = CFB as {
    utils: { cfb_new: () => unknown; cfb_add: (c: unknown, name: string, data: Buffer) => void };
    write: (c: unknown, o: object) => Buffer;
  };
  const container = cfb.utils.cfb_new();
  cfb.utils.cfb_add(container, 'word/document.xml', Buffer.from('<w:document/>'));
  return Buffer.from(cfb.write(container, { fileType: 'zip', type: 'buffer' }));
}

async function commitAll(result: Output<'imports.previewCustomers'>) {
  return call(app, 'imports.commitCustomers', {
    importId: result.importId,
    mapping: result.mapping,
    onDuplicate: 'skip',
  });
}

describe('files that are not spreadsheets', () => {
  it.each([
    ['random bytes', noise(20_000), 'customers.xlsx', 'notSpreadsheet'],
    [
      'a PNG',
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise(2000)]),
      'photo.xlsx',
      'notSpreadsheet',
    ],
    ['a zip that is no workbook', otherZip(), 'report.xlsx', 'notSpreadsheet'],
    [
      'a broken xls',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), noise(4000)]),
      'old.xls',
      'notSpreadsheet',
    ],
    [
      'a truncated xlsx',
      workbookBytes({ S: sheet([['Name'], ['A']]) }).subarray(0, 200),
      'cut.xlsx',
      'damaged',
    ],
  ])('refuses %s with a clear message and writes nothing', async (_label, bytes, name, key) => {
    const before = dbSnapshot(app);
    const error = await callError(app, 'imports.previewCustomers', {
      fileName: name,
      dataBase64: bytes.toString('base64'),
    });
    expect(error).toMatchObject({ code: 'invalid_input', key: `imports.errors.${key}` });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses an empty file, an empty sheet and a sheet with only headers', async () => {
    const empty = async (bytes: Buffer) =>
      callError(app, 'imports.previewCustomers', {
        fileName: 'x.xlsx',
        dataBase64: bytes.toString('base64'),
      });
    expect(await empty(Buffer.alloc(0))).toMatchObject({ key: 'imports.errors.empty' });
    expect(await empty(workbookBytes({ Empty: sheet([]) }))).toMatchObject({
      key: 'imports.errors.empty',
    });
    expect(await empty(Buffer.from('\n\n , ,\n'))).toMatchObject({ key: 'imports.errors.empty' });
    expect(await empty(workbookBytes({ S: sheet([['客户名称', '电话']]) }))).toMatchObject({
      key: 'imports.errors.noRows',
    });
  });

  it('reads the first sheet that holds data', async () => {
    const result = await preview(
      app,
      workbookBytes({ 说明: sheet([]), 客户: sheet([['客户名称'], ['华润']]) }),
    );
    expect(result.sheetName).toBe('客户');
  });
});

describe('formats', () => {
  it('reads xls, csv in UTF-8 (with BOM) and GB18030, and an HTML table saved as .xls', async () => {
    const rows = [
      ['客户名称', '电话'],
      ['华润', '021-1'],
    ];
    const xls = await preview(app, workbookBytes({ S: sheet(rows) }, 'biff8'), 'old.xls');
    expect(xls.counts.valid).toBe(1);
    const csv = await preview(
      app,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('客户名称,电话\n华润,00123\n')]),
      'a.csv',
    );
    expect(csv.columns[0]?.header).toBe('客户名称');
    expect(csv.sample[0]?.values).toEqual([
      { field: 'name', value: '华润' },
      { field: 'phone', value: '00123' },
    ]);
    // 客户名称,电话 / 华润,021 in GBK, as WPS saves a Chinese CSV.
    const gbk = Buffer.from([
      0xbf, 0xcd, 0xbb, 0xa7, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0, 0x0a, 0xbb,
      0xaa, 0xc8, 0xf3, 0x2c, 0x30, 0x32, 0x31, 0x0a,
    ]);
    expect(new TextDecoder('gb18030').decode(gbk)).toBe('客户名称,电话\n华润,021\n');
    const fromWps = await preview(app, gbk, 'wps.csv');
    expect(fromWps.mapping).toEqual(['name', 'phone']);
    expect(fromWps.sample[0]?.values[0]).toEqual({ field: 'name', value: '华润' });
    const html = await preview(
      app,
      Buffer.from(
        '<html><body><table><tr><td>客户名称</td></tr><tr><td>华润</td></tr></table></body></html>',
      ),
      'crm-export.xls',
    );
    expect(html.counts.valid).toBe(1);
  });

  it('keeps long phone numbers whole and reads a fixture saved to disk', async () => {
    const path = saveFixture(
      app,
      'phones.xlsx',
      workbookBytes({
        S: sheet([
          ['Name', 'Phone'],
          ['A', 13800138000],
          ['B', 861380013800012],
        ]),
      }),
    );
    const result = await preview(app, readFileSync(path));
    expect(result.sample.map((r) => r.values[1]?.value)).toEqual([
      '13800138000',
      '861380013800012',
    ]);
  });
});

describe('hostile cells', () => {
  it('a __proto__ or constructor header pollutes nothing and imports as plain data when mapped', async () => {
    const bytes = workbookBytes({
      S: sheet([
        ['__proto__', 'constructor', 'polluted'],
        ['Evil Corp', '{"polluted":1}', 'yes'],
      ]),
    });
    const guessed = await preview(app, bytes);
    expect(guessed.mapping).toEqual([null, null, null]);
    expect(guessed.columns.map((c) => c.header)).toEqual(['__proto__', 'constructor', 'polluted']);
    const mapped = await call(app, 'imports.remapCustomers', {
      importId: guessed.importId,
      mapping: ['name', 'notes', null],
    });
    await commitAll(mapped);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(app.sqlite.prepare('SELECT name, notes FROM customers').all()).toEqual([
      { name: 'Evil Corp', notes: '{"polluted":1}' },
    ]);

    const csv = await preview(app, Buffer.from('__proto__,客户名称\n{"a":1},Foo\n'), 'x.csv');
    expect(csv.mapping).toEqual([null, 'name']);
    expect(({} as Record<string, unknown>).a).toBeUndefined();
  });

  it('formula cells import as their cached value or their text, never run', async () => {
    const bytes = workbookBytes({
      S: sheet([
        ['客户名称', '备注', '地址'],
        [
          'Link Ltd',
          { t: 's', f: 'HYPERLINK("http://evil.example","Click me")', v: 'Click me' },
          { t: 'n', f: 'HYPERLINK("http://evil.example")' },
        ],
        ['DDE Ltd', { t: 'e', f: "cmd|' /C calc'!A0" }, { t: 'n', f: '1+1', v: 2 }],
      ]),
    });
    const result = await preview(app, bytes);
    expect(result.counts.valid).toBe(2);
    await commitAll(result);
    expect(
      app.sqlite.prepare('SELECT name, notes, address FROM customers ORDER BY name').all(),
    ).toEqual([
      { name: 'DDE Ltd', notes: "=cmd|' /C calc'!A0", address: '2' },
      { name: 'Link Ltd', notes: 'Click me', address: '=HYPERLINK("http://evil.example")' },
    ]);
  });

  it('formulas in a CSV stay text', async () => {
    const result = await preview(
      app,
      Buffer.from(
        `客户名称,备注\n"=cmd|' /C calc'!A0","=HYPERLINK(""http://x"",""y"")"\n@SUM(1),+1-1\n`,
      ),
      'x.csv',
    );
    await commitAll(result);
    expect(app.sqlite.prepare('SELECT name, notes FROM customers ORDER BY name').all()).toEqual([
      { name: "=cmd|' /C calc'!A0", notes: '=HYPERLINK("http://x","y")' },
      { name: '@SUM(1)', notes: '+1-1' },
    ]);
  });

  it('a 50,000-character cell is a row error where it is mapped, ignored where not, and never echoed whole', async () => {
    const huge = '长'.repeat(50_000);
    const result = await preview(
      app,
      Buffer.from(`客户名称,备注,其他\n${huge},,\nOK Ltd,${huge},\nFine Ltd,,${huge}\n`),
      'big.csv',
    );
    expect(result.issues.map((i) => `${i.row} ${i.field} ${i.key}`)).toEqual([
      '2 name validation.tooLong',
      '3 notes validation.tooLong',
    ]);
    expect(result.counts).toMatchObject({ valid: 1, invalid: 2 });
    expect(JSON.stringify(result).length).toBeLessThan(5000);
    expect(await commitAll(result)).toMatchObject({ created: 1, invalid: 2 });
    expect(count(app, 'customers')).toBe(1);
  });
});

describe('size limits', () => {
  it(`refuses more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows quickly, with the limit in the message`, async () => {
    const lines = ['客户名称,电话'];
    for (let i = 0; i < 100_000; i++) lines.push(`客户${i},021-${i}`);
    const started = performance.now();
    const error = await callError(app, 'imports.previewCustomers', {
      fileName: 'huge.csv',
      dataBase64: Buffer.from(lines.join('\n')).toString('base64'),
    });
    expect(error).toMatchObject({
      code: 'invalid_input',
      key: 'imports.errors.tooManyRows',
      params: { max: MAX_IMPORT_ROWS },
    });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(count(app, 'customers')).toBe(0);
  });

  it('takes exactly the limit', async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `c${i}`);
    const result = await preview(app, Buffer.from(['Name', ...rows].join('\n')), 'limit.csv');
    expect(result.counts.valid).toBe(MAX_IMPORT_ROWS);
  });

  it('answers other calls while it checks a large file', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [`客户${i}`, `021-${i}`]);
    const bytes = workbookBytes({ S: sheet([['客户名称', '电话'], ...rows]) });
    const order: string[] = [];
    let listed: Promise<unknown> | null = null;
    app.onProgress((p) => {
      if (!listed && p.task === 'imports.progress.check' && p.done > 0) {
        listed = call(app, 'customers.list', { scope: 'all' }).then(() => order.push('list'));
      }
    });
    await preview(app, bytes).then(() => order.push('preview'));
    await listed;
    expect(order).toEqual(['list', 'preview']);
  });
});

describe('utils sanity', () => {
  it('the fixture helper writes formula cells the reader sees', () => {
    const ws = sheet([['a', { t: 'n', f: '1+1', v: 2 }]]);
    expect(utils.sheet_to_json(ws, { header: 1 })).toEqual([['a', 2]]);
  });
});
