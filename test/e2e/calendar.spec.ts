import type { Locator, Page } from '@playwright/test';
import { expect, test, type Host, api } from './fixtures';

/**
 * Issue 6: the calendar. The demo is built for 2026-11-23; the browser sits in Shanghai, so
 * local days and times match what the database stores (UTC instants + the local day). The
 * visits are planned in the week before, so their summaries are due whatever the real date.
 */
test.use({
  setup: { demo: true, language: 'en', as: 'rep' },
  viewport: { width: 1500, height: 1000 },
  timezoneId: 'Asia/Shanghai',
  locale: 'en-US',
});

function me(host: Host): { id: string; name: string } {
  return host.one(
    "SELECT u.id, u.name FROM users u JOIN local_state s ON s.key = 'current_user_id' AND s.value = u.id",
  );
}

async function openWeek(page: Page, host: Host, date: string, title: RegExp) {
  await page.goto(`${host.url}#/calendar?view=week&date=${date}`);
  await expect(page.getByTestId('calendar-title')).toHaveText(title);
  await page.locator('.fc-timegrid-slot-lane').first().waitFor();
}

/** The middle of a day's column at a time slot of the week view (FullCalendar's grid cells). */
async function slotPoint(page: Page, day: string, time: string): Promise<{ x: number; y: number }> {
  const laneCell = page.locator(`td.fc-timegrid-slot-lane[data-time="${time}:00"]`);
  // The grid scrolls inside the calendar: bring the hour into view before measuring it.
  await laneCell.scrollIntoViewIfNeeded();
  const column = await page.locator(`td.fc-timegrid-col[data-date="${day}"]`).boundingBox();
  const lane = await laneCell.boundingBox();
  if (!column || !lane) throw new Error(`no slot ${day} ${time}`);
  return { x: column.x + column.width * 0.4, y: lane.y + lane.height / 2 };
}

/**
 * Drags an event sideways onto another day's column, at the same height (so the same time):
 * press, move in steps FullCalendar recognises as a drag, release.
 */
async function dragToDay(page: Page, event: Locator, day: string) {
  const box = (await event.boundingBox())!;
  const column = (await page.locator(`td.fc-timegrid-col[data-date="${day}"]`).boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 6, y, { steps: 3 });
  await page.mouse.move(column.x + column.width / 2, y, { steps: 15 });
  await page.mouse.up();
}

async function pickCustomer(dialog: Locator, name: string) {
  const input = dialog.getByRole('combobox', { name: 'Customer' });
  await input.fill(name.slice(0, 4));
  await dialog.page().getByRole('option', { name }).click();
}

