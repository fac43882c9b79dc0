import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

/** Reads the database file as it is now (after a restore it is a different file). */
function customersNamed(db: string, name: string): number {
  const sqlite = new Database(db, { readonly: true });
  try {
    return (
      sqlite.prepare('SELECT count(*) AS n FROM customers WHERE name = ?').get(name) as {
        n: number;
      }
    ).n;
  } finally {
    sqlite.close();
  }
}

test('back up now, change something, restore: after the restart the change is gone', async ({
  page,
  host,
}) => {
  const folder = path.join(path.dirname(host.db), 'backups');
  await page.goto(`${host.url}#/settings`);
  const card = page.getByRole('region', { name: 'Backups' });
  await expect(card).toBeVisible();

  await card.getByRole('button', { name: 'Back up now' }).click();
  await expect(page.getByText('Backed up')).toBeVisible();
  await expect.poll(() => (existsSync(folder) ? readdirSync(folder).length : 0)).toBeGreaterThan(0);
  // Every backup in the folder is listed (the daily one may have been made as well).
  await expect
    .poll(
      async () => (await card.locator('tr[data-backup]').count()) === readdirSync(folder).length,
    )
    .toBe(true);
  for (const name of readdirSync(folder))
    await expect(card.locator(`tr[data-backup="${name}"]`)).toBeVisible();

  // A change after the backup, made the way the app makes it.
  const created = await page.evaluate(async () => {
    const token = sessionStorage.getItem('pacer.token') ?? '';
    const response = await fetch('/api/call/customers.create', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pacer-token': token },
      body: JSON.stringify({ name: 'Made after the backup', ownerId: null, status: 'prospect' }),
    });
    return ((await response.json()) as { ok: boolean }).ok;
  });
  expect(created).toBe(true);
  expect(customersNamed(host.db, 'Made after the backup')).toBe(1);

  // Restore the newest backup: the dialog says what happens, then the app restarts.
  await card.locator('tr[data-backup]').first().getByRole('button', { name: 'Restore…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(dialog.getByText(/This database is replaced by the copy from/)).toBeVisible();
  await expect(dialog.getByText(/pacer\.sqlite\.before-restore-/)).toBeVisible();
  const reloaded = page.waitForEvent('load');
  await dialog.getByRole('button', { name: 'Restore and restart' }).click();

  // The page reloads on the restored database.
  await reloaded;
  await expect(page.getByRole('region', { name: 'Backups' })).toBeVisible();
  await expect.poll(() => customersNamed(host.db, 'Made after the backup')).toBe(0);
  const kept = readdirSync(path.dirname(host.db)).filter((f) =>
    /^pacer\.sqlite\.before-restore-.*\.bak$/.test(f),
  );
  expect(kept).toHaveLength(1);
  expect(customersNamed(path.join(path.dirname(host.db), kept[0]!), 'Made after the backup')).toBe(
    1,
  );
  // The app works on the restored file: the demo's customers are all there.
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('300 customers')).toBeVisible();
});
