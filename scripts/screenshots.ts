/**
 * Renders the README's screenshots (and the ones we review before a commit): the browser
 * host on temp databases, Debian Chromium, both languages, light and dark.
 * Usage: npm run build:renderer && [SHOTS=exports] tsx scripts/screenshots.ts [outDir]
 */
import { mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { openApp } from '../electron/core/context';
import { generateDemo } from '../electron/demo';
import { setLocal } from '../electron/db/local-state';
import { startWebHost, type WebHost } from '../electron/web';
import { chromiumLaunch } from '../test/chromium';
import { api } from '../test/e2e/api';
import { shootCalendar } from './screenshots-calendar';

const outDir = path.resolve(process.argv[2] ?? 'docs/screenshots');

function demoFile(language: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'pacer-shots-')), 'demo.sqlite');
  const ctx = openApp(file);
  generateDemo(ctx, { size: 'small', seed: 7, today: '2026-11-23' });
  const manager = ctx.sqlite
    .prepare("SELECT id FROM users WHERE role = 'manager' LIMIT 1")
    .get() as { id: string };
  ctx.setCurrentUserId(manager.id);
  setLocal(ctx.sqlite, 'language', language);
  ctx.close();
  return file;
}

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`wrote ${name}.png`);
}

/**
 * The weekly meeting pack dialog (open, then after an export) and a table export's result,
 * on Monday 23 November 2026. `SHOTS=exports` renders only these.
 */
