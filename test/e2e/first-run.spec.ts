import { expect, test } from './fixtures';

test('first run: choose English, create my team, land on an empty customer list', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: /选择语言|Choose your language/ })).toBeVisible();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await expect(page.getByRole('heading', { name: 'Welcome to Pacer' })).toBeVisible();
  await page.getByRole('button', { name: /Create my team/ }).click();

  // Bad input first: nothing typed → messages, nothing written.
  await page.getByRole('button', { name: 'Start using Pacer' }).click();
  await expect(page.getByText('Required').first()).toBeVisible();
  expect(host.one<{ n: number }>('SELECT count(*) AS n FROM users').n).toBe(0);

  await page.getByLabel('Team name').fill('East China Sales');
  await page.getByLabel('Your name').fill('Wang Fang');
  await page.locator('label', { hasText: /^Manager$/ }).click();
  await page.getByRole('button', { name: 'Start using Pacer' }).click();

  // The home is the dashboard; a new team's customer list is empty and offers the import.
  await expect(page.getByRole('heading', { name: 'Good day, Wang Fang' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'main' })
    .getByRole('link', { name: 'Customers' })
    .click();
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
  await expect(page.getByText('No customers yet')).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('Wang Fang');

  const team = host.one<{ id: string; name: string; manager_id: string }>(
    'SELECT id, name, manager_id FROM teams',
  );
  const user = host.one<{ id: string; name: string; role: string; team_id: string }>(
    'SELECT id, name, role, team_id FROM users',
  );
  expect(team.name).toBe('East China Sales');
  expect(user).toMatchObject({ name: 'Wang Fang', role: 'manager', team_id: team.id });
  expect(team.manager_id).toBe(user.id);
  expect(
    host.one<{ value: string }>("SELECT value FROM local_state WHERE key = 'current_user_id'")
      .value,
  ).toBe(user.id);
  expect(
    host.one<{ value: string }>("SELECT value FROM local_state WHERE key = 'language'").value,
  ).toBe('en');
  // Every change is stamped with the new user.
  const stamps = host.rows<{ user_id: string }>('SELECT DISTINCT user_id FROM change_log');
  expect(stamps).toEqual([{ user_id: user.id }]);
});

test('first run: load the demo team and say who I am', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByText('简体中文', { exact: true }).click();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: /载入演示团队/ }).click();

  await expect(page.getByRole('heading', { name: '您是哪位？' })).toBeVisible();
  const manager = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'manager'",
  );
  await page.getByRole('radio', { name: manager.name }).click();
  await page.getByRole('button', { name: '就是我' }).click();

  await expect(page.getByRole('heading', { name: `${manager.name}，你好` })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'main' })
    .getByRole('link', { name: '客户', exact: true })
    .click();
  await expect(page.getByRole('heading', { name: '客户', exact: true })).toBeVisible();
  await expect(page.getByText('共 300 个客户')).toBeVisible();
  expect(host.one<{ n: number }>('SELECT count(*) AS n FROM customers').n).toBe(300);
  expect(
    host.one<{ value: string }>("SELECT value FROM local_state WHERE key = 'current_user_id'")
      .value,
  ).toBe(manager.id);
});
