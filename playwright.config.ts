import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './test/chromium';

/** End-to-end tests: the browser host on 127.0.0.1 with a temp database, driven in Debian Chromium. */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/templates.ts',
  // Ceilings, not pacing: a green run never waits for them. On a loaded two-core CI machine the
  // first screen of a test (Chromium starting, the 650 kB bundle parsed, the first queries) has
  // been seen to take just over 10 s, so a wait gives 20 s and a test two minutes.
  timeout: 120_000,
  expect: { timeout: 20_000 },
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