test('plan a visit by clicking a slot, drag it to another day, summarise it, see it on the timeline and in plan vs actual', async ({
  page,
  host,
}) => {
  const rep = me(host);
  const customer = host.one<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 1',
    rep.id,
  );
  await openWeek(page, host, '2026-11-18', /Nov 15 – 21, 2026/);

  // Click Wednesday 07:00: the plan form opens with that hour.
  const slot = await slotPoint(page, '2026-11-18', '07:00');
  await page.mouse.click(slot.x, slot.y);
  const dialog = page.getByRole('dialog', { name: 'Plan a visit' });
  await expect(dialog).toBeVisible();
  await pickCustomer(dialog, customer.name);
  await dialog.getByRole('combobox', { name: 'Purpose' }).click();
  await page.getByRole('option', { name: 'Take an order' }).click();
  await dialog.getByRole('textbox', { name: 'Goal' }).fill('Agree the spring order');
  await dialog.getByRole('button', { name: 'Plan visit' }).click();
  await expect(dialog).toBeHidden();

  const planned = host.one<{
    id: string;
    day: string;
    start_at: string;
    end_at: string;
    area: string | null;
  }>(
    "SELECT id, day, start_at, end_at, area FROM visits WHERE owner_id = ? AND customer_id = ? AND goal = 'Agree the spring order'",
    rep.id,
    customer.id,
  );
  expect(planned).toMatchObject({
    day: '2026-11-18',
    start_at: '2026-11-17T23:00:00.000Z',
    end_at: '2026-11-18T00:00:00.000Z',
  });

  // Drag it to Thursday, same hour.
  const event = page.locator(`.fc-event:has([data-event-id="${planned.id}"])`);
  await expect(event).toBeVisible();
  await dragToDay(page, event, '2026-11-19');
  await expect(page.getByText(`Moved the visit to ${customer.name}.`)).toBeVisible();
  expect(host.one('SELECT day, start_at FROM visits WHERE id = ?', planned.id)).toEqual({
    day: '2026-11-19',
    start_at: '2026-11-18T23:00:00.000Z',
  });

  const plan = page.getByRole('region', { name: 'Plan vs actual' });
  const doneBefore = Number(await plan.getByTestId('plan-done').textContent());

  // Its summary: done, effective, with an order.
  await page.locator(`[data-event-id="${planned.id}"]`).click();
  const drawer = page.getByRole('dialog', { name: 'Visit' });
  await expect(drawer.getByRole('heading', { name: customer.name })).toBeVisible();
  await drawer.getByRole('button', { name: 'Write summary' }).click();
  const summary = page.getByRole('dialog', { name: 'Visit summary' });
  await expect(summary).toBeVisible();
  await summary
    .getByRole('textbox', { name: 'Outcome' })
    .fill('Signed the spring order for 200 units');
  await summary.getByRole('radio', { name: 'Yes, effective' }).check();
  await summary.getByRole('textbox', { name: 'Order amount' }).fill('12000');
  await summary.getByRole('button', { name: 'Save summary' }).click();
  await expect(summary).toBeHidden();
  expect(
    host.one(
      'SELECT status, effective, order_amount, outcome FROM visits WHERE id = ?',
      planned.id,
    ),
  ).toEqual({
    status: 'done',
    effective: 1,
    order_amount: 1_200_000,
    outcome: 'Signed the spring order for 200 units',
  });
  await expect(plan.getByTestId('plan-done')).toHaveText(String(doneBefore + 1));

  // The customer's timeline tells it.
  await page.goto(`${host.url}#/customers/${customer.id}`);
  const timeline = page.getByRole('region', { name: 'Communication' });
  const entry = timeline
    .locator('.mantine-Timeline-item')
    .filter({ hasText: 'Signed the spring order' });
  await expect(entry).toContainText('Visit: Take an order');
  await expect(entry).toContainText('Order ¥12,000');
  await expect(entry).toContainText('Effective');
});

/**
 * Plans a visit of the rep's first customer at 07:30–08:30 on `day` (through the API), then
 * plans the second customer at 07:00 from the week's grid: the form answers with the overlap
 * warning, which is returned with the dialog and both customers.
 */
async function planOverlapping(page: Page, host: Host, day: string) {
  const [first, second] = host.rows<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 2',
    me(host).id,
  );
  await api(host, 'visits.create', {
    customerId: first!.id,
    day,
    start: '07:30',
    end: '08:30',
    timeZone: 'Asia/Shanghai',
    purpose: 'service',
  });
  await openWeek(page, host, day, /Nov 15 – 21, 2026/);
  const slot = await slotPoint(page, day, '07:00');
  await page.mouse.click(slot.x, slot.y);
  const dialog = page.getByRole('dialog', { name: 'Plan a visit' });
  await pickCustomer(dialog, second!.name);
  await dialog.getByRole('button', { name: 'Plan visit' }).click();
  const warning = dialog.getByRole('alert');
  await expect(warning).toContainText(`Overlaps the visit to ${first!.name}`);
  return { dialog, warning, first: first!, second: second! };
}

test('an overlapping visit is warned about and can be planned anyway', async ({ page, host }) => {
  const { warning, dialog, second } = await planOverlapping(page, host, '2026-11-17');
  expect(
    host.one<{ n: number }>(
      'SELECT count(*) AS n FROM visits WHERE customer_id = ? AND day = ?',
      second.id,
      '2026-11-17',
    ).n,
  ).toBe(0);
  await warning.getByRole('button', { name: 'Plan anyway' }).click();
  await expect(dialog).toBeHidden();
  expect(
    host.one(
      'SELECT day, start_at, end_at FROM visits WHERE customer_id = ? AND day = ?',
      second.id,
      '2026-11-17',
    ),
  ).toEqual({
    day: '2026-11-17',
    start_at: '2026-11-16T23:00:00.000Z',
    end_at: '2026-11-17T00:00:00.000Z',
  });
  // Both are marked as overlapping on the calendar.
  await expect(page.locator('.pc-ev-conflict')).toHaveCount(2);
});

