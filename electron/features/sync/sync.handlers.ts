import { accessSync, constants, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { SyncConflictView, syncContract } from '../../../shared/contract/sync';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { isSyncedTable } from '../../core/tables';
import type { Sqlite } from '../../db/connection';
import { getLocal } from '../../db/local-state';
import { pendingReplace, scheduleReplace } from '../../db/replace';
import type { HandlersOf } from '../../ipc/dispatch';
import {
  dismissConflict,
  listConflicts,
  restoreMine,
  type SyncConflict,
} from '../../sync/conflicts';
import { DESCRIPTOR_FILE, FolderTransport } from '../../sync/folder';
import { attachSync, statusOf, syncServiceOf, type SyncService } from '../../sync/service';
import { stampInstant } from '../../sync/state';
import { leaveTeam } from '../../sync/team';
import { FORMAT_VERSION, TransportError } from '../../sync/transport';

/** The context's sync service; a context no host gave one (tests, scripts) gets an in-process one. */
function serviceOf(ctx: AppContext): SyncService {
  return syncServiceOf(ctx) ?? attachSync(ctx, { worker: false });
}

/** Files a folder may hold and still count as empty (the systems' own). */
const IGNORABLE = new Set(['.DS_Store', 'desktop.ini', 'Thumbs.db', '.localized']);

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

function notWritable(folder: string): AppError {
  return new AppError('io', `Pacer cannot write to ${folder}`, 'sync.errors.folderNotWritable', {
    folder,
  });
}

function missingFolder(folder: string): AppError {
  return new AppError(
    'invalid_input',
    `${folder} does not exist or cannot be reached`,
    'sync.errors.missingFolder',
    { folder },
  );
}

function alreadyInTeam(ctx: AppContext): AppError {
  return new AppError(
    'conflict',
    `this database already syncs with the team "${getLocal(ctx.sqlite, 'team_name') ?? ''}"`,
    'sync.errors.alreadyInTeam',
  );
}

/** A folder typed or chosen: absolute, normalised. */
function folderPath(input: string): string {
  if (!path.isAbsolute(input))
    throw new AppError(
      'invalid_input',
      `${input} is not an absolute path`,
      'sync.errors.missingFolder',
      { folder: input },
    );
  return path.resolve(input);
}

/** A folder for a new team: absent (its parent must exist) or empty, and writable. */
function checkNewTeamFolder(folder: string): void {
  if (!existsSync(folder)) {
    const parent = path.dirname(folder);
    if (!existsSync(parent) || !statSync(parent).isDirectory()) throw missingFolder(folder);
    try {
      accessSync(parent, constants.W_OK);
    } catch {
      throw notWritable(parent);
    }
    return;
  }
  if (!statSync(folder).isDirectory()) throw missingFolder(folder);
  const descriptor = new FolderTransport(folder).readDescriptor();
  if (descriptor)
    throw new AppError(
      'conflict',
      `${folder} already holds the team "${descriptor.name}": join it instead`,
      'sync.errors.teamExists',
      { name: descriptor.name },
    );
  const entries = readdirSync(folder).filter((name) => !IGNORABLE.has(name));
  if (entries.length > 0)
    throw new AppError('invalid_input', `${folder} is not empty`, 'sync.errors.folderNotEmpty', {
      folder,
    });
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw notWritable(folder);
  }
}

/** Engine and file-system errors as the renderer shows them. */
function explain(error: unknown, folder: string): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof TransportError) {
    if (error.code === 'read_only') return notWritable(folder);
    if (error.code === 'offline') return missingFolder(folder);
    if (error.code === 'not_a_team')
      return new AppError('invalid_input', error.message, 'sync.errors.notATeam', { folder });
    return new AppError('io', error.message, 'sync.errors.io', { folder });
  }
  const code = errno(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return notWritable(folder);
  if (code === 'ENOENT' || code === 'ENOTDIR') return missingFolder(folder);
  return error;
}

