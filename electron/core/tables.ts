import { getTableColumns, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { customerNameKey } from '../../shared/domain/customers';
import { contacts, customers, settings, teams, users } from '../db/schema';

/**
 * The tables that are shared with the team, and so written only through `commit`.
 * A table added here is carried by the change log (and by team sync) automatically.
 */
export const syncedTables = { teams, users, customers, contacts, settings } as const;
export type SyncedTableName = keyof typeof syncedTables;

type MetaKey = 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'updatedBy';
type InsertModels = {
  teams: InferInsertModel<typeof teams>;
  users: InferInsertModel<typeof users>;
  customers: InferInsertModel<typeof customers>;
  contacts: InferInsertModel<typeof contacts>;
  settings: InferInsertModel<typeof settings>;
};
/** The fields a change may set: everything but the id and the row metadata `commit` owns. */
export type FieldsOf<T extends SyncedTableName> = Omit<InsertModels[T], MetaKey | DerivedKey>;
type DerivedKey = 'nameKey';

/**
 * Columns computed from other columns of the same row. They are written with the change
 * but never logged: a device applying the change recomputes them.
 */
const derivations: { [T in SyncedTableName]?: (fields: Partial<InsertModels[T]>) => Partial<InsertModels[T]> } = {
  customers: (f) => (f.name === undefined ? {} : { nameKey: customerNameKey(f.name) }),
};

export type TableInfo = {
  name: SyncedTableName;
  table: SQLiteTable;
  /** property key → SQL column */
  columns: Record<string, SQLiteColumn>;
  derivedColumns: Set<string>;
  derive: (fields: Record<string, unknown>) => Record<string, unknown>;
};

const derivedColumnNames: { [T in SyncedTableName]?: string[] } = { customers: ['nameKey'] };

export const tableInfo = Object.fromEntries(
  (Object.keys(syncedTables) as SyncedTableName[]).map((name) => {
    const table = syncedTables[name];
    const derive = derivations[name] as
      | ((fields: Record<string, unknown>) => Record<string, unknown>)
      | undefined;
    return [
      name,
      {
        name,
        table,
        columns: getTableColumns(table) as Record<string, SQLiteColumn>,
        derivedColumns: new Set(derivedColumnNames[name] ?? []),
        derive: derive ?? (() => ({})),
      },
    ];
  }),
) as unknown as Record<SyncedTableName, TableInfo>;

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.hasOwn(syncedTables, name);
}
