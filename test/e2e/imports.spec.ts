import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { utils, write } from '@e965/xlsx';
import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

/** A file as the user has it on disk (outside test-results, which parallel runs clear). */
function userFile(name: string, bytes: Buffer): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pacer-import-e2e-')), name);
  writeFileSync(file, bytes);
  return file;
}

type Customer = {
  id: string;
  name: string;
  phone: string | null;
  status: string;
  owner_id: string | null;
  notes: string | null;
};

test('import a messy xlsx: see the error rows, import the valid ones, nothing else', async ({
  page,
  host,
}) => {
  const existing = host.one<{ id: string; name: string; phone: string | null }>(
    'SELECT id, name, phone FROM customers WHERE deleted_at IS NULL ORDER BY name LIMIT 1',
  );
  const rep = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'rep' AND active = 1 ORDER BY name LIMIT 1",
  );
  const manager = host.one<{ id: string }>("SELECT id FROM users WHERE role = 'manager'");
  const before = host.one<{ customers: number; contacts: number }>(
    'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM contacts) AS contacts',
  );

  // A CRM export as it comes: a title row, Chinese headers, an extra column, bad rows, a formula.
  const rows = [
    ['客户资料导出 2026-11-01'],
    ['客户名称', '联系电话', '业务员', '客户状态', '联系人', '职务', '手机', '备注', '内部编号'],
    [
      'Harbor Freight Logistics',
      '021-66668888',
      rep.name,
      '客户',
      'Li Si',
      'Buyer',
      '13900001111',
      'from the old CRM',
      'C-1',
    ],
    ['', '021-1234', '', '', '', '', '', '', 'C-2'],
    ['Broken Phone Co', 'call me', '', '', '', '', '', '', 'C-3'],
    ['Ghost Owner Ltd', '', 'Nobody Here', '', '', '', '', '', 'C-4'],
    ['harbor freight  LOGISTICS', '', '', '', '', '', '', '', 'C-5'],
    ['VIP Status Ltd', '', '', 'VIP', '', '', '', '', 'C-6'],
    [existing.name, '010-99999999', '', '', '', '', '', '', 'C-7'],
    ['Quiet Prospect', '', '', '', '', '', '', '', 'C-8'],
  ];
  const sheet = utils.aoa_to_sheet(rows);
  sheet['H10'] = { t: 's', f: 'HYPERLINK("http://evil.example","Click me")', v: 'Click me' };
  const workbook = utils.book_new();
  utils.book_append_sheet(workbook, sheet, '客户');
  const file = userFile(
    'crm-export.xlsx',
    write(workbook, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  );

  await page.goto(`${host.url}#/customers`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import customers' });
  await dialog.locator('input[type=file]').setInputFiles(file);

  // Columns: guessed from the Chinese headers; the extra column is left out.
  const columns = dialog.getByRole('table', { name: 'Columns' });
  await expect(columns).toBeVisible();
  await expect(dialog.getByText('Headers found in row 2 of sheet “客户”')).toBeVisible();
  await expect(columns.getByLabel('Pacer field: 客户名称')).toHaveValue('Customer name');
  await expect(columns.getByLabel('Pacer field: 业务员')).toHaveValue('Owner');
  await expect(columns.getByLabel('Pacer field: 内部编号')).toHaveValue('Don’t import');
  await dialog.getByRole('button', { name: 'Next' }).click();

  // Check: counts and every error row, with its sheet row number.
  const problems = dialog.getByRole('table', { name: 'Problems' });
  await expect(problems).toBeVisible();
  const expectProblem = (row: number, field: string, text: string) =>
    expect(
      problems
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: String(row), exact: true }) })
        .filter({ hasText: field })
        .filter({ hasText: text }),
    ).toHaveCount(1);
  await expectProblem(4, 'Customer name', 'Required');
  await expectProblem(5, 'Phone', 'Only digits, spaces and + ( ) - are allowed');
  await expectProblem(6, 'Owner', 'No user named “Nobody Here”');
  await expectProblem(7, 'Customer name', 'Same name as row 3');
  await expectProblem(8, 'Status', '“VIP” is not a status');
  await expectProblem(9, 'Customer name', `Already a customer: “${existing.name}”`);
  await expect(problems.getByRole('row')).toHaveCount(7);

  // The existing customer is updated with the file's phone rather than skipped.
  await expect(dialog.getByRole('button', { name: 'Import 2 rows' })).toBeVisible();
  await dialog
    .getByLabel('Update them with the file’s values (empty cells change nothing)')
    .check();
  await dialog.getByRole('button', { name: 'Import 3 rows' }).click();

  await expect(dialog.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(dialog.getByRole('listitem', { name: 'New customers: 2' })).toBeVisible();
  await expect(dialog.getByRole('listitem', { name: 'Updated: 1' })).toBeVisible();
  await expect(dialog.getByRole('listitem', { name: 'Left out (problems): 5' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // What the database holds: the two new customers, the update, the contact, and nothing else.
  const after = host.one<{ customers: number; contacts: number }>(
    'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM contacts) AS contacts',
  );
  expect(after).toEqual({ customers: before.customers + 2, contacts: before.contacts + 1 });
  const harbor = host.one<Customer>(
    "SELECT * FROM customers WHERE name = 'Harbor Freight Logistics'",
  );
  expect(harbor).toMatchObject({
    phone: '021-66668888',
    status: 'customer',
    owner_id: rep.id,
    notes: 'from the old CRM',
  });
  expect(
    host.rows('SELECT name, title, phone FROM contacts WHERE customer_id = ?', harbor.id),
  ).toEqual([{ name: 'Li Si', title: 'Buyer', phone: '13900001111' }]);
  expect(host.one<Customer>("SELECT * FROM customers WHERE name = 'Quiet Prospect'")).toMatchObject(
    { status: 'prospect', owner_id: manager.id, notes: 'Click me' },
  );
  expect(host.one<Customer>('SELECT * FROM customers WHERE id = ?', existing.id).phone).toBe(
    '010-99999999',
  );
  for (const refused of ['Broken Phone Co', 'Ghost Owner Ltd', 'VIP Status Ltd']) {
    expect(host.rows('SELECT id FROM customers WHERE name = ?', refused)).toEqual([]);
  }

  // The list shows the new customer without a manual refresh.
  await page.getByLabel('Search name, contact or phone').fill('Harbor Freight');
  await expect(
    page
      .getByRole('table', { name: 'Customers' })
      .getByRole('link', { name: 'Harbor Freight Logistics' }),
  ).toBeVisible();
});

test('a file that is not a spreadsheet gets a clear message and the wizard stays usable', async ({
  page,
  host,
}) => {
  const file = userFile(
    'photo.xlsx',
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3, 4]),
  );
  const before = host.one<{ n: number }>('SELECT count(*) AS n FROM change_log').n;
  await page.goto(`${host.url}#/customers`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import customers' });
  await dialog.locator('input[type=file]').setInputFiles(file);
  await expect(
    dialog.getByText(
      'This file is not a spreadsheet Pacer can read. Choose an .xlsx, .xls or .csv file.',
    ),
  ).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Choose a file' })).toBeEnabled();
  expect(host.one<{ n: number }>('SELECT count(*) AS n FROM change_log').n).toBe(before);
});
