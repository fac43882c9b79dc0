import type { AppContext } from '../core/context';
import type { SyncedTableName } from '../core/tables';
import { applyBatch, type ApplyStats } from './apply';
import { readCursors } from './state';
import type { SyncRefusedFile } from '../../shared/contract/sync';
import { FORMAT_VERSION, isRefusal, type Transport } from './transport';

/** A device whose next batch should be there but cannot be read (yet). */
export type Waiting = {
  deviceId: string;
  seq: number;
  problem: 'missing' | 'torn' | 'newer_format' | 'invalid';
  since: string;
  /** For `invalid`: why the batch could not be applied. */
  message?: string;
  /** Waiting longer than the patience: worth telling the user. */
  stalled: boolean;
};

export type PullResult = {
  batches: number;
  records: number;
  written: number;
  duplicates: number;
  conflicts: number;
  pendingRows: number;
  tables: SyncedTableName[];
  waiting: Waiting[];
  /** Batches of this device that other devices say they wait for (missing or torn there). */
  asked: number[];
  /**
   * Files of a sealed folder refused this round (this round's push and pull: `syncOnce`
   * drains the transport's list first), one per file: never applied (decision 0021).
   */
  refused: SyncRefusedFile[];
};

export type PullOptions = {
  /** How long a missing or torn batch may take to arrive before it is reported (default 60 s). */
  patienceMs?: number;
  /** After each applied batch: how many applied so far, of how many known to exist. */
  onProgress?: (done: number, total: number) => void;
};

/**
 * Reads and applies every other device's new batches, each device in sequence order from its
 * cursor. The next batch is found by opening its name; a device's registry entry says how many
 * it has written, which tells "nothing new" from "missing". Folders are listed only to find
 * devices. Tables changed are announced once at the end.
 *
 * In a sealed folder (decision 0021) a batch that does not verify is never applied: a slot
 * its author's (verified) device file lists as skipped is passed over; a refused file at or
 * below the author's `lastSeq` is waited on like a torn one (the author rewrites it: repair);
 * above it, or a torn one above it, is not the author's yet and is passed by for now. Batches
 * of a device that is not a member (yet) or was removed are not applied and the cursor stays,
 * so they are judged again next round, when an approval may have arrived.
 */
export function pull(ctx: AppContext, transport: Transport, options: PullOptions = {}): PullResult {
  const { sqlite } = ctx;
  const patience = options.patienceMs ?? 60_000;
  const cursors = readCursors(sqlite);
  const devices = new Set([...transport.listDevices(), ...cursors.keys()]);
  devices.delete(ctx.deviceId);
  const result: PullResult = {
    batches: 0,
    records: 0,
    written: 0,
    duplicates: 0,
    conflicts: 0,
    pendingRows: 0,
    tables: [],
    waiting: [],
    asked: [],
    refused: [],
  };
  const tables = new Set<SyncedTableName>();
  const plan = [...devices].sort().map((deviceId) => {
    const info = transport.readDevice(deviceId);
    for (const [device, seq] of info?.waitingFor ?? [])
      if (device === ctx.deviceId) result.asked.push(seq);
    // Only a signed device file may say which of its slots to pass over (never a plain one).
    const skipped = transport.sealed && Array.isArray(info?.skipped) ? info.skipped : [];
    return {
      deviceId,
      applied: cursors.get(deviceId)?.applied_seq ?? 0,
      lastSeq: info?.lastSeq ?? 0,
      skipped: new Set(skipped.filter((n) => Number.isSafeInteger(n))),
    };
  });
  const total = plan.reduce((n, p) => n + Math.max(0, p.lastSeq - p.applied), 0);
  const wait = sqlite.prepare(
    `INSERT INTO sync_cursors (device_id, applied_seq, waiting_seq, waiting_since, problem) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(device_id) DO UPDATE SET waiting_seq = excluded.waiting_seq,
       waiting_since = CASE WHEN sync_cursors.waiting_seq IS excluded.waiting_seq AND sync_cursors.problem IS excluded.problem
                            THEN sync_cursors.waiting_since ELSE excluded.waiting_since END,
       problem = excluded.problem`,
  );
  const clear = sqlite.prepare(
    'UPDATE sync_cursors SET waiting_seq = NULL, waiting_since = NULL, problem = NULL WHERE device_id = ? AND waiting_seq IS NOT NULL',
  );
  // A skipped slot holds nothing of its author: the cursor moves past it, with no ack.
  const passOver = sqlite.prepare(
    `INSERT INTO sync_cursors (device_id, applied_seq) VALUES (?, ?)
     ON CONFLICT(device_id) DO UPDATE SET applied_seq = excluded.applied_seq`,
  );
  const now = ctx.now();

  for (const device of plan) {
    let applied = device.applied;
    for (;;) {
      const next = applied + 1;
      if (device.skipped.has(next)) {
        passOver.run(device.deviceId, next);
        applied = next;
        continue;
      }
      const read = transport.readBatch(device.deviceId, next);
      const claimed = device.lastSeq >= next;
      let problem: Waiting['problem'] | null = null;
      if (isRefusal(read)) {
        // Not a member (yet), or removed: nothing of it is applied, nothing waited for.
        const outsider = read.refused === 'unknown_key' || read.refused === 'removed_device';
        problem = claimed && !outsider ? 'torn' : null;
      } else if (read === 'torn') problem = claimed || !transport.sealed ? 'torn' : null;
      else if (read === 'missing') problem = claimed ? 'missing' : null;
      else if (read.header.format > FORMAT_VERSION) problem = 'newer_format';
      if (problem === null && (read === 'missing' || read === 'torn' || isRefusal(read))) {
        clear.run(device.deviceId);
        break;
      }
      if (problem) {
        wait.run(device.deviceId, applied, next, now.toISOString(), problem);
        const row = sqlite
          .prepare('SELECT waiting_since FROM sync_cursors WHERE device_id = ?')
          .get(device.deviceId) as { waiting_since: string };
        result.waiting.push({
          deviceId: device.deviceId,
          seq: next,
          problem,
          since: row.waiting_since,
          stalled: now.getTime() - Date.parse(row.waiting_since) >= patience,
        });
        break;
      }
      if (typeof read === 'string' || isRefusal(read)) break; // unreachable: handled above
      let stats: ApplyStats;
      try {
        stats = applyBatch(ctx, read);
      } catch (error) {
        // A batch this version cannot apply (a value a column refuses): nothing of it was
        // written (one transaction); wait on this device, go on with the others.
        const message = error instanceof Error ? error.message : String(error);
        wait.run(device.deviceId, applied, next, now.toISOString(), 'invalid');
        const row = sqlite
          .prepare('SELECT waiting_since FROM sync_cursors WHERE device_id = ?')
          .get(device.deviceId) as { waiting_since: string };
        result.waiting.push({
          deviceId: device.deviceId,
          seq: next,
          problem: 'invalid',
          since: row.waiting_since,
          stalled: true,
          message,
        });
        break;
      }
      applied = next;
      result.batches += 1;
      result.records += stats.records;
      result.written += stats.written;
      result.duplicates += stats.duplicates;
      result.conflicts += stats.conflicts;
      result.pendingRows += stats.pendingRows;
      for (const t of stats.tables) tables.add(t);
      options.onProgress?.(result.batches, Math.max(total, result.batches));
    }
  }
  result.tables = [...tables];
  result.refused = transport.refusals?.() ?? [];
  ctx.announce(result.tables);
  return result;
}
