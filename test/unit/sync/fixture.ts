import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, type AppContext } from '../../../electron/core/context';
import { seededBytes, uuidv7Source } from '../../../electron/core/ids';
import { syncedTables } from '../../../electron/core/tables';
import { FolderTransport } from '../../../electron/sync/folder';
import { createTeam, joinTeam } from '../../../electron/sync/team';

/** A shared simulated wall clock; each device may run fast or slow against it. */
export type World = { t: number; root: string; folder: string; cleanup: () => void };

export function makeWorld(start = '2026-11-23T09:00:00.000Z'): World {
  const root = mkdtempSync(path.join(tmpdir(), 'pacer-sync-'));
  const folder = path.join(root, 'team');
  const world: World = {
    t: Date.parse(start),
    root,
    folder,
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
  return world;
}

export type Device = AppContext & { label: string; transport: FolderTransport };

function deviceOptions(world: World, label: string, seed: number, offsetMs: number) {
  const now = () => new Date(world.t + offsetMs);
  return {
    now,
    newId: uuidv7Source(() => world.t + offsetMs, seededBytes(seed)),
    deviceName: label,
  };
}

/** The first device: a fresh database with a team and a user, which creates the team folder. */
export function founder(world: World, label = 'A', options: { offsetMs?: number } = {}): Device {
  const dir = path.join(world.root, label);
  mkdirSync(dir, { recursive: true });
  const ctx = openApp(
    path.join(dir, 'pacer.sqlite'),
    deviceOptions(world, label, 1, options.offsetMs ?? 0),
  );
  const teamId = ctx.newId();
  const userId = ctx.newId();
  ctx.setCurrentUserId(userId);
  ctx.commit([
    {
      op: 'insert',
      table: 'teams',
      id: teamId,
      values: { name: '华东销售部', managerId: userId, parentId: null },
    },
    {
      op: 'insert',
      table: 'users',
      id: userId,
      values: {
        name: `user-${label}`,
        role: 'manager',
        teamId,
        active: true,
        phone: null,
        email: null,
      },
    },
  ]);
  createTeam(ctx, world.folder, 'Team');
  return Object.assign(ctx, { label, transport: new FolderTransport(world.folder) });
}

/**
 * Another device joining from the folder; it gets its own user, a manager of the top team by
 * default (who may change anything: these suites test the sync itself, and sync refuses what a
 * rep may not do, decision 0024), or a rep (`role`) for the authorization suite.
 */
export function joiner(
  world: World,
  label: string,
  seed: number,
  options: { offsetMs?: number; role?: 'rep' | 'manager' } = {},
): Device {
  const dir = path.join(world.root, label);
  mkdirSync(dir, { recursive: true });
  const { ctx } = joinTeam(path.join(dir, 'pacer.sqlite'), world.folder, {
    appOptions: deviceOptions(world, label, seed, options.offsetMs ?? 0),
  });
  const team = ctx.sqlite.prepare('SELECT id FROM teams LIMIT 1').get() as { id: string };
  const userId = ctx.newId();
  const role = options.role ?? 'manager';
  // A rep may add themselves; a manager is added as nobody (the CLI's way), since only a
  // manager may make one and no device of the team acts here.
  ctx.setCurrentUserId(role === 'rep' ? userId : null);
  ctx.commit([
    {
      op: 'insert',
      table: 'users',
      id: userId,
      values: {
        name: `user-${label}`,
        role,
        teamId: team.id,
        active: true,
        phone: null,
        email: null,
      },
    },
  ]);
  ctx.setCurrentUserId(userId);
  return Object.assign(ctx, { label, transport: new FolderTransport(world.folder) });
}

/** Every synced table's rows, every column (with "changed at / by": they converge too). */
export function dump(ctx: AppContext): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of Object.keys(syncedTables))
    out[table] = ctx.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all();
  return out;
}

/** The change log as a set of records (device, stamp, field, value), in stamp order. */
export function logSet(ctx: AppContext): string[] {
  return (
    ctx.sqlite
      .prepare(
        'SELECT device_id, hlc, table_name, row_id, "column", value FROM change_log ORDER BY hlc, device_id, table_name, row_id, "column"',
      )
      .all() as Record<string, unknown>[]
  ).map((r) => JSON.stringify(Object.values(r)));
}

export function integrityOk(ctx: AppContext): boolean {
  const rows = ctx.sqlite.pragma('integrity_check') as { integrity_check: string }[];
  return rows.length === 1 && rows[0]?.integrity_check === 'ok';
}

export function conflicts(ctx: AppContext): Record<string, unknown>[] {
  return ctx.sqlite.prepare('SELECT * FROM sync_conflicts ORDER BY id').all() as Record<
    string,
    unknown
  >[];
}

export function field(ctx: AppContext, table: string, id: string, column: string): unknown {
  const row = ctx.sqlite.prepare(`SELECT "${column}" AS v FROM "${table}" WHERE id = ?`).get(id) as
    { v: unknown } | undefined;
  return row?.v;
}

/** A customer insert with just the required fields. */
export function newCustomer(
  ctx: AppContext,
  name: string,
  extra: Record<string, unknown> = {},
): string {
  const id = ctx.newId();
  ctx.commit([
    {
      op: 'insert',
      table: 'customers',
      id,
      values: { name, status: 'prospect', ownerId: ctx.currentUserId(), tags: '[]', ...extra },
    } as never,
  ]);
  return id;
}
