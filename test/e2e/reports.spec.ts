import { expect, test } from './fixtures';

test.use({
  setup: { demo: true, language: 'en', as: 'manager' },
  viewport: { width: 1440, height: 1000 },
});

type Rep = { id: string; name: string; teamId: string; teamName: string };

test('target attainment drills from the company to a team to a rep, and Back returns', async ({
  page,
  host,
}) => {
  // The rep with the most sales won in November 2026, and their team.
  const rep = host.one<Rep>(
    `SELECT u.id, u.name, t.id AS teamId, t.name AS teamName
     FROM users u JOIN teams t ON t.id = u.team_id
     LEFT JOIN deals d ON d.owner_id = u.id AND d.status = 'won' AND d.deleted_at IS NULL
       AND d.closed_on BETWEEN '2026-11-01' AND '2026-11-30'
     WHERE u.role = 'rep' AND u.active = 1 AND u.deleted_at IS NULL
     GROUP BY u.id ORDER BY COALESCE(SUM(d.amount), 0) DESC, u.name LIMIT 1`,
  );
  const won = host.rows<{ title: string }>(
    `SELECT title FROM deals WHERE owner_id = ? AND status = 'won' AND deleted_at IS NULL
       AND closed_on BETWEEN '2026-11-01' AND '2026-11-30'`,
    rep.id,
  );

  await page.goto(`${host.url}#/reports`);
  await page.getByRole('link', { name: /Target attainment/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Target attainment' })).toBeVisible();
  // Pin the period: November 2026.
  await page.goto(`${host.url}#/reports/attainment?period=month&date=2026-11-23&scope=company`);
  const figures = page.getByRole('region', { name: 'Key figures' });
  await expect(figures.getByLabel('Sales', { exact: true })).toBeVisible();
  const trail = page.getByRole('navigation', { name: 'Scope trail' });
  await expect(trail).toContainText('Company');

  // Company → team.
  const rows = page.getByRole('table', { name: 'Teams and reps' });
  await rows.getByRole('link', { name: rep.teamName, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`scope=team%3A${rep.teamId}`));
  await expect(trail.getByRole('link', { name: 'Company' })).toBeVisible();
  await expect(trail).toContainText(rep.teamName);

  // Team → rep: the rep's deals won in the period are listed.
  await page
    .getByRole('table', { name: 'Teams and reps' })
    .getByRole('link', { name: rep.name, exact: true })
    .click();
  await expect(page).toHaveURL(new RegExp(`scope=rep%3A${rep.id}`));
  await expect(trail).toContainText(rep.name);
  await expect(trail.getByRole('link', { name: rep.teamName })).toBeVisible();
  const deals = page.getByRole('table', { name: 'Deals' });
  for (const d of won) await expect(deals.getByRole('link', { name: d.title })).toBeVisible();

  // Back returns to the team, the trail's link to the company.
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`scope=team%3A${rep.teamId}`));
  await trail.getByRole('link', { name: 'Company' }).click();
  await expect(page).toHaveURL(/scope=company/);
  // The company's page is drawn (its team rows) before the next click reads it.
  await expect(trail.getByRole('link', { name: 'Company' })).toHaveCount(0);
  await expect(rows.getByRole('link', { name: rep.teamName, exact: true })).toBeVisible();

  // The period travels with the drill-down: the previous month keeps the scope.
  await page.getByRole('button', { name: 'Previous period' }).click();
  await expect(page).toHaveURL(/date=2026-10-23/);
  await expect(page).toHaveURL(/scope=company/);
});

test('every report opens with its figures, chart and rows', async ({ page, host }) => {
  const names = [
    'Target attainment',
    'Performance comparison',
    'Work execution',
    'Customer visit statistics',
    'Sales funnel',
    'Sales forecast',
    'Stalled deals',
    'Abnormal customers',
    'Activity split',
    'Product sales',
  ];
  await page.goto(`${host.url}#/reports`);
  for (const name of names) {
    await page.getByRole('link', { name: new RegExp(name) }).click();
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Key figures' })).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
    await page.getByRole('link', { name: 'All reports' }).click();
  }
});

test('the dashboard tiles open the report or list behind them', async ({ page, host }) => {
  await page.goto(`${host.url}#/dashboard`);
  await expect(page.getByRole('heading', { level: 2, name: /^Good day/ })).toBeVisible();
  await page.getByRole('link', { name: 'Stalled deals' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Stalled deals' })).toBeVisible();
  await expect(page).toHaveURL(/#\/reports\/stalled\?period=month/);
  await page.goBack();
  await page.getByRole('link', { name: 'Weekly reports awaiting review' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Weekly reports' })).toBeVisible();
  await page.goBack();
  await page.getByRole('link', { name: 'Open the report' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Target attainment' })).toBeVisible();
});
