import { expect, test, type Host } from './fixtures';

test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

type Customer = { id: string; name: string; owner_id: string };

/** A customer we sell to, owned by a rep, with contacts (the demo gives each two to four). */
function pickCustomer(host: Host): Customer {
  return host.one<Customer>(
    "SELECT c.id, c.name, c.owner_id FROM customers c JOIN users u ON u.id = c.owner_id WHERE c.status = 'customer' AND u.role = 'rep' ORDER BY c.name LIMIT 1 OFFSET 3",
  );
}

async function openCustomer(page: import('@playwright/test').Page, host: Host, customer: Customer) {
  await page.goto(`${host.url}#/customers`);
  await page.getByLabel('Search name, contact or phone').fill(customer.name);
  // The search is debounced: wait for the list to settle on the one match before clicking it.
  const table = page.getByRole('table', { name: 'Customers' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await table.getByRole('link', { name: customer.name }).click();
  await expect(page.getByRole('heading', { name: customer.name, level: 2 })).toBeVisible();
}

test('log a call on a customer, see it in the timeline, then delete it', async ({ page, host }) => {
  const customer = pickCustomer(host);
  const manager = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'manager'",
  );
  const contact = host.one<{ id: string; name: string }>(
    'SELECT id, name FROM contacts WHERE customer_id = ? ORDER BY name LIMIT 1',
    customer.id,
  );
  // The timeline is activities, deal moves, collections and visits that happened together.
  const entriesBefore = host.one<{ n: number }>(
    `SELECT (SELECT count(*) FROM activities WHERE customer_id = ? AND deleted_at IS NULL)
          + (SELECT count(*) FROM stage_history WHERE customer_id = ? AND deleted_at IS NULL)
          + (SELECT count(*) FROM collections WHERE customer_id = ? AND deleted_at IS NULL)
          + (SELECT count(*) FROM visits WHERE customer_id = ? AND deleted_at IS NULL
               AND status <> 'planned') AS n`,
    customer.id,
    customer.id,
    customer.id,
    customer.id,
  ).n;
  await openCustomer(page, host, customer);

  const timeline = page.getByRole('region', { name: 'Communication' });
  await expect(timeline.getByText(`${entriesBefore} entries`)).toBeVisible();
  // An empty text is refused before anything is sent.
  await timeline.getByRole('button', { name: 'Log' }).click();
  await expect(timeline.getByText('Required')).toBeVisible();

  const body = 'Called about the renewal quote; they want a proposal next week';
  await timeline.getByLabel('What happened').fill(body);
  // The category starts from the customer's status: a customer we sell to is maintenance.
  await expect(timeline.getByRole('combobox', { name: 'Category' })).toHaveValue('Maintenance');
  await timeline.getByRole('combobox', { name: 'Contact' }).click();
  await page.getByRole('option', { name: new RegExp(`^${contact.name}`) }).click();
  await timeline.getByRole('button', { name: 'Log' }).click();
  await expect(page.getByText('Logged on the timeline')).toBeVisible();

  // Newest first: the call is the first entry, with who, when, category and contact.
  const first = timeline.locator('.mantine-Timeline-item').first();
  await expect(first).toContainText(body);
  await expect(first).toContainText('Call');
  await expect(first).toContainText('Maintenance');
  await expect(first).toContainText(`with ${contact.name}`);
  await expect(first).toContainText(manager.name);
  await expect(timeline.getByText(`${entriesBefore + 1} entries`)).toBeVisible();

  const row = host.one<Record<string, unknown>>('SELECT * FROM activities WHERE body = ?', body);
  expect(row).toMatchObject({
    customer_id: customer.id,
    kind: 'call',
    category: 'maintenance',
    contact_id: contact.id,
    user_id: manager.id,
    updated_by: manager.id,
    deleted_at: null,
  });
  expect(Math.abs(Date.parse(String(row.at)) - Date.now())).toBeLessThan(120_000);
  expect(
    host.one<{ n: number }>(
      "SELECT count(*) AS n FROM change_log WHERE table_name = 'activities' AND row_id = ?",
      row.id,
    ).n,
  ).toBeGreaterThan(5);

  // My own entry can be deleted, after a confirmation; the row stays, soft-deleted.
  await first.getByRole('button', { name: 'Delete this entry' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Entry deleted')).toBeVisible();
  await expect(timeline.getByText(body)).toBeHidden();
  await expect
    .poll(
      () =>
        host.one<{ deleted_at: string | null }>(
          'SELECT deleted_at FROM activities WHERE id = ?',
          row.id,
        ).deleted_at,
    )
    .not.toBeNull();
  // Entries the rep logged are not mine to delete.
  await expect(timeline.getByRole('button', { name: 'Delete this entry' })).toHaveCount(0);
});

test('add a follow-up, find it on My follow-ups, complete it with one click and undo', async ({
  page,
  host,
}) => {
  const customer = pickCustomer(host);
  const manager = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'manager'",
  );
  await openCustomer(page, host, customer);

  const panel = page.getByRole('region', { name: 'Follow-ups' });
  const text = 'Send the revised proposal';
  await panel.getByLabel('To-do').fill(text);
  // Due today, picked from the calendar; assigned to me rather than the customer's owner.
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  await panel.getByRole('button', { name: 'Due' }).click();
  await page
    .getByRole('button', {
      name: `${now.getDate()} ${now.toLocaleString('en', { month: 'long' })} ${now.getFullYear()}`,
      exact: true,
    })
    .first()
    .click();
  await panel.getByRole('combobox', { name: 'Assignee' }).click();
  await page.getByRole('option', { name: manager.name, exact: true }).click();
  await panel.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByText(/^Follow-up added for/)).toBeVisible();
  await expect(panel.getByText(text)).toBeVisible();

  const added = host.one<Record<string, unknown>>('SELECT * FROM follow_ups WHERE text = ?', text);
  expect(added).toMatchObject({
    customer_id: customer.id,
    owner_id: manager.id,
    due_on: today,
    done_at: null,
    updated_by: manager.id,
  });

  await page.getByRole('link', { name: 'My follow-ups' }).click();
  await expect(page.getByRole('heading', { name: 'My follow-ups', level: 2 })).toBeVisible();
  const todayTable = page.getByRole('table', { name: 'Today' });
  const row = todayTable.getByRole('row').filter({ hasText: text });
  await expect(row).toBeVisible();
  await expect(row.getByRole('link', { name: customer.name })).toBeVisible();

  // One click completes it; the database has its done time.
  await row.getByRole('checkbox', { name: `Mark “${text}” done` }).click();
  await expect(page.getByText(`Done: ${text}`)).toBeVisible();
  await expect(todayTable.getByText(text)).toBeHidden();
  await expect
    .poll(
      () =>
        host.one<{ done_at: string | null }>(
          'SELECT done_at FROM follow_ups WHERE id = ?',
          added.id,
        ).done_at,
    )
    .not.toBeNull();

  // Undo from the toast reopens it.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText(`Reopened: ${text}`)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Today' }).getByText(text)).toBeVisible();
  expect(
    host.one<{ done_at: string | null }>('SELECT done_at FROM follow_ups WHERE id = ?', added.id)
      .done_at,
  ).toBeNull();

  // The customer link leads back to the customer, where it is open again.
  await page
    .getByRole('table', { name: 'Today' })
    .getByRole('row')
    .filter({ hasText: text })
    .getByRole('link', { name: customer.name })
    .click();
  await expect(page.getByRole('heading', { name: customer.name, level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Follow-ups' }).getByText(text)).toBeVisible();
});
