import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openApp, type AppContext, type AppOptions } from '../core/context';
import { syncedTables } from '../core/tables';
import { AppError } from '../core/errors';
import { openSqlite } from '../db/connection';
import { getLocal, setLocal } from '../db/local-state';
import { FolderTransport } from './folder';
import { pull, type PullResult } from './pull';
import { pendingChanges, registerDevice } from './push';
import { makeSnapshot } from './snapshots';
import { readCursors, setLocalNumber } from './state';
import { checkTeam } from './sync';
import {
  FORMAT_VERSION,
  TransportError,
  type Stray,
  type TeamDescriptor,
  type Transport,
} from './transport';

/** The transport for this file's team folder (null when the file is in no team). */
export function teamTransport(ctx: AppContext): FolderTransport | null {
  const folder = getLocal(ctx.sqlite, 'team_folder');
  return folder ? new FolderTransport(folder) : null;
}

export { makeSnapshot } from './snapshots';

/**
 * Makes `folder` this database's team folder: the descriptor, this device's registry entry and
 * a first snapshot. Everything already in the database reaches other devices through the
 * snapshot, so the existing change log is marked as sent (as batch 0) rather than re-written.
 */
export function createTeam(
  ctx: AppContext,
  folder: string,
  name: string,
): { descriptor: TeamDescriptor; snapshot: string } {
  if (getLocal(ctx.sqlite, 'team_id'))
    throw new AppError('conflict', 'this database already belongs to a team folder');
  if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
  const transport = new FolderTransport(folder);
  const existing = transport.readDescriptor();
  if (existing)
    throw new AppError(
      'conflict',
      `${transport.location} already holds team "${existing.name}": join it instead`,
    );
  const { sqlite } = ctx;
  const descriptor: TeamDescriptor = {
    format: FORMAT_VERSION,
    teamId: ctx.newId(),
    name,
    createdAt: ctx.now().toISOString(),
    createdBy: ctx.deviceId,
    base: holdsNothing(ctx) ? 'empty' : 'snapshot',
  };
  sqlite.transaction(() => {
    const last = sqlite
      .prepare('SELECT coalesce(max(seq), 0) AS seq FROM change_log WHERE device_id = ?')
      .get(ctx.deviceId) as { seq: number };
    sqlite
      .prepare(
        'INSERT OR REPLACE INTO sync_batches (seq, first_change, last_change, written_at) VALUES (0, 0, ?, ?)',
      )
      .run(last.seq, descriptor.createdAt);
    setLocalNumber(sqlite, 'sync_pushed_change', last.seq);
    setLocalNumber(sqlite, 'sync_batch', 0);
    setLocal(sqlite, 'team_id', descriptor.teamId);
    setLocal(sqlite, 'team_name', descriptor.name);
    setLocal(sqlite, 'team_folder', transport.location);
  })();
  transport.writeDescriptor(descriptor);
  registerDevice(ctx, transport);
  const snapshot = makeSnapshot(ctx, transport);
  return { descriptor, snapshot };
}

/** No synced row and no change-log record: a team made from it can be joined from batches alone. */
function holdsNothing(ctx: AppContext): boolean {
  const { sqlite } = ctx;
  if (sqlite.prepare('SELECT 1 FROM change_log LIMIT 1').get()) return false;
  return Object.keys(syncedTables).every(
    (table) => sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() === undefined,
  );
}

/** Removes a database file the join made, with its journal files. */
function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '.joining'])
    rmSync(`${file}${suffix}`, { force: true });
}

/**
 * Refuses a join that would not reach the team's state: batches of some device that cannot be
 * read from where the join starts to what its registry says it wrote (a gap, batches deleted
 * before their first, a torn or unreadable one). Nothing is left behind: the caller removes the file.
 */
function incompleteJoin(transport: Transport, pulled: PullResult): AppError {
  const first = pulled.waiting[0];
  if (!first) throw new Error('incompleteJoin without a waiting device');
  const device = transport.readDevice(first.deviceId)?.name ?? first.deviceId;
  const list = pulled.waiting
    .map(
      (w) => `${transport.readDevice(w.deviceId)?.name ?? w.deviceId} batch ${w.seq} ${w.problem}`,
    )
    .join(', ');
  return new AppError(
    'invalid_input',
    `the team folder does not hold all of the team's changes, so this device cannot join it whole (${list}): nothing was joined. Wait until the folder has finished syncing, or ask that device to sync (it rewrites a damaged batch), then join again`,
    'sync.errors.joinIncomplete',
    { device, seq: first.seq, count: pulled.waiting.length },
  );
}

