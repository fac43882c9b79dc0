import type { Statement } from 'better-sqlite3';
import type { Sqlite } from '../db/connection';
import type { SyncedTableName } from '../core/tables';

/** A row as stored: SQL column names, SQL values. */
export type SqlRow = Record<string, string | number | null>;

/**
 * The demo's fast path: plain prepared INSERTs inside the caller's transaction, with no
 * change-log records. Bulk rows form the file's base snapshot (docs/decisions/0003).
 */
export class BulkInserter {
  private readonly statements = new Map<string, Statement<unknown[]>>();
  readonly counts = new Map<SyncedTableName, number>();

  constructor(private readonly sqlite: Sqlite) {}

  /** Reads what earlier parts wrote in the same transaction (e.g. the won deals' receivables). */
  rows<T extends SqlRow>(sql: string, ...params: (string | number | null)[]): T[] {
    return this.sqlite.prepare(sql).all(...params) as T[];
  }

  insert(table: SyncedTableName, row: SqlRow): void {
    const columns = Object.keys(row);
    const key = `${table}:${columns.join(',')}`;
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.sqlite.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      this.statements.set(key, stmt);
    }
    stmt.run(...columns.map((c) => row[c] ?? null));
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }
}
