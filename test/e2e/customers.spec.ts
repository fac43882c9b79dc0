import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

type CustomerRecord = {
  id: string;
  name: string;
  phone: string | null;
  status: string;
  deleted_at: string | null;
  updated_by: string;
};

test('add, search, edit, delete and undo a customer', async ({ page, host }) => {
  await page.goto(`${host.url}#/customers`);
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Acme Robotics (Suzhou) Ltd');
  await dialog.getByLabel('Phone').fill('0512-6666 8888');
  await dialog.locator('label', { hasText: /^Customer$/ }).click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByText('Acme Robotics (Suzhou) Ltd was added')).toBeVisible();

  // Creating opens the new customer's page.
  await expect(page.getByRole('heading', { name: 'Acme Robotics (Suzhou) Ltd' })).toBeVisible();
  const created = host.one<CustomerRecord>(
    "SELECT * FROM customers WHERE name = 'Acme Robotics (Suzhou) Ltd'",
  );
  expect(created).toMatchObject({ phone: '0512-6666 8888', status: 'customer', deleted_at: null });
  const manager = host.one<{ id: string }>("SELECT id FROM users WHERE role = 'manager'");
  expect(created.updated_by).toBe(manager.id);

  // Search, with full-width letters and another case: the name key folds both.
  await page.getByRole('link', { name: 'Customers' }).first().click();
  await page.getByLabel('Search name, contact or phone').fill('ＡＣＭＥ robotics');
  const table = page.getByRole('table', { name: 'Customers' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('link', { name: 'Acme Robotics (Suzhou) Ltd' })).toBeVisible();

  // Search by a contact's name finds the contact's customer.
  const contact = host.one<{ name: string; customer: string }>(
    'SELECT c.name, cu.name AS customer FROM contacts c JOIN customers cu ON cu.id = c.customer_id ORDER BY c.id LIMIT 1',
  );
  await page.getByLabel('Search name, contact or phone').fill(contact.name);
  await expect(table.getByRole('link', { name: contact.customer })).toBeVisible();

  // Edit from the detail page.
  await page.getByLabel('Search name, contact or phone').fill('Acme');
  await table.getByRole('link', { name: 'Acme Robotics (Suzhou) Ltd' }).click();
  await page.getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('dialog').getByLabel('Phone').fill('0512-1234 5678');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByText('0512-1234 5678')).toBeVisible();
  expect(host.one<CustomerRecord>('SELECT * FROM customers WHERE id = ?', created.id).phone).toBe(
    '0512-1234 5678',
  );
  const logged = host.rows<{ column: string }>(
    'SELECT "column" FROM change_log WHERE row_id = ? AND hlc > (SELECT min(hlc) FROM change_log WHERE row_id = ? AND "column" = \'created_at\') AND "column" <> \'created_at\'',
    created.id,
    created.id,
  );
  expect(logged.map((r) => r.column)).toContain('phone');

  // Delete, then undo from the toast.
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Acme Robotics (Suzhou) Ltd was deleted')).toBeVisible();
  expect(
    host.one<CustomerRecord>('SELECT * FROM customers WHERE id = ?', created.id).deleted_at,
  ).not.toBeNull();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Acme Robotics (Suzhou) Ltd is back')).toBeVisible();
  expect(
    host.one<CustomerRecord>('SELECT * FROM customers WHERE id = ?', created.id).deleted_at,
  ).toBeNull();
  await page.getByLabel('Search name, contact or phone').fill('Acme');
  await expect(table.getByRole('link', { name: 'Acme Robotics (Suzhou) Ltd' })).toBeVisible();
});

test('bad input shows the message, keeps what was typed and changes nothing', async ({
  page,
  host,
}) => {
  const before = host.one<{ customers: number; log: number }>(
    'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM change_log) AS log',
  );
  const existing = host.one<{ name: string }>('SELECT name FROM customers ORDER BY name LIMIT 1');
  await page.goto(`${host.url}#/customers`);
  await page.getByRole('button', { name: 'New customer' }).click();
  const dialog = page.getByRole('dialog');

  // Empty name.
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Required')).toBeVisible();

  // A duplicate that differs only in width and spacing: the main process refuses it and names the clash.
  const variant = ` ${existing.name.replace('有限公司', '有限公司 ').normalize('NFKC')}`
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
  await dialog.getByLabel('Name').fill(variant);
  await dialog.getByLabel('Address').fill('Room 1201, Tower B');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(
    dialog.getByText(`A customer named “${existing.name}” already exists.`),
  ).toBeVisible();
  await expect(dialog.getByLabel('Address')).toHaveValue('Room 1201, Tower B');

  // A phone with letters.
  await dialog.getByLabel('Phone').fill('call me maybe');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Only digits, spaces and + ( ) - are allowed')).toBeVisible();

  const after = host.one<{ customers: number; log: number }>(
    'SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM change_log) AS log',
  );
  expect(after).toEqual(before);
});

test('filters, sort and paging run against the whole list', async ({ page, host }) => {
  await page.goto(`${host.url}#/customers`);
  const table = page.getByRole('table', { name: 'Customers' });
  await expect(page.getByText('300 customers')).toBeVisible();
  await expect(page.getByText('1–50 of 300')).toBeVisible();

  await page.getByRole('button', { name: '2', exact: true }).click();
  await expect(page.getByText('51–100 of 300')).toBeVisible();

  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Lost' }).click();
  const lost = host.one<{ n: number }>(
    "SELECT count(*) AS n FROM customers WHERE status = 'lost' AND deleted_at IS NULL",
  ).n;
  await expect(page.getByText(`${lost} customers`)).toBeVisible();

  // Sort by Updated, then flip it: wait for each click to apply before the next.
  const updated = page.getByRole('columnheader', { name: 'Updated' });
  await page.getByRole('button', { name: 'Updated' }).click();
  await expect(updated).toHaveAttribute('aria-sort', /ascending|descending/);
  const first = await updated.getAttribute('aria-sort');
  await page.getByRole('button', { name: 'Updated' }).click();
  await expect(updated).not.toHaveAttribute('aria-sort', first ?? '');
  await expect(updated).toHaveAttribute('aria-sort', 'descending');
  const newest = host.one<{ name: string }>(
    "SELECT name FROM customers WHERE status = 'lost' ORDER BY updated_at DESC, id ASC LIMIT 1",
  );
  await expect(table.getByRole('row').nth(1)).toContainText(newest.name);

  await page.locator('label', { hasText: /^Mine$/ }).click();
  await expect(page.getByText('No customers match')).toBeVisible();
});
