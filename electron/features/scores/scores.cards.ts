import { ownerCondition } from '../team/visibility';
import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { RepScoreRow, ScoredDeal, ScoreSummary } from '../../../shared/contract/scores';
import { calibrate, intensityWeighted } from '../../../shared/domain/intensity';
import type { Scope } from '../../../shared/domain/people';
import type { Db } from '../../db/connection';
import { customers, dealScores, deals, teams, users } from '../../db/schema';
import { scopeConditions, type BoardContext } from '../deals/deals.query';
import { addRows, emptySummaryRow, summaryColumns, toSummary, type SummaryRow } from './scores.sql';

type ScopeQuery = { scope: Scope; teamId?: string | undefined; today: string };

/** Live open deals matching `conditions`, each joined to its latest scoring. */
function openDeals(db: Db, today: string, conditions: SQL[]) {
  return db
    .select({ ownerId: deals.ownerId, ...summaryColumns(today) })
    .from(deals)
    .leftJoin(dealScores, eq(dealScores.id, deals.scoreId))
    .where(and(isNull(deals.deletedAt), sql`${deals.status} = 'open'`, ...conditions));
}

/** The scorecard figures over every live open deal matching `conditions`: one aggregate. */
function summaryOf(db: Db, today: string, conditions: SQL[]): ScoreSummary {
  return toSummary(openDeals(db, today, conditions).get() ?? emptySummaryRow);
}

/** The same figures per owner: one GROUP BY. */
function summariesByOwner(db: Db, today: string, conditions: SQL[]): Map<string, SummaryRow> {
  const rows = openDeals(db, today, conditions).groupBy(deals.ownerId).all();
  return new Map(rows.map(({ ownerId, ...row }) => [ownerId, row]));
}

const personColumns = {
  repId: users.id,
  name: users.name,
  teamId: users.teamId,
  teamName: teams.name,
  active: sql<boolean>`(${users.active} = 1 AND ${users.deletedAt} IS NULL)`.mapWith(Boolean),
};

/** Which people a scope covers, like `scopeConditions` covers their deals. */
function peopleInScope(query: ScopeQuery, ctx: BoardContext): SQL[] {
  const me = ctx.currentUser;
  const out: SQL[] = [];
  const visible = ownerCondition(ctx.visible, users.id);
  if (visible) out.push(visible);
  if (me && query.scope === 'mine') out.push(eq(users.id, me.id));
  if (me && query.scope === 'team')
    out.push(me.teamId ? eq(users.teamId, me.teamId) : eq(users.id, me.id));
  if (query.teamId) out.push(eq(users.teamId, query.teamId));
  return out;
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'zh-CN');

/**
 * The team scorecard: a row per active rep in scope and per anyone else (a manager, a
 * deactivated or deleted rep) who owns open deals in scope. One GROUP BY over the open deals
 * in scope; the summary adds up the owners' sums (never the rows' averages).
 */
export function teamScorecard(
  db: Db,
  query: ScopeQuery,
  ctx: BoardContext,
): { rows: RepScoreRow[]; summary: ScoreSummary } {
  const perOwner = summariesByOwner(db, query.today, scopeConditions(query, ctx));
  const owners = [...perOwner.keys()];
  const activeReps = and(
    isNull(users.deletedAt),
    eq(users.active, true),
    eq(users.role, 'rep'),
    ...peopleInScope(query, ctx),
  );
  const people = db
    .select(personColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(owners.length > 0 ? or(activeReps, inArray(users.id, owners)) : activeReps)
    .all();
  const rows = people.map((p) => ({
    ...p,
    ...toSummary(perOwner.get(p.repId) ?? emptySummaryRow),
  }));
  // Every owner's sums together: the same deals as one aggregate, in one pass over them.
  const summary = toSummary([...perOwner.values()].reduce(addRows, emptySummaryRow));
  return { rows: rows.sort(byName), summary };
}

/** A rep's scorecard row (deleted people included: they may still own deals), or undefined. */
export function repRow(db: Db, repId: string, today: string): RepScoreRow | undefined {
  const person = db
    .select(personColumns)
    .from(users)
    .leftJoin(teams, eq(teams.id, users.teamId))
    .where(eq(users.id, repId))
    .get();
  if (!person) return undefined;
  return { ...person, ...summaryOf(db, today, [eq(deals.ownerId, repId)]) };
}

/** Every owner in a team together: the rep scorecard's second radar series. */
export function teamSummary(db: Db, teamId: string, today: string): ScoreSummary {
  return summaryOf(db, today, [
    sql`${deals.ownerId} IN (SELECT id FROM users WHERE team_id = ${teamId})`,
  ]);
}

/** A rep's open deals with their latest points, furthest milestone and largest amount first. */
export function repDeals(db: Db, repId: string, today: string): ScoredDeal[] {
  return db
    .select({
      id: deals.id,
      title: deals.title,
      customerId: deals.customerId,
      customerName: customers.name,
      milestone: deals.milestone,
      status: deals.status,
      amount: deals.amount,
      isKey: deals.isKey,
      scoreTotal: deals.scoreTotal,
      scoredAt: deals.scoredAt,
      problem: dealScores.problemPoints,
      power: dealScores.powerPoints,
      vision: dealScores.visionPoints,
      value: dealScores.valuePoints,
      control: dealScores.controlPoints,
    })
    .from(deals)
    .innerJoin(customers, eq(customers.id, deals.customerId))
    .leftJoin(dealScores, eq(dealScores.id, deals.scoreId))
    .where(and(eq(deals.ownerId, repId), sql`${deals.status} = 'open'`, isNull(deals.deletedAt)))
    .orderBy(desc(deals.milestone), desc(deals.amount), asc(deals.id))
    .all()
    .map((r) => {
      const latest =
        r.scoreTotal === null || r.scoredAt === null
          ? null
          : { total: r.scoreTotal, scoredAt: r.scoredAt };
      return {
        id: r.id,
        title: r.title,
        customerId: r.customerId,
        customerName: r.customerName,
        milestone: r.milestone,
        amount: r.amount,
        isKey: r.isKey,
        points:
          latest === null ||
          r.problem === null ||
          r.power === null ||
          r.vision === null ||
          r.value === null ||
          r.control === null
            ? null
            : {
                problem: r.problem,
                power: r.power,
                vision: r.vision,
                value: r.value,
                control: r.control,
              },
        scoredAt: r.scoredAt,
        calibration: calibrate(r, latest, today),
        intensityWeighted: intensityWeighted(r.amount, r.scoreTotal),
      };
    });
}
