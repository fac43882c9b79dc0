import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DealCard, KeyDeal } from '../../../shared/contract/deals';
import { briefCompleteness } from '../../../shared/domain/milestones';
import type { Scope } from '../../../shared/domain/people';
import type { Db } from '../../db/connection';
import { customers, deals } from '../../db/schema';
import { briefColumns, contactPerson, deciderPerson, toBrief } from './deals.brief';
import {
  cardColumns,
  owner,
  scopeConditions,
  toCard,
  weightedSql,
  type BoardContext,
} from './deals.query';

/** A customer's live deals: open ones by expected close, then closed ones latest first. */
export function dealsForCustomer(
  db: Db,
  customerId: string,
  today: string,
  ctx: BoardContext,
): DealCard[] {
  return db
    .select(cardColumns)
    .from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .leftJoin(owner, eq(owner.id, deals.ownerId))
    .where(and(eq(deals.customerId, customerId), isNull(deals.deletedAt)))
    .orderBy(
      sql`${deals.status} <> 'open'`,
      asc(sql`CASE WHEN ${deals.status} = 'open' THEN ${deals.expectedCloseOn} END`),
      desc(deals.closedOn),
      asc(deals.id),
    )
    .all()
    .map((r) => toCard(r, today, ctx));
}

/** Key open deals in scope, largest weighted amount first, with their briefs. */
export function keyDeals(
  db: Db,
  query: { scope: Scope; teamId?: string | undefined; ownerId?: string | undefined; today: string },
  ctx: BoardContext,
): KeyDeal[] {
  const rows = db
    .select({
      ...cardColumns,
      nextStep: deals.nextStep,
      ...briefColumns,
    })
    .from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .leftJoin(owner, eq(owner.id, deals.ownerId))
    .leftJoin(contactPerson, eq(contactPerson.id, deals.contactId))
    .leftJoin(deciderPerson, eq(deciderPerson.id, deals.deciderId))
    .where(
      and(
        isNull(deals.deletedAt),
        eq(deals.status, 'open'),
        eq(deals.isKey, true),
        ...scopeConditions(query, ctx),
      ),
    )
    .orderBy(desc(weightedSql), asc(deals.id))
    .all();
  return rows.map((r) => {
    const card = toCard(r, query.today, ctx);
    return {
      id: card.id,
      title: card.title,
      customerId: card.customerId,
      customerName: card.customerName,
      ownerId: card.ownerId,
      ownerName: card.ownerName,
      milestone: card.milestone,
      amount: card.amount,
      weighted: card.weighted,
      expectedCloseOn: card.expectedCloseOn,
      daysInStage: card.daysInStage,
      stalled: card.stalled,
      closeOverdue: card.closeOverdue,
      nextStep: r.nextStep,
      briefFilled: briefCompleteness(r),
      briefTotal: 10 as const,
      brief: toBrief(r),
      updatedAt: card.updatedAt,
    };
  });
}
