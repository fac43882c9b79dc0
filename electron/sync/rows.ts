import type { Statement } from 'better-sqlite3';
import { tableInfo, type SyncedTableName, type TableInfo } from '../core/tables';
import type { Sqlite } from '../db/connection';
import { stampInstant } from './state';
import type { BatchRecord } from './transport';

/** A row touched by a batch being applied. */
export type RowState = {
  table: SyncedTableName;
  id: string;
  exists: boolean;
  /** SQL column → the winning record of this batch. */
  written: Map<string, BatchRecord>;
};

/** SQLite has no booleans: store them as 0/1 (as commit does). */
export function toSql(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

const keyOfColumn = new Map<SyncedTableName, Map<string, string>>();
/** SQL column name → the table's property key. */
export function columnKeys(info: TableInfo): Map<string, string> {
  let map = keyOfColumn.get(info.name);
  if (!map) {
    map = new Map(Object.entries(info.columns).map(([key, col]) => [col.name, key]));
    keyOfColumn.set(info.name, map);
  }
  return map;
}

type Prepared = Map<string, Statement<unknown[]>>;
const cache = new WeakMap<Sqlite, Prepared>();
export function stmt(sqlite: Sqlite, sql: string): Statement<unknown[]> {
  let map = cache.get(sqlite);
  if (!map) {
    map = new Map();
    cache.set(sqlite, map);
  }
  let s = map.get(sql);
  if (!s) {
    s = sqlite.prepare(sql);
    map.set(sql, s);
  }
  return s;
}

/**
 * After its fields were written: derived columns, and the row's last writer and time — the
 * stamp's instant and the user of the row's newest change-log record (what commit writes for a
 * local change), so "changed at / by" is the same on every device.
 */
export function finishRow(sqlite: Sqlite, state: RowState): void {
  const info = tableInfo[state.table];
  const keys = columnKeys(info);
  const assignments: [string, unknown][] = [];
  if ([...state.written.keys()].some((c) => info.deriveFrom.has(keys.get(c) ?? ''))) {
    const row = stmt(sqlite, `SELECT * FROM "${state.table}" WHERE id = ?`).get(state.id) as Record<
      string,
      unknown
    >;
    const props = Object.fromEntries(
      Object.entries(info.columns).map(([key, col]) => [key, row[col.name]]),
    );
    for (const [key, value] of Object.entries(info.derive(props))) {
      const column = info.columns[key];
      if (column) assignments.push([column.name, toSql(value)]);
    }
  }
  if (state.written.size > 0) {
    // The row's newest record, whichever device or batch brought it: the same on every device.
    const newest = stmt(
      sqlite,
      'SELECT hlc, user_id FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc DESC LIMIT 1',
    ).get(state.table, state.id) as { hlc: string; user_id: string | null } | undefined;
    if (newest) {
      assignments.push(['updated_at', stampInstant(newest.hlc)]);
      assignments.push(['updated_by', newest.user_id]);
    }
  }
  if (assignments.length === 0) return;
  stmt(
    sqlite,
    `UPDATE "${state.table}" SET ${assignments.map(([c]) => `"${c}" = ?`).join(', ')} WHERE id = ?`,
  ).run(...assignments.map(([, v]) => v), state.id);
}

/**
 * A row this device does not have yet: built from the change log — the newest record of each
 * column, whichever batch brought it (an update can arrive before the insert when devices are
 * read in another order). Until its required fields have all arrived it stays pending.
 */
export function createRow(sqlite: Sqlite, state: RowState): boolean {
  const info = tableInfo[state.table];
  const keys = columnKeys(info);
  const log = stmt(
    sqlite,
    'SELECT "column", value, user_id, hlc FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY hlc',
  ).all(state.table, state.id) as {
    column: string;
    value: string | null;
    user_id: string | null;
    hlc: string;
  }[];
  const values = new Map<string, unknown>();
  for (const entry of log) {
    const key = keys.get(entry.column);
    if (!key || info.derivedColumns.has(key)) continue;
    values.set(entry.column, entry.value === null ? null : (JSON.parse(entry.value) as unknown));
  }
  // "Changed at / by" is the row's newest record, as finishRow and commit make it.
  const newest = log[log.length - 1];
  if (!newest || !values.has('created_at')) return false;
  const props: Record<string, unknown> = {};
  for (const [column, value] of values) {
    const key = keys.get(column);
    if (key) props[key] = value;
  }
  for (const [key, value] of Object.entries(info.derive(props))) props[key] = value;
  props.id = state.id;
  props.updatedAt = stampInstant(newest.hlc);
  props.updatedBy = newest.user_id;
  for (const [key, column] of Object.entries(info.columns)) {
    if (column.notNull && !column.hasDefault && props[key] === undefined) return false;
  }
  const entries = Object.entries(props).filter(
    ([key, v]) => v !== undefined && info.columns[key] !== undefined,
  );
  const columns = entries.map(([key]) => info.columns[key]?.name ?? key);
  stmt(
    sqlite,
    `INSERT INTO "${state.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ).run(...entries.map(([, v]) => toSql(v)));
  return true;
}