/** What each table's rows are called in "changes from the team". */
const labels: Record<string, string> = {
  teams: 'SELECT name AS label FROM teams WHERE id = ?',
  users: 'SELECT name AS label FROM users WHERE id = ?',
  customers: 'SELECT name AS label FROM customers WHERE id = ?',
  contacts: 'SELECT name AS label FROM contacts WHERE id = ?',
  products: 'SELECT name AS label FROM products WHERE id = ?',
  deals: 'SELECT title AS label FROM deals WHERE id = ?',
  meetings: 'SELECT title AS label FROM meetings WHERE id = ?',
  calendar_days: 'SELECT coalesce(name, day) AS label FROM calendar_days WHERE id = ?',
  activities:
    'SELECT c.name AS label FROM activities x JOIN customers c ON c.id = x.customer_id WHERE x.id = ?',
  follow_ups:
    'SELECT c.name AS label FROM follow_ups x JOIN customers c ON c.id = x.customer_id WHERE x.id = ?',
  visits:
    'SELECT c.name AS label FROM visits x JOIN customers c ON c.id = x.customer_id WHERE x.id = ?',
  receivables:
    'SELECT c.name AS label FROM receivables x JOIN customers c ON c.id = x.customer_id WHERE x.id = ?',
  collections:
    'SELECT c.name AS label FROM collections x JOIN customers c ON c.id = x.customer_id WHERE x.id = ?',
  deal_lines:
    'SELECT d.title AS label FROM deal_lines x JOIN deals d ON d.id = x.deal_id WHERE x.id = ?',
  deal_checks:
    'SELECT d.title AS label FROM deal_checks x JOIN deals d ON d.id = x.deal_id WHERE x.id = ?',
  stage_history:
    'SELECT d.title AS label FROM stage_history x JOIN deals d ON d.id = x.deal_id WHERE x.id = ?',
  deal_scores:
    'SELECT d.title AS label FROM deal_scores x JOIN deals d ON d.id = x.deal_id WHERE x.id = ?',
  team_memberships:
    'SELECT u.name AS label FROM team_memberships x JOIN users u ON u.id = x.user_id WHERE x.id = ?',
  weekly_reports:
    "SELECT u.name || ' ' || x.week AS label FROM weekly_reports x JOIN users u ON u.id = x.user_id WHERE x.id = ?",
  targets: "SELECT x.metric || ' ' || x.period_key AS label FROM targets x WHERE x.id = ?",
  settings: 'SELECT id AS label FROM settings WHERE id = ?',
};

function rowLabel(sqlite: Sqlite, table: string, id: string | null): string | null {
  if (!id || !isSyncedTable(table)) return null;
  const sql = labels[table];
  if (!sql) return null;
  try {
    const row = sqlite.prepare(sql).get(id) as { label: string | null } | undefined;
    return row?.label ?? null;
  } catch {
    return null;
  }
}

/**
 * A refused change arrives as one record per field: listed once per row, author, device, rule
 * and state, with the fields it carried (the newest entry's id stands for all of them).
 */
function groupRefusals(list: SyncConflict[]): (SyncConflict & { columns?: string[] })[] {
  const out: (SyncConflict & { columns?: string[] })[] = [];
  const groups = new Map<string, SyncConflict & { columns: string[] }>();
  for (const c of list) {
    if (c.kind !== 'refused' || !c.refusal) {
      out.push(c);
      continue;
    }
    const key = [c.table, c.rowId, c.remote.userId, c.remote.deviceId, c.refusal.rule, c.resolvedAt]
      .map(String)
      .join('\u0000');
    const group = groups.get(key);
    if (group) {
      if (c.column && !group.columns.includes(c.column)) group.columns.push(c.column);
      continue;
    }
    const first = { ...c, columns: c.column ? [c.column] : [] };
    groups.set(key, first);
    out.push(first);
  }
  return out;
}

function conflictViews(ctx: AppContext, all: boolean): SyncConflictView[] {
  const { sqlite } = ctx;
  const users = new Map<string, string | null>();
  const userName = (id: string | null) => {
    if (!id) return null;
    if (!users.has(id))
      users.set(
        id,
        (
          sqlite.prepare('SELECT name FROM users WHERE id = ?').get(id) as
            { name: string } | undefined
        )?.name ?? null,
      );
    return users.get(id) ?? null;
  };
  // Device names from the last round's registry entries (no folder access here), else local.
  const devices = new Map<string, string | null>();
  for (const d of statusOf(ctx).devices) devices.set(d.deviceId, d.name);
  const deviceName = (id: string | null) => {
    if (!id) return null;
    const known = devices.get(id);
    if (known) return known;
    const local = sqlite.prepare('SELECT name FROM devices WHERE id = ?').get(id) as
      { name: string } | undefined;
    return local?.name ?? null;
  };
  const at = (hlc: string | null) => (hlc ? stampInstant(hlc) : null);
  const list = groupRefusals(listConflicts(sqlite, { all }));
  list.sort((a, b) => Number(a.resolvedAt !== null) - Number(b.resolvedAt !== null) || b.id - a.id);
  // A password hash is not for the screen (nor the CLI's JSON): the change shows, not the value.
  const shown = (c: SyncConflict, value: unknown) =>
    c.table === 'users' && c.column === 'password_hash' && value !== null ? '••••••' : value;
  return list.map((c) => ({
    id: c.id,
    kind: c.kind,
    table: c.table,
    rowId: c.rowId,
    rowLabel: rowLabel(sqlite, c.table, c.rowId),
    column: c.column,
    local: c.local
      ? { value: shown(c, c.local.value), at: at(c.local.hlc), userName: userName(c.local.userId) }
      : null,
    remote: {
      value: shown(c, c.remote.value),
      at: at(c.remote.hlc),
      userName: userName(c.remote.userId),
      deviceName: deviceName(c.remote.deviceId),
    },
    otherRowId: c.otherRowId,
    otherRowLabel: rowLabel(sqlite, c.table, c.otherRowId),
    ...(c.refusal ? { refusal: { ...c.refusal, columns: c.columns ?? [] } } : {}),
    detectedAt: c.detectedAt,
    resolvedAt: c.resolvedAt,
    resolution: c.resolution,
  }));
}