test('the overlap warning follows the form: a free time clears it, the refused time brings it back', async ({
  page,
  host,
}) => {
  const { dialog, first, second } = await planOverlapping(page, host, '2026-11-18');

  // Move the visit to 09:00–10:00, a free slot: the warning goes at once.
  const hours = dialog.getByLabel('Hours');
  await hours.nth(1).click();
  await page.keyboard.type('10');
  await hours.nth(0).click();
  await page.keyboard.type('09');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  // Back to the refused time: the warning for it returns.
  await hours.nth(0).click();
  await page.keyboard.type('07');
  await hours.nth(1).click();
  await page.keyboard.type('08');
  await expect(dialog.getByRole('alert')).toContainText(`Overlaps the visit to ${first.name}`);
  await hours.nth(0).click();
  await page.keyboard.type('09');
  await hours.nth(1).click();
  await page.keyboard.type('10');
  await expect(dialog.getByRole('alert')).toHaveCount(0);

  // Planned in the free slot, with no "anyway" needed (the time dropdown closed first).
  await dialog.getByRole('textbox', { name: 'Goal' }).click();
  await dialog.getByRole('button', { name: 'Plan visit' }).click();
  await expect(dialog).toBeHidden();
  expect(
    host.one(
      'SELECT start_at, end_at FROM visits WHERE customer_id = ? AND day = ? AND deleted_at IS NULL',
      second.id,
      '2026-11-18',
    ),
  ).toEqual({ start_at: '2026-11-18T01:00:00.000Z', end_at: '2026-11-18T02:00:00.000Z' });
});

test('My follow-ups lists the visits to summarise; a summary takes it off the list', async ({
  page,
  host,
}) => {
  const rep = me(host);
  await page.goto(`${host.url}#/follow-ups`);
  const section = page.getByRole('region', { name: 'Visits to summarise' });
  await expect(section).toBeVisible();
  const row = section.getByRole('row').nth(1);
  const customer = (await row.getByRole('link').textContent())!;
  const before = await section.getByRole('row').count();
  await row.getByRole('button', { name: /Write summary/ }).click();
  const summary = page.getByRole('dialog', { name: 'Visit summary' });
  await summary.locator('label', { hasText: /^Missed$/ }).click();
  await summary.getByRole('textbox', { name: /What happened/ }).fill('Customer was out of town');
  await summary.getByRole('button', { name: 'Save summary' }).click();
  await expect(summary).toBeHidden();
  await expect(section.getByRole('row')).toHaveCount(before - 1);
  expect(
    host.one<{ n: number }>(
      "SELECT count(*) AS n FROM visits v JOIN customers c ON c.id = v.customer_id WHERE v.owner_id = ? AND c.name = ? AND v.status = 'missed' AND v.outcome = 'Customer was out of town'",
      rep.id,
      customer,
    ).n,
  ).toBe(1);
});

test.describe('as a manager', () => {
  test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

  test('the team week shows another rep’s visit, with plan vs actual per rep', async ({
    page,
    host,
  }) => {
    const manager = me(host);
    const visit = host.one<{ id: string; rep: string; customer: string; day: string }>(
      `SELECT v.id, u.name AS rep, c.name AS customer, v.day FROM visits v
         JOIN users u ON u.id = v.owner_id JOIN customers c ON c.id = v.customer_id
        WHERE u.team_id = (SELECT team_id FROM users WHERE id = ?) AND u.id != ?
          AND v.day = '2026-11-24' AND v.deleted_at IS NULL
        ORDER BY v.start_at LIMIT 1`,
      manager.id,
      manager.id,
    );
    await page.goto(`${host.url}#/calendar?view=team&date=2026-11-24`);
    const table = page.getByRole('table', { name: 'Team week' });
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: visit.rep }) });
    await expect(row.locator(`[data-visit-id="${visit.id}"]`)).toContainText(visit.customer);
    await row.locator(`[data-visit-id="${visit.id}"]`).click();
    const drawer = page.getByRole('dialog', { name: 'Visit' });
    await expect(drawer.getByRole('heading', { name: visit.customer })).toBeVisible();
    await expect(drawer).toContainText(visit.rep);
    await drawer.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'By rep' }).click();
    await expect(
      page.getByRole('table', { name: 'By rep' }).getByRole('row', { name: new RegExp(visit.rep) }),
    ).toBeVisible();
  });
});

