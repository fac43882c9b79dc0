import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Scope } from '../../../shared/domain/people';
import type { AppContext } from '../../core/context';
import { scopeConditions } from '../deals/deals.query';
import { currentUser } from '../team/current-user';
import { visibility, type Visibility } from '../team/visibility';

/** Who is asking: what "mine" and "my team" mean (no id before anyone is chosen), and what they may read. */
export type Viewer = { id: string | null; teamId: string | null; visible: Visibility };

/** The current user as a viewer. */
export function viewer(ctx: AppContext): Viewer {
  const me = currentUser(ctx);
  return { id: me?.id ?? null, teamId: me?.teamId ?? null, visible: visibility(ctx) };
}

/** The people a calendar or report covers: a scope, narrowed by a team or a list of reps. */
export type Who = { scope: Scope; teamId?: string | undefined; ownerIds?: string[] | undefined };

/** `who` as conditions on a column holding a user id (a visit's owner, or `users.id`). */
export function whoConditions(who: Who, me: Viewer, column: AnySQLiteColumn): SQL[] {
  const out = scopeConditions(
    { scope: who.scope, teamId: who.teamId },
    { currentUser: me.id ? { id: me.id, teamId: me.teamId } : null, visible: me.visible },
    column,
  );
  if (who.ownerIds) out.push(who.ownerIds.length > 0 ? inArray(column, who.ownerIds) : sql`0`);
  return out;
}
