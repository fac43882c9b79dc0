import { inArray, SQL, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Visibility as VisibilityOut } from '../../../shared/contract/team';
import type { UserRole } from '../../../shared/domain/people';
import type { AppContext } from '../../core/context';
import { inScope } from '../../core/permissions';
import { notFound } from '../../core/errors';
import type { Db } from '../../db/connection';

/**
 * What the signed-in user may read (数据权限 本人 / 本部门 / 全公司, docs/data-scope.md): the
 * one answer every read handler, report, export and the pack asks. `owners` and `teams` are
 * null when the user sees everything (全公司).
 */
export type Visibility = {
  userId: string | null;
  role: UserRole | null;
  /** 全公司: an admin, a manager over every top-level team, or a file with nobody in it yet. */
  company: boolean;
  /** The people whose customers, deals, visits, reports and targets may be read; null: all. */
  owners: ReadonlySet<string> | null;
  /** The teams whose reports and targets may be read (a manager's teams and sub-teams); null: all. */
  teams: ReadonlySet<string> | null;
  /**
   * Where a report or pack asked for the whole company lands when the user may not see it: a
   * rep's own figures, a manager's own (top) team. Null with the company view, or for nobody.
   */
  home: { type: 'team' | 'rep'; id: string } | null;
};

type TeamRow = { id: string; parentId: string | null; managerId: string | null };
type UserRow = { id: string; role: UserRole; teamId: string | null };

const everything = (userId: string | null, role: UserRole | null): Visibility => ({
  userId,
  role,
  company: true,
  owners: null,
  teams: null,
  home: null,
});

/**
 * Resolves the visibility of `userId` with two small queries (teams and people, ~60 rows on
 * the large demo): admin → all; manager → the teams they manage or belong to and every
 * sub-team below them (by `parent_id`), and the people in those teams, themselves included;
 * rep → themselves. A manager of a top-level team (no parent) sees all. Nobody chosen: nothing, unless the file has no people at all yet.
 */
export function visibilityOf(
  db: Db,
  userId: string | null,
  as?: { role: UserRole; teamId: string | null },
): Visibility {
  const people = db.all<UserRow>(
    sql`SELECT id, role, team_id AS teamId FROM users WHERE deleted_at IS NULL`,
  );
  // `as`: the user's role and team at another time (sync judges a change as its author was).
  const me =
    userId && as ? { id: userId, ...as } : userId ? people.find((p) => p.id === userId) : undefined;
  if (!me) {
    if (people.length === 0) return everything(null, null);
    return { userId, role: null, company: false, owners: new Set(), teams: new Set(), home: null };
  }
  if (me.role === 'admin') return everything(me.id, me.role);
  if (me.role === 'rep')
    return {
      userId: me.id,
      role: me.role,
      company: false,
      owners: new Set([me.id]),
      teams: new Set(),
      home: { type: 'rep', id: me.id },
    };

  const teams = db.all<TeamRow>(
    sql`SELECT id, parent_id AS parentId, manager_id AS managerId FROM teams WHERE deleted_at IS NULL`,
  );
  const children = new Map<string, string[]>();
  for (const t of teams)
    if (t.parentId) children.set(t.parentId, [...(children.get(t.parentId) ?? []), t.id]);
  const seen = new Set<string>();
  const walk = (id: string) => {
    if (seen.has(id)) return; // a cycle in parent_id cannot loop
    seen.add(id);
    for (const child of children.get(id) ?? []) walk(child);
  };
  for (const t of teams) if (t.managerId === me.id) walk(t.id);
  if (me.teamId && teams.some((t) => t.id === me.teamId)) walk(me.teamId);

  // A manager at the top of the organisation (their team has no parent) is the company's
  // management (domain.md §1: company → team → rep): they see all. Only a sub-team's manager
  // is narrowed to their part of the tree.
  const isTop = (id: string) => {
    const team = teams.find((t) => t.id === id);
    return (
      team !== undefined && (team.parentId === null || !teams.some((p) => p.id === team.parentId))
    );
  };
  const roots = teams.filter((t) => t.managerId === me.id).map((t) => t.id);
  if (me.teamId) roots.push(me.teamId);
  if (roots.some(isTop)) return everything(me.id, me.role);

  const owners = new Set<string>([me.id]);
  for (const p of people) if (p.teamId && seen.has(p.teamId)) owners.add(p.id);
  // The top of what they see: their own team if nothing above it is theirs, else the first root.
  const tops = teams
    .filter((t) => seen.has(t.id) && !(t.parentId && seen.has(t.parentId)))
    .map((t) => t.id)
    .sort();
  const homeTeam = me.teamId && tops.includes(me.teamId) ? me.teamId : tops[0];
  return {
    userId: me.id,
    role: me.role,
    company: false,
    owners,
    teams: seen,
    home: homeTeam ? { type: 'team', id: homeTeam } : { type: 'rep', id: me.id },
  };
}

/** Unrestricted: for a write's own answer about the row it just saved, never for a read. */
export const everyone: Visibility = everything(null, null);

const computed = new WeakMap<AppContext, { userId: string | null; v: Visibility }>();

/**
 * The signed-in user's visibility, computed once per call: a handler's guards and queries share
 * it until the current task ends (the cache is dropped in a microtask, so a change of team or
 * role is seen by the next call).
 */
