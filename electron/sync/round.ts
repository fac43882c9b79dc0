import type { AppContext } from '../core/context';
import { formatHlc } from '../core/clock';
import type { SyncedTableName } from '../core/tables';
import { getLocal } from '../db/local-state';
import { syncOnce, type SyncReport } from './sync';
import { teamStatus, teamTransport, type DeviceStatus } from './team';
import type { SnapshotPolicy } from './snapshots';
import type { Stray } from './transport';

/** What the service asks of one round. */
export type RoundRequest = {
  scanStrays: boolean;
  patienceMs?: number;
  snapshots?: SnapshotPolicy | false;
};

/** What one round did, as plain data (it crosses from the sync worker to the window's thread). */
export type RoundResult = {
  /** Null when the file has no team folder (left meanwhile). */
  report: SyncReport | null;
  tables: SyncedTableName[];
  /** The round's clock after it: the window's clock receives it (stamps after what was applied). */
  clock: string | null;
  devices: DeviceStatus[];
  strays: Stray[] | null;
  /** Whether the folder was reached (for `lastSuccessAt`). */
  reachable: boolean;
};

/**
 * One round on `ctx` (the worker's own connection, or the window's when run in-process): push,
 * pull, then the devices' registry entries for the status. Never throws for the folder's sake.
 */
export function runRound(
  ctx: AppContext,
  request: RoundRequest,
  onProgress?: (done: number, total: number) => void,
): RoundResult {
  const transport = teamTransport(ctx);
  if (!transport || !getLocal(ctx.sqlite, 'team_id'))
    return { report: null, tables: [], clock: null, devices: [], strays: null, reachable: false };
  const report = syncOnce(ctx, transport, {
    scanStrays: request.scanStrays,
    ...(request.patienceMs === undefined ? {} : { patienceMs: request.patienceMs }),
    ...(request.snapshots === undefined ? {} : { snapshots: request.snapshots }),
    ...(onProgress ? { onProgress } : {}),
  });
  const reachable = report.state !== 'offline' && report.pullError?.code !== 'not_a_team';
  // The registry entries: read again only when the folder answered this round.
  const status = teamStatus(ctx, reachable ? transport : null);
  return {
    report,
    tables: report.pulled?.tables ?? [],
    clock: formatHlc(ctx.clock.snapshot(), ctx.deviceId),
    devices: status.devices,
    strays: request.scanStrays && !report.pullError ? report.strays : null,
    reachable,
  };
}
