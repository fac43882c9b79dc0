import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './test/chromium';

/** End-to-end tests: the browser host on 127.0.0.1 with a temp database, driven in Debian Chromium. */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/templates.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1360, height: 860 },
    launchOptions: chromiumLaunch,
    trace: 'retain-on-failure',
  },
});
