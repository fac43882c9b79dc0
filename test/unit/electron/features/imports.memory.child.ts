/**
 * Runs one import preview in a fresh process and prints what it cost, for
 * imports.archive.test.ts: a fresh process makes `maxRSS` the peak of this import alone.
 * Usage: tsx imports.memory.child.ts FILE
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { handlers } from '../../../../electron/features/handlers';
import { tempApp } from '../../helpers';
import { team } from './imports.fixtures';

const file = process.argv[2] ?? '';
const app = tempApp();
await team(app);
const dataBase64 = readFileSync(file).toString('base64');
globalThis.gc?.();
const before = process.memoryUsage().rss;
const started = performance.now();
const result = await dispatch(handlers, app, 'imports.previewCustomers', {
  fileName: path.basename(file),
  dataBase64,
});
const ms = performance.now() - started;
const peak = process.resourceUsage().maxRSS * 1024;
app.cleanup();
console.log(
  JSON.stringify({
    ok: result.ok,
    key: result.ok ? null : (result.error.key ?? null),
    rows: result.ok ? (result.value as { counts: { valid: number } }).counts.valid : 0,
    beforeMB: Math.round(before / 1e6),
    peakMB: Math.round(peak / 1e6),
    growthMB: Math.round((peak - before) / 1e6),
    ms: Math.round(ms),
  }),
);