test('the day route is re-ordered from the keyboard and kept', async ({ page, host }) => {
  const rep = me(host);
  const day = host.one<{ day: string }>(
    `SELECT day FROM visits WHERE owner_id = ? AND day BETWEEN '2026-11-16' AND '2026-11-20' AND deleted_at IS NULL
      GROUP BY day HAVING count(*) >= 3 ORDER BY count(*), day LIMIT 1`,
    rep.id,
  ).day;
  await page.goto(`${host.url}#/calendar?view=day&date=${day}`);
  const route = page.getByRole('region', { name: 'Day route' });
  const stops = route.locator('[data-route-stop]');
  await expect(stops.first()).toBeVisible();
  // Wait for the whole route (every live visit of that day) before reading its last stop.
  const count = host.one<{ n: number }>(
    'SELECT count(*) AS n FROM visits WHERE owner_id = ? AND day = ? AND deleted_at IS NULL',
    rep.id,
    day,
  ).n;
  await expect(stops).toHaveCount(count);
  const last = (await stops.nth(count - 1).getAttribute('data-route-stop'))!;
  const lastName = host.one<{ name: string }>(
    'SELECT c.name FROM visits v JOIN customers c ON c.id = v.customer_id WHERE v.id = ?',
    last,
  ).name;

  // Pick the last stop up with the keyboard and move it to the top. Each step waits for the
  // drag to have followed (on a loaded machine key presses can outrun the sortable's layout);
  // extra presses at the top do nothing.
  const firstTop = (await stops.first().boundingBox())!.y;
  const dragged = route.locator(`[data-route-stop="${last}"]`);
  await route.getByRole('button', { name: `Move ${lastName} in the route` }).focus();
  await page.keyboard.press('Space');
  await expect(dragged).toHaveCSS('opacity', '0.6');
  for (let i = 0; i < count + 2; i++) await page.keyboard.press('ArrowUp', { delay: 50 });
  await expect.poll(async () => (await dragged.boundingBox())!.y).toBeLessThanOrEqual(firstTop + 4);
  await page.keyboard.press('Space');
  await expect(stops.first()).toHaveAttribute('data-route-stop', last);
  await expect
    .poll(
      () =>
        host.one<{ route_order: number }>('SELECT route_order FROM visits WHERE id = ?', last)
          .route_order,
    )
    .toBe(1);
  // It stays first after a reload.
  await page.reload();
  await expect(route.locator('[data-route-stop]').first()).toHaveAttribute('data-route-stop', last);
});

test('plan the week: one click puts an overdue customer on the first free hour of the chosen day', async ({
  page,
  host,
}) => {
  const rep = me(host);
  // Three weeks on from the real today: past the demo's planned visits, so the day is free.
  const ahead = new Date(Date.now() + 21 * 86_400_000).toLocaleDateString('sv-SE', {
    timeZone: 'Asia/Shanghai',
  });
  await page.goto(`${host.url}#/calendar?view=week&date=${ahead}`);
  await page.getByRole('button', { name: 'Plan the week' }).click();
  const drawer = page.getByRole('dialog', { name: /Plan the week/ });
  const overdue = drawer.getByRole('listitem').first();
  await expect(overdue).toBeVisible();
  const customer = (await overdue.locator('p').first().textContent())!.trim();
  // The third day of the week (a Tuesday in English weeks).
  const chosen = drawer.locator('.mantine-Chip-label').nth(2);
  await chosen.click();
  await expect(drawer.getByRole('radio').nth(2)).toBeChecked();
  const dayLabel = (await chosen.textContent())!.trim();
  await overdue
    .getByRole('button', { name: new RegExp(`^Add a visit to .* on ${dayLabel}`) })
    .click();
  await expect(page.getByText(new RegExp(`planned for ${dayLabel} at 09:00`))).toBeVisible();
  const visit = host.one<{ day: string; start_at: string; purpose: string }>(
    `SELECT v.day, v.start_at, v.purpose FROM visits v JOIN customers c ON c.id = v.customer_id
      WHERE v.owner_id = ? AND c.name = ? AND v.day > ? ORDER BY v.created_at DESC LIMIT 1`,
    rep.id,
    customer,
    '2026-12-07',
  );
  expect(visit.purpose).toBe('service');
  expect(visit.start_at.slice(11, 16)).toBe('01:00'); // 09:00 in Shanghai
});

