import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { PlanRow, Suggestions, VisitEvent } from '../../../shared/contract/visits';
import { addDaysTo } from '../../../shared/domain/time';
import {
  effectiveVisitRate,
  planCompletionRate,
  type PlanCounts,
} from '../../../shared/domain/visits';
import type { Db } from '../../db/connection';
import { customers, deals, followUps, teams, users, visits } from '../../db/schema';
import { gradeOrder, overdueDaysSql } from '../customers/customers.repo';
import { frequencyRules } from '../settings/settings.repo';
import { whoConditions, type Viewer, type Who } from './visits.scope';
import { liveCustomerJoin, visitEvents } from './visits.repo';

const SUGGESTIONS_MAX = 50;
const PENDING_MAX = 100;
/** How far back missed visits still ask to be rescheduled. */
export const MISSED_LOOKBACK_DAYS = 30;

const count = (condition: SQL) =>
  sql<number>`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/** Plan vs actual counts (shared/domain/visits.ts PlanCounts) as SQL aggregates over visits. */
function countColumns(now: string) {
  const done = sql`${visits.status} = 'done'`;
  return {
    planned: count(sql`${visits.planned} = 1`),
    plannedDone: count(sql`${visits.planned} = 1 AND ${done}`),
    done: count(done),
    effective: count(sql`${done} AND ${visits.effective} = 1`),
    unplanned: count(sql`${visits.planned} = 0 AND ${done}`),
    cancelled: count(sql`${visits.status} = 'cancelled'`),
    missed: count(sql`${visits.status} = 'missed'`),
    awaitingSummary: count(sql`${visits.status} = 'planned' AND ${visits.endAt} <= ${now}`),
  };
}

const zero: PlanCounts = {
  planned: 0,
  plannedDone: 0,
  done: 0,
  effective: 0,
  unplanned: 0,
  cancelled: 0,
  missed: 0,
  awaitingSummary: 0,
};

function withRates(c: PlanCounts) {
  return { ...c, completionRate: planCompletionRate(c), effectiveRate: effectiveVisitRate(c) };
}

/**
 * Plan vs actual (计划与实际, domain.md §5 and §7.3) for the visits whose day is in
 * [from, to]: one GROUP BY over the visits in scope, then a row per active rep in scope
 * (zeros included), per anyone else who has visits there (a manager, a rep who left), and
 * the current user in "mine"; the total adds up the rows and recomputes the rates.
 */
export function planVsActual(
  db: Db,
  input: Who & { from: string; to: string; now: string },
  me: Viewer,
): { rows: PlanRow[]; total: ReturnType<typeof withRates> } {
  const perOwner = new Map(
    db
      .select({ ownerId: visits.ownerId, ...countColumns(input.now) })
      .from(visits)
      .innerJoin(customers, liveCustomerJoin)
      .where(
        and(
          isNull(visits.deletedAt),
          gte(visits.day, input.from),
          lte(visits.day, input.to),
          ...whoConditions(input, me, visits.ownerId),
        ),
      )
      .groupBy(visits.ownerId)
      .all()
      .map(({ ownerId, ...counts }) => [ownerId, counts]),
  );
  const owners = [...perOwner.keys()];
  const inPlay = or(
    and(isNull(users.deletedAt), eq(users.active, true), eq(users.role, 'rep')),
    owners.length > 0 ? inArray(users.id, owners) : undefined,
    input.scope === 'mine' && me.id ? eq(users.id, me.id) : undefined,
  );
  const people = db
    .select({ ownerId: users.id, name: users.name, teamId: users.teamId, teamName: teams.name })
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(and(inPlay, ...whoConditions(input, me, users.id)))
    .orderBy(sql`${teams.name} IS NULL`, asc(teams.name), asc(users.name), asc(users.id))
    .all();
  const rows = people.map((p) => ({ ...p, ...withRates(perOwner.get(p.ownerId) ?? zero) }));
  const total = { ...zero };
  for (const row of rows)
    for (const key of Object.keys(zero) as (keyof PlanCounts)[]) total[key] += row[key];
  return { rows, total: withRates(total) };
}

/**
 * No live planned visit of the customer from `from` on. Probes the customer's visits by
 * start (the index) from the day before, since a day is local and start_at is UTC.
 */
function noPlannedVisitFrom(customerId: SQL | typeof customers.id, from: string): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM visits pv WHERE pv.customer_id = ${customerId} AND pv.start_at >= ${addDaysTo(from, -1)} AND pv.day >= ${from} AND pv.status = 'planned' AND pv.deleted_at IS NULL)`;
}

