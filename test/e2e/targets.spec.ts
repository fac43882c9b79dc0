import { expect, test } from './fixtures';

test.use({
  setup: { demo: true, language: 'en', as: 'manager' },
  viewport: { width: 1440, height: 1000 },
});

type Team = { id: string; name: string };
type Cell = { key: string; value: number };

test('a manager sets a team target, decomposes it, edits a month and decomposes for the reps', async ({
  page,
  host,
}) => {
  const team = host.one<Team>(
    `SELECT t.id, t.name FROM teams t
     WHERE t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM users u WHERE u.team_id = t.id
       AND u.role = 'rep' AND u.active = 1 AND u.deleted_at IS NULL)
     ORDER BY t.name LIMIT 1`,
  );
  const cells = (type: string, id: string) =>
    host.rows<Cell>(
      `SELECT period_key AS key, value FROM targets
       WHERE metric = 'newCustomers' AND year = 2027 AND scope_type = ? AND scope_id = ?
         AND deleted_at IS NULL ORDER BY period_key`,
      type,
      id,
    );

  await page.goto(`${host.url}#/targets?metric=newCustomers&year=2027`);
  await expect(page.getByRole('heading', { level: 2, name: 'Targets' })).toBeVisible();
  await page
    .getByRole('table', { name: 'Overview' })
    .getByRole('button', { name: team.name, exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 3, name: `${team.name} — 2027` })).toBeVisible();

  // Decompose 120 new customers equally over the year.
  await page.getByRole('button', { name: 'Decompose…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Decompose the yearly target' });
  await dialog.getByLabel('Yearly total').fill('120');
  await dialog.getByRole('button', { name: 'Decompose', exact: true }).click();
  await expect(dialog).toBeHidden();

  // The year, 4 quarters and 12 months are stored; weeks are derived from the months.
  await expect.poll(() => cells('team', team.id).length).toBe(17);
  const written = cells('team', team.id);
  const months = written.filter((c) => /^2027-\d{2}$/.test(c.key));
  const quarters = written.filter((c) => /^2027-Q\d$/.test(c.key));
  expect(written.find((c) => c.key === '2027')?.value).toBe(120);
  expect(months).toHaveLength(12);
  expect(months.every((c) => c.value === 10)).toBe(true);
  expect(quarters.map((c) => c.value)).toEqual([30, 30, 30, 30]);
  const weekCells = page.getByRole('table', { name: 'Weeks' }).getByRole('textbox');
  await page.getByRole('button', { name: 'Weeks' }).click();
  await expect(weekCells.first()).toBeVisible();

  // Edit January: the quarter's parts now differ from it.
  const january = page.getByRole('textbox', { name: 'Target for 2027-01' });
  await january.fill('16');
  await january.press('Enter');
  await expect.poll(() => cells('team', team.id).find((c) => c.key === '2027-01')?.value).toBe(16);
  await expect(page.getByText('Target saved.')).toBeVisible();

  // The same decomposition for every rep of the team in one go, 20 each.
  const reps = host.rows<{ id: string }>(
    `SELECT id FROM users WHERE team_id = ? AND role = 'rep' AND active = 1 AND deleted_at IS NULL`,
    team.id,
  );
  await page.getByRole('button', { name: 'Decompose…' }).first().click();
  await dialog.getByLabel('Yearly total').fill('120');
  await dialog.getByRole('radio', { name: /By month weights/ }).check();
  await dialog.getByRole('textbox', { name: 'Dec', exact: true }).fill('3');
  await dialog.getByRole('checkbox', { name: /every rep of this team/ }).check();
  await dialog.getByLabel('Yearly total per rep').fill('20');
  await dialog.getByRole('button', { name: 'Decompose', exact: true }).click();
  await expect(dialog).toBeHidden();
  for (const rep of reps) {
    await expect.poll(() => cells('rep', rep.id).find((c) => c.key === '2027')?.value).toBe(20);
    const repMonths = cells('rep', rep.id).filter((c) => /^2027-\d{2}$/.test(c.key));
    expect(repMonths.reduce((sum, c) => sum + c.value, 0)).toBe(20);
  }
  // Weighted: December (weight 3 of 14) holds the most.
  const teamMonths = cells('team', team.id).filter((c) => /^2027-\d{2}$/.test(c.key));
  const december = teamMonths.find((c) => c.key === '2027-12')?.value ?? 0;
  expect(Math.max(...teamMonths.map((c) => c.value))).toBe(december);

  // The overview shows the reps' sum against the team target.
  await expect(
    page.getByText(`Reps sum to ${reps.length * 20}, ${team.name} target 120`),
  ).toBeVisible();
});

test('the working-day calendar imports a pasted list and lists each bad line', async ({
  page,
  host,
}) => {
  await page.goto(`${host.url}#/targets?year=2027`);
  await page.getByRole('button', { name: 'Working-day calendar' }).click();
  const dialog = page.getByRole('dialog', { name: 'Working-day calendar' });
  await dialog.getByRole('tab', { name: 'Import or paste a list' }).click();
  const text = dialog.getByRole('textbox', { name: 'Import or paste a list' });
  await text.fill('2027-10-01 holiday 国庆节\n2027-13-01 holiday\n2027-09-26,workday,调休');
  await dialog.getByRole('button', { name: 'Check' }).click();
  await expect(dialog.getByText('Line 2')).toBeVisible();
  await text.fill('2027-10-01 holiday 国庆节\n2027-09-26,workday,调休');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByText('2 new, 0 changed, 0 unchanged')).toBeVisible();
  await expect
    .poll(() =>
      host.rows(`SELECT day, kind FROM calendar_days WHERE deleted_at IS NULL ORDER BY day`),
    )
    .toEqual(
      expect.arrayContaining([
        { day: '2027-09-26', kind: 'workday' },
        { day: '2027-10-01', kind: 'holiday' },
      ]),
    );
  await dialog.getByRole('tab', { name: 'Working-day calendar' }).click();
  await expect(dialog.getByRole('table', { name: 'Working-day calendar' })).toContainText('国庆节');
});
