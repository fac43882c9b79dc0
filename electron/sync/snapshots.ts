import type { AppContext } from '../core/context';
import { getLocal, setLocal } from '../db/local-state';
import { push } from './push';
import type { Transport } from './transport';

/**
 * Periodic snapshots (issue 16, decision 0027): a new one a week or after many changes, written
 * by one device, and the author's older ones pruned. A join then copies a recent database and
 * applies a few batches, not years of them.
 */

export type SnapshotPolicy = {
  /** A new snapshot when the newest in the folder is this old (default a week). */
  everyMs?: number;
  /** …or when this device's change log gained this many records since it (default 20,000). */
  afterChanges?: number;
  /** Snapshots newer than one that its author keeps (default 3). */
  keep?: number;
  /** A snapshot stays this long after a newer one appeared: a join may be copying it (10 min). */
  graceMs?: number;
  /** The folder's snapshots are listed at most this often by a device not due to write (1 h). */
  checkEveryMs?: number;
};

export type SnapshotResult = {
  /** The snapshot this round wrote, if any. */
  written: string | null;
  /** This device's snapshots it deleted. */
  pruned: string[];
  /** Snapshots it could not delete (in use on Windows, a read-only share): tried again later. */
  keptForNow: string[];
};

const WEEK_MS = 7 * 24 * 3_600_000;
export const SNAPSHOT_DEFAULTS = {
  everyMs: WEEK_MS,
  afterChanges: 20_000,
  keep: 3,
  graceMs: 10 * 60_000,
  checkEveryMs: 3_600_000,
} as const;
/** Devices that wrote a batch within this long are candidates to take over a silent writer. */
const ACTIVE_MS = 30 * 24 * 3_600_000;

/** What this device last learnt of the folder's snapshots (local_state `sync_snapshot`). */
type Known = {
  /** The newest snapshot's name and instant (epoch ms; 0 when none). */
  newest: string | null;
  at: number;
  /** change_log.seq when it was learnt: the records since count toward `afterChanges`. */
  mark: number;
  /** When the folder was last listed. */
  checkedAt: number;
  /** The last attempt to write one failed (disk full, read-only): retried hourly, not every round. */
  failed?: boolean;
};

/** `20261123T090000000Z-<device>.sqlite` → its instant and author (null for other names). */
export function parseSnapshotName(name: string): { at: number; device: string } | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(.+)\.sqlite$/.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms, device] = m;
  const at = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  return Number.isNaN(at) || !device ? null : { at, device };
}

/** The snapshot's file name for this device now: sorts by time, ends with its author. */
export function snapshotName(ctx: AppContext): string {
  return `${ctx.now().toISOString().replace(/[-:.]/g, '')}-${ctx.deviceId}.sqlite`;
}

/**
 * Publishes a snapshot of this database for new devices (`VACUUM INTO` a temporary name, then
 * rename). This device's changes are pushed first, so the snapshot's batch cursor covers them.
 */
export function makeSnapshot(ctx: AppContext, transport: Transport): string {
  push(ctx, transport);
  const name = snapshotName(ctx);
  transport.putSnapshot(name, (file) => {
    ctx.sqlite.prepare('VACUUM INTO ?').run(file);
  });
  remember(ctx, {
    newest: name,
    at: ctx.now().getTime(),
    mark: logEnd(ctx),
    checkedAt: ctx.now().getTime(),
  });
  return name;
}

function logEnd(ctx: AppContext): number {
  return (
    ctx.sqlite.prepare('SELECT coalesce(max(seq), 0) AS seq FROM change_log').get() as {
      seq: number;
    }
  ).seq;
}

function recall(ctx: AppContext): Known | null {
  const text = getLocal(ctx.sqlite, 'sync_snapshot');
  if (!text) return null;
  try {
    return JSON.parse(text) as Known;
  } catch {
    return null;
  }
}

function remember(ctx: AppContext, known: Known): void {
  setLocal(ctx.sqlite, 'sync_snapshot', JSON.stringify(known));
}

/** Records in this device's log since the mark, counted no further than `limit`. */
function changesSince(ctx: AppContext, mark: number, limit: number): number {
  const row = ctx.sqlite
    .prepare('SELECT count(*) AS n FROM (SELECT 1 FROM change_log WHERE seq > ? LIMIT ?)')
    .get(mark, limit) as { n: number };
  return row.n;
}

