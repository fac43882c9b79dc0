import type { Locator, Page } from '@playwright/test';
import { expect, test, type Host, api } from './fixtures';

test.use({
  setup: { demo: true, language: 'en', as: 'manager' },
  viewport: { width: 1680, height: 1000 },
});

const today = '2026-11-23';

type Seeded = { id: string; title: string; ownerId: string };

/**
 * Open deals to move: the demo's, or (until the demo makes deals) a few created through the
 * API at M1 and M2, owned by two different reps.
 */
async function openDeals(host: Host): Promise<void> {
  const existing = host.one<{ n: number }>(
    "SELECT count(*) AS n FROM deals WHERE status = 'open' AND deleted_at IS NULL",
  ).n;
  if (existing >= 6) return;
  const customers = host.rows<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE deleted_at IS NULL ORDER BY name LIMIT 8',
  );
  const reps = host.rows<{ id: string }>(
    "SELECT id FROM users WHERE role IN ('rep', 'manager') ORDER BY name LIMIT 2",
  );
  for (const [i, c] of customers.entries()) {
    const deal = await api<{ id: string; updatedAt: string }>(host, 'deals.create', {
      customerId: c.id,
      title: `E2E deal ${i + 1}`,
      amount: (i + 1) * 1_000_000,
      expectedCloseOn: '2026-12-20',
      ownerId: reps[i % reps.length]!.id,
      today,
    });
    if (i % 2 === 1) {
      let updatedAt = deal.updatedAt;
      for (const criterion of [
        'problem_found',
        'contact_admits_pain',
        'contact_vision',
        'contact_agrees_explore',
      ]) {
        updatedAt = (
          await api<{ updatedAt: string }>(host, 'deals.check', {
            dealId: deal.id,
            criterion,
            checked: true,
            expectedMilestone: 'M1',
            today,
          })
        ).updatedAt;
      }
      await api(host, 'deals.move', { id: deal.id, expectedUpdatedAt: updatedAt, to: 'M2', today });
    }
  }
}

async function openBoard(page: Page, host: Host) {
  await page.goto(`${host.url}#/deals`);
  await page.locator('label', { hasText: /^Everyone$/ }).click();
  await expect(column(page, 'Qualified prospect 10%')).toBeVisible();
}

function column(page: Page, name: string): Locator {
  return page.getByRole('region', { name: `${name} column` });
}

function firstCard(page: Page, columnName: string): Locator {
  return column(page, columnName).locator('[data-deal-id]').first();
}