export function visibility(ctx: AppContext): Visibility {
  const userId = ctx.currentUserId();
  const hit = computed.get(ctx);
  if (hit && hit.userId === userId) return hit.v;
  const v = visibilityOf(ctx.db, userId);
  computed.set(ctx, { userId, v });
  queueMicrotask(() => computed.delete(ctx));
  return v;
}

/**
 * How to find the owners the data scope follows for a row of each kind read by id: a deal or
 * visit is readable if its own owner or its customer's owner is in scope (the customer page
 * shows the customer's whole history); contacts, receivables, collections follow their customer
 * or deal.
 */
const ownerQueries = {
  customer: 'SELECT owner_id AS a, NULL AS b FROM customers WHERE id = ?',
  deal: 'SELECT d.owner_id AS a, cu.owner_id AS b FROM deals d LEFT JOIN customers cu ON cu.id = d.customer_id WHERE d.id = ?',
  visit:
    'SELECT v.owner_id AS a, cu.owner_id AS b FROM visits v LEFT JOIN customers cu ON cu.id = v.customer_id WHERE v.id = ?',
  contact:
    'SELECT cu.owner_id AS a, NULL AS b FROM contacts c JOIN customers cu ON cu.id = c.customer_id WHERE c.id = ?',
  receivable:
    'SELECT d.owner_id AS a, cu.owner_id AS b FROM receivables r JOIN deals d ON d.id = r.deal_id LEFT JOIN customers cu ON cu.id = d.customer_id WHERE r.id = ?',
  collection:
    'SELECT d.owner_id AS a, cu.owner_id AS b FROM collections c JOIN deals d ON d.id = c.deal_id LEFT JOIN customers cu ON cu.id = d.customer_id WHERE c.id = ?',
} as const;
export type OwnedKind = keyof typeof ownerQueries;

/**
 * Whether a row exists but lies outside the signed-in user's scope: the guards that load a row
 * by id then answer `not_found`, exactly as for a row that does not exist (docs/data-scope.md).
 */
export function hidden(ctx: AppContext, kind: OwnedKind, id: string): boolean {
  const v = visibility(ctx);
  if (v.owners === null) return false;
  const row = ctx.sqlite.prepare(ownerQueries[kind]).get(id) as
    { a: string | null; b: string | null } | undefined;
  if (row === undefined) return false;
  // A customer with no owner is the shared pool; a deal or visit always has its own owner.
  const pool = kind === 'customer' || kind === 'contact';
  return !inScope(v, { own: row.a, customer: row.b }, pool);
}

/**
 * Whether a row owned by `ownerId` may be read. A customer with no owner is in the shared pool
 * (公海客户) that every rep may see and claim; every other row (deal, visit) has an owner.
 */
export function seesOwner(v: Visibility, ownerId: string | null | undefined): boolean {
  return inScope(v, { own: ownerId ?? null, customer: null }, true);
}

/** Whether a team's figures (reports, targets) may be read. */
export function seesTeam(v: Visibility, teamId: string | null | undefined): boolean {
  if (v.teams === null) return true;
  return teamId !== null && teamId !== undefined && v.teams.has(teamId);
}

/**
 * The visibility as a condition on a column holding a user id; undefined when all is visible.
 * `pool`: rows with no owner pass too (customers: the shared pool, see `seesOwner`).
 */
export function ownerCondition(
  v: Visibility,
  column: AnySQLiteColumn | SQL,
  pool = false,
): SQL | undefined {
  if (v.owners === null) return undefined;
  const ids = [...v.owners];
  const owned =
    ids.length === 0 ? sql`0` : column instanceof SQL ? inArray(column, ids) : inArray(column, ids);
  return pool ? sql`(${owned} OR ${column} IS NULL)` : owned;
}

/** Refuses a row the user may not read as `not_found`, exactly as if it did not exist. */
export function assertSees(
  v: Visibility,
  ownerId: string | null | undefined,
  what: string,
  id: string,
): void {
  if (!seesOwner(v, ownerId)) throw notFound(what, id);
}

/** The visibility as the contract answers it (the renderer hides what it may not offer). */
export function visibilityOut(v: Visibility): VisibilityOut {
  return {
    company: v.company,
    userIds: v.owners === null ? null : [...v.owners].sort(),
    teamIds: v.teams === null ? null : [...v.teams].sort(),
  };
}

/**
 * Whose data scope a CLI command reads with: `--user` (an id or an exact name), else the file's
 * own user (the device's, as the app opens). Answers the visibility, or the line to print.
 */
export function visibilityAs(
  db: Db,
  asked: string | undefined,
  deviceUserId: string | null,
): { ok: true; v: Visibility } | { ok: false; message: string } {
  if (asked === undefined) {
    const v = visibilityOf(db, deviceUserId);
    if (v.userId === null && !v.company)
      return { ok: false, message: 'this file has no signed-in user: say who you are with --user' };
    if (deviceUserId !== null && v.role === null)
      return {
        ok: false,
        message: `this file's user ${deviceUserId} no longer exists: use --user`,
      };
    return { ok: true, v };
  }
  const found = db.all<{ id: string }>(
    sql`SELECT id FROM users WHERE deleted_at IS NULL AND (id = ${asked} OR name = ${asked})`,
  );
  if (found.length === 0) return { ok: false, message: `no user "${asked}" (an id or a name)` };
  if (found.length > 1)
    return { ok: false, message: `${found.length} users are named "${asked}": give the id` };
  return { ok: true, v: visibilityOf(db, found[0]?.id ?? null) };
}
