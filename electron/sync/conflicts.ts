import type { Change } from '../core/commit';
import type { AppContext } from '../core/context';
import { AppError, notFound } from '../core/errors';
import { isSyncedTable, tableInfo } from '../core/tables';
import type { Sqlite } from '../db/connection';

/**
 * One entry of "changes from the team": an overwritten local value, a clash to merge, or a
 * remote change refused because its author may not make it (decision 0024).
 */
export type SyncConflict = {
  id: number;
  kind: 'overwrite' | 'duplicate' | 'refused';
  table: string;
  rowId: string;
  column: string | null;
  local: { value: unknown; hlc: string | null; userId: string | null } | null;
  remote: { value: unknown; hlc: string | null; userId: string | null; deviceId: string | null };
  otherRowId: string | null;
  /** For `refused`: the rule the change breaks and its message key (core/permissions.ts). */
  refusal: { rule: string; key: string } | null;
  detectedAt: string;
  resolvedAt: string | null;
  resolution: 'restored' | 'dismissed' | null;
};

type ConflictRow = {
  id: number;
  kind: 'overwrite' | 'duplicate' | 'refused';
  table_name: string;
  row_id: string;
  column: string | null;
  local_value: string | null;
  local_hlc: string | null;
  local_user_id: string | null;
  remote_value: string | null;
  remote_hlc: string | null;
  remote_user_id: string | null;
  remote_device_id: string | null;
  other_row_id: string | null;
  detected_at: string;
  resolved_at: string | null;
  resolution: 'restored' | 'dismissed' | null;
};

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

function toConflict(row: ConflictRow): SyncConflict {
  return {
    id: row.id,
    kind: row.kind,
    table: row.table_name,
    rowId: row.row_id,
    column: row.column,
    local:
      row.kind === 'overwrite'
        ? { value: parse(row.local_value), hlc: row.local_hlc, userId: row.local_user_id }
        : null,
    remote: {
      value: parse(row.remote_value),
      hlc: row.remote_hlc,
      userId: row.remote_user_id,
      deviceId: row.remote_device_id,
    },
    otherRowId: row.other_row_id,
    // A refusal keeps its rule where an overwrite keeps the local value (no schema change).
    refusal:
      row.kind === 'refused' ? (parse(row.local_value) as { rule: string; key: string }) : null,
    detectedAt: row.detected_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
  };
}

/** The conflicts sync recorded, newest first; only unresolved ones unless `all`. */
export function listConflicts(sqlite: Sqlite, options: { all?: boolean } = {}): SyncConflict[] {
  const rows = sqlite
    .prepare(
      `SELECT * FROM sync_conflicts ${options.all ? '' : 'WHERE resolved_at IS NULL'} ORDER BY id DESC`,
    )
    .all() as ConflictRow[];
  return rows.map(toConflict);
}

function getConflict(sqlite: Sqlite, id: number): ConflictRow {
  const row = sqlite.prepare('SELECT * FROM sync_conflicts WHERE id = ?').get(id) as
    ConflictRow | undefined;
  if (!row) throw notFound('conflict', String(id));
  return row;
}

/**
 * "Restore mine": writes the local value that a remote change replaced, as a new change of
 * the current user (so it wins everywhere, and the other person sees it as their conflict).
 */
export function restoreMine(ctx: AppContext, conflictId: number): void {
  const row = getConflict(ctx.sqlite, conflictId);
  if (row.kind !== 'overwrite' || row.column === null)
    throw new AppError('invalid_input', 'only an overwritten value can be restored');
  if (!isSyncedTable(row.table_name))
    throw new AppError('invalid_input', `unknown table ${row.table_name}`);
  const info = tableInfo[row.table_name];
  const key = Object.entries(info.columns).find(([, c]) => c.name === row.column)?.[0];
  if (!key) throw new AppError('invalid_input', `unknown field ${row.table_name}.${row.column}`);
  const value = parse(row.local_value);
  let change: Change;
  if (key === 'deletedAt')
    change = {
      op: value === null ? 'restore' : 'delete',
      table: info.name,
      id: row.row_id,
    } as Change;
  else
    change = {
      op: 'update',
      table: info.name,
      id: row.row_id,
      values: { [key]: value },
    } as Change;
  ctx.commit([change]);
  resolve(ctx, conflictId, 'restored');
}

/** Marks a conflict as seen and accepted (or merged by hand): it leaves the open list. */
export function dismissConflict(ctx: AppContext, conflictId: number): void {
  const row = getConflict(ctx.sqlite, conflictId);
  if (row.kind !== 'refused') return resolve(ctx, conflictId, 'dismissed');
  // A refused change is listed once per row and author: seeing it marks all its fields.
  for (const id of refusedSiblings(ctx.sqlite, row)) resolve(ctx, id, 'dismissed');
}

/** The open refusals of the same row, author, device and rule as `row` (itself included). */
function refusedSiblings(sqlite: Sqlite, row: ConflictRow): number[] {
  return (
    sqlite
      .prepare(
        `SELECT id FROM sync_conflicts WHERE kind = 'refused' AND resolved_at IS NULL
         AND table_name = ? AND row_id = ? AND remote_user_id IS ? AND remote_device_id IS ?
         AND local_value = ?`,
      )
      .all(
        row.table_name,
        row.row_id,
        row.remote_user_id,
        row.remote_device_id,
        row.local_value,
      ) as {
      id: number;
    }[]
  ).map((r) => r.id);
}

function resolve(ctx: AppContext, id: number, resolution: 'restored' | 'dismissed'): void {
  ctx.sqlite
    .prepare('UPDATE sync_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?')
    .run(ctx.now().toISOString(), resolution, id);
}
