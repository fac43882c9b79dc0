import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../../shared/contract/bridge';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, tempApp } from '../../helpers';
import { preview, sheet, team, workbookBytes, type TestApp } from './imports.fixtures';

let app: TestApp;
let alice: User;
let carol: User;
let manager: User;

beforeEach(async () => {
  app = tempApp();
  ({ alice, carol, manager } = await team(app));
});
afterEach(() => app.cleanup());

const headers = [
  '客户名称',
  '电话',
  '负责人',
  '状态',
  '关系',
  '吸引力',
  '标签',
  '备注',
  '联系人',
  '职务',
  '手机',
  '内部编号',
];

function messyFile(): Buffer {
  return workbookBytes({
    客户: sheet([
      ['客户列表 导出于 2026-11-01'],
      headers,
      [
        '华润医药',
        '021-66668888',
        '张伟',
        '客户',
        4,
        5,
        '医药、重点',
        '老客户',
        '李四',
        '采购经理',
        13900001111,
        'X1',
      ],
      ['', '123', '', '', '', '', '', '', '', '', '', 'X2'],
      ['华润医药 ', '021-1', '', '', '', '', '', '', '', '', '', 'X3'],
      ['已有客户', '', '', '', '', '', '', '', '', '', '', 'X4'],
      ['坏电话公司', 'call me', '', '', '', '', '', '', '', '', '', 'X5'],
      ['无名负责人公司', '', '王五', '', '', '', '', '', '', '', '', 'X6'],
      ['停用负责人公司', '', 'bob li', '', '', '', '', '', '', '', '', 'X7'],
      ['坏状态公司', '', '', 'VIP', '', '', '', '', '', '', '', 'X8'],
      ['坏评分公司', '', '', '', 7, 'x', '', '', '', '', '', 'X9'],
      ['长备注公司', '', '', '', '', '', '', 'x'.repeat(6000), '', '', '', 'X10'],
      ['', '', '', '', '', '', '', '', '', '', '', 'only an unmapped cell'],
      ['ＡＢＣ公司', '', '', 'prospect', '', '', '', '', '', '', '', ''],
      ['abc公司', '', '', '', '', '', '', '', '', '', '', ''],
      ['长职务公司', '', '', '', '', '', '', '', '王二', 'y'.repeat(61), '', ''],
      ['Lost Ltd', '(021) 555-0100', 'CAROL  WU', 'LOST', '', '', '', '', '', '', '', ''],
    ]),
  });
}

