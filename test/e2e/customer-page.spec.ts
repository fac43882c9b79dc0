import type { Locator, Page } from '@playwright/test';
import { expect, test, type Host, api } from './fixtures';

/**
 * Issue 14, the customer page: planned visits, follow-ups and open deals shown with links; new
 * deal and 补录拜访 default to the customer's owner; a summary's order is sales and its
 * collection a receipt even when nothing is owed (decision 0019).
 */
test.use({
  setup: { demo: true, language: 'en', as: 'manager' },
  viewport: { width: 1500, height: 1000 },
  timezoneId: 'Asia/Shanghai',
  locale: 'en-US',
});

type Customer = { id: string; name: string; ownerId: string; ownerName: string };

/** A rep's customer that owes nothing and has no receivable at all. */
function repCustomerOwingNothing(host: Host): Customer {
  return host.one<Customer>(
    `SELECT c.id, c.name, c.owner_id AS ownerId, u.name AS ownerName
       FROM customers c JOIN users u ON u.id = c.owner_id AND u.role = 'rep' AND u.active = 1
      WHERE c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM receivables r WHERE r.customer_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM collections k WHERE k.customer_id = c.id)
      ORDER BY c.name LIMIT 1`,
  );
}

/** Clicks "… anyway" when the dialog warns of an overlap with a demo visit. */
async function submitAnyway(dialog: Locator, submit: string) {
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  const anyway = dialog.getByRole('button', { name: /anyway/ });
  await Promise.race([
    dialog.waitFor({ state: 'hidden' }),
    anyway.waitFor().then(() => anyway.click()),
  ]);
  await expect(dialog).toBeHidden();
}

async function openCustomer(page: Page, host: Host, id: string) {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00+08:00'));
  await page.goto(`${host.url}#/customers/${id}`);
}

test('the customer page shows a planned visit, an open follow-up and the open deals, each linked', async ({
  page,
  host,
}) => {
  const customer = repCustomerOwingNothing(host);
  await api(host, 'followUps.create', {
    customerId: customer.id,
    ownerId: customer.ownerId,
    dueOn: '2026-11-26',
    text: 'E2E send the revised quote',
  });
  const deal = await api<{ id: string; title: string }>(host, 'deals.create', {
    customerId: customer.id,
    ownerId: customer.ownerId,
    title: 'E2E open deal',
    amount: 300_000,
    expectedCloseOn: '2026-12-30',
    today: '2026-11-23',
  });
  await openCustomer(page, host, customer.id);

  const planned = page.getByRole('region', { name: 'Planned visits' });
  await expect(planned).toBeVisible();
  await expect(planned.getByRole('button', { name: /Nov 24, 2026/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Plan visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plan a visit' });
  // The manager plans for the customer's owner.
  await expect(dialog.getByRole('combobox', { name: 'Rep' })).toHaveValue(
    new RegExp(customer.ownerName),
  );
  await submitAnyway(dialog, 'Plan visit');

  // Shown without a reload, and a planned visit is not contact.
  await expect(planned.getByRole('button', { name: /Nov 24, 2026/ })).toBeVisible();
  const visit = host.one<{ id: string; owner_id: string; status: string }>(
    "SELECT id, owner_id, status FROM visits WHERE customer_id = ? AND day = '2026-11-24'",
    customer.id,
  );
  expect(visit).toMatchObject({ owner_id: customer.ownerId, status: 'planned' });
  await planned.getByRole('button', { name: /Nov 24, 2026/ }).click();
  await expect(page.getByRole('dialog', { name: 'Visit' })).toContainText(customer.name);
  await page.keyboard.press('Escape');

  await expect(page.getByRole('region', { name: 'Follow-ups' })).toContainText(
    'E2E send the revised quote',
  );
  const deals = page.getByRole('region', { name: 'Funnel board' });
  await expect(deals.getByRole('link', { name: 'E2E open deal' })).toHaveAttribute(
    'href',
    new RegExp(`/deals/${deal.id}$`),
  );
});

test('new deal and log visit from a customer default to its owner, not the signed-in manager', async ({
  page,
  host,
}) => {
  const customer = repCustomerOwingNothing(host);
  await openCustomer(page, host, customer.id);
  await page
    .getByRole('region', { name: 'Funnel board' })
    .getByRole('button', { name: 'New deal' })
    .click();
  const dealDialog = page.getByRole('dialog', { name: 'New deal' });
  await expect(dealDialog.getByRole('combobox', { name: 'Owner' })).toHaveValue(
    new RegExp(customer.ownerName),
  );
  await dealDialog.getByRole('textbox', { name: 'Title' }).fill('E2E owner default');
  await dealDialog.getByRole('textbox', { name: 'Amount' }).fill('1000');
  await dealDialog.getByRole('button', { name: 'Create' }).click();
  await expect(dealDialog).toBeHidden();
  expect(host.one("SELECT owner_id FROM deals WHERE title = 'E2E owner default'").owner_id).toBe(
    customer.ownerId,
  );

  await page.getByRole('button', { name: 'Log visit' }).click();
  const logDialog = page.getByRole('dialog', { name: 'Log an unplanned visit' });
  await expect(logDialog.getByRole('combobox', { name: 'Rep' })).toHaveValue(
    new RegExp(customer.ownerName),
  );
});

test('a summary’s collection with nothing owed is a receipt; a later order is sales and takes it', async ({
  page,
  host,
}) => {
  const customer = repCustomerOwingNothing(host);
  await openCustomer(page, host, customer.id);

  await page.getByRole('button', { name: 'Log visit' }).click();
  let dialog = page.getByRole('dialog', { name: 'Log an unplanned visit' });
  await dialog.getByRole('radio', { name: 'Yes, effective' }).check();
  await expect(dialog).toContainText('Nothing is owed yet: it is kept on the customer');
  await dialog.getByRole('textbox', { name: 'Collected' }).fill('1000');
  await submitAnyway(dialog, 'Log visit');
  await expect(page.getByText('Unallocated receipt ¥1,000')).toBeVisible();
  expect(
    host.one(
      'SELECT receivable_id, deal_id, amount FROM collections WHERE customer_id = ? AND deleted_at IS NULL',
      customer.id,
    ),
  ).toEqual({ receivable_id: null, deal_id: null, amount: 100_000 });

  // A second visit (same hour: logged anyway) takes an order of ¥5,000.
  await page.getByRole('button', { name: 'Log visit' }).click();
  dialog = page.getByRole('dialog', { name: 'Log an unplanned visit' });
  await dialog.getByRole('radio', { name: 'Yes, effective' }).check();
  await dialog.getByRole('textbox', { name: 'Order amount' }).fill('5000');
  await expect(dialog).toContainText('Counts as sales (target attainment, reports)');
  await submitAnyway(dialog, 'Log visit');

  const order = host.one<{ id: string; status: string; amount: number; owner_id: string }>(
    'SELECT id, status, amount, owner_id FROM deals WHERE customer_id = ? AND visit_id IS NOT NULL',
    customer.id,
  );
  expect(order).toMatchObject({ status: 'won', amount: 500_000, owner_id: customer.ownerId });
  expect(
    host.one(
      'SELECT deal_id FROM collections WHERE customer_id = ? AND deleted_at IS NULL',
      customer.id,
    ).deal_id,
  ).toBe(order.id);
  await expect(page.getByText('Unallocated receipt')).toBeHidden();
  await expect(
    page.getByRole('region', { name: 'Funnel board' }).getByRole('link', { name: /visit summary/ }),
  ).toBeVisible();
});
