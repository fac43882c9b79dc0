import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'en', as: 'manager' } });

test('the token leaves the URL at once, ?token= is refused, and the app and its live updates work', async ({
  page,
  host,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  const origin = new URL(host.url).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto(`${host.url}#/customers`);
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
  // Gone from the address bar and the history entry; no request ever carried it.
  expect(page.url()).toBe(`${origin}/#/customers`);
  expect(await page.evaluate(() => window.location.href)).not.toContain('token');
  expect(requests.some((url) => url.includes(host.token))).toBe(false);
  expect(requests).toContain(`${origin}/api/events`);

  // A URL that carries the token in its query gets nowhere without the header.
  const status = await page.evaluate(
    async (token) =>
      (
        await fetch(`/api/call/app.status?token=${encodeURIComponent(token)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).status,
    host.token,
  );
  expect(status).toBe(401);

  // The event stream (opened by its cookie) still brings other clients' changes in: the
  // search shows nothing, then the customer appears without a keystroke or reload.
  await page.getByLabel('Search name, contact or phone').fill('Streamed Into View');
  await expect(page.getByRole('table', { name: 'Customers' }).getByRole('link')).toHaveCount(0);
  const me = host.one<{ id: string }>(
    "SELECT value AS id FROM local_state WHERE key = 'current_user_id'",
  );
  const response = await fetch(`${origin}/api/call/customers.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pacer-token': host.token },
    body: JSON.stringify({
      name: 'Streamed Into View Ltd',
      phone: null,
      industry: null,
      region: null,
      address: null,
      source: null,
      ownerId: me.id,
      status: 'customer',
      notes: null,
    }),
  });
  expect(((await response.json()) as { ok: boolean }).ok).toBe(true);
  await expect(
    page
      .getByRole('table', { name: 'Customers' })
      .getByRole('link', { name: 'Streamed Into View Ltd' }),
  ).toBeVisible();

  // The printed URL opened again in this tab changes only the fragment: no reload, same result.
  await page.goto(`${host.url}#/deals`);
  await expect(page).toHaveURL(`${origin}/#/deals`);

  // A reload keeps the tab signed in (sessionStorage), still with no token in the URL.
  await page.goto(`${origin}/#/customers?q=Streamed+Into+View`);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customers', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Customers' })).toBeVisible();
  expect(page.url()).toBe(`${origin}/#/customers?q=Streamed+Into+View`);
});
