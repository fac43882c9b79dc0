import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

test.use({ setup: { demo: true, language: 'zh-CN', as: 'manager' } });

type Person = { id: string; name: string };

test('hand a leaving rep’s book over, split by grade, and check the database', async ({
  page,
  host,
}) => {
  const manager = host.one<Person>(
    "SELECT u.id, u.name FROM users u JOIN local_state s ON s.key = 'current_user_id' AND s.value = u.id",
  );
  const reps = host.rows<Person>(
    "SELECT id, name FROM users WHERE role = 'rep' AND active = 1 ORDER BY name",
  );
  const [leaving, keeper, taker] = reps;
  if (!leaving || !keeper || !taker) throw new Error('the demo needs three reps');
  const owned = host.rows<{ id: string }>(
    'SELECT id FROM customers WHERE owner_id = ? AND deleted_at IS NULL ORDER BY id',
    leaving.id,
  );
  expect(owned.length).toBeGreaterThan(10);

  // Make sure the split has something on both sides, whatever grades and follow-ups the
  // demo brings: grade five customers "key", and give the rep two open follow-ups and a
  // done one (test setup, written directly as the demo is).
  const writer = new Database(host.db);
  writer.pragma('busy_timeout = 5000');
  const stamp = '2026-11-20T08:00:00.000Z';
  const [first, second, , , , , , , , , tenth] = owned;
  if (!first || !second || !tenth) throw new Error('the rep needs customers');
  for (const { id } of owned.slice(0, 5))
    writer
      .prepare(
        "UPDATE customers SET relationship = 4, attractiveness = 4, grade = 'key' WHERE id = ?",
      )
      .run(id);
  writer
    .prepare(
      'UPDATE customers SET relationship = NULL, attractiveness = NULL, grade_override = NULL, grade = NULL WHERE id = ?',
    )
    .run(tenth.id);
  const followUp = writer.prepare(
    'INSERT INTO follow_ups (id, customer_id, owner_id, due_on, text, done_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  followUp.run(
    '01900000-0000-7000-8000-0000000000f1',
    first.id,
    leaving.id,
    '2026-11-30',
    '回访报价',
    null,
    stamp,
    stamp,
  );
  followUp.run(
    '01900000-0000-7000-8000-0000000000f2',
    tenth.id,
    leaving.id,
    '2026-12-02',
    '寄样品',
    null,
    stamp,
    stamp,
  );
  followUp.run(
    '01900000-0000-7000-8000-0000000000f3',
    second.id,
    leaving.id,
    '2026-11-18',
    '已完成的回访',
    stamp,
    stamp,
    stamp,
  );
  writer.close();
  const keyIds = new Set(
    host
      .rows<{ id: string }>(
        "SELECT id FROM customers WHERE owner_id = ? AND deleted_at IS NULL AND grade = 'key'",
        leaving.id,
      )
      .map((c) => c.id),
  );
  const ungraded = host.one<{ n: number }>(
    'SELECT count(*) AS n FROM customers WHERE owner_id = ? AND deleted_at IS NULL AND grade IS NULL',
    leaving.id,
  ).n;
  const openFollowUps = host.rows<{ id: string; customer_id: string }>(
    'SELECT id, customer_id FROM follow_ups WHERE owner_id = ? AND done_at IS NULL AND deleted_at IS NULL',
    leaving.id,
  );
  const openDeals = host.rows<{ id: string }>(
    "SELECT id FROM deals WHERE owner_id = ? AND status = 'open' AND deleted_at IS NULL",
    leaving.id,
  );
  const ownedIds = new Set(owned.map((c) => c.id));
  const changeLogBefore =
    host.one<{ n: number | null }>('SELECT max(seq) AS n FROM change_log').n ?? 0;

  await page.goto(host.url);
  await page.getByRole('link', { name: '团队' }).click();
  await page.getByRole('button', { name: '人员交接', exact: true }).click();
  const dialog = page.getByRole('dialog');

  // 1. Who leaves.
  await dialog.getByRole('combobox', { name: '离职（交出）人员' }).click();
  await expect(page.getByRole('option', { name: manager.name, exact: true })).toHaveCount(0);
  await page.getByRole('option', { name: leaving.name, exact: true }).click();
  await dialog.getByRole('button', { name: '继续' }).click();

  // 2. What they own.
  await expect(dialog.getByText(`${leaving.name}名下的业务`)).toBeVisible();
  await expect(
    dialog
      .getByRole('table', { name: '按等级' })
      .getByRole('row', { name: `重点客户 ${keyIds.size}` }),
  ).toBeVisible();
  await expect(
    dialog.getByRole('table', { name: '按等级' }).getByRole('row', { name: `未评级 ${ungraded}` }),
  ).toBeVisible();
  await expect(dialog.getByText('已完成的待办和沟通记录仍记在', { exact: false })).toBeVisible();
  await dialog.getByRole('button', { name: '继续' }).click();

  // 3. Assign: key customers to one colleague, the rest to another.
  await dialog.getByText('按等级分配').click();
  await dialog.getByRole('combobox', { name: '默认接手人' }).click();
  await expect(page.getByRole('option', { name: leaving.name, exact: true })).toHaveCount(0);
  await page.getByRole('option', { name: keeper.name, exact: true }).click();
  await dialog.getByRole('combobox', { name: '接手人 重点客户' }).click();
  await page.getByRole('option', { name: taker.name, exact: true }).click();
  await dialog.getByRole('button', { name: '继续' }).click();

  // 4. Confirm.
  await expect(
    dialog.getByRole('row', { name: new RegExp(`${taker.name}\\s*${keyIds.size} 个客户`) }),
  ).toBeVisible();
  await expect(
    dialog.getByRole('row', {
      name: new RegExp(`${keeper.name}\\s*${owned.length - keyIds.size} 个客户`),
    }),
  ).toBeVisible();
  await expect(
    dialog.getByText(`未完成待办随客户转给其接手人（共 ${openFollowUps.length} 条）。`),
  ).toBeVisible();
  await dialog.getByRole('button', { name: '确认交接并停用' }).click();
  await expect(
    page.getByText(
      `交接完成：${leaving.name}名下 ${owned.length} 个客户、${openDeals.length} 个进行中的销售机会、${openFollowUps.length} 条未完成待办已转交。`,
    ),
  ).toBeVisible();
  await expect(dialog).toHaveCount(0);
  // The list refreshes by itself: the deactivated rep is gone from the active people.
  await expect(
    page.getByRole('table', { name: '成员' }).getByText(leaving.name, { exact: true }),
  ).toHaveCount(0);

  // The database: owners moved, follow-ups followed their customer, the done one stayed.
  const ownerOf = (id: string) =>
    host.one<{ owner_id: string }>('SELECT owner_id FROM customers WHERE id = ?', id).owner_id;
  const receiverOf = (customerId: string) => (keyIds.has(customerId) ? taker.id : keeper.id);
  for (const { id } of owned) expect(ownerOf(id)).toBe(receiverOf(id));
  const followUpOwner = (id: string) =>
    host.one<{ owner_id: string }>('SELECT owner_id FROM follow_ups WHERE id = ?', id).owner_id;
  // Open deals went with their customers; the rep is no longer on any open deal.
  expect(
    host.one<{ n: number }>(
      "SELECT count(*) AS n FROM deals WHERE owner_id = ? AND status = 'open' AND deleted_at IS NULL",
      leaving.id,
    ).n,
  ).toBe(0);
  for (const f of openFollowUps)
    expect(followUpOwner(f.id)).toBe(
      ownedIds.has(f.customer_id) ? receiverOf(f.customer_id) : keeper.id,
    );
  expect(followUpOwner('01900000-0000-7000-8000-0000000000f1')).toBe(taker.id);
  expect(followUpOwner('01900000-0000-7000-8000-0000000000f2')).toBe(keeper.id);
  expect(followUpOwner('01900000-0000-7000-8000-0000000000f3')).toBe(leaving.id);
  expect(
    host.one<{ active: number }>('SELECT active FROM users WHERE id = ?', leaving.id).active,
  ).toBe(0);
  // One timeline entry per customer, and every owner change in the history, signed by the manager.
  const entries = host.rows<{ body: string; user_id: string }>(
    "SELECT body, user_id FROM activities WHERE kind = 'handover'",
  );
  expect(entries).toHaveLength(owned.length);
  expect(entries.filter((e) => e.body === `${leaving.name} → ${taker.name}`)).toHaveLength(
    keyIds.size,
  );
  expect(new Set(entries.map((e) => e.user_id))).toEqual(new Set([manager.id]));
  const log = host.rows<{ table_name: string; user_id: string }>(
    "SELECT table_name, user_id FROM change_log WHERE seq > ? AND \"column\" IN ('owner_id', 'active')",
    changeLogBefore,
  );
  expect(log.filter((l) => l.table_name === 'customers')).toHaveLength(owned.length);
  expect(log.filter((l) => l.table_name === 'follow_ups')).toHaveLength(openFollowUps.length);
  expect(log.filter((l) => l.table_name === 'users')).toHaveLength(1);
  expect(new Set(log.map((l) => l.user_id))).toEqual(new Set([manager.id]));
});

test('the row action opens the wizard at the rep’s book; nothing moves until confirmed', async ({
  page,
  host,
}) => {
  const rep = host.one<Person>(
    "SELECT id, name FROM users WHERE role = 'rep' ORDER BY name LIMIT 1",
  );
  await page.goto(host.url);
  await page.getByRole('link', { name: '团队' }).click();
  await page.getByRole('button', { name: `交接 ${rep.name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`${rep.name}名下的业务`)).toBeVisible();
  await dialog.getByRole('button', { name: '继续' }).click();
  // Continue waits for a receiving colleague: everything must be assigned.
  await expect(dialog.getByRole('button', { name: '继续' })).toBeDisabled();
  await dialog.getByRole('button', { name: '返回' }).click();
  await dialog.getByRole('button', { name: '返回' }).click();
  await expect(dialog.getByRole('combobox', { name: '离职（交出）人员' })).toHaveValue(rep.name);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);
  expect(host.one<{ active: number }>('SELECT active FROM users WHERE id = ?', rep.id).active).toBe(
    1,
  );
});
