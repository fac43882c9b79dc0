/**
 * The sync worker (a `worker_threads` thread of the main process): runs sync rounds, and the
 * join or create of a team folder, on its own connection to the same local (WAL) database file,
 * so a slow or hanging network drive never blocks the window's thread. The engine's file access
 * is synchronous; here that only blocks this thread. Messages: `electron/sync/worker-protocol.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { quickCheck } from '../backup/integrity';
import { openApp, type AppContext } from '../core/context';
import { openSqlite, type Sqlite } from '../db/connection';
import { getLocal } from '../db/local-state';
import { linkClockToDatabase } from './clock-link';
import { runRound } from './round';
import { createTeam, joinTeam } from './team';
import { serializeError, type FromWorker, type ToWorker, type WorkerData } from './worker-protocol';

const port = parentPort;
if (!port) throw new Error('the sync worker must run in a worker thread');
const data = workerData as WorkerData;
const post = (message: FromWorker) => port.postMessage(message);

// The host's clock, not this thread's (worker-protocol.ts `HostClock`): its last reading plus
// the monotonic time elapsed since it arrived.
let anchor = { host: 'hostNow' in data ? data.hostNow : 0, local: performance.now() };
const follow = (hostNow: number) => (anchor = { host: hostNow, local: performance.now() });
const now = () => new Date(anchor.host + Math.round(performance.now() - anchor.local));

if (data.mode === 'check') {
  let sqlite: Sqlite | null = null;
  try {
    sqlite = openSqlite(data.file, {
      readonly: true,
      ...(data.appOptions.nativeBinding ? { nativeBinding: data.appOptions.nativeBinding } : {}),
    });
    post({ type: 'done', id: 0, value: quickCheck(sqlite) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    post({ type: 'done', id: 0, value: { ok: false, problems: [message] } });
  } finally {
    sqlite?.close();
  }
  port.close();
} else if (data.mode === 'join') {
  try {
    const joined = joinTeam(data.file, data.folder, {
      appOptions: { ...data.appOptions, now },
      onProgress: (stage, done, total) => post({ type: 'progress', id: 0, stage, done, total }),
    });
    const teamName = joined.descriptor.name;
    joined.ctx.close();
    post({ type: 'done', id: 0, value: { teamName } });
  } catch (error) {
    post({ type: 'failed', id: 0, error: serializeError(error) });
  }
  port.close();
} else {
  let ctx: AppContext | null = null;
  const open = (): AppContext => {
    if (!ctx) {
      // The window's connection checked the file when it opened it (quick_check): not again.
      ctx = openApp(data.file, { ...data.appOptions, now, quickCheck: false });
      linkClockToDatabase(ctx);
    }
    // Who acts is the window's choice; it is saved in the file.
    const user = getLocal(ctx.sqlite, 'current_user_id');
    if (user !== ctx.currentUserId()) ctx.setCurrentUserId(user);
    return ctx;
  };
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      ctx?.close();
      ctx = null;
      port.close();
      return;
    }
    const { id } = message;
    follow(message.hostNow);
    try {
      const device = open();
      if (message.type === 'round') {
        const result = runRound(device, message.request, (done, total) =>
          post({ type: 'progress', id, stage: 'changes', done, total }),
        );
        post({ type: 'done', id, value: result });
      } else {
        const created = createTeam(device, message.folder, message.name);
        post({ type: 'done', id, value: { teamName: created.descriptor.name } });
      }
    } catch (error) {
      post({ type: 'failed', id, error: serializeError(error) });
    }
  });
}
