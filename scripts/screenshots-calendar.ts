/**
 * The calendar's screenshots (issue 6), called by scripts/screenshots.ts for each language and
 * colour scheme: the week, month and agenda of one rep, the day route, the team week, the plan
 * and summary forms, "plan the week" and My follow-ups with visits to summarise. The page sits
 * in Shanghai, where the demo's visits were planned.
 */
import type { Browser, Page } from '@playwright/test';
import type { WebHost } from '../electron/web';
import { api } from '../test/e2e/api';

type Shoot = (page: Page, name: string) => Promise<void>;

export async function shootCalendar(
  browser: Browser,
  host: WebHost,
  options: { language: 'zh-CN' | 'en'; scheme: 'light' | 'dark'; suffix: string; shoot: Shoot },
): Promise<void> {
  const { language, scheme, suffix, shoot } = options;
  const zh = language === 'zh-CN';
  const users = await api<{ id: string; role: string; name: string }[]>(host, 'team.listUsers', {});
  const rep = users.filter((u) => u.role === 'rep').sort((a, b) => a.name.localeCompare(b.name))[0];
  if (!rep) throw new Error('no rep in the demo');
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
    colorScheme: scheme,
    locale: language,
    timezoneId: 'Asia/Shanghai',
  });
  const base = host.url.split('#')[0];
  const calendar = async (view: string, extra = '') => {
    await page.goto(`${base}#/calendar?view=${view}&date=2026-11-23${extra}`);
    await page.reload();
  };
  const forRep = `&scope=team&reps=${rep.id}`;

  await calendar('week', forRep);
  await page.locator('.fc-event').first().waitFor();
  await shoot(page, `calendar-week-${suffix}`);

  await page.locator('.fc-event.pc-ev-visit').first().click();
  await page.getByRole('dialog').getByRole('heading', { level: 3 }).waitFor();
  await shoot(page, `calendar-visit-${suffix}`);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: zh ? '安排本周' : 'Plan the week' }).click();
  await page.getByRole('dialog').getByRole('heading', { level: 5 }).first().waitFor();
  await shoot(page, `calendar-plan-week-${suffix}`);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: zh ? '安排拜访' : 'Plan a visit' }).click();
  const plan = page.getByRole('dialog');
  await plan.getByRole('combobox', { name: zh ? '客户' : 'Customer' }).fill(zh ? '上海' : '上海');
  await page.getByRole('option').first().click();
  await plan
    .getByRole('textbox', { name: zh ? '拜访目标' : 'Goal' })
    .fill(zh ? '确认春季订货数量和交期' : 'Agree the spring order and delivery dates');
  await page.waitForTimeout(300);
  await shoot(page, `calendar-plan-modal-${suffix}`);
  await page.keyboard.press('Escape');

  await calendar('month', forRep);
  await page.locator('.fc-event').first().waitFor();
  await shoot(page, `calendar-month-${suffix}`);

  await calendar('agenda', forRep);
  await page.locator('.fc-list-event').first().waitFor();
  await shoot(page, `calendar-agenda-${suffix}`);

  await calendar('day', forRep);
  await page.locator('[data-route-stop]').first().waitFor();
  await shoot(page, `calendar-day-route-${suffix}`);

  await calendar('team');
  await page.locator('.pc-team [data-visit-id]').first().waitFor();
  await shoot(page, `calendar-team-week-${suffix}`);

  await page.goto(`${base}#/follow-ups`);
  await page.reload();
  await page.locator('label', { hasText: zh ? /^本团队$/ : /^My team$/ }).click();
  const due = page.getByRole('region', { name: zh ? '待总结的拜访' : 'Visits to summarise' });
  await due.waitFor();
  await shoot(page, `follow-ups-visits-${suffix}`);
  await due
    .getByRole('button', { name: zh ? /填写总结/ : /Write summary/ })
    .first()
    .click();
  const summary = page.getByRole('dialog');
  await summary.getByRole('radio', { name: zh ? '是，有效' : 'Yes, effective' }).check();
  await summary
    .getByRole('textbox', { name: zh ? '洽谈结果' : 'Outcome' })
    .fill(
      zh
        ? '客户确认追加 200 件，下周签合同。'
        : 'The customer confirmed 200 more units; contract next week.',
    );
  await summary.getByRole('textbox', { name: zh ? '订货金额' : 'Order amount' }).fill('86000');
  await page.waitForTimeout(300);
  await shoot(page, `calendar-summary-modal-${suffix}`);
  await page.close();
}
