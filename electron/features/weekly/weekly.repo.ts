import { ownerCondition, type Visibility } from '../team/visibility';
import { and, asc, desc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import {
  weeklyFigures as weeklyFiguresSchema,
  type WeeklyFigures,
  type WeeklyReport,
} from '../../../shared/contract/weekly';
import { addDaysTo, isoWeek, isoWeekRange } from '../../../shared/domain/time';
import type { User } from '../../../shared/contract/team';
import type { Db } from '../../db/connection';
import { customers, users, visits, weeklyReports } from '../../db/schema';
import { weeklyFigures } from './weekly.figures';

export type ReportRow = typeof weeklyReports.$inferSelect;

/** The live report of a rep and week (the latest, should two devices have created one). */
export function reportRow(db: Db, userId: string, week: string): ReportRow | undefined {
  return db
    .select()
    .from(weeklyReports)
    .where(
      and(
        eq(weeklyReports.userId, userId),
        eq(weeklyReports.week, week),
        isNull(weeklyReports.deletedAt),
      ),
    )
    .orderBy(desc(weeklyReports.updatedAt), desc(weeklyReports.id))
    .get();
}

export function reportById(db: Db, id: string): ReportRow | undefined {
  return db
    .select()
    .from(weeklyReports)
    .where(and(eq(weeklyReports.id, id), isNull(weeklyReports.deletedAt)))
    .get();
}

const NEXT_WEEK_VISITS_MAX = 50;

/** The rep's planned visits of the week after `week`, in route order. */
export function nextWeekVisits(
  db: Db,
  userId: string,
  week: string,
): WeeklyReport['nextWeekVisits'] {
  const range = isoWeekRange(week);
  if (!range) return [];
  const next = isoWeekRange(isoWeek(addDaysTo(range.to, 1)));
  if (!next) return [];
  return db
    .select({
      id: visits.id,
      day: visits.day,
      customerId: visits.customerId,
      customerName: customers.name,
      purpose: visits.purpose,
      goal: visits.goal,
    })
    .from(visits)
    .innerJoin(customers, and(eq(customers.id, visits.customerId), isNull(customers.deletedAt)))
    .where(
      and(
        eq(visits.ownerId, userId),
        isNull(visits.deletedAt),
        eq(visits.status, 'planned'),
        gte(visits.day, next.from),
        lte(visits.day, next.to),
      ),
    )
    .orderBy(asc(visits.day), asc(visits.routeOrder), asc(visits.startAt), asc(visits.id))
    .limit(NEXT_WEEK_VISITS_MAX)
    .all();
}

/** Next week's plan as text, one planned visit a line: "2026-11-30 客户名 — goal". */
export function suggestedPlan(planned: WeeklyReport['nextWeekVisits']): string | null {
  if (planned.length === 0) return null;
  return planned.map((v) => `${v.day} ${v.customerName}${v.goal ? ` — ${v.goal}` : ''}`).join('\n');
}

/** The figures a submitted report froze, if they still read as figures. */
function frozenFigures(row: ReportRow | undefined): WeeklyFigures | null {
  if (!row?.figures || row.status === 'draft') return null;
  try {
    const parsed = weeklyFiguresSchema.safeParse(JSON.parse(row.figures));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Who may do what with a report: the rep or a manager writes a draft; a manager reviews. */
export function permissions(
  me: User | null,
  userId: string,
  status: WeeklyReport['status'],
): { canEdit: boolean; canReview: boolean } {
  const mayWrite = me === null || me.id === userId || me.role !== 'rep';
  return {
    canEdit: status === 'draft' && mayWrite,
    canReview: status === 'submitted' && me !== null && me.role !== 'rep',
  };
}

/** A report as the renderer shows it: stored fields, frozen or live figures, and the plan suggestion. */
export function toReport(
  db: Db,
  input: { user: User; week: string; today: string; me: User | null },
  row: ReportRow | undefined,
): WeeklyReport {
  const { user, week, today, me } = input;
  const range = isoWeekRange(week) ?? { from: '', to: '' };
  const status = row?.status ?? 'draft';
  const frozen = frozenFigures(row);
  const planned = nextWeekVisits(db, user.id, week);
  const suggestion = row?.nextWeekPlan ? null : suggestedPlan(planned);
  const reviewer = row?.reviewedBy
    ? db.select({ name: users.name }).from(users).where(eq(users.id, row.reviewedBy)).get()
    : undefined;
  return {
    id: row?.id ?? null,
    userId: user.id,
    userName: user.name,
    teamId: user.teamId,
    teamName: user.teamName,
    week,
    from: range.from,
    to: range.to,
    status,
    competition: row?.competition ?? null,
    abnormalCustomers: row?.abnormalCustomers ?? null,
    nextWeekPlan: row?.nextWeekPlan ?? (status === 'draft' ? suggestion : null),
    nextWeekPlanSuggested: !row?.nextWeekPlan && status === 'draft' && suggestion !== null,
    helpNeeded: row?.helpNeeded ?? null,
    nextWeekVisits: planned,
    figures: frozen ?? weeklyFigures(db, user.id, week, today),
    figuresFrozen: frozen !== null,
    submittedAt: row?.submittedAt ?? null,
    reviewedAt: row?.reviewedAt ?? null,
    reviewedBy: row?.reviewedBy ?? null,
    reviewedByName: reviewer?.name ?? null,
    reviewComment: row?.reviewComment ?? null,
    returned: status === 'draft' && !!row?.reviewComment,
    updatedAt: row?.updatedAt ?? null,
    ...permissions(me, user.id, status),
  };
}

/** Status counts for the awaiting-review tile: submitted reports of a team (current members) or all. */
export function awaitingReview(
  db: Db,
  teamId: string | undefined,
  visible: Visibility,
): { count: number; oldestWeek: string | null } {
  const row = db
    .select({
      count: sql<number>`count(*)`,
      oldestWeek: sql<string | null>`min(${weeklyReports.week})`,
    })
    .from(weeklyReports)
    .innerJoin(users, eq(users.id, weeklyReports.userId))
    .where(
      and(
        isNull(weeklyReports.deletedAt),
        eq(weeklyReports.status, 'submitted'),
        teamId ? eq(users.teamId, teamId) : undefined,
        ownerCondition(visible, users.id),
      ),
    )
    .get();
  return { count: Number(row?.count ?? 0), oldestWeek: row?.oldestWeek ?? null };
}
