import type { AppContext } from '../core/context';
import { getLocal } from '../db/local-state';
import { pull, type PullResult } from './pull';
import {
  pendingChanges,
  push,
  registerDevice,
  skippedSlots,
  waitingForOf,
  type PushResult,
} from './push';
import { localNumber } from './state';
import { repairOwnBatches, type RepairResult } from './repair';
import { maybeSnapshot, type SnapshotPolicy, type SnapshotResult } from './snapshots';
import { TransportError, type Stray, type Transport, type TransportErrorCode } from './transport';

/** What the header's indicator shows. */
export type SyncState = 'synced' | 'pending' | 'offline' | 'read_only' | 'waiting' | 'error';

export type SyncProblem = { code: TransportErrorCode | 'internal'; message: string };

export type SyncReport = {
  state: SyncState;
  pushed: PushResult | null;
  pushError: SyncProblem | null;
  pulled: PullResult | null;
  pullError: SyncProblem | null;
  /** This device's own batches checked in the folder, and those written again (torn or lost). */
  repaired: RepairResult | null;
  /** Files in the folder that are not part of the layout (only when asked to scan). */
  strays: Stray[];
  /** A periodic snapshot written and this device's old ones pruned (null: nothing done). */
  snapshot: SnapshotResult | null;
  /** This device's changes not yet in the folder. */
  pending: number;
  ms: number;
};

export type SyncOptions = {
  scanStrays?: boolean;
  patienceMs?: number;
  onProgress?: (done: number, total: number) => void;
  /** When this device writes a periodic snapshot (snapshots.ts); `false`: never (tests). */
  snapshots?: SnapshotPolicy | false;
};

function problem(error: unknown): SyncProblem {
  if (error instanceof TransportError) return { code: error.code, message: error.message };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Checks the folder holds this file's team, so a wrong folder is never written to. */
export function checkTeam(ctx: AppContext, transport: Transport): void {
  const descriptor = transport.readDescriptor();
  if (!descriptor)
    throw new TransportError(
      'not_a_team',
      `${transport.location} holds no Pacer team (no pacer-team.json)`,
    );
  const teamId = getLocal(ctx.sqlite, 'team_id');
  if (teamId !== descriptor.teamId)
    throw new TransportError(
      'not_a_team',
      `${transport.location} holds team "${descriptor.name}", not this database's team`,
    );
}

/**
 * One round of sync: push this device's new changes, then pull everyone else's. Never
 * throws for the folder's sake: a folder that is gone, read-only or damaged is reported in
 * the result and the local database stays fully usable.
 */
export function syncOnce(
  ctx: AppContext,
  transport: Transport,
  options: SyncOptions = {},
): SyncReport {
  const started = performance.now();
  const report: SyncReport = {
    state: 'synced',
    pushed: null,
    pushError: null,
    pulled: null,
    pullError: null,
    repaired: null,
    strays: [],
    snapshot: null,
    pending: 0,
    ms: 0,
  };
  let reachable = true;
  // What was refused before this round is not this round's to report.
  transport.refusals?.();
  try {
    checkTeam(ctx, transport);
  } catch (error) {
    report.pushError = problem(error);
    report.pullError = report.pushError;
    reachable = false;
  }
  if (reachable) {
    try {
      report.pushed = push(ctx, transport);
    } catch (error) {
      report.pushError = problem(error);
    }
    try {
      report.pulled = pull(ctx, transport, {
        ...(options.patienceMs === undefined ? {} : { patienceMs: options.patienceMs }),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
    } catch (error) {
      report.pullError = problem(error);
    }
    if (!report.pushError) {
      try {
        // The author repairs its own batches a drive tore or lost; then tells the others
        // which of theirs it waits for (so they repair theirs) when that changed. Its device
        // file is written again, too, when it is gone or is not what this device wrote last
        // (in a sealed folder: replaced by a forged, refused or older copy).
        report.repaired = repairOwnBatches(ctx, transport, report.pulled?.asked ?? []);
        const published = transport.readDevice(ctx.deviceId);
        const wanted = {
          lastSeq: localNumber(ctx.sqlite, 'sync_batch'),
          waitingFor: waitingForOf(ctx),
          skipped: skippedSlots(ctx.sqlite),
        };
        const found = published && {
          lastSeq: published.lastSeq,
          waitingFor: published.waitingFor ?? [],
          skipped: published.skipped ?? [],
        };
        if (JSON.stringify(wanted) !== JSON.stringify(found)) registerDevice(ctx, transport);
      } catch (error) {
        report.pushError = problem(error);
      }
    }
    // Only from a database that is caught up: the team's whole state, nothing of its own unsent.
    if (
      options.snapshots !== false &&
      !report.pushError &&
      !report.pullError &&
      report.pulled?.waiting.length === 0 &&
      pendingChanges(ctx) === 0
    ) {
      try {
        report.snapshot = maybeSnapshot(ctx, transport, options.snapshots ?? {});
      } catch (error) {
        report.pushError = problem(error);
      }
    }
    if (options.scanStrays && !report.pullError) {
      try {
        report.strays = transport.scanStrays();
      } catch (error) {
        report.pullError = problem(error);
      }
    }
  }
  report.pending = pendingChanges(ctx);
  const errors = [report.pushError, report.pullError];
  if (errors.some((e) => e?.code === 'offline')) report.state = 'offline';
  else if (errors.some((e) => e && e.code !== 'read_only')) report.state = 'error';
  else if (report.pushError?.code === 'read_only') report.state = 'read_only';
  else if (report.pulled?.waiting.some((w) => w.stalled)) report.state = 'waiting';
  else if (report.pending > 0) report.state = 'pending';
  report.ms = performance.now() - started;
  return report;
}
