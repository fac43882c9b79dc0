import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { TimelineEntry } from '../../../shared/contract/timeline';
import type { DealStatus, Milestone } from '../../../shared/domain/milestones';
import { collections, deals, stageHistory, users } from '../../db/schema';
import { beforeCursor, type TimelineSourceQuery } from './timeline.source';

/*
 * Deal moves and collections on the customer's timeline. Both are bookkeeping, not contact
 * with the customer: they are never deletable from the timeline (they are corrected on the
 * deal page) and they do not feed `customers.last_contact_at`, whose triggers (migration
 * 0001) watch activities only. Entries of a deleted deal leave the timeline with it.
 */

/** Every milestone change of the customer's deals (stage_history), on (customer_id, at). */
export const dealMoveSource: TimelineSourceQuery = {
  page: (db, customerId, before, limit) =>
    db
      .select({
        id: stageHistory.id,
        at: stageHistory.at,
        reason: stageHistory.reason,
        userId: stageHistory.byUserId,
        userName: users.name,
        dealId: deals.id,
        dealTitle: deals.title,
        fromMilestone: stageHistory.fromMilestone,
        fromStatus: stageHistory.fromStatus,
        toMilestone: stageHistory.toMilestone,
        toStatus: stageHistory.toStatus,
        forced: stageHistory.forced,
      })
      .from(stageHistory)
      .innerJoin(deals, and(eq(deals.id, stageHistory.dealId), isNull(deals.deletedAt)))
      .leftJoin(users, eq(users.id, stageHistory.byUserId))
      .where(
        and(
          eq(stageHistory.customerId, customerId),
          isNull(stageHistory.deletedAt),
          beforeCursor(stageHistory.at, stageHistory.id, before),
        ),
      )
      .orderBy(desc(stageHistory.at), desc(stageHistory.id))
      .limit(limit)
      .all()
      .map((row): TimelineEntry => ({
        id: row.id,
        source: 'deal_move',
        kind: 'deal_move',
        category: null,
        at: row.at,
        body: row.reason ?? '',
        userId: row.userId,
        userName: row.userName,
        contactId: null,
        contactName: null,
        deletable: false,
        // An unallocated receipt (decision 0019) has no deal yet.
        ...(row.dealId !== null && row.dealTitle !== null
          ? { deal: { id: row.dealId, title: row.dealTitle } }
          : {}),
        move: {
          // Written by the deals feature from the same enums; the columns are plain text.
          fromMilestone: row.fromMilestone as Milestone | null,
          fromStatus: row.fromStatus as DealStatus | null,
          toMilestone: row.toMilestone as Milestone,
          toStatus: row.toStatus as DealStatus,
          forced: row.forced,
        },
      })),
  count: (db, customerId) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(stageHistory)
      .innerJoin(deals, and(eq(deals.id, stageHistory.dealId), isNull(deals.deletedAt)))
      .where(and(eq(stageHistory.customerId, customerId), isNull(stageHistory.deletedAt)))
      .get()?.n ?? 0,
};

/**
 * A collection happened on a day, not at an instant: it sits on the timeline at 12:00 UTC
 * of that day, which is the same calendar day in every time zone from UTC−11 to UTC+11,
 * and it is ordered (and paged) by its (customer_id, collected_on) index.
 */
const collectionAt = sql<string>`(${collections.collectedOn} || 'T12:00:00.000Z')`;

/** A collection of a live deal, or an unallocated receipt (no deal yet, decision 0019). */
const liveDealOrReceipt = sql`(${collections.dealId} IS NULL OR ${deals.id} IS NOT NULL)`;

/** Money collected from the customer (collections), on (customer_id, collected_on). */
export const collectionSource: TimelineSourceQuery = {
  page: (db, customerId, before, limit) =>
    db
      .select({
        id: collections.id,
        at: collectionAt,
        note: collections.note,
        amount: collections.amount,
        userId: collections.byUserId,
        userName: users.name,
        dealId: deals.id,
        dealTitle: deals.title,
      })
      .from(collections)
      .leftJoin(deals, and(eq(deals.id, collections.dealId), isNull(deals.deletedAt)))
      .leftJoin(users, eq(users.id, collections.byUserId))
      .where(
        and(
          eq(collections.customerId, customerId),
          isNull(collections.deletedAt),
          liveDealOrReceipt,
          // The plain column bounds the index range; the exact comparison is on `at`.
          before ? sql`${collections.collectedOn} <= ${before.at.slice(0, 10)}` : undefined,
          beforeCursor(collectionAt, collections.id, before),
        ),
      )
      .orderBy(desc(collections.collectedOn), desc(collections.id))
      .limit(limit)
      .all()
      .map((row): TimelineEntry => ({
        id: row.id,
        source: 'collection',
        kind: 'collection',
        category: null,
        at: row.at,
        body: row.note ?? '',
        userId: row.userId,
        userName: row.userName,
        contactId: null,
        contactName: null,
        deletable: false,
        // An unallocated receipt (decision 0019) has no deal yet.
        ...(row.dealId !== null && row.dealTitle !== null
          ? { deal: { id: row.dealId, title: row.dealTitle } }
          : {}),
        amount: row.amount,
      })),
  count: (db, customerId) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(collections)
      .leftJoin(deals, and(eq(deals.id, collections.dealId), isNull(deals.deletedAt)))
      .where(
        and(
          eq(collections.customerId, customerId),
          isNull(collections.deletedAt),
          liveDealOrReceipt,
        ),
      )
      .get()?.n ?? 0,
};