describe('imports.previewCustomers', () => {
  it('guesses the mapping, finds the header below a title, and reports every kind of row problem', async () => {
    await call(app, 'customers.create', { name: '已有客户', ownerId: null, status: 'prospect' });
    const before = dbSnapshot(app);
    const result = await preview(app, messyFile());
    expect(dbSnapshot(app)).toBe(before);

    expect(result.sheetName).toBe('客户');
    expect(result.headerRow).toBe(2);
    expect(result.columns.map((c) => c.header)).toEqual(headers);
    expect(result.columns[0]).toMatchObject({
      letter: 'A',
      samples: ['华润医药', '华润医药', '已有客户'],
    });
    expect(result.mapping).toEqual([
      'name',
      'phone',
      'owner',
      'status',
      'relationship',
      'attractiveness',
      'tags',
      'notes',
      'contactName',
      'contactTitle',
      'contactMobile',
      null,
    ]);
    expect(result.mappingIssues).toEqual([]);

    const issues = result.issues.map((i) => `${i.row} ${i.field} ${i.key} ${i.kind}`);
    expect(issues).toEqual([
      '4 name validation.required error',
      '5 name imports.rowErrors.duplicateInFile error',
      '6 name imports.rowErrors.existing existing',
      '7 phone validation.phone error',
      '8 owner imports.rowErrors.ownerUnknown error',
      '9 owner imports.rowErrors.ownerInactive error',
      '10 status imports.rowErrors.status error',
      '11 relationship imports.rowErrors.score error',
      '11 attractiveness imports.rowErrors.score error',
      '12 notes validation.tooLong error',
      '15 name imports.rowErrors.duplicateInFile error',
      '16 contactTitle validation.tooLong error',
    ]);
    expect(result.issues.find((i) => i.row === 5)?.params).toEqual({ row: 3, name: '华润医药' });
    expect(result.issues.find((i) => i.row === 6)?.params).toEqual({ name: '已有客户' });
    expect(result.issues.find((i) => i.row === 8)?.params).toEqual({ name: '王五' });
    expect(result.issues.find((i) => i.row === 10)?.params).toEqual({ value: 'VIP' });
    expect(result.counts).toEqual({
      rows: 14,
      valid: 4,
      invalid: 10,
      existing: 1,
      blank: 1,
      issues: 12,
    });
    expect(result.sample[0]).toEqual({
      row: 3,
      values: [
        { field: 'name', value: '华润医药' },
        { field: 'phone', value: '021-66668888' },
        { field: 'owner', value: '张伟' },
        { field: 'status', value: '客户' },
        { field: 'relationship', value: '4' },
        { field: 'attractiveness', value: '5' },
        { field: 'tags', value: '医药、重点' },
        { field: 'notes', value: '老客户' },
        { field: 'contactName', value: '李四' },
        { field: 'contactTitle', value: '采购经理' },
        { field: 'contactMobile', value: '13900001111' },
      ],
    });
  });

  it('reports progress while it checks rows', async () => {
    const seen: Progress[] = [];
    app.onProgress((p) => seen.push(p));
    const rows = Array.from({ length: 1200 }, (_, i) => [`客户${i}`]);
    await preview(app, workbookBytes({ S: sheet([['客户名称'], ...rows]) }));
    expect(seen[0]).toEqual({ task: 'imports.progress.read', done: 0, total: 0 });
    const checks = seen.filter((p) => p.task === 'imports.progress.check');
    expect(checks.map((p) => p.done)).toEqual([0, 500, 1000, 1200]);
    expect(checks.every((p) => p.total === 1200)).toBe(true);
  });

  it('re-validates with another mapping, and refuses to import without a name column', async () => {
    const first = await preview(app, messyFile());
    const remapped = await call(app, 'imports.remapCustomers', {
      importId: first.importId,
      mapping: [null, 'phone', 'phone'],
    });
    expect(remapped.mappingIssues).toEqual([
      { key: 'imports.mapping.nameMissing', params: {} },
      { key: 'imports.mapping.twice', params: { field: 'phone' } },
    ]);
    expect(remapped.counts.valid).toBe(0);
    const error = await callError(app, 'imports.commitCustomers', {
      importId: first.importId,
      mapping: [null, 'phone', 'phone'],
      onDuplicate: 'skip',
    });
    expect(error).toMatchObject({ code: 'invalid_input', key: 'imports.errors.mappingInvalid' });

    const nameOnly = await call(app, 'imports.remapCustomers', {
      importId: first.importId,
      mapping: ['name'],
    });
    expect(nameOnly.mapping).toHaveLength(headers.length);
    expect(nameOnly.counts).toMatchObject({ rows: 13, valid: 11, invalid: 2, blank: 2 });
  });
});

