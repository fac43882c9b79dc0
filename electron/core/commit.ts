import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/connection';
import { setLocal } from '../db/local-state';
import { parseHlc, type HybridClock } from './clock';
import { AppError } from './errors';
import { tableInfo, type FieldsOf, type SyncedTableName, type TableInfo } from './tables';

/** One change to one row of a synced table, in the domain's property names. */
export type Change = {
  [T in SyncedTableName]:
    | { op: 'insert'; table: T; id: string; values: FieldsOf<T> }
    | { op: 'update'; table: T; id: string; values: Partial<FieldsOf<T>> }
    | { op: 'delete'; table: T; id: string }
    | { op: 'restore'; table: T; id: string };
}[SyncedTableName];

/** Who is writing, and with which clock: every change log record carries these. */
export type Writer = {
  sqlite: Sqlite;
  clock: HybridClock;
  deviceId: string;
  userId: string | null;
  now: () => Date;
};

export type CommitResult = {
  /** Tables with at least one changed field: what renderers must refresh. */
  tables: SyncedTableName[];
  /** Number of field changes appended to the change log. */
  fieldChanges: number;
};

type Prepared = { sql: string; stmt: Statement<unknown[]> };
const statementCache = new WeakMap<Sqlite, Map<string, Prepared>>();

function prepare(sqlite: Sqlite, sql: string): Statement<unknown[]> {
  let cache = statementCache.get(sqlite);
  if (!cache) {
    cache = new Map();
    statementCache.set(sqlite, cache);
  }
  let entry = cache.get(sql);
  if (!entry) {
    entry = { sql, stmt: sqlite.prepare(sql) };
    cache.set(sql, entry);
  }
  return entry.stmt;
}

/** SQLite has no booleans: store them as 0/1, everything else as is. */
function toSql(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === undefined) return null;
  return value;
}

function columnName(info: TableInfo, key: string): string {
  const column = info.columns[key];
  if (!column) throw new AppError('invalid_input', `unknown field ${info.name}.${key}`);
  return column.name;
}

const metaKeys = new Set(['id', 'createdAt', 'updatedAt', 'deletedAt', 'updatedBy']);

/**
 * The only way synced tables are written (engineering.md §3). Applies the changes in one
 * transaction, writes only fields whose value really changes, and appends each changed
 * field to the change log with a hybrid-clock stamp, this device and the acting user.
 * Either every change lands, with its log records, or none does.
 */
export function commit(writer: Writer, changes: readonly Change[]): CommitResult {
  const { sqlite } = writer;
  const tables = new Set<SyncedTableName>();
  let fieldChanges = 0;
  const run = sqlite.transaction(() => {
    const now = writer.now().toISOString();
    const log = prepare(
      sqlite,
      'INSERT INTO change_log (hlc, device_id, user_id, table_name, row_id, "column", value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const append = (
      stamp: string,
      table: string,
      rowId: string,
      column: string,
      value: unknown,
    ) => {
      log.run(
        stamp,
        writer.deviceId,
        writer.userId,
        table,
        rowId,
        column,
        JSON.stringify(value ?? null),
      );
      fieldChanges += 1;
    };

    for (const change of changes) {
      const info = tableInfo[change.table];
      const current = prepare(sqlite, `SELECT * FROM "${change.table}" WHERE id = ?`).get(
        change.id,
      ) as Record<string, unknown> | undefined;

      if (change.op === 'insert') {
        if (current) throw new AppError('conflict', `${change.table} ${change.id} already exists`);
        const values: Record<string, unknown> = { ...change.values, ...info.derive(change.values) };
        for (const key of Object.keys(values)) if (metaKeys.has(key)) delete values[key];
        const row: Record<string, unknown> = {
          ...values,
          id: change.id,
          createdAt: now,
          updatedAt: now,
          deletedAt: null,
          updatedBy: writer.userId,
        };
        const keys = Object.keys(row).filter((k) => row[k] !== undefined);
        const logged: [string, unknown][] = [['created_at', now]];
        for (const key of keys) {
          if (metaKeys.has(key) || info.derivedColumns.has(key)) continue;
          logged.push([columnName(info, key), row[key]]);
        }
        const stamps = logged.map(() => writer.clock.now());
        row.updatedAt = stampInstant(stamps);
        const cols = keys.map((k) => `"${columnName(info, k)}"`).join(', ');
        prepare(
          sqlite,
          `INSERT INTO "${change.table}" (${cols}) VALUES (${keys.map(() => '?').join(', ')})`,
        ).run(...keys.map((k) => toSql(row[k])));
        logged.forEach(([column, value], i) =>
          append(stamps[i] ?? '', change.table, change.id, column, value),
        );
        tables.add(change.table);
        continue;
      }

      if (!current)
        throw new AppError(
          'not_found',
          `${change.table} ${change.id} not found`,
          'errors.notFound',
        );
      let values: Record<string, unknown>;
      if (change.op === 'delete') values = { deletedAt: now };
      else if (change.op === 'restore') values = { deletedAt: null };
      else {
        values = { ...change.values };
        for (const key of Object.keys(values)) if (metaKeys.has(key)) delete values[key];
      }

      const changed: [string, unknown][] = [];
      for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        const column = columnName(info, key);
        if (!sameValue(current[column], toSql(value))) changed.push([key, value]);
      }
      if (changed.length === 0) continue;

      const derived = changed.some(([key]) => info.deriveFrom.has(key))
        ? info.derive({ ...rowProperties(info, current), ...Object.fromEntries(changed) })
        : {};
      const stamps = changed.map(() => writer.clock.now());
      const assignments = [
        ...changed,
        ...Object.entries(derived),
        ['updatedAt', stampInstant(stamps)],
        ['updatedBy', writer.userId],
      ] as [string, unknown][];
      prepare(
        sqlite,
        `UPDATE "${change.table}" SET ${assignments.map(([k]) => `"${columnName(info, k)}" = ?`).join(', ')} WHERE id = ?`,
      ).run(...assignments.map(([, v]) => toSql(v)), change.id);
      changed.forEach(([key, value], i) =>
        append(stamps[i] ?? '', change.table, change.id, columnName(info, key), value),
      );
      tables.add(change.table);
    }
    setLocal(sqlite, 'hlc', JSON.stringify(writer.clock.snapshot()));
  });
  run.immediate();
  return { tables: [...tables], fieldChanges };
}

/**
 * A row's "changed at": the instant of its newest change-log stamp, the same on every device
 * whether the change was made here or applied from the team (docs/team-folder.md). The stamp's
 * physical part is this device's wall clock unless it has seen a faster clock.
 */
function stampInstant(stamps: string[]): string {
  const last = stamps[stamps.length - 1];
  if (!last) throw new AppError('invalid_input', 'a change without a field');
  return new Date(parseHlc(last).wall).toISOString();
}

/** A stored row (SQL column names) as the domain's property names. */
function rowProperties(info: TableInfo, row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(info.columns).map(([key, column]) => [key, row[column.name]]),
  );
}

function sameValue(stored: unknown, next: unknown): boolean {
  if (stored === next) return true;
  if (stored === null || stored === undefined) return next === null || next === undefined;
  return false;
}
