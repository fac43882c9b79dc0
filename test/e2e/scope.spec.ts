import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator } from '@playwright/test';
import { expect, test, type Host } from './fixtures';

/**
 * Issue 15, data scope (docs/data-scope.md): signed in as a rep, the customer list, the deals
 * board, a report and an export show only the rep's own data; another rep's customer URL is
 * "not found".
 */
test.use({ setup: { demo: true, language: 'en', as: 'rep' } });

function me(host: Host) {
  return host.one<{ id: string; name: string }>(
    "SELECT u.id, u.name FROM local_state s JOIN users u ON u.id = s.value WHERE s.key = 'current_user_id'",
  );
}
function othersCustomers(host: Host, rep: string) {
  return host.rows<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE owner_id <> ? AND deleted_at IS NULL ORDER BY name',
    rep,
  );
}

async function savedFile(scope: Locator, downloads: string): Promise<string> {
  const result = scope.getByRole('status', { name: 'Exported' });
  await expect(result).toBeVisible({ timeout: 30_000 });
  const name = (await result.getByTestId('export-file').textContent()) ?? '';
  const file = path.join(downloads, name);
  expect(existsSync(file), `${file} exists`).toBe(true);
  return file;
}

test('a rep sees and exports only their own customers; another rep’s customer is not found', async ({
  page,
  host,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  const rep = me(host);
  const mine = new Set(
    host
      .rows<{ name: string }>(
        'SELECT name FROM customers WHERE (owner_id = ? OR owner_id IS NULL) AND deleted_at IS NULL',
        rep.id,
      )
      .map((c) => c.name),
  );
  const others = othersCustomers(host, rep.id);
  expect(others.length).toBeGreaterThan(0);

  await page.goto(`${host.url}#/customers`);
  const table = page.getByRole('table', { name: 'Customers' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  // The wider views are not offered to a rep.
  await expect(page.getByRole('radio', { name: 'Everyone' })).toBeDisabled();
  const names = (await table.locator('tbody tr td:nth-child(2)').allTextContents())
    .map((x) => x.trim())
    .filter(Boolean);
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(mine.has(n.trim()), `${n} is the rep's`).toBe(true);

  await page.getByRole('button', { name: 'Export to Excel' }).click();
  const popover = page.getByRole('dialog', { name: 'Export to Excel' });
  const file = await savedFile(popover, host.downloads);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  const text = JSON.stringify(wb.worksheets.map((s) => s.getSheetValues()));
  for (const c of others.slice(0, 50)) expect(text).not.toContain(c.name);
  expect(text).toContain(rep.name);

  const other = others[0];
  if (!other) throw new Error('no other customer');
  await page.goto(`${host.url}#/customers/${other.id}`);
  await expect(page.getByText('This customer does not exist or was deleted.')).toBeVisible();
  await expect(page.getByText(other.name)).toHaveCount(0);
});

test('a rep’s deals board and reports are their own', async ({ page, host }) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  const rep = me(host);
  const othersDeals = host.rows<{ title: string; customer: string }>(
    `SELECT d.title, c.name AS customer FROM deals d JOIN customers c ON c.id = d.customer_id
      WHERE d.owner_id <> ? AND c.owner_id <> ? AND d.status = 'open' AND d.deleted_at IS NULL`,
    rep.id,
    rep.id,
  );
  const mineOpen = host.one<{ n: number }>(
    "SELECT count(*) AS n FROM deals WHERE owner_id = ? AND status = 'open' AND deleted_at IS NULL",
    rep.id,
  ).n;
  expect(mineOpen).toBeGreaterThan(0);

  await page.goto(`${host.url}#/deals`);
  await expect(page.getByRole('heading', { name: 'Funnel board' })).toBeVisible();
  await expect(page.getByText(rep.name).first()).toBeVisible();
  const body = (await page.locator('main').textContent()) ?? '';
  for (const d of othersDeals.slice(0, 40)) expect(body).not.toContain(d.customer);

  // The company report lands on the rep's own figures: no company or team to drill into.
  await page.goto(`${host.url}#/reports/funnel?period=month&date=2026-11-23&scope=company`);
  const trail = page.getByRole('navigation', { name: 'Scope trail' });
  await expect(trail).toContainText(rep.name);
  await expect(trail).not.toContainText('Company');
});

test('a rep’s targets open on their own line, without the company’s or the team’s figures', async ({
  page,
  host,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  const rep = me(host);
  await page.goto(`${host.url}#/targets`);
  const overview = page.getByRole('table', { name: 'Overview' });
  await expect(overview.getByRole('button', { name: rep.name })).toHaveAttribute(
    'aria-current',
    'true',
  );
  await expect(overview).not.toContainText('Company');
  await expect(overview.getByRole('button')).toHaveCount(1);
  await expect(page.getByText('Something went wrong')).toHaveCount(0);
  // The meeting pack is the manager's: a rep is not offered it.
  await page.goto(`${host.url}#/weekly/team`);
  await expect(page.getByRole('heading', { name: 'Weekly reports' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export weekly meeting pack' })).toHaveCount(0);
});
