import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

test('add a contact with a buying role, grade the customer and see it move in the matrix', async ({
  page,
  host,
}) => {
  const target = host.one<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE grade IS NULL ORDER BY name LIMIT 1',
  );
  const keyBefore = host.one<{ n: number }>(
    'SELECT count(*) AS n FROM customers WHERE relationship = 5 AND attractiveness = 5 AND deleted_at IS NULL',
  ).n;

  // One load with the token and the route: a second goto could race the first load's redirect.
  await page.goto(`${host.url}#/customers/${target.id}`);
  await expect(page.getByRole('heading', { name: target.name })).toBeVisible();

  // Contact with a buying role.
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await contacts.getByRole('button', { name: 'Add contact' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name').fill('Li Wei');
  await dialog.getByLabel('Title').fill('CTO');
  await dialog.getByRole('combobox', { name: 'Buying role' }).click();
  await page.getByRole('option', { name: 'Decision maker' }).click();
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(contacts.getByRole('cell', { name: 'Li Wei', exact: true })).toBeVisible();
  expect(
    host.one<{ buying_role: string; title: string }>(
      "SELECT buying_role, title FROM contacts WHERE name = 'Li Wei'",
    ),
  ).toEqual({ buying_role: 'decision_maker', title: 'CTO' });

  // Grade it 5 × 5: the quadrant says key.
  const grading = page.getByRole('region', { name: 'Grading' });
  await grading
    .getByRole('radiogroup', { name: 'Relationship' })
    .locator('label', { hasText: /^5$/ })
    .click();
  await grading
    .getByRole('radiogroup', { name: 'Attractiveness & potential' })
    .locator('label', { hasText: /^5$/ })
    .click();
  await expect(grading.getByText('By the quadrant: Key')).toBeVisible();
  await grading.getByRole('button', { name: 'Save grading' }).click();
  await expect(page.getByText('Grading saved: Key')).toBeVisible();
  expect(
    host.one<{
      grade: string;
      relationship: number;
      attractiveness: number;
      grade_reviewed_on: string;
    }>(
      'SELECT grade, relationship, attractiveness, grade_reviewed_on FROM customers WHERE id = ?',
      target.id,
    ),
  ).toMatchObject({ grade: 'key', relationship: 5, attractiveness: 5 });

  // The matrix cell counts it.
  await page.getByRole('link', { name: 'Grading matrix' }).click();
  await page.locator('label', { hasText: /^Everyone$/ }).click();
  await expect(
    page.getByRole('gridcell', {
      name: `Relationship 5, attractiveness 5: ${keyBefore + 1} customers`,
    }),
  ).toBeVisible();
  await page.getByRole('gridcell', { name: /Relationship 5, attractiveness 5/ }).click();
  await expect(
    page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: target.name }),
  ).toBeVisible();
});

test('overdue filter, bulk reassign and visit frequency rules', async ({ page, host }) => {
  await page.goto(`${host.url}#/customers`);
  const table = page.getByRole('table', { name: 'Customers' });
  await page.locator('label', { hasText: /^Overdue$/ }).click();
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  // Every row shown is flagged overdue (only the header row has no badge, once the filter applied).
  await expect(table.getByRole('row').filter({ hasNot: page.getByText(/d overdue$/) })).toHaveCount(
    1,
  );
  const rows = await table.getByRole('row').count();
  expect(rows).toBeGreaterThan(1);
  await expect(table.getByText(/d overdue$/)).toHaveCount(rows - 1);

  // Select the first two rows and give them to a rep.
  const rep = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'rep' ORDER BY name LIMIT 1",
  );
  const picked = [
    await table.getByRole('row').nth(1).getByRole('link').innerText(),
    await table.getByRole('row').nth(2).getByRole('link').innerText(),
  ];
  await page.getByRole('checkbox', { name: `Select ${picked[0]}` }).check();
  await page.getByRole('checkbox', { name: `Select ${picked[1]}` }).check();
  await page.getByRole('toolbar').getByRole('button', { name: 'Reassign' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'New owner' }).click();
  await page.getByRole('option', { name: new RegExp(`^${rep.name}`) }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Reassign' }).click();
  await expect(page.getByText(`2 customers now belong to ${rep.name}`)).toBeVisible();
  const owners = host.rows<{ owner_id: string }>(
    `SELECT owner_id FROM customers WHERE name IN (?, ?)`,
    picked[0],
    picked[1],
  );
  expect(owners).toEqual([{ owner_id: rep.id }, { owner_id: rep.id }]);

  // Visit frequency rules live in Settings and are shared with the team.
  await page.getByRole('link', { name: 'Settings' }).click();
  const rules = page.getByRole('region', { name: 'Visit frequency by grade' });
  await rules.getByRole('textbox', { name: 'Key' }).fill('21');
  await rules.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Visit frequency rules saved')).toBeVisible();
  expect(
    JSON.parse(
      host.one<{ value: string }>("SELECT value FROM settings WHERE id = 'visit_frequency_days'")
        .value,
    ),
  ).toEqual({ key: 21, potential: 30, ordinary: 60, ignore: null });
});
