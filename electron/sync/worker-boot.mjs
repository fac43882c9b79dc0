// Development and tests only: runs the TypeScript sync worker through tsx. The packaged app
// runs the bundled dist-electron/sync-worker.cjs instead (scripts/build-electron.mjs).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
