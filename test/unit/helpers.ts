import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, type AppContext } from '../../electron/core/context';
import { seededBytes, uuidv7Source } from '../../electron/core/ids';
import { syncedTables } from '../../electron/core/tables';
import { handlers } from '../../electron/features/handlers';
import { dispatch } from '../../electron/ipc/dispatch';
import {
  contract,
  type ApiError,
  type Input,
  type MethodName,
  type Output,
} from '../../shared/contract';
import type { User } from '../../shared/contract/team';

/**
 * A real database file in a fresh temp folder, migrated, with a fixed clock that only
 * `tick` moves and deterministic ids. `cleanup` closes and removes it.
 */
export function tempApp(
  options: { start?: string; seed?: number } = {},
): AppContext & { dir: string; cleanup: () => void; tick: (ms: number) => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pacer-test-'));
  let t = Date.parse(options.start ?? '2026-11-23T09:00:00.000Z');
  const now = () => new Date(t);
  const ctx = openApp(path.join(dir, 'pacer.sqlite'), {
    now,
    newId: uuidv7Source(() => t, seededBytes(options.seed ?? 42)),
    deviceName: 'test-device',
  });
  return Object.assign(ctx, {
    dir,
    tick: (ms: number) => {
      t += ms;
    },
    cleanup: () => {
      ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

/** Calls a method the way every host does (zod parse → handler → Result) and expects success. */
export async function call<M extends MethodName>(
  ctx: AppContext,
  method: M,
  input: Input<M>,
): Promise<Output<M>> {
  const result = await dispatch(handlers, ctx, method, input);
  if (!result.ok)
    throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
  // The output must be what the contract says: the renderer trusts it without parsing.
  const output = contract[method].output.safeParse(result.value);
  if (!output.success)
    throw new Error(`${method} answered outside its output schema: ${output.error.message}`);
  return result.value as Output<M>;
}

/** Calls a method with any input and expects an error result, which it returns. */
export async function callError(
  ctx: AppContext,
  method: string,
  input: unknown,
): Promise<ApiError> {
  const result = await dispatch(handlers, ctx, method, input);
  if (result.ok)
    throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Row count of one table. */
export function count(ctx: AppContext, table: string, where = '1 = 1'): number {
  return (
    ctx.sqlite.prepare(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`).get() as { n: number }
  ).n;
}

/** Everything a write could touch, as one string: proves that a refused call wrote nothing. */
export function dbSnapshot(ctx: AppContext): string {
  const tables = [...Object.keys(syncedTables), 'change_log'];
  return JSON.stringify(
    tables.map((t) => ctx.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()),
  );
}

/**
 * First run as a manager ("王经理" of "华东销售部", who becomes the current user), plus
 * reps in the same team, named as given.
 */
export async function startTeam(
  ctx: AppContext,
  repNames: string[] = [],
): Promise<{ manager: User; teamId: string; reps: User[] }> {
  const status = await call(ctx, 'app.createTeam', {
    teamName: '华东销售部',
    userName: '王经理',
    role: 'manager',
    password: 'test-password',
  });
  const manager = status.currentUser;
  if (!manager?.teamId) throw new Error('no current user after createTeam');
  const teamId = manager.teamId;
  const reps: User[] = [];
  for (const name of repNames)
    reps.push(await call(ctx, 'team.saveUser', { name, role: 'rep', teamId }));
  return { manager, teamId, reps };
}
