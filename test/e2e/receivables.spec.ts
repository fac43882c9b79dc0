import { formatMoney } from '../../renderer/components/money';
import { expect, test, type Host } from './fixtures';

test.use({ setup: { demo: true, language: 'zh-CN', as: 'manager' } });

type Open = {
  id: string;
  deal_id: string;
  customer_id: string;
  amount: number;
  collected: number;
};

/** A won demo deal with a single receivable that still has at least ¥2,000 to collect. */
function pickOpenReceivable(host: Host): Open {
  return host.one<Open>(
    `SELECT * FROM (
       SELECT r.id, r.deal_id, r.customer_id, r.amount,
              coalesce((SELECT sum(c.amount) FROM collections c
                         WHERE c.receivable_id = r.id AND c.deleted_at IS NULL), 0) AS collected
         FROM receivables r JOIN deals d ON d.id = r.deal_id
        WHERE d.status = 'won' AND d.deleted_at IS NULL AND r.deleted_at IS NULL
          AND (SELECT count(*) FROM receivables o
                WHERE o.deal_id = r.deal_id AND o.deleted_at IS NULL) = 1
     ) WHERE amount - collected >= 200000
     ORDER BY id LIMIT 1`,
  );
}

test('record a collection on a won deal: the balance drops, the timeline shows it, the database has it', async ({
  page,
  host,
}) => {
  const receivable = pickOpenReceivable(host);
  const manager = host.one<{ id: string; name: string }>(
    "SELECT id, name FROM users WHERE role = 'manager' ORDER BY name LIMIT 1",
  );
  const balance = receivable.amount - receivable.collected;
  await page.goto(`${host.url}#/deals/${receivable.deal_id}`);

  const card = page.getByRole('region', { name: '应收与回款' });
  await expect(card.getByRole('table')).toContainText(formatMoney(balance, 'zh-CN'));
  await card.getByRole('button', { name: /^登记回款/ }).click();

  const dialog = page.getByRole('dialog', { name: '登记回款' });
  const amount = dialog.getByLabel('金额（元）');
  // More than the balance is refused before anything is sent.
  await amount.fill(String(balance / 100 + 1));
  await dialog.getByRole('button', { name: '登记回款' }).click();
  await expect(dialog.getByText(/超过了余额/)).toBeVisible();

  await amount.fill('1000');
  await dialog.getByLabel('备注（可选）').fill('E2E 银行转账');
  await dialog.getByRole('button', { name: '登记回款' }).click();
  await expect(page.getByText('已登记回款')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The balance refreshes by itself (the card's query reads `collections`).
  const after = balance - 100_000;
  await expect(card.getByRole('table')).toContainText(formatMoney(after, 'zh-CN'));
  const list = card.getByRole('region', { name: '回款记录' });
  await expect(list).toContainText('E2E 银行转账');
  await expect(list).toContainText(`登记人：${manager.name}`);

  const row = host.one<Record<string, unknown>>(
    "SELECT * FROM collections WHERE note = 'E2E 银行转账'",
  );
  expect(row).toMatchObject({
    receivable_id: receivable.id,
    deal_id: receivable.deal_id,
    customer_id: receivable.customer_id,
    amount: 100_000,
    by_user_id: manager.id,
    updated_by: manager.id,
    deleted_at: null,
  });
  expect(row.collected_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(
    host.one<{ n: number }>(
      "SELECT count(*) AS n FROM change_log WHERE table_name = 'collections' AND row_id = ?",
      row.id,
    ).n,
  ).toBeGreaterThan(5);

  // The customer's timeline shows the collection, with who; it cannot be deleted there.
  await page.goto(`${host.url}#/customers/${receivable.customer_id}`);
  const timeline = page.getByRole('region', { name: '沟通记录' });
  const entry = timeline
    .locator('.mantine-Timeline-item')
    .filter({ hasText: '回款 ¥1,000' })
    .filter({ hasText: 'E2E 银行转账' });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(manager.name);
  await expect(entry.getByRole('button', { name: '删除此条记录' })).toHaveCount(0);

  // Deleting it on the deal page (confirmed) gives the balance back.
  await page.goto(`${host.url}#/deals/${receivable.deal_id}`);
  await card
    .getByRole('region', { name: '回款记录' })
    .getByRole('button', { name: '删除此笔回款' })
    .first()
    .click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('已删除回款')).toBeVisible();
  await expect(card.getByRole('table')).toContainText(formatMoney(balance, 'zh-CN'));
  expect(
    host.one<{ deleted_at: string | null }>(
      'SELECT deleted_at FROM collections WHERE id = ?',
      row.id,
    ).deleted_at,
  ).not.toBeNull();
});