/**
 * Plan the week (issue 6): for one rep, the overdue customers (by their grade's visit
 * frequency) and open key deals with no visit planned from `from` on, and the open
 * follow-ups due by `to`.
 */
export function weekSuggestions(
  db: Db,
  input: { ownerId: string; from: string; to: string; today: string },
): Suggestions {
  const overdue = overdueDaysSql({ rules: frequencyRules(db), today: input.today });
  const overdueCustomers = db
    .select({
      customerId: customers.id,
      name: customers.name,
      grade: customers.grade,
      region: customers.region,
      lastContactAt: customers.lastContactAt,
      overdueDays: sql<number>`${overdue}`,
    })
    .from(customers)
    .where(
      and(
        eq(customers.ownerId, input.ownerId),
        isNull(customers.deletedAt),
        sql`${overdue} IS NOT NULL`,
        noPlannedVisitFrom(sql`${customers.id}`, input.from),
      ),
    )
    .orderBy(desc(overdue), asc(gradeOrder), asc(customers.nameKey), asc(customers.id))
    .limit(SUGGESTIONS_MAX)
    .all();
  const keyDeals = db
    .select({
      dealId: deals.id,
      title: deals.title,
      customerId: deals.customerId,
      customerName: customers.name,
      milestone: deals.milestone,
      amount: deals.amount,
    })
    .from(deals)
    .innerJoin(customers, and(eq(customers.id, deals.customerId), isNull(customers.deletedAt)))
    .where(
      and(
        eq(deals.ownerId, input.ownerId),
        eq(deals.status, 'open'),
        eq(deals.isKey, true),
        isNull(deals.deletedAt),
        noPlannedVisitFrom(sql`${deals.customerId}`, input.from),
      ),
    )
    .orderBy(asc(deals.expectedCloseOn), desc(deals.amount), asc(deals.id))
    .limit(SUGGESTIONS_MAX)
    .all();
  const dueFollowUps = db
    .select({
      id: followUps.id,
      customerId: followUps.customerId,
      customerName: customers.name,
      dueOn: followUps.dueOn,
      text: followUps.text,
    })
    .from(followUps)
    .innerJoin(customers, and(eq(customers.id, followUps.customerId), isNull(customers.deletedAt)))
    .where(
      and(
        eq(followUps.ownerId, input.ownerId),
        isNull(followUps.doneAt),
        lte(followUps.dueOn, input.to),
        isNull(followUps.deletedAt),
      ),
    )
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .limit(SUGGESTIONS_MAX)
    .all();
  return { overdueCustomers, keyDeals, followUps: dueFollowUps };
}

/**
 * What needs doing about past visits, newest first: planned visits whose end has passed
 * (the summary is due), and missed visits of the last 30 days whose customer has no live,
 * not cancelled visit after them (not rescheduled yet).
 */
export function pendingVisits(
  db: Db,
  input: { scope: Who['scope']; now: string; today: string },
  me: Viewer,
): { summaryDue: VisitEvent[]; missed: VisitEvent[] } {
  const scope = whoConditions({ scope: input.scope }, me, visits.ownerId);
  const newest = { order: [desc(visits.startAt), desc(visits.id)], limit: PENDING_MAX };
  const summaryDue = visitEvents(
    db,
    [
      ...scope,
      eq(visits.status, 'planned'),
      sql`${visits.endAt} <= ${input.now}`,
      // A planned visit's day never lies after its end: the day index bounds the scan.
      lte(visits.day, addDaysTo(input.today, 1)),
    ],
    input.now,
    newest,
  );
  const missed = visitEvents(
    db,
    [
      ...scope,
      eq(visits.status, 'missed'),
      gte(visits.day, addDaysTo(input.today, -MISSED_LOOKBACK_DAYS)),
      lte(visits.day, input.today),
      sql`NOT EXISTS (SELECT 1 FROM visits lv WHERE lv.customer_id = ${visits.customerId} AND lv.start_at > ${visits.startAt} AND lv.deleted_at IS NULL AND lv.status <> 'cancelled')`,
    ],
    input.now,
    newest,
  );
  return { summaryDue, missed };
}
