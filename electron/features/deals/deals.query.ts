import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { alias, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { z } from 'zod';
import type { BoardColumn, DealCard, boardFilters } from '../../../shared/contract/deals';
import { customerNameKey } from '../../../shared/domain/customers';
import { addDays } from '../../../shared/domain/grading';
import {
  daysInStageOn,
  dealWeighted,
  isStalled,
  milestoneProbability,
  milestones,
  type DealStatus,
  type Milestone,
} from '../../../shared/domain/milestones';
import type { Scope } from '../../../shared/domain/people';
import { OVER_CLAIM_GAP, calibrate, staleCutoff } from '../../../shared/domain/intensity';
import { likeContains } from '../../../shared/domain/text';
import { customers, deals, users } from '../../db/schema';
import { ownerCondition, type Visibility } from '../team/visibility';

/** What the board's derived figures depend on besides the filters: who asks, thresholds. */
export type BoardContext = {
  currentUser: { id: string; teamId: string | null } | null;
  /** What the asker may read (docs/data-scope.md): every list is narrowed to it. */
  visible: Visibility;
  stalledDays: Record<Exclude<Milestone, 'M6'>, number>;
};

export type BoardQuery = z.output<typeof boardFilters>;
type ScopeQuery = { scope: Scope; teamId?: string | undefined; ownerId?: string | undefined };

/** How many days back the won and lost columns look when no close range is given. */
export const CLOSED_WINDOW_DAYS = 90;

export const owner = alias(users, 'owner');

/** The columns a card is made from; `toCard` adds the derived figures. */
export const cardColumns = {
  id: deals.id,
  title: deals.title,
  customerId: deals.customerId,
  customerName: customers.name,
  ownerId: deals.ownerId,
  ownerName: owner.name,
  amount: deals.amount,
  milestone: deals.milestone,
  status: deals.status,
  expectedCloseOn: deals.expectedCloseOn,
  closedOn: deals.closedOn,
  stageEnteredAt: deals.stageEnteredAt,
  isKey: deals.isKey,
  updatedAt: deals.updatedAt,
  scoreTotal: deals.scoreTotal,
  scoredAt: deals.scoredAt,
};
export type CardRow = {
  id: string;
  title: string;
  customerId: string;
  customerName: string | null;
  ownerId: string;
  ownerName: string | null;
  amount: number;
  milestone: Milestone;
  status: DealStatus;
  expectedCloseOn: string;
  closedOn: string | null;
  stageEnteredAt: string;
  isKey: boolean;
  updatedAt: string;
  scoreTotal: number | null;
  scoredAt: string | null;
};

/** A card's derived figures (weighted, days in stage, flags) from its stored fields. */
export function toCard(row: CardRow, today: string, ctx: BoardContext): DealCard {
  return {
    id: row.id,
    title: row.title,
    customerId: row.customerId,
    customerName: row.customerName ?? '',
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    amount: row.amount,
    milestone: row.milestone,
    status: row.status,
    expectedCloseOn: row.expectedCloseOn,
    closedOn: row.closedOn,
    stageEnteredAt: row.stageEnteredAt,
    isKey: row.isKey,
    updatedAt: row.updatedAt,
    weighted: dealWeighted(row),
    daysInStage: daysInStageOn(row.stageEnteredAt, today),
    stalled: isStalled(row, today, ctx.stalledDays),
    closeOverdue: row.status === 'open' && row.expectedCloseOn < today,
    ...cardCalibration(row, today),
  };
}

/** The card's calibration figures (盈率校准) from the deal's cached latest score. */
function cardCalibration(row: CardRow, today: string) {
  const c = calibrate(
    row,
    row.scoreTotal === null || row.scoredAt === null
      ? null
      : { total: row.scoreTotal, scoredAt: row.scoredAt },
    today,
  );
  return {
    probability: c.probability,
    scoreTotal: c.total,
    scoredAt: row.scoredAt,
    overClaimed: c.overClaimed,
    staleScore: c.stale,
    unscored: c.unscored,
  };
}

/** The milestone's probability as SQL. */
export const probabilitySql = sql<number>`(CASE ${deals.milestone} ${sql.join(
  milestones.map((m) => sql.raw(`WHEN '${m}' THEN ${milestoneProbability[m]}`)),
  sql` `,
)} END)`;

/** An open deal carrying a calibration flag (domain.md §4), as SQL over the cached latest score. */
export function scoreFlagSql(flag: 'overClaimed' | 'stale' | 'unscored', today: string): SQL {
  const open = sql`${deals.status} = 'open'`;
  switch (flag) {
    case 'overClaimed':
      return sql`${open} AND ${deals.scoreTotal} IS NOT NULL AND ${probabilitySql} - ${deals.scoreTotal} >= ${OVER_CLAIM_GAP}`;
    case 'stale':
      return sql`${open} AND ${deals.scoredAt} < ${staleCutoff(today)}`;
    case 'unscored':
      return sql`${open} AND ${deals.scoreId} IS NULL`;
  }
}

/** Which board column a deal sits in, as SQL: lost deals in Lost, the rest by milestone. */
export const columnSql = sql<BoardColumn>`(CASE WHEN ${deals.status} = 'lost' THEN 'lost' ELSE ${deals.milestone} END)`;

/** amount × probability per deal (rounded like `weightedAmount`), 0 when lost, as SQL. */
export const weightedSql = sql<number>`(CASE WHEN ${deals.status} = 'lost' THEN 0 ELSE CAST(round(${deals.amount} * ${probabilitySql} / 100.0) AS INTEGER) END)`;

/** Stalled as SQL: entered the stage before today minus the milestone's threshold. */
function stalledSql(today: string, ctx: BoardContext): SQL {
  const cutoffs = (Object.keys(ctx.stalledDays) as Exclude<Milestone, 'M6'>[]).map(
    (m) => sql`WHEN ${m} THEN ${addDays(today, -ctx.stalledDays[m])}`,
  );
  return sql`(${deals.status} = 'open' AND ${deals.stageEnteredAt} < (CASE ${deals.milestone} ${sql.join(cutoffs, sql` `)} END))`;
}

/**
 * Scope (mine / my team / all) plus explicit team and owner filters, on a column holding a
 * user id: the deal's owner by default, a visit's owner, or `users.id` for the people
 * themselves.
 */
export function scopeConditions(
  query: ScopeQuery,
  ctx: Pick<BoardContext, 'currentUser' | 'visible'>,
  ownerColumn: AnySQLiteColumn = deals.ownerId,
): SQL[] {
  const { currentUser } = ctx;
  const out: SQL[] = [];
  // The data scope first: 'all' and any team or owner asked for are clamped to it.
  const visible = ownerCondition(ctx.visible, ownerColumn);
  if (visible) out.push(visible);
  if (currentUser && query.scope === 'mine') out.push(eq(ownerColumn, currentUser.id));
  if (currentUser && query.scope === 'team')
    out.push(
      currentUser.teamId
        ? sql`${ownerColumn} IN (SELECT id FROM users WHERE team_id = ${currentUser.teamId})`
        : eq(ownerColumn, currentUser.id),
    );
  if (query.teamId)
    out.push(sql`${ownerColumn} IN (SELECT id FROM users WHERE team_id = ${query.teamId})`);
  if (query.ownerId) out.push(eq(ownerColumn, query.ownerId));
  return out;
}

/** The board's two halves: open deals (M1–M5) and closed ones (won, lost). */
export type BoardPart = 'open' | 'closed';

/** Which half a column belongs to. */
export function partOf(column: BoardColumn): BoardPart {
  return column === 'M6' || column === 'lost' ? 'closed' : 'open';
}

/**
 * The WHERE of one half of the board: live deals in scope matching the filters; open deals
 * by expected close date, won and lost ones by the day they closed (the last 90 days by
 * default). Halves are queried apart so each walks its own index (status, milestone,
 * stage_entered_at) or (status, closed_on) instead of an OR scanning every deal.
 */
export function boardConditions(query: BoardQuery, ctx: BoardContext, part: BoardPart): SQL {
  const conditions: (SQL | undefined)[] = [isNull(deals.deletedAt), ...scopeConditions(query, ctx)];
  if (part === 'open') {
    conditions.push(sql`${deals.status} = 'open'`);
    if (query.closeFrom) conditions.push(sql`${deals.expectedCloseOn} >= ${query.closeFrom}`);
    if (query.closeTo) conditions.push(sql`${deals.expectedCloseOn} <= ${query.closeTo}`);
  } else {
    const from = query.closeFrom ?? addDays(query.today, -CLOSED_WINDOW_DAYS);
    const to = query.closeTo ?? query.today;
    conditions.push(
      sql`${deals.status} IN ('won', 'lost') AND ${deals.closedOn} >= ${from} AND ${deals.closedOn} <= ${to}`,
    );
  }
  if (query.minAmount !== undefined) conditions.push(sql`${deals.amount} >= ${query.minAmount}`);
  if (query.maxAmount !== undefined) conditions.push(sql`${deals.amount} <= ${query.maxAmount}`);
  if (query.keyOnly) conditions.push(eq(deals.isKey, true));
  if (query.stalledOnly) conditions.push(stalledSql(query.today, ctx));
  if (query.scoreFlag) conditions.push(scoreFlagSql(query.scoreFlag, query.today));
  const raw = query.search.trim();
  if (raw) {
    const folded = customerNameKey(raw);
    conditions.push(
      sql`(${deals.title} LIKE ${likeContains(raw)} ESCAPE '\\' OR ${customers.nameKey} LIKE ${likeContains(folded || raw)} ESCAPE '\\')`,
    );
  }
  return and(...conditions) ?? sql`1`;
}

/** The condition that puts a deal in one column. */
export function inColumn(column: BoardColumn): SQL {
  if (column === 'lost') return sql`${deals.status} = 'lost'`;
  if (column === 'M6') return sql`${deals.status} = 'won'`;
  return sql`${deals.status} = 'open' AND ${deals.milestone} = ${column}`;
}

/** Open columns: longest in stage first; won and lost: latest closed first. */
export function columnOrder(column: BoardColumn): SQL[] {
  return column === 'lost' || column === 'M6'
    ? [sql`${deals.closedOn} DESC`, sql`${deals.id} DESC`]
    : [sql`${deals.stageEnteredAt} ASC`, sql`${deals.id} ASC`];
}
