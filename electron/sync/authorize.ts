import type { UserRole } from '../../shared/domain/people';
import type { AppContext } from '../core/context';
import {
  hasRules,
  judgeChange,
  needsBefore,
  type Author,
  type ProposedChange,
  type Verdict,
} from '../core/permissions';
import { isSyncedTable } from '../core/tables';
import type { Sqlite } from '../db/connection';
import { visibilityOf } from '../features/team/visibility';
import { stmt } from './rows';
import type { BatchRecord } from './transport';

/**
 * Authorization on apply (docs/decisions/0024): another device's records are judged by the
 * same rules as a local write (core/permissions.ts), one row's records from one author at a
 * time, as the author and the row were at the stamp of the change. What was before is read
 * from the change log (which holds only applied records, so a refused change never counts),
 * else from the row as it is (a base snapshot row has no log).
 */

type Group = {
  table: string;
  row: string;
  user: string | null;
  hlc: string;
  after: Record<string, unknown>;
  verdict?: Verdict;
};

const ok: Verdict = { ok: true };
/** Tables a deal move writes after its history row: receivables added or dropped (planMove). */
const moveTables = new Set(['receivables', 'collections']);
const ownedTables = new Set(['customers', 'deals', 'visits']);
const userRoles = new Set<string>(['rep', 'manager', 'admin']);

type Found = { found: true; value: unknown } | { found: false };

/** One field as it was just before `hlc`: the newest applied record older than it, else the row. */
function valueAt(sqlite: Sqlite, table: string, row: string, column: string, hlc: string): Found {
  const logged = stmt(
    sqlite,
    'SELECT value FROM change_log WHERE table_name = ? AND row_id = ? AND "column" = ? AND hlc < ? ORDER BY hlc DESC LIMIT 1',
  ).get(table, row, column, hlc) as { value: string | null } | undefined;
  if (logged)
    return { found: true, value: logged.value === null ? null : JSON.parse(logged.value) };
  if (!isSyncedTable(table)) return { found: false };
  const current = stmt(sqlite, `SELECT "${column}" AS v FROM "${table}" WHERE id = ?`).get(row) as
    { v: unknown } | undefined;
  return current ? { found: true, value: current.v } : { found: false };
}

/** Whether the row existed just before `hlc` (a record of it older than that, or a base row). */
function existedAt(sqlite: Sqlite, table: string, row: string, hlc: string): boolean {
  const older = stmt(
    sqlite,
    'SELECT 1 FROM change_log WHERE table_name = ? AND row_id = ? AND hlc < ? LIMIT 1',
  ).get(table, row, hlc);
  if (older) return true;
  const any = stmt(sqlite, 'SELECT 1 FROM change_log WHERE table_name = ? AND row_id = ? LIMIT 1');
  if (any.get(table, row)) return false;
  if (!isSyncedTable(table)) return false;
  return stmt(sqlite, `SELECT 1 FROM "${table}" WHERE id = ?`).get(row) !== undefined;
}

/**
 * The author as they were at `hlc`: their role and team from the change log of `users`, else
 * their row. A user this device has never heard of is judged as a rep over only their own rows
 * (the least they can be); the refusal is judged again when their row arrives (apply.ts).
 */
export function authorAt(
  ctx: AppContext,
  userId: string | null,
  hlc: string,
  cache?: Map<string, Author>,
): Author {
  if (userId === null) return { id: null, role: null, owners: null };
  const role = valueAt(ctx.sqlite, 'users', userId, 'role', hlc);
  if (!role.found || typeof role.value !== 'string' || !userRoles.has(role.value))
    return { id: userId, role: 'rep', owners: new Set([userId]) };
  const team = valueAt(ctx.sqlite, 'users', userId, 'team_id', hlc);
  const teamId = team.found && typeof team.value === 'string' ? team.value : null;
  // The scope reads every team and person: once per author, role and team in a batch.
  const key = `${userId}\u0000${role.value}\u0000${teamId ?? ''}`;
  const known = cache?.get(key);
  if (known) return known;
  const v = visibilityOf(ctx.db, userId, { role: role.value as UserRole, teamId });
  const author: Author = { id: userId, role: v.role, owners: v.owners };
  cache?.set(key, author);
  return author;
}

