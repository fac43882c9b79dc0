import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp, type AppContext } from '../../../electron/core/context';
import { syncOnce } from '../../../electron/sync/sync';
import { FolderTransport } from '../../../electron/sync/folder';
import { decodeBatch } from '../../../electron/sync/transport';
import { dump, founder, integrityOk, joiner, logSet, makeWorld } from './fixture';

const ROUNDS = 15; // two devices killed per round
const worker = path.join(import.meta.dirname, 'crash-worker.ts');

/** Runs a device process and SIGKILLs it `ms` after it is working; resolves with how it ended. */
function runAndKill(db: string, folder: string, seed: number, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, db, folder, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let timer: NodeJS.Timeout | undefined;
    const fallback = setTimeout(() => child.kill('SIGKILL'), 20_000); // never ready: stop anyway
    child.stdout.once('data', () => {
      timer = setTimeout(() => child.kill('SIGKILL'), ms);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(fallback);
      if (signal === 'SIGKILL') resolve('killed');
      else reject(new Error(`worker ended by itself (${code}): ${stderr}`));
    });
  });
}

function ownBatches(folder: string, deviceId: string) {
  const dir = path.join(folder, 'changes', deviceId);
  const names = readdirSync(dir)
    .filter((n) => /^\d{10}\.jsonl$/.test(n))
    .sort();
  return names.map((name, i) => {
    const batch = decodeBatch(readFileSync(path.join(dir, name), 'utf8'), deviceId, i + 1);
    if (batch === 'torn') throw new Error(`${name} is torn`);
    return batch;
  });
}

describe('crash: kill -9 during push and apply', () => {
  const world = makeWorld();
  afterAll(() => world.cleanup());

  it(`loses and duplicates nothing after ${ROUNDS * 2} kills, and converges`, async () => {
    const a = founder(world, 'A');
    const b = joiner(world, 'B', 11);
    const files = [a.file, b.file];
    a.close();
    b.close();
    let seed = 100;
    for (let round = 0; round < ROUNDS; round++) {
      const ends = await Promise.all(
        files.map((file) =>
          runAndKill(file, world.folder, seed++, 30 + Math.floor(Math.random() * 300)),
        ),
      );
      expect(ends).toEqual(['killed', 'killed']);
    }

    const devices: AppContext[] = files.map((file) => openApp(file));
    try {
      const transport = new FolderTransport(world.folder);
      for (let i = 0; i < 2; i++)
        for (const d of devices) expect(syncOnce(d, transport).state).toBe('synced');
      for (const d of devices) {
        expect(integrityOk(d)).toBe(true);
        // No record twice in the log…
        const counts = d.sqlite
          .prepare(
            'SELECT count(*) AS n, count(DISTINCT device_id || hlc || table_name || row_id || "column") AS distinct_n FROM change_log',
          )
          .get() as { n: number; distinct_n: number };
        expect(counts.n).toBe(counts.distinct_n);
        // …and each device's batches are numbered without gaps and carry each of its records once.
        const batches = ownBatches(world.folder, d.deviceId);
        const sent = batches.flatMap((batch) =>
          batch.records.map((r) => `${r.hlc}|${r.row}|${r.column}`),
        );
        expect(new Set(sent).size).toBe(sent.length);
        const own = (
          d.sqlite
            .prepare(
              'SELECT hlc, row_id, "column" FROM change_log WHERE device_id = ? AND seq > coalesce((SELECT last_change FROM sync_batches WHERE seq = 0), 0) ORDER BY seq',
            )
            .all(d.deviceId) as { hlc: string; row_id: string; column: string }[]
        ).map((r) => `${r.hlc}|${r.row_id}|${r.column}`);
        expect(sent).toEqual(own);
        expect(own.length).toBeGreaterThan(20);
      }
      expect(dump(devices[1]!)).toEqual(dump(devices[0]!));
      expect(logSet(devices[1]!)).toEqual(logSet(devices[0]!));
    } finally {
      for (const d of devices) d.close();
    }
  }, 60_000);
});
