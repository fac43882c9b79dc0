import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PackScope } from '../../../shared/contract/exports';
import type { DrillTarget, ReportScope } from '../../../shared/contract/reports';
import { AppError } from '../../core/errors';
import type { Db } from '../../db/connection';
import { teamAt } from '../team/team.memberships';
import { seesOwner, seesTeam, type Visibility } from '../team/visibility';

export type Person = {
  id: string;
  name: string;
  role: 'manager' | 'rep' | 'admin';
  active: boolean;
  deleted: boolean;
  /** The team on the report's reference day (membership, else the current team). */
  teamOnRefDay: string | null;
};
export type TeamInfo = { id: string; name: string; deleted: boolean };

/** A team or rep one level below the scope, as a row of a report. */
export type ScopeRowRef = {
  key: string;
  kind: 'team' | 'rep';
  id: string;
  name: string;
  drill: DrillTarget;
};

/**
 * A report's scope, resolved: its name, who is in it, and how a credited event (its rep's
 * team on the event's day, and the rep) maps to the row one level down. Teams are flat, as
 * for targets: company → teams → reps; a team's figures are its own members' (no roll-up of
 * sub-teams). An event whose rep had no team goes to the company only, as a rep row.
 */
export type Scoped = {
  scope: ReportScope;
  name: string | null;
  /** The day rows are listed for ("who is in the team"): the period's end, or today if earlier. */
  refDay: string;
  teams: ReadonlyMap<string, TeamInfo>;
  people: ReadonlyMap<string, Person>;
  /** A condition on an owner column that narrows the scan (rep: the rep; team: anyone ever in it). */
  ownerFilter(column: SQL): SQL | undefined;
  /** A condition on the credited team (team scope only). */
  teamFilter(team: SQL): SQL | undefined;
  /** Whether an event credited to this team is in scope. */
  keeps(team: string | null): boolean;
  /** The row an event of (team, owner) adds to; null for none (a rep's scope, or no owner). */
  rowKey(team: string | null, owner: string | null): string | null;
  /** The rows to show: every team (company) or active rep (team) in scope, and any other with data. */
  rows(withData: Iterable<string>): ScopeRowRef[];
};

const drillTo = (type: 'team' | 'rep', id: string): DrillTarget => ({
  kind: 'scope',
  scope: { type, id },
});

function byName<T extends { name: string; id: string }>(a: T, b: T): number {
  return a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id);
}

/** Loads the teams and people and resolves the scope; an unknown team or rep is `not_found`. */
export function resolveScope(db: Db, scope: ReportScope, refDay: string): Scoped {
  const teams = new Map(
    db
      .all<{ id: string; name: string; deleted: number }>(
        sql`SELECT id, name, deleted_at IS NOT NULL AS deleted FROM teams`,
      )
      .map((t) => [t.id, { id: t.id, name: t.name, deleted: t.deleted === 1 }]),
  );
  const people = new Map(
    db
      .all<{
        id: string;
        name: string;
        role: Person['role'];
        active: number;
        deleted: number;
        teamOnRefDay: string | null;
      }>(
        sql`SELECT u.id, u.name, u.role, u.active, u.deleted_at IS NOT NULL AS deleted, ${teamAt(sql`u.id`, refDay)} AS teamOnRefDay FROM users u`,
      )
      .map((u) => [
        u.id,
        { ...u, active: u.active === 1, deleted: u.deleted === 1 } satisfies Person,
      ]),
  );

  const nameOf = (kind: 'team' | 'rep', id: string) =>
    (kind === 'team' ? teams.get(id)?.name : people.get(id)?.name) ?? '';
  const ref = (kind: 'team' | 'rep', id: string): ScopeRowRef => ({
    key: `${kind}:${id}`,
    kind,
    id,
    name: nameOf(kind, id),
    drill: drillTo(kind, id),
  });
  const sorted = (refs: ScopeRowRef[]) =>
    refs.sort((a, b) => (a.kind === b.kind ? byName(a, b) : a.kind === 'team' ? -1 : 1));
  const isActiveRep = (p: Person) => p.active && !p.deleted && p.role === 'rep';

  if (scope.type === 'company') {
    const liveTeam = (team: string | null) => team !== null && teams.get(team)?.deleted === false;
    return {
      scope,
      name: null,
      refDay,
      teams,
      people,
      ownerFilter: () => undefined,
      teamFilter: () => undefined,
      keeps: () => true,
      rowKey: (team, owner) =>
        liveTeam(team) ? `team:${team}` : owner === null ? null : `rep:${owner}`,
      rows(withData) {
        const keys = new Set(withData);
        for (const p of people.values())
          if (isActiveRep(p) && liveTeam(p.teamOnRefDay)) keys.add(`team:${p.teamOnRefDay}`);
        return sorted([...keys].map(parseKey).map(([kind, id]) => ref(kind, id)));
      },
    };
  }

  if (scope.type === 'team') {
    const team = teams.get(scope.id);
    if (!team || team.deleted)
      throw new AppError('not_found', `team ${scope.id} not found`, 'reports.errors.scopeGone');
    // Everyone who was ever in the team (now or by a membership): the events to look at.
    const members = db
      .all<{ id: string }>(
        sql`SELECT id FROM users WHERE team_id = ${scope.id} UNION SELECT user_id FROM team_memberships WHERE team_id = ${scope.id} AND deleted_at IS NULL`,
      )
      .map((r) => r.id);
    return {
      scope,
      name: team.name,
      refDay,
      teams,
      people,
      ownerFilter: (column) => (members.length > 0 ? inArray(column, members) : sql`0`),
      teamFilter: (t) => sql`${t} = ${scope.id}`,
      keeps: (t) => t === scope.id,
      rowKey: (_team, owner) => (owner === null ? null : `rep:${owner}`),
      rows(withData) {
        const keys = new Set(withData);
        for (const p of people.values())
          if (isActiveRep(p) && p.teamOnRefDay === scope.id) keys.add(`rep:${p.id}`);
        return sorted([...keys].map(parseKey).map(([kind, id]) => ref(kind, id)));
      },
    };
  }

  const rep = people.get(scope.id);
  if (!rep || rep.deleted)
    throw new AppError('not_found', `person ${scope.id} not found`, 'reports.errors.scopeGone');
  return {
    scope,
    name: rep.name,
    refDay,
    teams,
    people,
    ownerFilter: (column) => sql`${column} = ${scope.id}`,
    teamFilter: () => undefined,
    keeps: () => true,
    rowKey: () => null,
    rows: () => [],
  };
}