/** Judges the records of one batch (or of held refusals judged again), row group by row group. */
export class BatchJudge {
  private readonly judges: Group[][];
  private readonly authors = new Map<string, Author>();
  /** Each author as they are now, valid for stamps after their newest role or team record. */
  private readonly current = new Map<string, { author: Author; since: string }>();

  constructor(
    private readonly ctx: AppContext,
    private readonly records: readonly BatchRecord[],
  ) {
    const groups = new Map<string, Group>();
    this.judges = records.map((r) => {
      const key = `${r.table}\u0000${r.row}\u0000${r.user ?? ''}`;
      if (!hasRules(r.table)) return []; // anyone's: nothing to judge
      let group = groups.get(key);
      if (!group) {
        group = { table: r.table, row: r.row, user: r.user, hlc: r.hlc, after: {} };
        groups.set(key, group);
      }
      group.after[r.column] = r.value;
      return [group];
    });
    this.linkMoves();
  }

  /**
   * A forced move or a reopening is one commit: the deal's fields, its stage history row and the
   * receivables it adds or drops. Refusing the history row refuses them all, so the deal does
   * not move either: the deal's records just before the history row and the receivables'
   * records just after it (the order planMove writes them) answer to the history row's verdict.
   */
  private linkMoves(): void {
    const { records, judges } = this;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const history = judges[i]?.[0];
      if (!r || !history || r.table !== 'stage_history') continue;
      if (i > 0 && records[i - 1]?.table === 'stage_history' && records[i - 1]?.row === r.row)
        continue; // only from the history row's first record
      const dealId = history.after.deal_id;
      for (let j = i - 1; j >= 0; j--) {
        const d = records[j];
        if (!d || d.table !== 'deals' || d.row !== dealId || d.user !== r.user) break;
        judges[j]?.push(history);
      }
      let k = i;
      while (records[k]?.table === 'stage_history' && records[k]?.row === r.row) k++;
      for (; k < records.length; k++) {
        const x = records[k];
        if (!x || !moveTables.has(x.table) || x.user !== r.user) break;
        judges[k]?.push(history);
      }
    }
  }

  /** The verdict on record `index`: refused if any rule its row (or its move) breaks. */
  verdict(index: number): Verdict {
    for (const group of this.judges[index] ?? []) {
      group.verdict ??= this.judge(group);
      if (!group.verdict.ok) return group.verdict;
    }
    return ok;
  }

  /** A role or team of `userId` was just applied: their author record is read again. */
  forget(userId: string): void {
    this.current.delete(userId);
  }

  private authorOf(group: Group): Author {
    if (group.user === null) return authorAt(this.ctx, null, group.hlc);
    const cached = this.current.get(group.user);
    if (cached && group.hlc > cached.since) return cached.author;
    const author = authorAt(this.ctx, group.user, group.hlc, this.authors);
    const newest = stmt(
      this.ctx.sqlite,
      `SELECT max(hlc) AS hlc FROM change_log WHERE table_name = 'users' AND row_id = ? AND "column" IN ('role', 'team_id')`,
    ).get(group.user) as { hlc: string | null };
    const since = newest.hlc ?? '';
    if (group.hlc > since) this.current.set(group.user, { author, since });
    return author;
  }

  private judge(group: Group): Verdict {
    const { sqlite } = this.ctx;
    const author = this.authorOf(group);
    const change: ProposedChange = {
      table: group.table,
      rowId: group.row,
      before: null,
      after: group.after,
    };
    if (needsBefore(group.table, author) && existedAt(sqlite, group.table, group.row, group.hlc)) {
      const before: Record<string, unknown> = {};
      const at = (column: string) => {
        const found = valueAt(sqlite, group.table, group.row, column, group.hlc);
        return found.found ? found.value : null;
      };
      if (group.table === 'users') {
        before.role = at('role');
        before.team_id = at('team_id');
      }
      if (ownedTables.has(group.table)) {
        const own = at('owner_id');
        let customer: unknown = null;
        if (group.table !== 'customers') {
          const customerId = at('customer_id');
          if (typeof customerId === 'string') {
            const found = valueAt(sqlite, 'customers', customerId, 'owner_id', group.hlc);
            customer = found.found ? found.value : null;
          }
        }
        change.owners = {
          own: typeof own === 'string' ? own : null,
          customer: typeof customer === 'string' ? customer : null,
        };
      }
      change.before = before;
    }
    return judgeChange(change, author);
  }
}
