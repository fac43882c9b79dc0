/**
 * A device process for the crash test: opens its database and, until killed, edits, pushes and
 * pulls in a tight loop, so a SIGKILL lands anywhere — mid-commit, mid-batch-write, between a
 * batch's rename and its cursor, mid-apply. Usage: node --import tsx crash-worker.ts DB FOLDER SEED
 */
import type { Change } from '../../../electron/core/commit';
import { openApp } from '../../../electron/core/context';
import { seededRandom } from '../../../electron/core/ids';
import { FolderTransport } from '../../../electron/sync/folder';
import { pull } from '../../../electron/sync/pull';
import { push } from '../../../electron/sync/push';

const [file, folder, seedText] = process.argv.slice(2);
if (!file || !folder) throw new Error('usage: crash-worker DB FOLDER SEED');
const ctx = openApp(file);
const transport = new FolderTransport(folder);
const rand = seededRandom(Number(seedText ?? 1));
const me = ctx.currentUserId();
process.stdout.write('ready\n'); // the parent starts its kill timer now, whatever the load

for (let i = 0; ; i++) {
  const changes: Change[] = [];
  const n = (ctx.sqlite.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  if (n < 5 || rand() < 0.3) {
    changes.push({
      op: 'insert',
      table: 'customers',
      id: ctx.newId(),
      values: {
        name: `crash ${i} ${Math.floor(rand() * 1e6)}`,
        status: 'prospect',
        ownerId: me,
        tags: '[]',
      },
    } as Change);
  } else {
    const row = ctx.sqlite
      .prepare('SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET ?')
      .get(Math.floor(rand() * Math.min(n, 6))) as { id: string };
    changes.push({
      op: 'update',
      table: 'customers',
      id: row.id,
      values: { notes: `${ctx.deviceId.slice(-4)} ${i} ${Math.floor(rand() * 1e6)}` },
    } as Change);
  }
  ctx.commit(changes);
  if (rand() < 0.5) push(ctx, transport);
  if (rand() < 0.5) pull(ctx, transport);
}