/**
 * Who writes the next snapshot: the author of the newest one, every `everyMs` (or after
 * `afterChanges`). Should it fall silent (gone, switched off), the devices that wrote a batch in
 * the last 30 days take over in turn of their id: the lowest after 2 × `everyMs`, the next after
 * 3 ×, and so on, so a team never gets a snapshot from every device at once.
 */
function dueAfterMs(
  ctx: AppContext,
  transport: Transport,
  newest: string | null,
  every: number,
): number {
  const author = newest ? parseSnapshotName(newest)?.device : null;
  if (author === ctx.deviceId) return every;
  const now = ctx.now().getTime();
  const active = new Set([ctx.deviceId]);
  for (const id of transport.listDevices()) {
    const seen = transport.readDevice(id)?.lastSeenAt;
    if (id !== author && seen && now - Date.parse(seen) <= ACTIVE_MS) active.add(id);
  }
  const rank = [...active].sort().indexOf(ctx.deviceId);
  // No snapshot at all (deleted by hand): the lowest writes one now, the others in turn after.
  return newest ? every * (2 + rank) : every * rank;
}

/**
 * Called at the end of a round whose push and pull succeeded with nothing pending or waiting:
 * writes a snapshot when this device is the one due to, then prunes its own old ones. Lists the
 * folder only when a snapshot may be due (at most once an hour otherwise).
 */
export function maybeSnapshot(
  ctx: AppContext,
  transport: Transport,
  policy: SnapshotPolicy = {},
): SnapshotResult | null {
  const every = policy.everyMs ?? SNAPSHOT_DEFAULTS.everyMs;
  const afterChanges = policy.afterChanges ?? SNAPSHOT_DEFAULTS.afterChanges;
  const checkEvery = policy.checkEveryMs ?? SNAPSHOT_DEFAULTS.checkEveryMs;
  const now = ctx.now().getTime();
  let known = recall(ctx);
  if (known) {
    const mine = parseSnapshotName(known.newest ?? '')?.device === ctx.deviceId;
    const old = now - known.at >= every;
    const many = mine && changesSince(ctx, known.mark, afterChanges) >= afterChanges;
    if (!old && !many) return null;
    if ((!mine || known.failed) && now - known.checkedAt < checkEvery) return null;
  }
  const snapshots = transport.listSnapshots().map((s) => s.name);
  const newest = snapshots.at(-1) ?? null;
  if (!known || known.newest !== newest) {
    // With none, the wait counts from when this device first found none.
    const at = newest ? (parseSnapshotName(newest)?.at ?? 0) : now;
    known = { newest, at, mark: logEnd(ctx), checkedAt: now };
  }
  known.checkedAt = now;
  remember(ctx, known);
  const mine = newest ? parseSnapshotName(newest)?.device === ctx.deviceId : false;
  const many = mine && changesSince(ctx, known.mark, afterChanges) >= afterChanges;
  const result: SnapshotResult = { written: null, pruned: [], keptForNow: [] };
  if (many || now - known.at >= dueAfterMs(ctx, transport, newest, every)) {
    try {
      result.written = makeSnapshot(ctx, transport);
    } catch (error) {
      remember(ctx, { ...known, failed: true });
      throw error;
    }
    snapshots.push(result.written);
  }
  pruneSnapshots(ctx, transport, snapshots, policy, result);
  return result.written || result.pruned.length || result.keptForNow.length ? result : null;
}

/**
 * Deletes this device's snapshots that have `keep` newer ones (any author's) in the folder, once
 * the next newer one is `graceMs` old: a join that began on it has copied it by then. Never
 * another device's: each file has one writer, deletions included.
 */
export function pruneSnapshots(
  ctx: AppContext,
  transport: Transport,
  names: string[],
  policy: SnapshotPolicy,
  result: SnapshotResult,
): void {
  const keep = policy.keep ?? SNAPSHOT_DEFAULTS.keep;
  const grace = policy.graceMs ?? SNAPSHOT_DEFAULTS.graceMs;
  const now = ctx.now().getTime();
  const sorted = [...names].sort();
  sorted.forEach((name, i) => {
    if (parseSnapshotName(name)?.device !== ctx.deviceId) return;
    if (sorted.length - 1 - i < keep) return;
    const next = parseSnapshotName(sorted[i + 1] ?? '');
    if (!next || now - next.at < grace) return;
    try {
      transport.deleteSnapshot(name);
      result.pruned.push(name);
    } catch {
      result.keptForNow.push(name);
    }
  });
}