export type JoinOptions = {
  appOptions?: AppOptions;
  /** Who will use this device (a users.id from the team); chosen later in the UI otherwise. */
  userId?: string;
  onProgress?: (stage: 'snapshot' | 'changes', done: number, total: number) => void;
};

/**
 * Starts a new device's database `file` from the team folder: copies the newest snapshot,
 * gives it this device's own identity, then applies the batches written since.
 */
export function joinTeam(
  file: string,
  folder: string,
  options: JoinOptions = {},
): { ctx: AppContext; descriptor: TeamDescriptor; snapshot: string | null; pulled: PullResult } {
  if (existsSync(file) && statSync(file).size > 0)
    throw new AppError('conflict', `${file} already exists: join into a new file`);
  const transport = new FolderTransport(folder);
  const descriptor = transport.readDescriptor();
  if (!descriptor)
    throw new TransportError('not_a_team', `${transport.location} holds no Pacer team`);
  if (descriptor.format > FORMAT_VERSION)
    throw new TransportError(
      'not_a_team',
      'the team folder was made by a newer Pacer: update first',
    );

  // The newest snapshot that is whole: a synced folder may still be downloading the newest.
  let snapshot: string | null = null;
  const candidates = transport.listSnapshots().reverse();
  // Without a snapshot only batches can be applied: the founding database's rows are in none.
  if (candidates.length === 0 && descriptor.base !== 'empty')
    throw new AppError(
      'invalid_input',
      `the team folder holds no snapshot, and the team's first data (what the founding database held) is only in a snapshot: nothing was joined. Ask a member to publish one from their database (pacer team snapshot --db FILE), then join again`,
      'sync.errors.joinNoSnapshot',
    );
  if (candidates.length > 0) options.onProgress?.('snapshot', 0, 1);
  const problems: string[] = [];
  for (const candidate of candidates) {
    const temp = `${file}.joining`;
    rmSync(temp, { force: true });
    try {
      transport.getSnapshot(candidate.name, temp);
      adoptSnapshot(temp, descriptor);
      renameSync(temp, file);
      snapshot = candidate.name;
      break;
    } catch (error) {
      rmSync(temp, { force: true });
      rmSync(`${temp}-wal`, { force: true });
      rmSync(`${temp}-shm`, { force: true });
      problems.push(`${candidate.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (candidates.length > 0 && !snapshot)
    throw new TransportError(
      'io',
      `no usable snapshot in the team folder (${problems.join('; ')})`,
    );
  if (snapshot) options.onProgress?.('snapshot', 1, 1);
  let ctx: AppContext;
  try {
    ctx = openApp(path.resolve(file), options.appOptions ?? {});
  } catch (error) {
    removeDatabase(file);
    throw error;
  }
  try {
    const { sqlite } = ctx;
    sqlite.transaction(() => {
      setLocal(sqlite, 'team_id', descriptor.teamId);
      setLocal(sqlite, 'team_name', descriptor.name);
      setLocal(sqlite, 'team_folder', transport.location);
      const newest = sqlite.prepare('SELECT max(hlc) AS hlc FROM change_log').get() as {
        hlc: string | null;
      };
      if (newest.hlc) ctx.clock.receive(newest.hlc);
      // What the snapshot held counts as seen now: sent with this device's first batch.
      const ack = sqlite.prepare(
        'INSERT INTO sync_applied (device_id, seq, at_hlc) VALUES (?, ?, ?)',
      );
      const at = ctx.clock.now();
      for (const cursor of readCursors(sqlite).values())
        ack.run(cursor.device_id, cursor.applied_seq, at);
      setLocal(sqlite, 'hlc', JSON.stringify(ctx.clock.snapshot()));
    })();
    if (options.userId) ctx.setCurrentUserId(options.userId);
    const pulled = pull(ctx, transport, {
      onProgress: (done, total) => options.onProgress?.('changes', done, total),
    });
    if (pulled.waiting.length > 0) throw incompleteJoin(transport, pulled);
    registerDevice(ctx, transport);
    return { ctx, descriptor, snapshot, pulled };
  } catch (error) {
    ctx.close();
    removeDatabase(file);
    throw error;
  }
}

/**
 * Turns a copy of another device's database into this device's: drops that device's identity
 * and book-keeping, and records that its own batches up to the snapshot are already applied.
 */
function adoptSnapshot(file: string, descriptor: TeamDescriptor): void {
  const sqlite = openSqlite(file);
  try {
    const check = sqlite.pragma('quick_check') as { quick_check: string }[];
    if (check.length !== 1 || check[0]?.quick_check !== 'ok')
      throw new TransportError('io', 'the snapshot is damaged or not fully synced yet');
    const get = (key: string) =>
      (
        sqlite.prepare('SELECT value FROM local_state WHERE key = ?').get(key) as
          { value: string } | undefined
      )?.value ?? null;
    const source = get('device_id');
    if (get('team_id') !== descriptor.teamId)
      throw new TransportError('not_a_team', 'the snapshot belongs to another team');
    const batch = Number(get('sync_batch') ?? 0);
    sqlite.transaction(() => {
      sqlite
        .prepare("DELETE FROM local_state WHERE key NOT IN ('base_snapshot', 'language', 'theme')")
        .run();
      for (const table of ['sync_batches', 'sync_seen', 'sync_applied', 'devices'])
        sqlite.prepare(`DELETE FROM "${table}"`).run();
      // Refused records stay: they are the team's, held to be judged again (decision 0024).
      sqlite.prepare("DELETE FROM sync_conflicts WHERE kind <> 'refused'").run();
      sqlite
        .prepare('UPDATE sync_cursors SET waiting_seq = NULL, waiting_since = NULL, problem = NULL')
        .run();
      if (source)
        sqlite
          .prepare(
            `INSERT INTO sync_cursors (device_id, applied_seq) VALUES (?, ?)
             ON CONFLICT(device_id) DO UPDATE SET applied_seq = excluded.applied_seq`,
          )
          .run(source, batch);
    })();
  } finally {
    sqlite.close();
  }
}

/**
 * Stops syncing this file with its team folder. The data stays; the folder keeps this device's
 * batches (other devices still have its changes). Joining again means joining into a new file.
 */
export function leaveTeam(ctx: AppContext): void {
  ctx.sqlite.transaction(() => {
    for (const key of ['team_id', 'team_name', 'team_folder'] as const)
      setLocal(ctx.sqlite, key, null);
  })();
}

export type DeviceStatus = {
  deviceId: string;
  name: string | null;
  userName: string | null;
  lastSeenAt: string | null;
  /** Batches it has written, and how many of them this device has applied. */
  lastSeq: number | null;
  appliedSeq: number;
  problem: string | null;
  waitingSince: string | null;
  thisDevice: boolean;
};

export type TeamStatus = {
  team: { id: string; name: string | null; folder: string | null } | null;
  deviceId: string;
  reachable: boolean;
  error: string | null;
  pendingChanges: number;
  openConflicts: number;
  devices: DeviceStatus[];
  strays: Stray[];
};

/** The team, the folder's devices and how far each is applied here; works offline too. */
export function teamStatus(
  ctx: AppContext,
  transport: Transport | null = teamTransport(ctx),
  options: { scanStrays?: boolean } = {},
): TeamStatus {
  const { sqlite } = ctx;
  const teamId = getLocal(sqlite, 'team_id');
  const cursors = readCursors(sqlite);
  const status: TeamStatus = {
    team: teamId
      ? { id: teamId, name: getLocal(sqlite, 'team_name'), folder: getLocal(sqlite, 'team_folder') }
      : null,
    deviceId: ctx.deviceId,
    reachable: false,
    error: null,
    pendingChanges: teamId ? pendingChanges(ctx) : 0,
    openConflicts: (
      sqlite
        .prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL')
        .get() as {
        n: number;
      }
    ).n,
    devices: [],
    strays: [],
  };
  const ids = new Set(cursors.keys());
  ids.add(ctx.deviceId);
  const infos = new Map<string, ReturnType<Transport['readDevice']>>();
  if (transport && teamId) {
    try {
      checkTeam(ctx, transport);
      for (const id of transport.listDevices()) ids.add(id);
      for (const id of ids) infos.set(id, transport.readDevice(id));
      if (options.scanStrays) status.strays = transport.scanStrays();
      status.reachable = true;
    } catch (error) {
      status.error = error instanceof Error ? error.message : String(error);
    }
  }
  for (const id of [...ids].sort()) {
    const info = infos.get(id) ?? null;
    const cursor = cursors.get(id);
    status.devices.push({
      deviceId: id,
      name: info?.name ?? null,
      userName: info?.userName ?? null,
      lastSeenAt: info?.lastSeenAt ?? null,
      lastSeq: info?.lastSeq ?? null,
      appliedSeq:
        id === ctx.deviceId
          ? Number(getLocal(sqlite, 'sync_batch') ?? 0)
          : (cursor?.applied_seq ?? 0),
      problem: cursor?.problem ?? null,
      waitingSince: cursor?.waiting_since ?? null,
      thisDevice: id === ctx.deviceId,
    });
  }
  return status;
}