test('log an unplanned visit from the customer’s page: done, not planned, on the timeline', async ({
  page,
  host,
}) => {
  const rep = me(host);
  const customer = host.one<{ id: string; name: string }>(
    'SELECT id, name FROM customers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 1 OFFSET 2',
    rep.id,
  );
  // "Just now" is 07:50 on the demo's Monday: the logged hour (06:45–07:45) is free and past.
  await page.clock.setFixedTime(new Date('2026-11-23T07:50:00+08:00'));
  await page.goto(`${host.url}#/customers/${customer.id}`);
  await page.getByRole('button', { name: 'Log visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Log an unplanned visit' });
  await expect(dialog.getByRole('combobox', { name: 'Customer' })).toHaveValue(customer.name);
  // Effective is required for a done visit.
  await dialog.getByRole('button', { name: 'Log visit' }).click();
  await expect(dialog.getByText('Say whether the visit was effective.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Not effective' }).check();
  await dialog.getByRole('textbox', { name: 'Outcome' }).fill('Dropped by with samples');
  // Money cannot be negative: the minus sign is not taken.
  const order = dialog.getByRole('textbox', { name: 'Order amount' });
  await order.pressSequentially('-5');
  await expect(order).toHaveValue('¥5');
  await order.fill('');
  await dialog.getByRole('button', { name: 'Log visit' }).click();
  await expect(dialog).toBeHidden();
  expect(
    host.one(
      "SELECT planned, status, effective, order_amount FROM visits WHERE customer_id = ? AND outcome = 'Dropped by with samples'",
      customer.id,
    ),
  ).toEqual({ planned: 0, status: 'done', effective: 0, order_amount: null });
  expect(
    host.one(
      "SELECT day, start_at, end_at FROM visits WHERE customer_id = ? AND outcome = 'Dropped by with samples'",
      customer.id,
    ),
  ).toEqual({
    day: '2026-11-23',
    start_at: '2026-11-22T22:45:00.000Z',
    end_at: '2026-11-22T23:45:00.000Z',
  });
  const timeline = page.getByRole('region', { name: 'Communication' });
  await expect(
    timeline.locator('.mantine-Timeline-item').filter({ hasText: 'Dropped by with samples' }),
  ).toContainText('Unplanned');
});

test.describe('a laptop in another zone than the visit', () => {
  test.use({ timezoneId: 'Europe/Berlin' });

  test('draws the visit at its own wall time, on its day, with its zone (ADR 0013)', async ({
    page,
    host,
  }) => {
    const rep = me(host);
    const customer = host.one<{ id: string; name: string }>(
      'SELECT id, name FROM customers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY name LIMIT 1',
      rep.id,
    );
    // 07:30–08:30 in Shanghai is 00:30–01:30 in Berlin: the calendar still shows 07:30.
    await api(host, 'visits.create', {
      customerId: customer.id,
      day: '2026-11-19',
      start: '07:30',
      end: '08:30',
      timeZone: 'Asia/Shanghai',
      purpose: 'service',
    });
    await openWeek(page, host, '2026-11-19', /Nov 15 – 21, 2026/);
    const event = page
      .locator('td.fc-timegrid-col[data-date="2026-11-19"] .pc-ev-visit')
      .filter({ hasText: customer.name });
    await expect(event).toHaveCount(1);
    await expect(event.locator('.pc-ev-time')).toHaveText(/^07:30/);
    await expect(event.locator('.pc-ev-zone')).toHaveText('China Time GMT+8');
    // The drawer says the same.
    await event.click();
    await expect(page.getByText(/07:30–08:30 \(China Time GMT\+8\)/)).toBeVisible();
  });
});
