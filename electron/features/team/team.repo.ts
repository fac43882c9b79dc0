import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Team, User } from '../../../shared/contract/team';
import type { Db } from '../../db/connection';
import { teams, users } from '../../db/schema';

const manager = alias(users, 'manager');
const parent = alias(teams, 'parent');

/** Every live team with its manager, parent and member counts, by name. */
export function listTeams(db: Db): Team[] {
  return db
    .select({
      id: teams.id,
      name: teams.name,
      managerId: teams.managerId,
      managerName: manager.name,
      parentId: teams.parentId,
      parentName: parent.name,
      memberCount: sql<number>`(SELECT count(*) FROM users u WHERE u.team_id = ${teams.id} AND u.deleted_at IS NULL)`,
      activeMemberCount: sql<number>`(SELECT count(*) FROM users u WHERE u.team_id = ${teams.id} AND u.deleted_at IS NULL AND u.active = 1)`,
    })
    .from(teams)
    .leftJoin(manager, eq(manager.id, teams.managerId))
    .leftJoin(parent, eq(parent.id, teams.parentId))
    .where(isNull(teams.deletedAt))
    .orderBy(asc(teams.name))
    .all();
}

export function getTeam(db: Db, id: string): Team | undefined {
  return listTeams(db).find((t) => t.id === id);
}

const userColumns = {
  id: users.id,
  name: users.name,
  role: users.role,
  teamId: users.teamId,
  teamName: teams.name,
  active: users.active,
  phone: users.phone,
  email: users.email,
  hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`.mapWith(Boolean),
  passwordTemporary: users.passwordTemporary,
};

/** Users by name; inactive ones only when asked for. */
export function listUsers(
  db: Db,
  filter: { teamId?: string; includeInactive?: boolean } = {},
): User[] {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(
      and(
        isNull(users.deletedAt),
        filter.teamId ? eq(users.teamId, filter.teamId) : undefined,
        filter.includeInactive ? undefined : eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name))
    .all();
}

export function getUser(db: Db, id: string): User | undefined {
  return db
    .select(userColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
    .get();
}

/** Whether any live team or user exists: an empty file goes through first run. */
export function hasTeam(db: Db): boolean {
  return (
    db.select({ id: users.id }).from(users).where(isNull(users.deletedAt)).limit(1).get() !==
    undefined
  );
}

/** Ids of the live users in a team (the "my team" scope). */
export function teamMemberIds(db: Db, teamId: string): string[] {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.teamId, teamId), isNull(users.deletedAt)))
    .all()
    .map((r) => r.id);
}

export function teamNameTaken(db: Db, name: string, exceptId?: string): Team | undefined {
  const key = name.normalize('NFKC').toLowerCase();
  return listTeams(db).find(
    (t) => t.id !== exceptId && t.name.normalize('NFKC').toLowerCase() === key,
  );
}

/** The stored password hash of a live user (null: none yet). It never leaves the main process. */
export function passwordHashOf(db: Db, id: string): string | null {
  return (
    db
      .select({ hash: users.passwordHash })
      .from(users)
      .where(and(eq(users.id, id), isNull(users.deletedAt)))
      .get()?.hash ?? null
  );
}
