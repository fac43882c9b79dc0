import { and, asc, eq, isNull, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import type { Db } from '../../db/connection';
import { teamMemberships } from '../../db/schema';

/**
 * Where a user's history starts when their first team change is recorded: the lowest day
 * the app accepts, so every earlier event stays with the team they had before the change.
 */
export const MEMBERSHIP_ORIGIN = '2000-01-01';

/**
 * The team a user was in on a day, as SQL for the reports (credit goes to the rep's team at
 * the time of the event): the live membership covering the day (from_day ≤ day < to_day),
 * else the user's current team. `userId` and `day` are columns or values, e.g.
 * `teamAt(deals.ownerId, deals.closedOn)`.
 */
export function teamAt(userId: SQLWrapper | string, day: SQLWrapper | string): SQL<string | null> {
  return sql<
    string | null
  >`coalesce((SELECT tm.team_id FROM team_memberships tm WHERE tm.user_id = ${userId} AND tm.deleted_at IS NULL AND tm.from_day <= ${day} AND (tm.to_day IS NULL OR tm.to_day > ${day}) ORDER BY tm.from_day DESC, tm.id DESC LIMIT 1), (SELECT tu.team_id FROM users tu WHERE tu.id = ${userId}))`;
}

export type Membership = { id: string; teamId: string; fromDay: string; toDay: string | null };

/** A user's live memberships, oldest first. */
export function membershipsOf(db: Db, userId: string): Membership[] {
  return db
    .select({
      id: teamMemberships.id,
      teamId: teamMemberships.teamId,
      fromDay: teamMemberships.fromDay,
      toDay: teamMemberships.toDay,
    })
    .from(teamMemberships)
    .where(and(eq(teamMemberships.userId, userId), isNull(teamMemberships.deletedAt)))
    .orderBy(asc(teamMemberships.fromDay), asc(teamMemberships.id))
    .all();
}

/**
 * The changes that record a team change on `today`, to go in the same commit as the user's
 * new team: the membership covering today ends today and a new one opens from today. A user
 * with no membership yet gets their old team recorded first (from the origin, or from where
 * their last closed membership ended); a second change on the same day just re-points the
 * membership opened today.
 */
export function teamChangeMemberships(
  ctx: AppContext,
  user: { id: string; teamId: string | null },
  newTeamId: string,
  today: string,
): Change[] {
  if (user.teamId === newTeamId) return [];
  const memberships = membershipsOf(ctx.db, user.id);
  const current = memberships.find(
    (m) => m.fromDay <= today && (m.toDay === null || m.toDay > today),
  );
  const changes: Change[] = [];
  if (current && current.fromDay === today) {
    changes.push({
      op: 'update',
      table: 'team_memberships',
      id: current.id,
      values: { teamId: newTeamId },
    });
    return changes;
  }
  if (current) {
    changes.push({
      op: 'update',
      table: 'team_memberships',
      id: current.id,
      values: { toDay: today },
    });
  } else if (user.teamId) {
    const ended = memberships
      .map((m) => m.toDay)
      .filter((d): d is string => d !== null && d <= today)
      .sort();
    const fromDay = ended[ended.length - 1] ?? MEMBERSHIP_ORIGIN;
    if (fromDay < today)
      changes.push({
        op: 'insert',
        table: 'team_memberships',
        id: ctx.newId(),
        values: { userId: user.id, teamId: user.teamId, fromDay, toDay: today },
      });
  }
  changes.push({
    op: 'insert',
    table: 'team_memberships',
    id: ctx.newId(),
    values: { userId: user.id, teamId: newTeamId, fromDay: today, toDay: null },
  });
  return changes;
}