/** A pointer drag dnd-kit recognises: press, move past the activation distance in steps, release. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 20);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 30, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 200), { steps: 12 });
  await page.mouse.up();
}

test('drag a card forward through the exit checklist', async ({ page, host }) => {
  await openDeals(host);
  await openBoard(page, host);
  const card = firstCard(page, 'Qualified prospect 10%');
  const id = (await card.getAttribute('data-deal-id'))!;
  await drag(page, card, column(page, 'Qualified contact 25%'));

  const dialog = page.getByRole('dialog', { name: /exit checklist/ });
  await expect(dialog).toBeVisible();
  const move = dialog.getByRole('button', { name: 'Move', exact: true });
  const boxes = dialog.getByRole('checkbox');
  await expect(boxes).toHaveCount(4);
  for (let i = 0; i < 4; i++) {
    const box = boxes.nth(i);
    if (!(await box.isChecked())) {
      // Controlled: the box shows the tick once deals.check has answered.
      await box.click();
      await expect(box).toBeChecked();
    }
  }
  await expect(move).toBeEnabled();
  await move.click();
  await expect(dialog).toBeHidden();
  // The column lists the longest in stage first: the moved card is at its end, maybe scrolled out.
  await expect(
    column(page, 'Qualified prospect 10%').locator(`[data-deal-id="${id}"]`),
  ).toHaveCount(0);
  expect(host.one('SELECT milestone, status FROM deals WHERE id = ?', id)).toEqual({
    milestone: 'M2',
    status: 'open',
  });
  expect(
    host.one(
      "SELECT from_milestone, to_milestone, forced FROM stage_history WHERE deal_id = ? AND to_milestone = 'M2'",
      id,
    ),
  ).toEqual({ from_milestone: 'M1', to_milestone: 'M2', forced: 0 });
  expect(
    host.one<{ n: number }>(
      'SELECT count(*) AS n FROM deal_checks WHERE deal_id = ? AND deleted_at IS NULL',
      id,
    ).n,
  ).toBeGreaterThanOrEqual(4);
});

test('a manager forces a move with a reason', async ({ page, host }) => {
  await openDeals(host);
  await openBoard(page, host);
  const card = firstCard(page, 'Qualified contact 25%');
  const id = (await card.getAttribute('data-deal-id'))!;
  await drag(page, card, column(page, 'Qualified decision maker 50%'));
  const dialog = page.getByRole('dialog', { name: /exit checklist/ });
  await expect(dialog.getByRole('checkbox').first()).toBeVisible();
  await dialog.getByRole('switch', { name: 'Force move' }).click();
  await dialog.getByLabel('Reason for forcing the move').fill('Customer signed a letter of intent');
  await dialog.getByRole('button', { name: 'Force move' }).click();
  await expect(dialog).toBeHidden();
  expect(host.one('SELECT milestone FROM deals WHERE id = ?', id)).toEqual({ milestone: 'M3' });
  expect(
    host.one(
      "SELECT forced, reason FROM stage_history WHERE deal_id = ? AND to_milestone = 'M3'",
      id,
    ),
  ).toEqual({ forced: 1, reason: 'Customer signed a letter of intent' });
});

test('drop on Lost asks for the reason', async ({ page, host }) => {
  await openDeals(host);
  await openBoard(page, host);
  const card = firstCard(page, 'Qualified prospect 10%');
  const id = (await card.getAttribute('data-deal-id'))!;
  await drag(page, card, column(page, 'Lost'));
  const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
  await dialog.getByRole('button', { name: 'Lost', exact: true }).click();
  await expect(dialog.getByText('Required')).toBeVisible();
  await dialog.getByLabel('Why was it lost?').fill('Went with a cheaper competitor');
  await dialog.getByRole('button', { name: 'Lost', exact: true }).click();
  await expect(dialog).toBeHidden();
  expect(host.one('SELECT status, lost_reason FROM deals WHERE id = ?', id)).toEqual({
    status: 'lost',
    lost_reason: 'Went with a cheaper competitor',
  });
  expect(
    host.one("SELECT to_status FROM stage_history WHERE deal_id = ? AND to_status = 'lost'", id),
  ).toEqual({ to_status: 'lost' });
});

test('keyboard move: space lifts, arrow moves a column, space drops', async ({ page, host }) => {
  await openDeals(host);
  await openBoard(page, host);
  const card = firstCard(page, 'Qualified contact 25%');
  const id = (await card.getAttribute('data-deal-id'))!;
  await card.focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  const dialog = page.getByRole('dialog', { name: /Move back to Qualified prospect/ });
  await dialog.getByRole('button', { name: 'Move back' }).click();
  await expect(dialog).toBeHidden();
  expect(host.one('SELECT milestone FROM deals WHERE id = ?', id)).toEqual({ milestone: 'M1' });
  expect(
    host.one(
      "SELECT from_milestone, to_milestone FROM stage_history WHERE deal_id = ? AND to_milestone = 'M1' AND from_milestone = 'M2'",
      id,
    ),
  ).toEqual({ from_milestone: 'M2', to_milestone: 'M1' });
});

test('filter by rep, then swimlanes by rep', async ({ page, host }) => {
  await openDeals(host);
  await openBoard(page, host);
  const rep = host.one<{ id: string; name: string; n: number }>(
    `SELECT u.id, u.name, count(*) AS n FROM deals d JOIN users u ON u.id = d.owner_id
     WHERE d.status = 'open' AND d.deleted_at IS NULL GROUP BY u.id ORDER BY n DESC LIMIT 1`,
  );
  const others = host.rows<Seeded>(
    "SELECT id, title, owner_id AS ownerId FROM deals WHERE status = 'open' AND deleted_at IS NULL AND owner_id != ?",
    rep.id,
  );
  await page.getByRole('combobox', { name: 'Rep' }).click();
  await page.getByRole('option', { name: rep.name, exact: true }).click();
  await expect(page.getByText(new RegExp(`^${rep.n} open ·`))).toBeVisible();
  for (const other of others.slice(0, 3))
    await expect(page.locator(`[data-deal-id="${other.id}"]`)).toHaveCount(0);

  await page.getByRole('switch', { name: 'Swimlanes by rep' }).click();
  await expect(page.getByRole('region', { name: rep.name, exact: true })).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: rep.name, exact: true })
      .getByText(new RegExp(`^${rep.n} open`)),
  ).toBeVisible();
});

test('drag M1 → M3: tick the exit items of both milestones and move in one step', async ({
  page,
  host,
}) => {
  await openDeals(host);
  await openBoard(page, host);
  const card = firstCard(page, 'Qualified prospect 10%');
  const id = (await card.getAttribute('data-deal-id'))!;
  await drag(page, card, column(page, 'Qualified decision maker 50%'));

  const dialog = page.getByRole('dialog', {
    name: 'Move to Qualified decision maker: exit checklists of M1 · M2',
  });
  await expect(dialog).toBeVisible();
  const m1 = dialog.getByRole('group', { name: 'M1 Qualified prospect' });
  const m2 = dialog.getByRole('group', { name: 'M2 Qualified contact' });
  await expect(m1.getByRole('checkbox')).toHaveCount(4);
  await expect(m2.getByRole('checkbox')).toHaveCount(3);
  await expect(m2.getByText('saved with the move')).toBeVisible();
  const move = dialog.getByRole('button', { name: 'Move', exact: true });
  for (const group of [m1, m2]) {
    const boxes = group.getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      if (!(await box.isChecked())) {
        await expect(move).toBeDisabled();
        await box.click();
        await expect(box).toBeChecked();
      }
    }
  }
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await move.click();
  await expect(dialog).toBeHidden();

  expect(host.one('SELECT milestone, status FROM deals WHERE id = ?', id)).toEqual({
    milestone: 'M3',
    status: 'open',
  });
  const ticked = host
    .rows<{ criterion: string }>(
      'SELECT criterion FROM deal_checks WHERE deal_id = ? AND checked = 1 AND deleted_at IS NULL ORDER BY criterion',
      id,
    )
    .map((r) => r.criterion);
  expect(ticked).toEqual(
    [
      'problem_found',
      'contact_admits_pain',
      'contact_vision',
      'contact_agrees_explore',
      'contact_introduces_dm',
      'consensus_letter',
      'dm_reached',
    ].sort(),
  );
  expect(
    host.rows(
      "SELECT from_milestone, to_milestone, forced FROM stage_history WHERE deal_id = ? AND to_milestone = 'M3'",
      id,
    ),
  ).toEqual([{ from_milestone: 'M1', to_milestone: 'M3', forced: 0 }]);
  // The card left M1 for M3 without passing through M2.
  await expect(
    column(page, 'Qualified prospect 10%').locator(`[data-deal-id="${id}"]`),
  ).toHaveCount(0);
  expect(
    host.one<{ n: number }>(
      "SELECT count(*) AS n FROM stage_history WHERE deal_id = ? AND to_milestone = 'M2'",
      id,
    ).n,
  ).toBe(0);
});

test('a tick on the deal page shows at once; a refused one falls back with the reason', async ({
  page,
  host,
}) => {
  const customer = host.one<{ id: string }>(
    'SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY name LIMIT 1',
  );
  const deal = await api<{ id: string; updatedAt: string }>(host, 'deals.create', {
    customerId: customer.id,
    title: 'E2E optimistic tick',
    amount: 5_000_000,
    expectedCloseOn: '2027-01-20',
    today,
  });
  await page.clock.setFixedTime(new Date(`${today}T09:00:00`));
  await page.goto(`${host.url}#/deals/${deal.id}`);
  const checklist = page.getByRole('region', { name: 'Milestone checklist' });
  const box = checklist.getByRole('checkbox', {
    name: 'Found the customer’s current problem and potential pain',
  });
  await expect(box).not.toBeChecked();

  // Hold the tick on its way to the main process: the box is ticked before any answer.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/call/deals.check', async (route) => {
    await held;
    await route.continue();
  });
  await box.click();
  await expect(box).toBeChecked();
  release();
  await expect
    .poll(() =>
      host.rows(
        'SELECT checked FROM deal_checks WHERE deal_id = ? AND criterion = ?',
        deal.id,
        'problem_found',
      ),
    )
    .toEqual([{ checked: 1 }]);
  await expect(box).toBeChecked();

  // Another window forces the deal on to M2 while this tick is held: the main process refuses
  // it, the box falls back to what the database holds, and the message says why.
  const second = checklist.getByRole('checkbox', {
    name: 'The contact admits the problem and pain',
  });
  let releaseSecond: () => void = () => undefined;
  const heldSecond = new Promise<void>((resolve) => (releaseSecond = resolve));
  await page.unroute('**/api/call/deals.check');
  await page.route('**/api/call/deals.check', async (route) => {
    await heldSecond;
    await route.continue();
  });
  await second.click();
  await expect(second).toBeChecked();
  const fresh = host.one<{ updated_at: string }>(
    'SELECT updated_at FROM deals WHERE id = ?',
    deal.id,
  );
  await api(host, 'deals.move', {
    id: deal.id,
    expectedUpdatedAt: fresh.updated_at,
    to: 'M2',
    forceReason: 'E2E: moved in another window',
    today,
  });
  releaseSecond();
  await expect(
    page.getByText(
      'This deal moved to another milestone meanwhile. Reload it to see its checklist.',
    ),
  ).toBeVisible();
  await expect(second).not.toBeChecked();
  expect(
    host.rows(
      'SELECT checked FROM deal_checks WHERE deal_id = ? AND criterion = ?',
      deal.id,
      'contact_admits_pain',
    ),
  ).toEqual([]);
});

