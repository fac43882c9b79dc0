import { and, eq, isNull, sql } from 'drizzle-orm';
import {
  gradeBucket,
  handoverGrades,
  regionBucket,
  type HandoverGrade,
} from '../../../shared/domain/handover';
import type { Grade } from '../../../shared/domain/grading';
import type { Db } from '../../db/connection';
import { customers, deals, followUps, visits } from '../../db/schema';

/** The live customers a rep owns: the rows the customers part moves. */
function ownedBy(fromUserId: string) {
  return and(eq(customers.ownerId, fromUserId), isNull(customers.deletedAt));
}

/** Open follow-ups: not done, not deleted, owned by the rep (done ones stay credited). */
function openFollowUpsOf(fromUserId: string) {
  return and(
    eq(followUps.ownerId, fromUserId),
    isNull(followUps.doneAt),
    isNull(followUps.deletedAt),
  );
}

/** How many live customers a rep owns. */
export function countCustomers(db: Db, fromUserId: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(customers)
      .where(ownedBy(fromUserId))
      .get()?.n ?? 0
  );
}

/** A rep's live customers with what a routing needs to place them. */
export function customersToMove(
  db: Db,
  fromUserId: string,
): { id: string; region: string | null; grade: Grade | null }[] {
  return db
    .select({ id: customers.id, region: customers.region, grade: customers.grade })
    .from(customers)
    .where(ownedBy(fromUserId))
    .orderBy(customers.id)
    .all();
}

/** How many open follow-ups a rep owns. */
export function countOpenFollowUps(db: Db, fromUserId: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(followUps)
      .where(openFollowUpsOf(fromUserId))
      .get()?.n ?? 0
  );
}

/** A rep's open follow-ups with the customer each is about. */
export function openFollowUpsToMove(
  db: Db,
  fromUserId: string,
): { id: string; customerId: string }[] {
  return db
    .select({ id: followUps.id, customerId: followUps.customerId })
    .from(followUps)
    .where(openFollowUpsOf(fromUserId))
    .orderBy(followUps.id)
    .all();
}

const openDealsOf = (fromUserId: string) =>
  and(eq(deals.ownerId, fromUserId), eq(deals.status, 'open'), isNull(deals.deletedAt));

/** How many open deals a rep owns (won and lost deals stay credited to them). */
export function countOpenDeals(db: Db, fromUserId: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(deals)
      .where(openDealsOf(fromUserId))
      .get()?.n ?? 0
  );
}

/** A rep's open deals with the customer each is with. */
export function openDealsToMove(db: Db, fromUserId: string): { id: string; customerId: string }[] {
  return db
    .select({ id: deals.id, customerId: deals.customerId })
    .from(deals)
    .where(openDealsOf(fromUserId))
    .orderBy(deals.id)
    .all();
}

/**
 * Planned visits from `today` on: they follow their customer. Past visits, and summarised
 * (done, cancelled, missed) ones, stay with the rep who made them (domain.md §1).
 */
const futureVisitsOf = (fromUserId: string, today: string) =>
  and(
    eq(visits.ownerId, fromUserId),
    sql`${visits.day} >= ${today}`,
    eq(visits.status, 'planned'),
    isNull(visits.deletedAt),
  );

/** How many planned visits a rep has from `today` on. */
export function countFutureVisits(db: Db, fromUserId: string, today: string): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(visits)
      .where(futureVisitsOf(fromUserId, today))
      .get()?.n ?? 0
  );
}

/** A rep's planned visits from `today` on, with the customer each is with. */
export function futureVisitsToMove(
  db: Db,
  fromUserId: string,
  today: string,
): { id: string; customerId: string }[] {
  return db
    .select({ id: visits.id, customerId: visits.customerId })
    .from(visits)
    .where(futureVisitsOf(fromUserId, today))
    .orderBy(visits.id)
    .all();
}

/** A rep's customers counted per region bucket (largest first, then by name) and per grade bucket (grade order). */
export function customerBreakdown(
  db: Db,
  fromUserId: string,
): {
  byRegion: { region: string; customers: number }[];
  byGrade: { grade: HandoverGrade; customers: number }[];
} {
  const groups = db
    .select({ region: customers.region, grade: customers.grade, n: sql<number>`count(*)` })
    .from(customers)
    .where(ownedBy(fromUserId))
    .groupBy(customers.region, customers.grade)
    .all();
  // Regions are folded in JS with the same bucket function the routing uses, so a
  // region typed " 华东" counts where it will be routed.
  const regions = new Map<string, number>();
  const byGrade = new Map<HandoverGrade, number>();
  for (const g of groups) {
    const region = regionBucket(g.region);
    regions.set(region, (regions.get(region) ?? 0) + g.n);
    const grade = gradeBucket(g.grade);
    byGrade.set(grade, (byGrade.get(grade) ?? 0) + g.n);
  }
  return {
    byRegion: [...regions]
      .map(([region, n]) => ({ region, customers: n }))
      .sort(
        (a, b) =>
          b.customers - a.customers ||
          Number(a.region === '') - Number(b.region === '') ||
          a.region.localeCompare(b.region, 'zh-CN'),
      ),
    byGrade: handoverGrades.flatMap((grade) => {
      const n = byGrade.get(grade);
      return n ? [{ grade, customers: n }] : [];
    }),
  };
}
