import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../electron/cli';
import { count, tempApp } from '../../helpers';
import { saveFixture, sheet, team, workbookBytes, type TestApp } from './imports.fixtures';

let app: TestApp;
let out: string[];
let err: string[];

beforeEach(async () => {
  app = tempApp();
  await team(app);
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation(
    (...args: unknown[]) => void out.push(args.map(String).join(' ')),
  );
  vi.spyOn(console, 'error').mockImplementation(
    (...args: unknown[]) => void err.push(args.map(String).join(' ')),
  );
});
afterEach(() => {
  vi.restoreAllMocks();
  app.cleanup();
});

const synced = () => [count(app, 'customers'), count(app, 'contacts'), count(app, 'change_log')];

function messy(): string {
  return saveFixture(
    app,
    '客户导出.xlsx',
    workbookBytes({
      S: sheet([
        ['客户名称', '联系电话', '业务员', '联系人', '手机'],
        ['华润医药', '021-1', '张伟', '李四', '13900001111'],
        ['坏电话', 'call me', '', '', ''],
        ['Acme', '', '无此人', '', ''],
      ]),
    }),
  );
}

describe('pacer import customers', () => {
  it('lists itself and explains its options', () => {
    expect(main(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/^ {2}import\s+import customers/m);
    out = [];
    expect(main(['import', '--help'])).toBe(0);
    const help = out.join('\n');
    expect(help).toContain(
      'Usage: pacer import customers --db FILE [--dry-run] [--map JSON] [--on-duplicate skip|update] SPREADSHEET',
    );
    for (const option of ['--db', '--dry-run', '--map', '--on-duplicate', '--help'])
      expect(help).toContain(`  ${option} `);
  });

  it('--dry-run prints the mapping, counts and problems and writes nothing', () => {
    const before = synced();
    expect(main(['import', 'customers', '--db', app.file, '--dry-run', messy()])).toBe(0);
    expect(err).toEqual([]);
    const text = out.join('\n');
    expect(text).toContain('客户导出.xlsx, sheet "S": 3 rows (headers in row 1)');
    expect(text).toContain(
      'A 客户名称 → name; B 联系电话 → phone; C 业务员 → owner; D 联系人 → contactName; E 手机 → contactMobile',
    );
    expect(text).toContain('ready 1 (already customers 0), with problems 2, blank 0');
    expect(text).toContain('  row 3  Phone: Only digits, spaces and + ( ) - are allowed');
    expect(text).toContain('  row 4  Owner: No user named “无此人”');
    expect(text).toContain('dry run: nothing was written');
    expect(synced()).toEqual(before);
  });

  it('imports the valid rows, and a second run skips or updates them', () => {
    const file = messy();
    expect(main(['import', 'customers', '--db', app.file, file])).toBe(0);
    expect(out.at(-1)).toBe(
      'imported: 1 new, 0 updated, 0 unchanged, 0 skipped (already customers), 2 left out with problems, 1 contacts added',
    );
    expect(app.sqlite.prepare('SELECT name, phone FROM customers').all()).toEqual([
      { name: '华润医药', phone: '021-1' },
    ]);
    const after = synced();
    expect(main(['import', 'customers', '--db', app.file, file])).toBe(0);
    expect(out.at(-1)).toContain('0 new, 0 updated, 0 unchanged, 1 skipped');
    expect(synced()).toEqual(after);
    expect(main(['import', 'customers', '--db', app.file, '--on-duplicate', 'update', file])).toBe(
      0,
    );
    expect(out.at(-1)).toContain('0 new, 0 updated, 1 unchanged, 0 skipped');
    expect(synced()).toEqual(after);
  });

  it('--map sets columns by header or letter over the guess', () => {
    const file = saveFixture(
      app,
      'odd.csv',
      Buffer.from('单位,号码,说明,客户名称\nAcme,010-1,note,not the name\n'),
    );
    expect(
      main([
        'import',
        'customers',
        '--db',
        app.file,
        '--map',
        '{"单位":"name","b":"phone","说明":"notes","客户名称":null}',
        file,
      ]),
    ).toBe(0);
    expect(out.join('\n')).toContain(
      'A 单位 → name; B 号码 → phone; C 说明 → notes; D 客户名称 → (not imported)',
    );
    expect(app.sqlite.prepare('SELECT name, phone, notes FROM customers').all()).toEqual([
      { name: 'Acme', phone: '010-1', notes: 'note' },
    ]);
  });

  it('fails with one line for a file it cannot import', () => {
    const before = synced();
    const notSheet = saveFixture(
      app,
      'photo.xlsx',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]),
    );
    expect(main(['import', 'customers', '--db', app.file, notSheet])).toBe(1);
    expect(err).toEqual([
      'pacer import: This file is not a spreadsheet Pacer can read. Choose an .xlsx, .xls or .csv file.',
    ]);
    err = [];
    const noName = saveFixture(app, 'x.csv', Buffer.from('Foo,Bar\n1,2\n'));
    expect(main(['import', 'customers', '--db', app.file, noName])).toBe(1);
    expect(out.join('\n')).toContain('mapping: Choose the column that holds the customer name.');
    expect(synced()).toEqual(before);
  });

  it.each([
    [
      ['import', 'contacts', '--db', 'DB', 'F'],
      'say what to import: pacer import customers … SPREADSHEET',
    ],
    [['import', 'customers', '--db', 'DB'], 'give exactly one spreadsheet file'],
    [
      ['import', 'customers', '--db', 'DB', 'F', '--on-duplicate', 'merge'],
      '--on-duplicate must be skip or update',
    ],
    [['import', 'customers', '--db', 'DB', 'F', '--map', '{nope'], '--map is not JSON'],
    [
      ['import', 'customers', '--db', 'DB', 'F', '--map', '{"Nope":"name"}'],
      '--map: the file has no column "Nope"',
    ],
    [
      ['import', 'customers', '--db', 'DB', 'F', '--map', '{"A":"__proto__"}'],
      '--map: "__proto__" is not a field',
    ],
  ])('refuses %j as a usage error (exit 2)', (args, message) => {
    const file = messy();
    const argv = args.map((a) => (a === 'DB' ? app.file : a === 'F' ? file : a));
    expect(main(argv)).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(message);
    expect(err[0]).toMatch(/\(see pacer import --help\)$/);
  });
});