async function shootExports(
  browser: Browser,
  host: WebHost,
  options: { language: string; scheme: 'light' | 'dark'; suffix: string },
) {
  const page = await browser.newPage({
    viewport: { width: 1360, height: 860 },
    colorScheme: options.scheme,
    locale: options.language,
  });
  await page.clock.setFixedTime(new Date('2026-11-23T09:00:00'));
  await page.goto(host.url);
  await page.getByRole('button', { name: /导出周会资料|Export weekly meeting pack/ }).waitFor();
  await page.goto(`${host.url.split('?')[0]}#/weekly/team`);
  await page.getByRole('table').first().waitFor();
  await page.getByRole('button', { name: /导出周会资料|Export weekly meeting pack/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('combobox').waitFor();
  await shoot(page, `export-pack-${options.suffix}`);
  await dialog.getByRole('button', { name: /^(导出|Export)$/ }).click();
  await dialog.getByTestId('export-file').waitFor({ timeout: 30_000 });
  await shoot(page, `export-pack-done-${options.suffix}`);
  await page.keyboard.press('Escape');
  await page.goto(`${host.url.split('?')[0]}#/customers`);
  await page.getByRole('table').first().waitFor();
  await page.getByRole('button', { name: /导出 Excel|Export to Excel/ }).click();
  await page.getByTestId('export-file').waitFor({ timeout: 30_000 });
  await shoot(page, `export-table-done-${options.suffix}`);
  await page.close();
}

/**
 * The team folder: Settings → Team folder before and after, the header's details, and
 * "changes from the team" after both devices changed one deal's amount and added one
 * customer while the drive was away. `SHOTS=sync` renders only these.
 */
async function shootSync(
  browser: Browser,
  options: { language: 'zh-CN' | 'en'; scheme: 'light' | 'dark'; suffix: string },
) {
  const zh = options.language === 'zh-CN';
  const parent = mkdtempSync(path.join(tmpdir(), 'pacer-shots-team-'));
  const folder = path.join(parent, zh ? '华东销售部' : 'east-china-sales');
  const a = await startWebHost({ db: demoFile(options.language) });
  const page = await browser.newPage({
    viewport: { width: 1360, height: 860 },
    colorScheme: options.scheme,
    locale: options.language,
  });
  const base = a.url.split('?')[0];
  await page.goto(a.url);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.goto(`${base}#/settings?section=team-folder`);
  const section = page.getByTestId('team-folder');
  await section.getByRole('button', { name: /用这个数据库创建|Create a team folder from/ }).click();
  await section.getByLabel(/团队名称|Team name/).fill(zh ? '华东销售部' : 'East China Sales');
  await section.getByLabel(/^(文件夹|Folder)/).fill(folder);
  await section.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await shoot(page, `settings-team-folder-off-${options.suffix}`);

  // A creates the team folder; B joins it (a rep's laptop).
  await api(a, 'sync.createTeam', { folder, name: zh ? '华东销售部' : 'East China Sales' });
  const b = await startWebHost({
    db: path.join(mkdtempSync(path.join(tmpdir(), 'pacer-shots-')), 'b.sqlite'),
  });
  await api(b, 'sync.joinTeam', { folder });
  await api(b, 'app.restart');
  const users = await api<{ id: string; role: string }[]>(b, 'team.listUsers', {});
  const rep = users.find((u) => u.role === 'rep') ?? users[0];
  if (!rep) throw new Error('no user to pick on B');
  await api(b, 'app.setCurrentUser', { userId: rep.id });
  await api(b, 'sync.now');

  // The drive goes away; both change the same deal's amount and add the same customer.
  const deal = a.ctx.sqlite
    .prepare(
      "SELECT id, amount FROM deals WHERE deleted_at IS NULL AND status = 'open' ORDER BY amount DESC LIMIT 1",
    )
    .get() as { id: string; amount: number };
  const away = `${folder}-away`;
  renameSync(folder, away);
  a.ctx.commit([{ op: 'update', table: 'deals', id: deal.id, values: { amount: 10_000_000 } }]);
  await api(a, 'customers.create', {
    name: zh ? '苏州恒创精密机械有限公司' : 'Suzhou Hengchuang Precision',
    status: 'prospect',
    ownerId: null,
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  b.ctx.commit([{ op: 'update', table: 'deals', id: deal.id, values: { amount: 12_000_000 } }]);
  await api(b, 'customers.create', {
    name: zh ? '苏州恒创精密机械有限公司' : 'Suzhou Hengchuang Precision',
    status: 'prospect',
    ownerId: null,
  });
  renameSync(away, folder);
  await api(b, 'sync.now');
  await api(a, 'sync.now');
  await api(b, 'sync.now');

  await page.goto(`${base}#/dashboard`);
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.getByTestId('sync-indicator').click();
  await page.getByTestId('sync-details').waitFor();
  await shoot(page, `sync-popover-${options.suffix}`);
  await page.getByTestId('sync-indicator').click();
  await page.getByTestId('sync-details').waitFor({ state: 'hidden' });
  await page.goto(`${base}#/settings?section=team-folder`);
  await page.getByTestId('team-folder-path').waitFor();
  await page
    .getByTestId('team-folder')
    .evaluate((element) => element.scrollIntoView({ block: 'start' }));
  await shoot(page, `settings-team-folder-on-${options.suffix}`);
  await page.goto(`${base}#/team-changes`);
  await page.getByTestId('team-change').first().waitFor();
  await shoot(page, `team-changes-${options.suffix}`);
  await page.close();
  await b.close();
  await a.close();
}

const onlyExports = process.env.SHOTS === 'exports';
const onlySync = process.env.SHOTS === 'sync';

const browser = await chromium.launch(chromiumLaunch);
for (const language of ['zh-CN', 'en'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    const suffix = `${language}-${scheme}`;
    const downloadsDir = path.join(mkdtempSync(path.join(tmpdir(), 'pacer-shots-')), 'Downloads');
    mkdirSync(downloadsDir);
    if (onlySync) {
      await shootSync(browser, { language, scheme, suffix });
      continue;
    }
    if (onlyExports) {
      const host = await startWebHost({ db: demoFile(language), downloadsDir });
      await shootExports(browser, host, { language, scheme, suffix });
      await host.close();
      continue;
    }
    // First run on an empty file.
    const empty = path.join(mkdtempSync(path.join(tmpdir(), 'pacer-shots-')), 'empty.sqlite');
    const fresh = await startWebHost({ db: empty });
    const page = await browser.newPage({
      viewport: { width: 1280, height: 800 },
      colorScheme: scheme,
      locale: language,
    });
    await page.goto(fresh.url);
    await shoot(page, `first-run-language-${suffix}`);
    await page.getByRole('button', { name: /继续|Continue/ }).click();
    await shoot(page, `first-run-welcome-${suffix}`);
    await page.close();
    await fresh.close();

    // The app on the small demo.
    const host = await startWebHost({ db: demoFile(language), downloadsDir });
    const app = await browser.newPage({
      viewport: { width: 1360, height: 860 },
      colorScheme: scheme,
      locale: language,
    });
    await app.goto(host.url);
    await app.getByRole('heading', { level: 2 }).first().waitFor();
    await app.waitForLoadState('networkidle');
    await shoot(app, `dashboard-${suffix}`);
    await app.goto(`${host.url}#/customers`);
    await app.getByRole('table').first().waitFor();
    await shoot(app, `customers-${suffix}`);
    await app.getByRole('table').getByRole('link').first().click();
    await app.getByRole('heading', { level: 2 }).waitFor();
    await shoot(app, `customer-detail-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/deals`);
    await app.locator('[data-deal-id]').first().waitFor();
    await shoot(app, `board-${suffix}`);
    await app.locator('[data-deal-id] a').first().click();
    await app.getByRole('heading', { level: 2 }).first().waitFor();
    await shoot(app, `deal-${suffix}`);
    await app
      .getByRole('region', { name: /销售强度|Sales intensity/ })
      .getByRole('button', { name: /评分|Score/ })
      .click();
    await app.getByRole('dialog').waitFor();
    await shoot(app, `score-modal-${suffix}`);
    await app.keyboard.press('Escape');
    await app.goto(`${host.url.split('?')[0]}#/key-deals`);
    await app.getByRole('table').first().waitFor();
    await shoot(app, `key-deals-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/scorecards`);
    await app.getByRole('table').first().waitFor();
    await shoot(app, `scorecards-${suffix}`);
    await app.getByRole('table').getByRole('link').first().click();
    await app.getByRole('table', { name: /进行中的机会|Open deals/ }).waitFor();
    await shoot(app, `scorecard-rep-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/grading`);
    await app.getByRole('grid').waitFor();
    await shoot(app, `grading-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/follow-ups`);
    await app.getByRole('table').first().waitFor();
    await shoot(app, `follow-ups-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/reports`);
    await app.getByRole('heading', { level: 2 }).waitFor();
    await shoot(app, `reports-${suffix}`);
    for (const report of ['attainment', 'funnel', 'activitySplit'] as const) {
      await app.goto(
        `${host.url.split('?')[0]}#/reports/${report}?period=month&date=2026-11-23&scope=company`,
      );
      await app.getByRole('table').first().waitFor();
      await shoot(app, `report-${report}-${suffix}`);
    }
    await app.getByRole('table').getByRole('link').first().click();
    await app
      .getByRole('navigation', { name: /范围路径|Scope trail/ })
      .getByRole('link')
      .first()
      .waitFor();
    await app.getByRole('table').first().waitFor();
    await shoot(app, `report-drill-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/targets`);
    await app.getByRole('table').first().waitFor();
    await shoot(app, `targets-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/weekly/team`);
    await app.getByRole('table').first().waitFor();
    await shoot(app, `weekly-list-${suffix}`);
    await app.getByRole('table').getByRole('link').first().click();
    await app.getByRole('table').first().waitFor();
    await shoot(app, `weekly-report-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/team`);
    await app.getByRole('table', { name: /成员|People/ }).waitFor();
    await shoot(app, `team-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/settings`);
    await shoot(app, `settings-${suffix}`);
    await app.goto(`${host.url.split('?')[0]}#/customers?new=1`);
    await app.getByRole('dialog').waitFor();
    await shoot(app, `customer-form-${suffix}`);
    await app.close();
    await shootExports(browser, host, { language, scheme, suffix });
    await shootCalendar(browser, host, { language, scheme, suffix, shoot });
    await host.close();
    await shootSync(browser, { language, scheme, suffix });
  }
}
await browser.close();
