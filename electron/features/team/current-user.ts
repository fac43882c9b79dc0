import type { User } from '../../../shared/contract/team';
import type { AppContext } from '../../core/context';
import { getUser } from './team.repo';

/** The user this device acts as, if one is chosen and still exists. */
export function currentUser(ctx: AppContext): User | null {
  const id = ctx.currentUserId();
  return id ? (getUser(ctx.db, id) ?? null) : null;
}
