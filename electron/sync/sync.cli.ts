import { existsSync } from 'node:fs';
import path from 'node:path';
import { openApp, type AppContext } from '../core/context';
import { provePassword } from '../cli-user';
import { setLocal } from '../db/local-state';
import { dismissConflict, listConflicts, restoreMine } from './conflicts';
import { FolderTransport } from './folder';
import { registerDevice } from './push';
import { pruneSnapshots } from './snapshots';
import { checkTeam, syncOnce, type SyncReport } from './sync';
import { createTeam, joinTeam, leaveTeam, makeSnapshot, teamStatus, teamTransport } from './team';

type Values = Record<string, string | boolean | undefined>;

/** The shape of electron/cli.ts's `Command`, so these merge into its table as they are. */
export type SyncCommand = {
  summary: string;
  usage: string;
  options: Record<string, { type: 'string' | 'boolean'; description: string }>;
  positionals?: boolean;
  run: (values: Values, positionals: string[]) => number | Promise<number>;
};

class ArgError extends Error {}

type Out = { log: (line: string) => void; error: (line: string) => void };
const console_: Out = { log: (l) => console.log(l), error: (l) => console.error(l) };

function text(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function dbFile(values: Values, mustExist: boolean): string {
  const db = text(values, 'db');
  if (!db) throw new ArgError('--db FILE is required');
  if (mustExist && !existsSync(db)) throw new ArgError(`no database at ${db}`);
  return path.resolve(db);
}

/** Usage mistakes print like electron/cli.ts's and exit 2; everything else propagates (exit 1). */
function guarded(
  command: string,
  out: Out,
  fn: () => number | Promise<number>,
): number | Promise<number> {
  const usage = (error: unknown): number => {
    if (error instanceof ArgError) {
      out.error(`pacer ${command}: ${error.message} (see pacer ${command} --help)`);
      return 2;
    }
    throw error;
  };
  try {
    const result = fn();
    return result instanceof Promise ? result.catch(usage) : result;
  } catch (error) {
    return usage(error);
  }
}

/** The folder for this file: --folder (a share can be mounted elsewhere on each laptop) or the saved one. */
function folderFor(ctx: AppContext, values: Values): FolderTransport {
  const folder = text(values, 'folder');
  if (folder) return new FolderTransport(folder);
  const saved = teamTransport(ctx);
  if (!saved)
    throw new ArgError('this database is in no team: give --folder, or run pacer team create|join');
  return saved;
}

/** One line about a sync round, for people and scripts. */
export function describeReport(report: SyncReport): string[] {
  const parts = [`${report.state}:`];
  if (report.pushed)
    parts.push(`pushed ${report.pushed.changes} changes in ${report.pushed.batches} batches,`);
  if (report.pulled)
    parts.push(
      `pulled ${report.pulled.records} changes in ${report.pulled.batches} batches (${report.pulled.written} fields written, ${report.pulled.conflicts} conflicts),`,
    );
  parts.push(`${report.pending} pending, ${Math.round(report.ms)} ms`);
  const lines = [parts.join(' ')];
  if (report.pushError) lines.push(`  push: ${report.pushError.code}: ${report.pushError.message}`);
  if (report.pullError && report.pullError !== report.pushError)
    lines.push(`  pull: ${report.pullError.code}: ${report.pullError.message}`);
  if (report.repaired && report.repaired.repaired.length > 0)
    lines.push(
      `  rewrote this device's batches ${report.repaired.repaired.join(', ')}: they were torn or missing in the folder`,
    );
  for (const w of report.pulled?.waiting ?? [])
    lines.push(
      `  waiting for batch ${w.seq} of device ${w.deviceId} (${w.problem}${w.message ? `: ${w.message}` : ''}) since ${w.since}${w.stalled && w.problem !== 'invalid' ? ' — check the drive is syncing' : ''}`,
    );
  for (const s of report.strays)
    lines.push(
      `  ignored ${s.kind === 'conflicted_copy' ? 'conflicted copy' : 'stray file'}: ${s.path}`,
    );
  return lines;
}

/** A --folder that proved to hold this file's team becomes the remembered one. */
function remember(ctx: AppContext, transport: FolderTransport, report: SyncReport): void {
  const reached = report.state !== 'offline' && report.state !== 'error';
  if (reached) setLocal(ctx.sqlite, 'team_folder', transport.location);
}

function runSync(values: Values, out: Out): number | Promise<number> {
  const file = dbFile(values, true);
  const intervalText = text(values, 'interval') ?? '10';
  const interval = Number(intervalText);
  if (!(interval > 0)) throw new ArgError('--interval must be a positive number of seconds');
  const ctx = openApp(file);
  let transport: FolderTransport;
  try {
    transport = folderFor(ctx, values);
  } catch (error) {
    ctx.close();
    throw error;
  }
  if (values.once === true) {
    try {
      const report = syncOnce(ctx, transport, { scanStrays: true });
      remember(ctx, transport, report);
      for (const line of describeReport(report)) out.log(line);
      return report.state === 'synced' || report.state === 'pending' ? 0 : 1;
    } finally {
      ctx.close();
    }
  }
  // Until interrupted: a round every interval; print rounds that did something or changed state.
  return new Promise<number>((resolve) => {
    let last = '';
    let rounds = 0;
    const round = () => {
      const report = syncOnce(ctx, transport, { scanStrays: rounds % 60 === 0 });
      if (rounds === 0) remember(ctx, transport, report);
      rounds += 1;
      const busy = (report.pushed?.changes ?? 0) + (report.pulled?.records ?? 0) > 0;
      if (busy || report.state !== last || report.strays.length > 0)
        for (const line of describeReport(report)) out.log(line);
      last = report.state;
    };
    round();
    const timer = setInterval(round, interval * 1000);
    const stop = () => {
      clearInterval(timer);
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      ctx.close();
      resolve(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

async function runTeam(values: Values, positionals: string[], out: Out): Promise<number> {
  const [what, ...extra] = positionals;
  if (extra.length > 0) throw new ArgError(`unexpected ${extra.join(' ')}`);
  if (what === 'create') {
    const folder = text(values, 'folder');
    const name = text(values, 'name');
    if (!folder) throw new ArgError('--folder DIR is required');
    if (!name) throw new ArgError('--name NAME is required');
    const ctx = openApp(dbFile(values, true));
    try {
      const { descriptor, snapshot } = createTeam(ctx, folder, name);
      out.log(
        `created team "${descriptor.name}" (${descriptor.teamId}) in ${path.resolve(folder)}`,
      );
      out.log(`snapshot ${snapshot}; this device is ${ctx.deviceId}`);
      return 0;
    } finally {
      ctx.close();
    }
  }
  if (what === 'join') {
    const folder = text(values, 'folder');
    if (!folder) throw new ArgError('--folder DIR is required');
    const file = dbFile(values, false);
    let lastStage = '';
    const { ctx, descriptor, snapshot, pulled } = joinTeam(file, folder, {
      onProgress: (stage, done, total) => {
        if (stage === 'changes' && done !== total && done % 20 !== 0) return;
        const line = `${stage} ${done}/${total}`;
        if (line !== lastStage) out.log(line);
        lastStage = line;
      },
    });
    try {
      const user = text(values, 'user');
      const joined = `joined team "${descriptor.name}" into ${file}${snapshot ? ` from snapshot ${snapshot}` : ''}: ${pulled.records} changes in ${pulled.batches} batches applied; this device is ${ctx.deviceId}`;
      if (user) return await signInJoined(ctx, folder, user, joined, out);
      out.log(joined);
      return 0;
    } finally {
      ctx.close();
    }
  }
  if (what === 'status') {
    const ctx = openApp(dbFile(values, true));
    try {
      const transport = text(values, 'folder') ? folderFor(ctx, values) : teamTransport(ctx);
      const status = teamStatus(ctx, transport, { scanStrays: true });
      if (values.json === true) {
        out.log(JSON.stringify(status, null, 2));
        return 0;
      }
      if (!status.team) {
        out.log('this database is in no team');
        return 0;
      }
      out.log(`team      ${status.team.name ?? ''} (${status.team.id})`);
      out.log(
        `folder    ${status.team.folder ?? ''} — ${status.reachable ? 'reachable' : `not reachable: ${status.error ?? ''}`}`,
      );
      out.log(`pending   ${status.pendingChanges} changes not yet in the folder`);
      out.log(`conflicts ${status.openConflicts} open`);
      for (const d of status.devices)
        out.log(
          `device    ${d.deviceId}${d.thisDevice ? ' (this one)' : ''} ${d.name ?? '?'} ${d.userName ?? ''} — batches ${d.appliedSeq}/${d.lastSeq ?? '?'}${d.lastSeenAt ? `, seen ${d.lastSeenAt}` : ''}${d.problem ? `, waiting (${d.problem}) since ${d.waitingSince ?? ''}` : ''}`,
        );
      for (const s of status.strays) out.log(`ignored   ${s.kind}: ${s.path}`);
      return 0;
    } finally {
      ctx.close();
    }
  }
  if (what === 'snapshot') {
    const ctx = openApp(dbFile(values, true));
    try {
      const transport = folderFor(ctx, values);
      checkTeam(ctx, transport);
      const name = makeSnapshot(ctx, transport);
      out.log(`published snapshot ${name}: new devices join from it`);
      const result = { written: name, pruned: [] as string[], keptForNow: [] as string[] };
      const names = transport.listSnapshots().map((s) => s.name);
      pruneSnapshots(ctx, transport, names, {}, result);
      for (const old of result.pruned) out.log(`removed snapshot ${old} (three newer remain)`);
      return 0;
    } finally {
      ctx.close();
    }
  }
  if (what === 'leave') {
    const ctx = openApp(dbFile(values, true));
    try {
      leaveTeam(ctx);
      out.log(`${ctx.file} no longer syncs with a team folder`);
      return 0;
    } finally {
      ctx.close();
    }
  }
  if (what === 'conflicts') {
    const ctx = openApp(dbFile(values, true));
    try {
      const restore = text(values, 'restore');
      const dismiss = text(values, 'dismiss');
      if (restore) restoreMine(ctx, Number(restore));
      if (dismiss) dismissConflict(ctx, Number(dismiss));
      const list = listConflicts(ctx.sqlite, { all: values.all === true });
      if (values.json === true) out.log(JSON.stringify(list, null, 2));
      else
        for (const c of list)
          out.log(
            c.kind === 'overwrite'
              ? `#${c.id} ${c.table}.${c.column ?? ''} ${c.rowId}: yours ${JSON.stringify(c.local?.value)} replaced by ${JSON.stringify(c.remote.value)} (user ${c.remote.userId ?? '?'})${c.resolution ? ` [${c.resolution}]` : ''}`
              : c.kind === 'refused'
                ? `#${c.id} ${c.table}.${c.column ?? ''} ${c.rowId}: not applied, ${JSON.stringify(c.remote.value)} by user ${c.remote.userId ?? '?'} on ${c.remote.deviceId ?? '?'} (${c.refusal?.rule ?? '?'})${c.resolution ? ` [${c.resolution}]` : ''}`
                : `#${c.id} ${c.table} ${c.rowId} clashes with ${c.otherRowId ?? ''}${c.resolution ? ` [${c.resolution}]` : ''}`,
          );
      return 0;
    } finally {
      ctx.close();
    }
  }
  throw new ArgError('say what to do: pacer team create|join|status|snapshot|conflicts|leave');
}

/**
 * `team join --user`: the person's password (a prompt, or PACER_PASSWORD) signs the new device
 * in, as in the app; without it the device stays joined with nobody signed in.
 */
async function signInJoined(
  ctx: AppContext,
  folder: string,
  user: string,
  joined: string,
  out: Out,
): Promise<number> {
  const rows = ctx.sqlite
    .prepare('SELECT id, name FROM users WHERE (id = ? OR name = ?) AND deleted_at IS NULL')
    .all(user, user) as { id: string; name: string }[];
  out.log(joined);
  if (rows.length !== 1) {
    out.error(
      `pacer team: ${rows.length === 0 ? 'no' : 'more than one'} user "${user}"; sign in in the app`,
    );
    return 1;
  }
  const proved = await provePassword(ctx.db, rows[0]!.id, user, (line) =>
    out.error(`pacer team: ${line}; the device joined with nobody signed in`),
  );
  if (!proved) return 1;
  ctx.setCurrentUserId(rows[0]!.id);
  registerDevice(ctx, new FolderTransport(folder)); // the registry names its user now
  return 0;
}

/** `pacer sync` and `pacer team`, to merge into electron/cli.ts's command table. */
export function makeSyncCommands(out: Out = console_): Record<'sync' | 'team', SyncCommand> {
  return {
    sync: {
      summary: 'sync a database with its team folder (push this device, pull the others)',
      usage: 'pacer sync --db FILE [--folder DIR] [--once] [--interval SECONDS]',
      options: {
        db: { type: 'string', description: 'the database file (a member of a team)' },
        folder: {
          type: 'string',
          description: 'the team folder (remembered; default: the one the file was joined from)',
        },
        once: {
          type: 'boolean',
          description: 'one round, then exit (1 when offline, read-only or in error)',
        },
        interval: {
          type: 'string',
          description: 'seconds between rounds without --once (default 10)',
        },
      },
      run: (values) => guarded('sync', out, () => runSync(values, out)),
    },
    team: {
      summary:
        'create, join or leave a team folder, see its devices, list and resolve sync conflicts',
      usage:
        'pacer team create --db FILE --folder DIR --name NAME | join --db NEWFILE --folder DIR [--user NAME|ID] | status --db FILE [--json] | snapshot --db FILE | conflicts --db FILE [--restore ID] [--dismiss ID] [--all] [--json] | leave --db FILE',
      options: {
        db: { type: 'string', description: 'the database file (for join: the new file to create)' },
        folder: {
          type: 'string',
          description: 'the team folder (a shared drive or synced folder)',
        },
        name: { type: 'string', description: 'create: the team name' },
        user: { type: 'string', description: 'join: who uses this device (a user name or id)' },
        restore: { type: 'string', description: 'conflicts: restore your value of conflict ID' },
        dismiss: { type: 'string', description: 'conflicts: accept the team value of conflict ID' },
        all: { type: 'boolean', description: 'conflicts: include resolved ones' },
        json: { type: 'boolean', description: 'status, conflicts: print JSON' },
      },
      positionals: true,
      run: (values, positionals) => guarded('team', out, () => runTeam(values, positionals, out)),
    },
  };
}

export const syncCommands = makeSyncCommands();
