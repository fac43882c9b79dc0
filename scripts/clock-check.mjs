// `npm run test:clock`: runs unit suites with the machine's clock far ahead of and far behind
// the fixed clock the tests inject (2026), through libfaketime. A test that passes only near
// today's real date reads the real clock somewhere it should read the injected one.
// Monotonic time is left real, so timers and timeouts behave.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const clocks = ['2041-03-01 08:00:00', '2003-03-01 08:00:00'];
// The suites given on the command line, or those whose code keeps clocks of its own (HLC
// stamps, snapshots, backups, the sync worker).
const suites = process.argv.slice(2);
if (suites.length === 0)
  suites.push('test/unit/sync', 'test/unit/backup', 'test/unit/electron/features/sync.handlers');

if (spawnSync('faketime', ['-f', '+0', 'true']).error) {
  console.error(
    'test:clock needs libfaketime: `apt-get install faketime` (Debian) or `brew install libfaketime`',
  );
  process.exit(1);
}
const vitest = path.join(root, 'node_modules', '.bin', 'vitest');
for (const clock of clocks) {
  console.log(`--- unit suites with the machine's clock at ${clock}: ${suites.join(' ')}`);
  const run = spawnSync('faketime', [clock, vitest, 'run', ...suites], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FAKETIME_DONT_FAKE_MONOTONIC: '1' },
  });
  if (run.status !== 0) {
    console.error(`--- failed with the clock at ${clock}: a test reads the real date`);
    process.exit(run.status ?? 1);
  }
}
