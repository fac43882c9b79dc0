import { getTableColumns, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { customerNameKey } from '../../shared/domain/customers';
import { effectiveGrade } from '../../shared/domain/grading';
import { scorePoints, scoreTotal, type ScoreLevels } from '../../shared/domain/intensity';
import {
  activities,
  calendarDays,
  collections,
  contacts,
  customers,
  dealChecks,
  dealLines,
  dealScores,
  deals,
  followUps,
  meetings,
  products,
  receivables,
  settings,
  stageHistory,
  targets,
  teamMemberships,
  teams,
  users,
  visits,
  weeklyReports,
} from '../db/schema';

/**
 * The tables that are shared with the team, and so written only through `commit`.
 * A table added here is carried by the change log (and by team sync) automatically.
 * Keys are the SQL table names: the change log, the CLI and "tables changed" use them.
 */
export const syncedTables = {
  teams,
  users,
  customers,
  contacts,
  activities,
  follow_ups: followUps,
  products,
  deals,
  deal_lines: dealLines,
  deal_checks: dealChecks,
  stage_history: stageHistory,
  deal_scores: dealScores,
  receivables,
  collections,
  visits,
  meetings,
  team_memberships: teamMemberships,
  targets,
  calendar_days: calendarDays,
  weekly_reports: weeklyReports,
  settings,
} as const;
export type SyncedTableName = keyof typeof syncedTables;

type MetaKey = 'id' | 'createdAt' | 'updatedAt' | 'deletedAt' | 'updatedBy';
type InsertModels = {
  teams: InferInsertModel<typeof teams>;
  users: InferInsertModel<typeof users>;
  customers: InferInsertModel<typeof customers>;
  contacts: InferInsertModel<typeof contacts>;
  activities: InferInsertModel<typeof activities>;
  follow_ups: InferInsertModel<typeof followUps>;
  products: InferInsertModel<typeof products>;
  deals: InferInsertModel<typeof deals>;
  deal_lines: InferInsertModel<typeof dealLines>;
  deal_checks: InferInsertModel<typeof dealChecks>;
  stage_history: InferInsertModel<typeof stageHistory>;
  deal_scores: InferInsertModel<typeof dealScores>;
  receivables: InferInsertModel<typeof receivables>;
  collections: InferInsertModel<typeof collections>;
  visits: InferInsertModel<typeof visits>;
  meetings: InferInsertModel<typeof meetings>;
  team_memberships: InferInsertModel<typeof teamMemberships>;
  targets: InferInsertModel<typeof targets>;
  calendar_days: InferInsertModel<typeof calendarDays>;
  weekly_reports: InferInsertModel<typeof weeklyReports>;
  settings: InferInsertModel<typeof settings>;
};
/** The fields a change may set: everything but the id and the row metadata `commit` owns. */
export type FieldsOf<T extends SyncedTableName> = Omit<InsertModels[T], MetaKey | DerivedOf<T>>;
// Derived (commit computes them) or cached by triggers: never set by a change.
type DerivedKeys = {
  customers: 'nameKey' | 'grade' | 'lastContactAt' | 'lastVisitOn';
  deals: 'scoreId' | 'scoreTotal' | 'scoredAt';
  deal_scores: (typeof scorePointColumns)[number];
};
type DerivedOf<T extends SyncedTableName> = T extends keyof DerivedKeys ? DerivedKeys[T] : never;

const scorePointColumns = [
  'problemPoints',
  'powerPoints',
  'visionPoints',
  'valuePoints',
  'controlPoints',
  'totalPoints',
] as const;

/**
 * Columns computed from other columns of the same row. They are written with the change
 * but never logged: a device applying the change recomputes them. `from` names the
 * fields they read; `compute` gets the whole row as it will be after the change.
 */
type Derivation<T extends SyncedTableName> = {
  from: (keyof InsertModels[T])[];
  compute: (row: Partial<InsertModels[T]>) => Partial<InsertModels[T]>;
};
const derivations: { [T in SyncedTableName]?: Derivation<T> } = {
  customers: {
    from: ['name', 'relationship', 'attractiveness', 'gradeOverride'],
    compute: (row) => ({
      ...(row.name === undefined ? {} : { nameKey: customerNameKey(row.name) }),
      grade: effectiveGrade(row.gradeOverride, row.relationship, row.attractiveness),
    }),
  },
  deal_scores: {
    from: [
      'problemLevel',
      'problemWith',
      'powerLevel',
      'visionLevel',
      'visionWith',
      'valueLevel',
      'valueWith',
      'controlLevel',
    ],
    compute: (row) => {
      const points = scorePoints({
        problem: { level: row.problemLevel, with: row.problemWith },
        power: { level: row.powerLevel },
        vision: { level: row.visionLevel, with: row.visionWith },
        value: { level: row.valueLevel, with: row.valueWith },
        control: { level: row.controlLevel },
      } as ScoreLevels);
      return {
        problemPoints: points.problem,
        powerPoints: points.power,
        visionPoints: points.vision,
        valuePoints: points.value,
        controlPoints: points.control,
        totalPoints: scoreTotal(points),
      };
    },
  },
};

export type TableInfo = {
  name: SyncedTableName;
  table: SQLiteTable;
  /** property key → SQL column */
  columns: Record<string, SQLiteColumn>;
  derivedColumns: Set<string>;
  /** Fields whose change requires recomputing the derived columns. */
  deriveFrom: Set<string>;
  derive: (row: Record<string, unknown>) => Record<string, unknown>;
};

const derivedColumnNames: { [T in SyncedTableName]?: string[] } = {
  customers: ['nameKey', 'grade'],
  deal_scores: [...scorePointColumns],
};

export const tableInfo = Object.fromEntries(
  (Object.keys(syncedTables) as SyncedTableName[]).map((name) => {
    const table = syncedTables[name];
    const derivation = derivations[name] as
      | { from: string[]; compute: (row: Record<string, unknown>) => Record<string, unknown> }
      | undefined;
    return [
      name,
      {
        name,
        table,
        columns: getTableColumns(table) as Record<string, SQLiteColumn>,
        derivedColumns: new Set(derivedColumnNames[name] ?? []),
        deriveFrom: new Set(derivation?.from ?? []),
        derive: derivation?.compute ?? (() => ({})),
      },
    ];
  }),
) as unknown as Record<SyncedTableName, TableInfo>;

export function isSyncedTable(name: string): name is SyncedTableName {
  return Object.hasOwn(syncedTables, name);
}