function parseKey(key: string): ['team' | 'rep', string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) === 'team' ? 'team' : 'rep', key.slice(i + 1)];
}

/** The scope as the contract names it, with its name. */
export function scopeOut(s: Scoped) {
  return {
    type: s.scope.type,
    id: s.scope.type === 'company' ? null : s.scope.id,
    name: s.name,
  };
}

/**
 * The people whose events (or customers) the scope holds on the reference day: a team's
 * members then, the rep; null for the company (everyone).
 */
export function ownersOnRefDay(s: Scoped): string[] | null {
  if (s.scope.type === 'company') return null;
  if (s.scope.type === 'rep') return [s.scope.id];
  const teamId = s.scope.id;
  return [...s.people.values()].filter((p) => p.teamOnRefDay === teamId).map((p) => p.id);
}

/**
 * The scope a report is run for, within what the user may read (docs/data-scope.md): the
 * company for a user without the company view becomes their home (a rep's own figures, a
 * manager's team); a team or rep out of their scope is `not_found`, exactly as a missing one.
 */
export function allowedReportScope(v: Visibility, scope: ReportScope): ReportScope {
  if (v.company) return scope;
  const gone = (what: string, id: string) =>
    new AppError('not_found', `${what} ${id} not found`, 'reports.errors.scopeGone');
  if (scope.type === 'company') {
    if (!v.home) throw gone('scope', 'company');
    return v.home;
  }
  if (scope.type === 'team' && !seesTeam(v, scope.id)) throw gone('team', scope.id);
  if (scope.type === 'rep' && !seesOwner(v, scope.id)) throw gone('person', scope.id);
  return scope;
}

/**
 * The scope a weekly meeting pack is made for, within what the user may read: the company for a
 * manager without the company view becomes their team; a team out of scope is `not_found` as a
 * missing one; a rep (whose scope is no team) gets a message saying the pack is a team's.
 */
export function allowedPackScope(v: Visibility, scope: PackScope): PackScope {
  if (v.company) return scope;
  if (scope.type === 'team') {
    if (!seesTeam(v, scope.id))
      throw new AppError('not_found', `team ${scope.id} not found`, 'errors.notFound');
    return scope;
  }
  if (v.home?.type === 'team') return { type: 'team', id: v.home.id };
  throw new AppError(
    'not_found',
    'the weekly meeting pack covers a team',
    'exports.errors.packNeedsTeam',
  );
}
