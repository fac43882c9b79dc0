import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

async function openSettings(page: import('@playwright/test').Page) {
  await page
    .getByRole('navigation', { name: 'main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await expect(page.getByRole('heading', { name: 'Account' })).toBeVisible();
}

test('switching user takes that person’s password; a rep cannot act as the manager without it', async ({
  page,
  host,
}) => {
  const manager = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'manager' ORDER BY name LIMIT 1",
  );
  const rep = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'rep' ORDER BY name LIMIT 1",
  );
  const current = () =>
    host.one<{ value: string }>("SELECT value FROM local_state WHERE key = 'current_user_id'")
      .value;
  await page.goto(host.url);
  await openSettings(page);

  // The manager switches to the rep: a wrong password is refused and keeps what was typed.
  await page.getByRole('button', { name: 'Switch user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch to another person' });
  await dialog.getByLabel('Person').click();
  await page.getByRole('option', { name: new RegExp(`^${rep.name}`) }).click();
  await dialog.getByLabel('Password', { exact: true }).fill('wrong-password');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByText(`That is not ${rep.name}’s password`)).toBeVisible();
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue('wrong-password');
  expect(current()).toBe(manager.id);
  await dialog.getByLabel('Password', { exact: true }).fill('pacer-demo');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page.getByText(`Changes made on this computer are signed as ${rep.name}.`),
  ).toBeVisible();
  expect(current()).toBe(rep.id);

  // The rep tries to become the manager: without the manager's password nothing changes.
  await page.getByRole('button', { name: 'Switch user' }).click();
  await dialog.getByLabel('Person').click();
  await page.getByRole('option', { name: new RegExp(`^${manager.name}`) }).click();
  await dialog.getByLabel('Password', { exact: true }).fill('let-me-in-please');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(dialog.getByText(`That is not ${manager.name}’s password`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(current()).toBe(rep.id);

  // Signing out asks first, then shows "Who are you?" with nobody signed in.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Who are you?' })).toBeVisible();
  expect(
    host.rows("SELECT 1 FROM local_state WHERE key = 'current_user_id' AND value IS NOT NULL"),
  ).toEqual([]);
});

test('a manager resets a rep’s password; the rep signs in with it and must choose their own', async ({
  page,
  host,
}) => {
  const rep = host.one<{ id: string; name: string }>(
    "SELECT u.id, u.name FROM users u JOIN teams t ON t.id = u.team_id WHERE u.role = 'rep' AND t.manager_id = (SELECT value FROM local_state WHERE key = 'current_user_id') ORDER BY u.name LIMIT 1",
  );
  await page.goto(host.url);
  await page.getByRole('navigation', { name: 'main' }).getByRole('link', { name: 'Team' }).click();
  await page.getByRole('button', { name: `Reset password ${rep.name}` }).click();
  const reset = page.getByRole('dialog', { name: `Reset ${rep.name}’s password` });
  await reset.getByRole('button', { name: 'Reset' }).click();
  await expect(reset.getByText(`Give ${rep.name} this one-time password.`)).toBeVisible();
  const temporary =
    (await reset.getByLabel('Password', { exact: true }).textContent())?.trim() ?? '';
  expect(temporary).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  expect(
    host.one<{ t: number }>('SELECT password_temporary AS t FROM users WHERE id = ?', rep.id).t,
  ).toBe(1);
  await reset.getByRole('button', { name: 'Close' }).click();

  await openSettings(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('radio', { name: rep.name }).click();
  await page.getByLabel('Password', { exact: true }).fill(temporary);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // The one-time password cannot be kept: a dialog that does not close asks for their own.
  const choose = page.getByRole('dialog', { name: 'Choose your own password' });
  await expect(choose).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(choose).toBeVisible();
  await choose.getByLabel('New password', { exact: true }).fill('rep-own-password');
  await choose.getByLabel('New password again').fill('rep-own-passw0rd');
  await choose.getByRole('button', { name: 'Change password' }).click();
  await expect(choose.getByText('The two new passwords differ')).toBeVisible();
  await choose.getByLabel('New password again').fill('rep-own-password');
  await choose.getByRole('button', { name: 'Change password' }).click();
  await expect(choose).toBeHidden();
  expect(
    host.one<{ t: number }>('SELECT password_temporary AS t FROM users WHERE id = ?', rep.id).t,
  ).toBe(0);
});