describe('imports.commitCustomers', () => {
  it('imports the valid rows with owner, status, grades, tags and contact, in one commit', async () => {
    await call(app, 'customers.create', { name: '已有客户', ownerId: null, status: 'prospect' });
    const logBefore = count(app, 'change_log');
    const tables: string[][] = [];
    app.onTablesChanged((t) => tables.push(t));
    const { importId, mapping } = await preview(app, messyFile());
    const result = await call(app, 'imports.commitCustomers', {
      importId,
      mapping,
      onDuplicate: 'skip',
    });
    expect(result).toEqual({
      created: 3,
      updated: 0,
      unchanged: 0,
      skipped: 1,
      invalid: 10,
      contactsCreated: 1,
    });
    expect(tables).toEqual([['customers', 'contacts']]);

    const row = app.sqlite
      .prepare("SELECT * FROM customers WHERE name = '华润医药'")
      .get() as Record<string, unknown>;
    expect(row).toMatchObject({
      phone: '021-66668888',
      owner_id: alice.id,
      status: 'customer',
      relationship: 4,
      attractiveness: 5,
      grade: 'key',
      tags: '["医药","重点"]',
      notes: '老客户',
      updated_by: manager.id,
    });
    expect(
      app.sqlite
        .prepare('SELECT name, title, phone FROM contacts WHERE customer_id = ?')
        .all(row.id),
    ).toEqual([{ name: '李四', title: '采购经理', phone: '13900001111' }]);
    // A row without an owner goes to the importer; owners match case- and width-insensitively.
    expect(
      app.sqlite.prepare("SELECT owner_id, status FROM customers WHERE name = 'ＡＢＣ公司'").get(),
    ).toEqual({ owner_id: manager.id, status: 'prospect' });
    expect(
      app.sqlite
        .prepare("SELECT owner_id, status, phone FROM customers WHERE name = 'Lost Ltd'")
        .get(),
    ).toEqual({ owner_id: carol.id, status: 'lost', phone: '(021) 555-0100' });
    // Empty fields are not logged: only what the file said.
    const logged = app.sqlite
      .prepare('SELECT "column" FROM change_log WHERE row_id = ? ORDER BY seq')
      .all(row.id)
      .map((r) => (r as { column: string }).column);
    expect(logged.sort()).toEqual([
      'attractiveness',
      'created_at',
      'name',
      'notes',
      'owner_id',
      'phone',
      'relationship',
      'status',
      'tags',
    ]);
    expect(count(app, 'change_log')).toBeGreaterThan(logBefore);

    // The same import cannot be committed twice.
    expect(
      await callError(app, 'imports.commitCustomers', { importId, mapping, onDuplicate: 'skip' }),
    ).toMatchObject({ code: 'not_found', key: 'imports.errors.expired' });
  });

  it('imports nothing when the commit fails midway: same rows, same change log', async () => {
    const rows = Array.from({ length: 300 }, (_, i) => [`客户${i}`, `李${i}`]);
    rows[250] = ['Boom', '李250'];
    const { importId, mapping } = await preview(
      app,
      workbookBytes({ S: sheet([['客户名称', '联系人'], ...rows]) }),
    );
    app.sqlite.exec(
      "CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON customers WHEN NEW.name = 'Boom' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END",
    );
    const before = dbSnapshot(app);
    const counts = () => [
      count(app, 'customers'),
      count(app, 'contacts'),
      count(app, 'change_log'),
    ];
    const countsBefore = counts();

    const error = await callError(app, 'imports.commitCustomers', {
      importId,
      mapping,
      onDuplicate: 'skip',
    });
    expect(error.code).toBe('internal');
    expect(error.message).toContain('disk on fire');
    expect(counts()).toEqual(countsBefore);
    expect(dbSnapshot(app)).toBe(before);

    // The file is still open: once the cause is gone, the same import goes through whole.
    app.sqlite.exec('DROP TRIGGER fail_midway');
    const result = await call(app, 'imports.commitCustomers', {
      importId,
      mapping,
      onDuplicate: 'skip',
    });
    expect(result).toMatchObject({ created: 300, contactsCreated: 300 });
    expect(count(app, 'customers')).toBe(300);
  });

  it('re-importing the same file creates no duplicates: skip leaves them, update changes only what differs', async () => {
    const file = (phone: string, notes: string, tags: string) =>
      workbookBytes({
        S: sheet([
          ['Company', 'Phone', 'Notes', 'Tags', 'Contact', 'Title', 'Owner'],
          ['Acme Ltd', phone, notes, tags, 'Ann', 'CEO', ''],
          ['Beta GmbH', '010-2', '', '', '', '', '张伟'],
        ]),
      });
    const first = await preview(app, file('010-1', 'first', 'a'));
    await call(app, 'imports.commitCustomers', {
      importId: first.importId,
      mapping: first.mapping,
      onDuplicate: 'skip',
    });
    const snapshot = dbSnapshot(app);

    const again = await preview(app, file('010-1', 'first', 'a'), 'again.xlsx');
    expect(again.counts).toMatchObject({ valid: 2, existing: 2 });
    expect(
      await call(app, 'imports.commitCustomers', {
        importId: again.importId,
        mapping: again.mapping,
        onDuplicate: 'skip',
      }),
    ).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 2,
      invalid: 0,
      contactsCreated: 0,
    });
    expect(dbSnapshot(app)).toBe(snapshot);

    const same = await preview(app, file('010-1', 'first', 'a'));
    expect(
      await call(app, 'imports.commitCustomers', {
        importId: same.importId,
        mapping: same.mapping,
        onDuplicate: 'update',
      }),
    ).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(dbSnapshot(app)).toBe(snapshot);

    // Different case and width still match; empty cells do not erase; tags merge.
    await call(app, 'customers.update', {
      id: (
        app.sqlite.prepare("SELECT id FROM customers WHERE name = 'Beta GmbH'").get() as {
          id: string;
        }
      ).id,
      fields: {
        name: 'Beta GmbH',
        ownerId: alice.id,
        status: 'customer',
        notes: 'keep me',
        phone: '010-2',
      },
    });
    const logBefore = count(app, 'change_log');
    const changed = workbookBytes({
      S: sheet([
        ['Company', 'Phone', 'Notes', 'Tags', 'Contact', 'Title'],
        ['ACME  LTD', '010-9', 'second', 'b', 'ann', 'CTO'],
        ['ｂｅｔａ gmbh', '', '', '', 'Bo', ''],
      ]),
    });
    const update = await preview(app, changed);
    expect(
      await call(app, 'imports.commitCustomers', {
        importId: update.importId,
        mapping: update.mapping,
        onDuplicate: 'update',
      }),
    ).toEqual({
      created: 0,
      updated: 2,
      unchanged: 0,
      skipped: 0,
      invalid: 0,
      contactsCreated: 1,
    });
    expect(
      app.sqlite
        .prepare("SELECT name, phone, notes, tags FROM customers WHERE name_key = 'acme ltd'")
        .get(),
    ).toEqual({ name: 'Acme Ltd', phone: '010-9', notes: 'second', tags: '["a","b"]' });
    expect(
      app.sqlite
        .prepare("SELECT name, phone, notes, status FROM customers WHERE name_key = 'beta gmbh'")
        .get(),
    ).toEqual({ name: 'Beta GmbH', phone: '010-2', notes: 'keep me', status: 'customer' });
    expect(app.sqlite.prepare('SELECT name, title FROM contacts ORDER BY name').all()).toEqual([
      { name: 'Ann', title: 'CTO' },
      { name: 'Bo', title: null },
    ]);
    expect(count(app, 'customers')).toBe(2);
    // phone, notes, tags of Acme; the contact's title; Bo's insert (created_at, customer_id, name).
    expect(count(app, 'change_log') - logBefore).toBe(7);
  });

  it('refuses an unknown or expired import id', async () => {
    expect(
      await callError(app, 'imports.remapCustomers', {
        importId: '01900000-0000-7000-8000-000000000000',
        mapping: ['name'],
      }),
    ).toMatchObject({ code: 'not_found', key: 'imports.errors.expired' });
    const { importId } = await preview(app, workbookBytes({ S: sheet([['Name'], ['A']]) }));
    await call(app, 'imports.discard', { importId });
    expect(
      await callError(app, 'imports.commitCustomers', {
        importId,
        mapping: ['name'],
        onDuplicate: 'skip',
      }),
    ).toMatchObject({ key: 'imports.errors.expired' });
  });
});
