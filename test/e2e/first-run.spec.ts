import { expect, test } from './fixtures';

test('first run: choose English, create my team, land on an empty customer list', async ({
  page,
  host,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00+08:00'));
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
  // A password too short is refused on the form, and nothing is written.
  await page.getByLabel(/^Password/).fill('short');
  await page.getByRole('button', { name: 'Start using Pacer' }).click();
  await expect(page.getByLabel(/^Password/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('At least 8 characters, without spaces at either end')).toBeVisible();
  expect(host.one<{ n: number }>('SELECT count(*) AS n FROM users').n).toBe(0);
  await page.getByLabel(/^Password/).fill('wang-fang-2026');
  await page.getByRole('button', { name: 'Start using Pacer' }).click();

  // The home is the dashboard, with the getting-started steps of a new team: none done yet.
  await expect(page.getByRole('heading', { name: 'Good day, Wang Fang' })).toBeVisible();
  const steps = page.getByRole('region', { name: 'Getting started' });
  await expect(steps).toBeVisible();
  await expect(steps.getByText('0 of 5 done')).toBeVisible();
  for (const name of [
    'Add your people',
    'Import your customers',
    'Set this period’s targets',
    'Plan this week',
    'Share the team folder',
  ])
    await expect(steps.getByRole('listitem', { name })).toHaveAttribute('data-done', 'false');

  // Add people: the step's link opens Team; a second person ticks it off.
  await steps.getByRole('link', { name: 'Open Team' }).click();
  await expect(page.getByRole('heading', { name: 'Team', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Add person' }).click();
  const member = page.getByRole('dialog');
  await member.getByLabel('Name').fill('Li Na');
  await member.getByRole('button', { name: 'Create' }).click();
  await expect(member).toBeHidden();
  await page
    .getByRole('navigation', { name: 'main' })
    .getByRole('link', { name: 'Dashboard' })
    .click();
  await expect(steps.getByRole('listitem', { name: 'Add your people' })).toHaveAttribute(
    'data-done',
    'true',
  );
  await expect(steps.getByText('1 of 5 done')).toBeVisible();
  await expect(steps.getByRole('link', { name: 'Open Customers' })).toHaveAttribute(
    'href',
    '#/customers',
  );
  await expect(steps.getByRole('link', { name: 'Open Targets' })).toHaveAttribute(
    'href',
    '#/targets',
  );
  await expect(steps.getByRole('link', { name: 'Open the calendar' })).toHaveAttribute(
    'href',
    '#/calendar',
  );
  await expect(steps.getByRole('link', { name: 'Open Settings' })).toHaveAttribute(
    'href',
    '#/settings',
  );

  // Dismissed: gone, and still gone after a reload.
  await steps.getByRole('button', { name: 'Hide these steps' }).click();
  await expect(steps).toBeHidden();
  expect(
    host.one<{ value: string }>("SELECT value FROM local_state WHERE key = 'getting_started'")
      .value,
  ).toBe('dismissed');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Good day, Wang Fang' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Getting started' })).toHaveCount(0);

  // A new team's customer list is empty and offers the import.
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
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00+08:00'));
  await page.goto(host.url);
  await page.getByText('简体中文', { exact: true }).click();
  await page.getByRole('button', { name: '继续' }).click();
  await page.getByRole('button', { name: /载入演示团队/ }).click();

  // Building the demo team takes a few seconds, more on a busy machine.
  await expect(page.getByRole('heading', { name: '您是哪位？' })).toBeVisible({ timeout: 30_000 });
  const manager = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'manager'",
  );
  await page.getByRole('radio', { name: manager.name }).click();
  // The demo's password is on the screen; a wrong one is refused and nobody is signed in.
  await expect(page.getByText('演示团队：每个人的密码都是 pacer-demo')).toBeVisible();
  await page.getByLabel('密码', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByText(`这不是${manager.name}的密码`)).toBeVisible();
  expect(
    host.rows("SELECT value FROM local_state WHERE key = 'current_user_id' AND value IS NOT NULL"),
  ).toEqual([]);
  await page.getByLabel('密码', { exact: true }).fill('pacer-demo');
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page.getByRole('heading', { name: `${manager.name}，你好` })).toBeVisible();
  // The demo team is set up: no getting-started steps.
  await expect(page.getByRole('region', { name: '开始使用' })).toHaveCount(0);
  // The overdue key customers tile says what it counts; overdue collections have their own tile.
  const overdue = page.getByRole('link', { name: '超期未拜访的重点及潜在客户' });
  await expect(overdue).toContainText('超过等级规定的拜访周期未拜访');
  await expect(overdue).not.toContainText('逾期回款');
  await expect(page.getByRole('link', { name: '逾期回款', exact: true })).toContainText(
    /\d+ 个客户有逾期应收/,
  );
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
