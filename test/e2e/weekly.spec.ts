import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.use({
  setup: { demo: true, language: 'en', as: 'rep' },
  viewport: { width: 1440, height: 1000 },
});

type Person = { id: string; name: string; teamName: string | null };
type Report = { status: string; competition: string | null; review_comment: string | null };

/** Closes a toast: with the clock fixed it never closes itself, and it sits over the form's buttons. */
async function dismiss(page: Page, text: string) {
  const toast = page.getByRole('alert').filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.getByRole('button').click();
  await expect(toast).toBeHidden();
}

/** Settings → Account → Switch user, with the demo's password (decision 0022). */
async function switchUser(page: Page, url: string, to: Person) {
  await page.goto(`${url}#/settings`);
  await page.getByRole('button', { name: 'Switch user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Switch to another person' });
  await dialog.getByLabel('Person').click();
  await page
    .getByRole('option', { name: to.teamName ? `${to.name} · ${to.teamName}` : to.name })
    .click();
  await dialog.getByLabel('Password', { exact: true }).fill('pacer-demo');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('current-user')).toHaveText(to.name);
}

test('a rep submits the weekly report on Friday and the manager reviews it', async ({
  page,
  host,
}) => {
  // Friday afternoon of ISO week 2026-W48: the reminder is due.
  await page.clock.setFixedTime(new Date('2026-11-27T16:00:00'));
  const rep = host.one<Person>(
    `SELECT u.id, u.name, t.name AS teamName FROM users u LEFT JOIN teams t ON t.id = u.team_id
     WHERE u.role = 'rep' ORDER BY u.name LIMIT 1`,
  );
  const manager = host.one<Person>(
    `SELECT u.id, u.name, t.name AS teamName FROM users u LEFT JOIN teams t ON t.id = u.team_id
     WHERE u.role = 'manager' ORDER BY u.name LIMIT 1`,
  );
  const report = () =>
    host.one<Report | undefined>(
      `SELECT status, competition, review_comment FROM weekly_reports
       WHERE user_id = ? AND week = '2026-W48' AND deleted_at IS NULL`,
      rep.id,
    );

  await page.goto(`${host.url}#/weekly`);
  await expect(page.getByRole('heading', { level: 2, name: 'Weekly report' })).toBeVisible();
  await expect(page.getByText('Weekly report due')).toBeVisible();
  await expect(page.getByText(/Week 2026-W48/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Target attainment' })).toBeVisible();

  await page
    .getByRole('textbox', { name: 'Main competitive situation' })
    .fill('Competitor cut prices by 8% in Suzhou.');
  await page.getByRole('textbox', { name: 'Help needed' }).fill('A demo unit for next week.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Draft saved.')).toBeVisible();
  await dismiss(page, 'Draft saved.');
  await expect.poll(() => report()?.status).toBe('draft');

  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await dismiss(page, 'Report submitted.');
  await expect.poll(() => report()?.status).toBe('submitted');
  expect(report()?.competition).toBe('Competitor cut prices by 8% in Suzhou.');
  await expect(page.getByRole('textbox', { name: 'Main competitive situation' })).toHaveCount(0);
  await expect(page.getByText('Weekly report due')).toHaveCount(0);

  // The manager sees who has submitted, opens the report and reviews it.
  await switchUser(page, host.url, manager);
  await page.goto(`${host.url}#/weekly/team?week=2026-W48`);
  const list = page.getByRole('table', { name: 'Weekly reports' });
  const row = list.getByRole('row').filter({ hasText: rep.name });
  await expect(row).toContainText('Submitted');
  await expect(page.getByText('1 awaiting review')).toBeVisible();
  await row.getByRole('link', { name: rep.name }).click();
  await expect(
    page.getByRole('heading', { level: 2, name: `Weekly report of ${rep.name}` }),
  ).toBeVisible();
  await expect(page.getByText('Competitor cut prices by 8% in Suzhou.')).toBeVisible();
  await page
    .getByRole('textbox', { name: 'Comment' })
    .fill('Good week. Call me about the demo unit.');
  await page.getByRole('button', { name: 'Mark reviewed' }).click();
  await expect(page.getByText('Report reviewed.')).toBeVisible();
  await expect.poll(() => report()?.status).toBe('reviewed');
  expect(report()?.review_comment).toBe('Good week. Call me about the demo unit.');
});

test('a manager returns a submitted report to draft with a comment', async ({ page, host }) => {
  await page.clock.setFixedTime(new Date('2026-11-25T10:00:00'));
  const rep = host.one<Person>(
    `SELECT u.id, u.name, t.name AS teamName FROM users u LEFT JOIN teams t ON t.id = u.team_id
     WHERE u.role = 'rep' ORDER BY u.name LIMIT 1`,
  );
  const manager = host.one<Person>(
    `SELECT u.id, u.name, t.name AS teamName FROM users u LEFT JOIN teams t ON t.id = u.team_id
     WHERE u.role = 'manager' ORDER BY u.name LIMIT 1`,
  );
  await page.goto(`${host.url}#/weekly?week=2026-W47`);
  await expect(page.getByText('Weekly report due')).toHaveCount(0);
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await dismiss(page, 'Report submitted.');

  await switchUser(page, host.url, manager);
  await page.goto(`${host.url}#/weekly?week=2026-W47&user=${rep.id}`);
  await page.getByRole('button', { name: 'Return to the rep' }).click();
  await expect(page.getByText('What should be changed?')).toBeVisible();
  await page.getByRole('textbox', { name: 'Comment' }).fill('Add the abnormal customers.');
  await page.getByRole('button', { name: 'Return to the rep' }).click();
  await expect(page.getByText(`Report returned to ${rep.name}.`)).toBeVisible();
  await expect
    .poll(
      () =>
        host.one<{ status: string }>(
          `SELECT status FROM weekly_reports WHERE user_id = ? AND week = '2026-W47'`,
          rep.id,
        ).status,
    )
    .toBe('draft');
  await expect(page.getByText('Add the abnormal customers.')).toBeVisible();
});
