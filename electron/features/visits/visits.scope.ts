import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Scope } from '../../../shared/domain/people';
import type { AppContext } from '../../core/context';
import { scopeConditions } from '../deals/deals.query';
import { currentUser } from '../team/current-user';

/** Who is asking: what "mine" and "my team" mean. */
export type Viewer = { id: string; teamId: string | null } | null;

/** The current user as a viewer, or null before anyone is chosen. */
export function viewer(ctx: AppContext): Viewer {
  const me = currentUser(ctx);
  return me ? { id: me.id, teamId: me.teamId } : null;
}

/** The people a calendar or report covers: a scope, narrowed by a team or a list of reps. */
export type Who = { scope: Scope; teamId?: string | undefined; ownerIds?: string[] | undefined };

/** `who` as conditions on a column holding a user id (a visit's owner, or `users.id`). */
export function whoConditions(who: Who, me: Viewer, column: AnySQLiteColumn): SQL[] {
  const out = scopeConditions(
    { scope: who.scope, teamId: who.teamId },
    { currentUser: me },
    column,
  );
  if (who.ownerIds) out.push(who.ownerIds.length > 0 ? inArray(column, who.ownerIds) : sql`0`);
  return out;
}
