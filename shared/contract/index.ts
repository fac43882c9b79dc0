import { appContract } from './app';
import { customersContract } from './customers';
import type { InputOf, OutputOf } from './define';
import { followUpsContract } from './followups';
import { handoverContract } from './handover';
import { importsContract } from './imports';
import { teamContract } from './team';
import { timelineContract } from './timeline';
import { contactsContract } from './contacts';
import { dealsContract } from './deals';
import { productsContract } from './products';
import { receivablesContract } from './receivables';
import { scoresContract } from './scores';
import { settingsContract } from './settings';
import { visitsContract } from './visits';
import { reportsContract } from './reports';
import { targetsContract } from './targets';
import { weeklyContract } from './weekly';
import { exportsContract } from './exports';
import { syncContract } from './sync';
import { backupContract } from './backup';
import { dashboardContract } from './dashboard';

/** Every method the main process answers; the preload exposes exactly these. */
export const contract = {
  ...appContract,
  ...teamContract,
  ...customersContract,
  ...contactsContract,
  ...settingsContract,
  ...timelineContract,
  ...followUpsContract,
  ...importsContract,
  ...handoverContract,
  ...productsContract,
  ...dealsContract,
  ...receivablesContract,
  ...scoresContract,
  ...visitsContract,
  ...reportsContract,
  ...targetsContract,
  ...weeklyContract,
  ...exportsContract,
  ...syncContract,
  ...backupContract,
  ...dashboardContract,
} as const;

export type AppContract = typeof contract;
export type MethodName = keyof AppContract;
export type Input<M extends MethodName> = InputOf<AppContract, M>;
export type Output<M extends MethodName> = OutputOf<AppContract, M>;

export const methodNames = Object.keys(contract) as MethodName[];

/** Tables whose changes the main process announces; renderer queries name the ones they read. */
export type TablesChanged = { tables: string[] };

export * from './define';