function requireConflict(ctx: AppContext, id: number): SyncConflict {
  const found = listConflicts(ctx.sqlite, { all: true }).find((c) => c.id === id);
  if (!found)
    throw new AppError('not_found', `conflict ${id} not found`, 'errors.notFound', {
      what: 'conflict',
    });
  return found;
}

export const syncHandlers: HandlersOf<typeof syncContract> = {
  'sync.status': (_input, ctx) => statusOf(ctx),

  'sync.now': async (_input, ctx) => {
    if (getLocal(ctx.sqlite, 'team_id')) await serviceOf(ctx).now({ waitMs: 20_000 });
    return statusOf(ctx);
  },

  'sync.chooseFolder': async (_input, ctx) => {
    if (!ctx.fileHost.canChooseFolder) return { path: null, supported: false };
    return { path: await ctx.fileHost.chooseFolder(), supported: true };
  },

  'sync.createTeam': async ({ folder: given, name }, ctx) => {
    if (getLocal(ctx.sqlite, 'team_id')) throw alreadyInTeam(ctx);
    const folder = folderPath(given);
    checkNewTeamFolder(folder);
    try {
      await serviceOf(ctx).createTeam(folder, name);
    } catch (error) {
      throw explain(error, folder);
    }
    return statusOf(ctx);
  },

  'sync.joinTeam': async ({ folder: given }, ctx) => {
    if (getLocal(ctx.sqlite, 'team_id')) throw alreadyInTeam(ctx);
    const folder = folderPath(given);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw missingFolder(folder);
    let descriptor;
    try {
      descriptor = new FolderTransport(folder).readDescriptor();
    } catch (error) {
      throw explain(error, folder);
    }
    if (!descriptor)
      throw new AppError(
        'invalid_input',
        `${folder} holds no Pacer team (no ${DESCRIPTOR_FILE})`,
        'sync.errors.notATeam',
        { folder },
      );
    if (descriptor.format > FORMAT_VERSION)
      throw new AppError(
        'invalid_input',
        'the team folder was made by a newer Pacer: update first',
        'sync.errors.newerFormat',
      );
    const stamp = ctx.now().toISOString().replace(/[-:.]/g, '');
    const file = `${ctx.file}.joining-${stamp}`;
    for (const suffix of ['', '-wal', '-shm', '.joining'])
      rmSync(`${file}${suffix}`, { force: true });
    let teamName: string;
    try {
      ({ teamName } = await serviceOf(ctx).join(file, folder, (stage, done, total) =>
        ctx.reportProgress({ task: `sync.join.${stage}`, done, total }),
      ));
    } catch (error) {
      for (const suffix of ['', '-wal', '-shm', '.joining'])
        rmSync(`${file}${suffix}`, { force: true });
      throw explain(error, folder);
    }
    // A join done before without the restart: its file is not wanted any more.
    const earlier = pendingReplace(ctx.file);
    if (earlier?.reason === 'join' && earlier.source !== file)
      for (const suffix of ['', '-wal', '-shm'])
        rmSync(`${earlier.source}${suffix}`, { force: true });
    scheduleReplace(ctx.file, file, 'join', ctx.now());
    return { teamName, restartRequired: true as const };
  },

  'sync.leave': async (_input, ctx) => {
    if (!getLocal(ctx.sqlite, 'team_id'))
      throw new AppError(
        'conflict',
        'this database syncs with no team folder',
        'sync.errors.notInTeam',
      );
    await syncServiceOf(ctx)?.stop();
    leaveTeam(ctx);
    return statusOf(ctx);
  },

  'sync.conflicts': ({ all }, ctx) => conflictViews(ctx, all),

  'sync.restoreMine': ({ id }, ctx) => {
    const conflict = requireConflict(ctx, id);
    if (conflict.kind !== 'overwrite' || conflict.column === null)
      throw new AppError(
        'invalid_input',
        'only a replaced value can be restored',
        'sync.errors.onlyOverwrite',
      );
    if (conflict.resolvedAt)
      throw new AppError('conflict', `conflict ${id} is already resolved`, 'sync.errors.resolved');
    restoreMine(ctx, id);
    return { ok: true as const };
  },

  'sync.dismiss': ({ id }, ctx) => {
    requireConflict(ctx, id);
    dismissConflict(ctx, id);
    return { ok: true as const };
  },
};
