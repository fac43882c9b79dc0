/**
 * Debian's Chromium as the tests and screenshot scripts launch it. Without the networking
 * flags it tries Google's hosts at every start, which this closed network refuses.
 */
export const chromiumLaunch = {
  executablePath: process.env.PACER_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
  ],
};
