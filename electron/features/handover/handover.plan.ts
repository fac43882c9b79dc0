import type { z } from 'zod';
import type {
  HandoverPreview,
  HandoverResult,
  handoverInput,
} from '../../../shared/contract/handover';
import type { User } from '../../../shared/contract/team';
import { receiverOf, type HandoverRouting } from '../../../shared/domain/handover';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { getUser } from '../team/team.repo';
import { seesOwner, visibility } from '../team/visibility';
import { customerBreakdown, customersToMove } from './handover.repo';
import { handoverParts, type HandoverPart, type HandoverPlan } from './parts';

export type HandoverCommand = z.output<typeof handoverInput>;

/** The calendar day of an instant on this computer (the user's today when they sent none). */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The leaving rep, if they may be handed over: an active rep or manager other than you. */
function requireLeaving(ctx: AppContext, fromUserId: string): User {
  // Someone out of the user's data scope is refused exactly as someone unknown.
  const from = seesOwner(visibility(ctx), fromUserId) ? getUser(ctx.db, fromUserId) : undefined;
  if (!from)
    throw new AppError('not_found', `user ${fromUserId} not found`, 'handover.errors.fromUnknown');
  // Handing yourself over would deactivate the person at the keyboard mid-session.
  if (from.id === ctx.currentUserId())
    throw new AppError('conflict', 'you cannot hand yourself over', 'handover.errors.fromSelf');
  if (!from.active) {
    throw new AppError(
      'conflict',
      `${from.name} is already deactivated`,
      'handover.errors.fromInactive',
      { name: from.name },
    );
  }
  if (from.role === 'admin') {
    throw new AppError(
      'invalid_input',
      `${from.name} is an admin, not a rep or manager`,
      'handover.errors.fromRole',
      { name: from.name },
    );
  }
  return from;
}

/** Every receiver must be a live, active colleague other than the leaving rep; answers their names. */
function requireReceivers(ctx: AppContext, from: User, ids: Iterable<string>): Map<string, string> {
  const names = new Map<string, string>();
  for (const id of ids) {
    if (names.has(id)) continue;
    const user = getUser(ctx.db, id);
    if (!user)
      throw new AppError(
        'not_found',
        `receiver ${id} not found`,
        'handover.errors.receiverUnknown',
      );
    if (user.id === from.id) {
      throw new AppError(
        'invalid_input',
        `${user.name} is the one leaving`,
        'handover.errors.receiverIsLeaving',
        { name: user.name },
      );
    }
    if (!user.active) {
      throw new AppError(
        'conflict',
        `${user.name} is deactivated`,
        'handover.errors.receiverInactive',
        { name: user.name },
      );
    }
    names.set(user.id, user.name);
  }
  return names;
}

/** What a leaving rep owns: a count per part (the same parts execute moves) and their customers by region and grade. */
export function previewHandover(
  ctx: AppContext,
  input: { fromUserId: string; today?: string | undefined },
): HandoverPreview {
  const from = requireLeaving(ctx, input.fromUserId);
  const today = input.today ?? localDay(ctx.now());
  return {
    user: from,
    parts: handoverParts.map((part) => ({
      part: part.name,
      count: part.count(ctx.db, from.id, today),
    })),
    ...customerBreakdown(ctx.db, from.id),
  };
}

/**
 * Validates, plans and applies a handover in one `ctx.commit`: the parts' moves, one
 * timeline entry per customer and the deactivation land together or not at all. `parts`
 * is injectable so tests can prove a failing part leaves nothing behind.
 */
export function executeHandover(
  ctx: AppContext,
  input: HandoverCommand,
  parts: readonly HandoverPart[] = handoverParts,
): HandoverResult {
  const from = requireLeaving(ctx, input.fromUserId);
  const routing: HandoverRouting = {
    defaultToUserId: input.defaultToUserId,
    ...(input.byRegion ? { byRegion: input.byRegion } : {}),
    ...(input.byGrade ? { byGrade: input.byGrade } : {}),
  };
  const names = requireReceivers(ctx, from, [
    input.defaultToUserId,
    ...Object.values(input.byRegion ?? {}),
    ...Object.values(input.byGrade ?? {}).filter((v): v is string => v !== undefined),
  ]);
  const today = input.today ?? localDay(ctx.now());
  const customerReceivers = new Map(
    customersToMove(ctx.db, from.id).map((c) => [c.id, receiverOf(routing, c)]),
  );
  const plan: HandoverPlan = {
    from: { id: from.id, name: from.name },
    actorId: ctx.currentUserId(),
    today,
    at: ctx.now().toISOString(),
    customerReceivers,
    receiverFor: (customerId) =>
      (customerId ? customerReceivers.get(customerId) : undefined) ?? input.defaultToUserId,
    names,
    newId: ctx.newId,
  };
  // better-sqlite3 is synchronous and this handler never awaits, so nothing can write
  // between these reads and the commit: the counts are exactly what moves.
  const counts = parts.map((part) => ({
    part: part.name,
    count: part.count(ctx.db, from.id, today),
  }));
  const changes: Change[] = parts.flatMap((part) => part.changes(ctx.db, plan));
  if (input.deactivate)
    changes.push({ op: 'update', table: 'users', id: from.id, values: { active: false } });
  ctx.commit(changes);
  return {
    parts: counts,
    activities: changes.filter((c) => c.op === 'insert' && c.table === 'activities').length,
    deactivated: input.deactivate,
  };
}
