import { ownerCondition, type Visibility } from '../team/visibility';
import { and, asc, eq, gt, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import {
  UPCOMING_DAYS,
  type FollowUp,
  type FollowUpGroup,
} from '../../../shared/contract/followups';
import { addDays } from '../../../shared/domain/grading';
import type { Scope } from '../../../shared/domain/people';
import type { Db } from '../../db/connection';
import { customers, followUps, users } from '../../db/schema';

/** A customer rarely has more open to-dos than this; the cap keeps a runaway list cheap. */
const CUSTOMER_OPEN_MAX = 200;

const columns = {
  id: followUps.id,
  customerId: followUps.customerId,
  customerName: customers.name,
  ownerId: followUps.ownerId,
  ownerName: users.name,
  dueOn: followUps.dueOn,
  text: followUps.text,
  doneAt: followUps.doneAt,
  createdAt: followUps.createdAt,
};

/** Live follow-ups on live customers: a deleted customer's to-dos leave every list with it. */
function select(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(followUps)
    .innerJoin(customers, and(eq(customers.id, followUps.customerId), isNull(customers.deletedAt)))
    .leftJoin(users, eq(users.id, followUps.ownerId))
    .where(and(isNull(followUps.deletedAt), where));
}

/** The open follow-ups of one customer, soonest first. */
export function listCustomerFollowUps(db: Db, customerId: string): FollowUp[] {
  return select(db, and(eq(followUps.customerId, customerId), isNull(followUps.doneAt)))
    .orderBy(asc(followUps.dueOn), asc(followUps.createdAt), asc(followUps.id))
    .limit(CUSTOMER_OPEN_MAX)
    .all();
}

/** One live follow-up (open or done) on a live customer. */
export function getFollowUp(db: Db, id: string): FollowUp | undefined {
  return select(db, eq(followUps.id, id)).get();
}

/** A live follow-up row whatever its customer's state (to tell "gone" from "customer gone"). */
export function getFollowUpRecord(db: Db, id: string) {
  return db
    .select({ id: followUps.id, customerId: followUps.customerId, doneAt: followUps.doneAt })
    .from(followUps)
    .where(and(eq(followUps.id, id), isNull(followUps.deletedAt)))
    .get();
}

/** Whose follow-ups a scope shows; like the customer list, a scope is a view, not a permission. */
function scopeCondition(
  scope: Scope,
  viewer: { id: string; teamId: string | null } | null,
): SQL | undefined {
  if (!viewer || scope === 'all') return undefined;
  if (scope === 'team' && viewer.teamId) {
    return sql`${followUps.ownerId} IN (SELECT id FROM users WHERE team_id = ${viewer.teamId})`;
  }
  return eq(followUps.ownerId, viewer.id);
}

/**
 * The bounds of each group for the user's `today` (YYYY-MM-DD, their local date). Due
 * days compare as strings, so the owner index (owner_id, done_at, due_on) serves each group.
 */
export function groupBounds(today: string): Record<FollowUpGroup, SQL> {
  const horizon = addDays(today, UPCOMING_DAYS);
  return {
    overdue: lt(followUps.dueOn, today),
    today: eq(followUps.dueOn, today),
    upcoming: and(gt(followUps.dueOn, today), lte(followUps.dueOn, horizon)) as SQL,
    later: gt(followUps.dueOn, horizon),
  };
}

/** Open follow-ups in scope, in the four groups of My follow-ups, each with its full count. */
export function listFollowUpGroups(
  db: Db,
  query: { scope: Scope; today: string; limit: number },
  viewer: { id: string; teamId: string | null } | null,
  visible: Visibility,
): Record<FollowUpGroup, { rows: FollowUp[]; total: number }> {
  const open = and(
    isNull(followUps.doneAt),
    ownerCondition(visible, followUps.ownerId),
    scopeCondition(query.scope, viewer),
  );
  const bounds = groupBounds(query.today);
  const group = (name: FollowUpGroup) => {
    const where = and(open, bounds[name]);
    const rows = select(db, where)
      .orderBy(asc(followUps.dueOn), asc(customers.nameKey), asc(followUps.id))
      .limit(query.limit)
      .all();
    const total =
      rows.length < query.limit
        ? rows.length
        : (db
            .select({ n: sql<number>`count(*)` })
            .from(followUps)
            .innerJoin(
              customers,
              and(eq(customers.id, followUps.customerId), isNull(customers.deletedAt)),
            )
            .where(and(isNull(followUps.deletedAt), where))
            .get()?.n ?? 0);
    return { rows, total };
  };
  return {
    overdue: group('overdue'),
    today: group('today'),
    upcoming: group('upcoming'),
    later: group('later'),
  };
}
