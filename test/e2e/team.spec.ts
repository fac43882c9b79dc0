import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'zh-CN', as: 'manager' } });

test('create a team, add a rep, deactivate them — in Chinese', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: '团队' }).click();
  await expect(page.getByRole('heading', { name: '团队', exact: true })).toBeVisible();

  await page.getByRole('button', { name: '新建团队' }).click();
  await page.getByRole('dialog').getByLabel('团队名称').fill('华南销售部');
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await expect(page.getByText('已保存团队“华南销售部”')).toBeVisible();
  const team = host.one<{ id: string }>("SELECT id FROM teams WHERE name = '华南销售部'");

  // A duplicate team name is refused.
  await page.getByRole('button', { name: '新建团队' }).click();
  await page.getByRole('dialog').getByLabel('团队名称').fill('华南销售部');
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await expect(page.getByRole('dialog').getByText('已存在名为“华南销售部”的团队。')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  await page.getByRole('button', { name: '添加成员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('周晓明');
  await dialog.getByRole('combobox', { name: '团队' }).click();
  await page.getByRole('option', { name: '华南销售部' }).click();
  await dialog.getByLabel('邮箱').fill('not-an-email');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(dialog.getByText('邮箱格式不正确')).toBeVisible();
  await dialog.getByLabel('邮箱').fill('zhou@example.com');
  await dialog.getByRole('button', { name: '创建' }).click();
  await expect(page.getByText('已保存周晓明')).toBeVisible();
  const rep = host.one<{ id: string; team_id: string; role: string; active: number }>(
    "SELECT id, team_id, role, active FROM users WHERE name = '周晓明'",
  );
  expect(rep).toMatchObject({ team_id: team.id, role: 'rep', active: 1 });

  await page.getByRole('combobox', { name: '团队' }).click();
  await page.getByRole('option', { name: '华南销售部' }).click();
  await page.getByRole('button', { name: '停用 周晓明' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
  await expect(page.getByText('已停用周晓明')).toBeVisible();
  expect(host.one<{ active: number }>('SELECT active FROM users WHERE id = ?', rep.id).active).toBe(
    0,
  );
});

test('the Chinese and English interfaces both render, and the switch in Settings works', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/customers`);
  await expect(
    page.getByRole('navigation', { name: 'main' }).getByText('客户', { exact: true }),
  ).toBeVisible();
  await expect(page.getByText('共 300 个客户')).toBeVisible();
  await page.getByRole('link', { name: '设置' }).click();
  await page.locator('label', { hasText: /^English$/ }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await page.getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(page.getByText('300 customers')).toBeVisible();
  expect(
    host.one<{ value: string }>("SELECT value FROM local_state WHERE key = 'language'").value,
  ).toBe('en');
});