/** Texts in the cards' footers (days in stage, the close date) whose text does not fit. */
async function cutFooters(page: Page) {
  const footers = page.locator('[data-card-footer]');
  await expect(footers.first()).toBeVisible();
  return footers.evaluateAll((all) =>
    all.flatMap((footer) =>
      [footer, ...Array.from(footer.querySelectorAll<HTMLElement>('p, span'))]
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map((e) => e.textContent),
    ),
  );
}

test.describe('a 1440 × 900 window', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('M1–M6 and Lost fit; opened, Lost is reached with the › button, M1 with ‹', async ({
    page,
    host,
  }) => {
    await openDeals(host);
    await page.clock.setFixedTime(new Date(`${today}T09:00:00`));
    await openBoard(page, host);
    const names = [
      'Qualified prospect 10%',
      'Qualified contact 25%',
      'Qualified decision maker 50%',
      'Decision 75%',
      'Awaiting close 90%',
      'Won 100%',
      'Lost',
    ];
    for (const name of names) await expect(column(page, name)).toBeInViewport({ ratio: 1 });
    const later = page.getByRole('button', { name: 'Later milestones' });
    const earlier = page.getByRole('button', { name: 'Earlier milestones' });
    await expect(later).toHaveCount(0);
    await expect(earlier).toHaveCount(0);

    // Opened, Lost no longer fits: the › button shows, and brings it into view a column a time.
    await column(page, 'Lost').getByRole('button', { name: 'Show lost deals' }).click();
    await expect(column(page, 'Lost')).not.toBeInViewport({ ratio: 1 });
    for (let i = 0; i < names.length && (await later.count()) > 0; i++) {
      await later.click();
      await page.waitForTimeout(400);
    }
    await expect(column(page, 'Lost')).toBeInViewport({ ratio: 1 });
    await expect(later).toHaveCount(0);
    await expect(column(page, 'Qualified prospect 10%')).not.toBeInViewport({ ratio: 1 });
    await expect(earlier).toBeVisible();
    for (let i = 0; i < names.length && (await earlier.count()) > 0; i++) {
      await earlier.click();
      await page.waitForTimeout(400);
    }
    await expect(column(page, 'Qualified prospect 10%')).toBeInViewport({ ratio: 1 });
  });

  test("the cards' footers are not cut off", async ({ page, host }) => {
    await page.clock.setFixedTime(new Date(`${today}T09:00:00`));
    await openBoard(page, host);
    // The widest footers: days in stage beside a close date with its year (next year's).
    await expect(
      page.locator('[data-card-footer]', { hasText: /\d+ d in stage.*, 2027/ }).first(),
    ).toBeVisible();
    expect(await cutFooters(page)).toEqual([]);
  });
});

test.describe('a 1440 × 900 window in Chinese', () => {
  test.use({
    viewport: { width: 1440, height: 900 },
    setup: { demo: true, language: 'zh-CN', as: 'manager' },
  });

  test('the cards’ footers are not cut off', async ({ page, host }) => {
    await page.clock.setFixedTime(new Date(`${today}T09:00:00`));
    await page.goto(`${host.url}#/deals`);
    await page.locator('label', { hasText: /^全部$/ }).click();
    await expect(
      page.locator('[data-card-footer]', { hasText: /本阶段 \d+ 天.*2027年/ }).first(),
    ).toBeVisible();
    expect(await cutFooters(page)).toEqual([]);
  });
});
