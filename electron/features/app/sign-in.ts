import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { getUser, passwordHashOf } from '../team/team.repo';
import { verifyPassword } from './passwords';

/** Five wrong passwords in a row for one person hold further tries for this long. */
export const HOLD_AFTER = 5;
export const HOLD_MS = 30_000;

type Failures = { count: number; lastAt: number };
// Per open database: a restart clears it, which is no gain to a guesser (scrypt still costs
// each try ~160 ms, and relaunching costs seconds).
const failures = new WeakMap<AppContext, Map<string, Failures>>();

function failuresOf(ctx: AppContext): Map<string, Failures> {
  let map = failures.get(ctx);
  if (!map) failures.set(ctx, (map = new Map()));
  return map;
}

/** Whether `password` is `userId`'s, counting wrong tries towards the hold. */
export async function checkPassword(
  ctx: AppContext,
  userId: string,
  password: string,
): Promise<boolean> {
  const map = failuresOf(ctx);
  const now = ctx.now().getTime();
  const record = map.get(userId);
  if (record && record.count >= HOLD_AFTER) {
    const wait = record.lastAt + HOLD_MS - now;
    if (wait > 0)
      throw new AppError(
        'conflict',
        `too many wrong passwords: try again in ${Math.ceil(wait / 1000)} s`,
        'signIn.errors.held',
        { seconds: Math.ceil(wait / 1000) },
      );
  }
  const hash = passwordHashOf(ctx.db, userId);
  const ok = hash !== null && (await verifyPassword(password, hash));
  if (ok) map.delete(userId);
  else map.set(userId, { count: (record?.count ?? 0) + 1, lastAt: now });
  return ok;
}

/**
 * Signs this device in as `userId` (decision 0022). The person already signed in needs no
 * password to stay; anyone else needs theirs, and a person without a password cannot be
 * signed in to until a manager gives them one.
 */
export async function signInAs(ctx: AppContext, userId: string, password: string): Promise<void> {
  const user = getUser(ctx.db, userId);
  if (!user) throw notFound('user', userId);
  if (!user.active)
    throw new AppError('conflict', `${user.name} is deactivated`, 'errors.userInactive', {
      name: user.name,
    });
  if (userId === ctx.currentUserId()) return;
  if (!user.hasPassword)
    throw new AppError(
      'conflict',
      `${user.name} has no password yet: a manager sets one in Team`,
      'signIn.errors.noPassword',
      { name: user.name },
    );
  if (user.hasPassword && !(await checkPassword(ctx, userId, password)))
    throw new AppError(
      'invalid_input',
      `wrong password for ${user.name}`,
      'signIn.errors.wrong',
      { name: user.name },
      { password: 'signIn.errors.wrong' },
    );
  ctx.setCurrentUserId(userId);
}
