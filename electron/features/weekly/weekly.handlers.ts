import type { User } from '../../../shared/contract/team';
import type { weeklyContract } from '../../../shared/contract/weekly';
import { isoWeek, isoWeekRange, isoWeekday } from '../../../shared/domain/time';
import type { Change } from '../../core/commit';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { assertFresh, hostToday } from '../deals/deals.guards';
import { currentUser } from '../team/current-user';
import { getUser } from '../team/team.repo';
import { seesOwner, visibility } from '../team/visibility';
import { weeklyFigures } from './weekly.figures';
import { weeklyList } from './weekly.list';
import {
  awaitingReview,
  nextWeekVisits,
  permissions,
  reportById,
  reportRow,
  suggestedPlan,
  toReport,
  type ReportRow,
} from './weekly.repo';

/** Friday 15:00 local: when the reminder to submit starts (until the week ends). */
export const REMINDER_WEEKDAY = 5;
export const REMINDER_TIME = '15:00';

type Fields = {
  competition?: string | null | undefined;
  abnormalCustomers?: string | null | undefined;
  nextWeekPlan?: string | null | undefined;
  helpNeeded?: string | null | undefined;
};

function conflict(message: string, key: string, params?: Record<string, string | number>) {
  return new AppError('conflict', message, key, params);
}

/** The report's rep: the one asked for, else the current user. */
function requireRep(ctx: AppContext, userId: string | undefined): User {
  const id = userId ?? ctx.currentUserId();
  // Someone out of the user's data scope is refused exactly as someone unknown.
  const user = id && seesOwner(visibility(ctx), id) ? getUser(ctx.db, id) : undefined;
  if (!user)
    throw new AppError(
      'invalid_input',
      `user ${id ?? '(none)'} not found`,
      'weekly.errors.noUser',
      undefined,
      { userId: 'weekly.errors.noUser' },
    );
  return user;
}

function report(ctx: AppContext, user: User, week: string, today: string) {
  return toReport(
    ctx.db,
    { user, week, today, me: currentUser(ctx) },
    reportRow(ctx.db, user.id, week),
  );
}

/**
 * The draft a write starts from: the stored one (fresh, a draft, and the current user's to
 * write) or none yet (then `expectedUpdatedAt` must be null).
 */
function writableDraft(
  ctx: AppContext,
  user: User,
  week: string,
  expectedUpdatedAt: string | null,
): ReportRow | undefined {
  const me = currentUser(ctx);
  if (!permissions(me, user.id, 'draft').canEdit)
    throw conflict(
      `${me?.name ?? '?'} cannot write ${user.name}'s report`,
      'weekly.errors.notYours',
    );
  const row = reportRow(ctx.db, user.id, week);
  if (row) {
    assertFresh(ctx, row, expectedUpdatedAt ?? '', 'weekly.errors.changedMeanwhile');
    if (row.status !== 'draft')
      throw conflict(`the report of ${week} is ${row.status}`, 'weekly.errors.notDraft', {
        status: row.status,
      });
  } else if (expectedUpdatedAt !== null) {
    throw new AppError('not_found', `the report of ${week} no longer exists`, 'errors.notFound');
  }
  return row;
}

/** The written fields given (undefined leaves a stored field as it is). */
function written(fields: Fields) {
  return {
    competition: fields.competition,
    abnormalCustomers: fields.abnormalCustomers,
    nextWeekPlan: fields.nextWeekPlan,
    helpNeeded: fields.helpNeeded,
  };
}

function saveChange(
  ctx: AppContext,
  user: User,
  week: string,
  row: ReportRow | undefined,
  values: Record<string, unknown>,
): Change {
  if (row) return { op: 'update', table: 'weekly_reports', id: row.id, values };
  return {
    op: 'insert',
    table: 'weekly_reports',
    id: ctx.newId(),
    values: { userId: user.id, week, status: 'draft', ...values },
  };
}

function requireSubmitted(ctx: AppContext, id: string, expectedUpdatedAt: string): ReportRow {
  const me = currentUser(ctx);
  if (!me || me.role === 'rep')
    throw conflict('only a manager can review weekly reports', 'weekly.errors.needManager');
  const row = reportById(ctx.db, id);
  if (!row || !seesOwner(visibility(ctx), row.userId))
    throw new AppError('not_found', `weekly report ${id} not found`, 'errors.notFound');
  assertFresh(ctx, row, expectedUpdatedAt, 'weekly.errors.changedMeanwhile');
  if (row.status !== 'submitted')
    throw conflict(`the report is ${row.status}`, 'weekly.errors.notSubmitted', {
      status: row.status,
    });
  return row;
}

function afterReview(ctx: AppContext, row: ReportRow, today: string | undefined) {
  const user = requireRep(ctx, row.userId);
  return report(ctx, user, row.week, today ?? hostToday(ctx));
}

export const weeklyHandlers: HandlersOf<typeof weeklyContract> = {
  'weekly.get': (input, ctx) =>
    report(ctx, requireRep(ctx, input.userId), input.week, input.today ?? hostToday(ctx)),

  'weekly.save': (input, ctx) => {
    const user = requireRep(ctx, input.userId);
    const row = writableDraft(ctx, user, input.week, input.expectedUpdatedAt);
    ctx.commit([saveChange(ctx, user, input.week, row, written(input))]);
    return report(ctx, user, input.week, input.today ?? hostToday(ctx));
  },

  'weekly.submit': (input, ctx) => {
    const user = requireRep(ctx, input.userId);
    const today = input.today ?? hostToday(ctx);
    const range = isoWeekRange(input.week);
    if (!range || range.from > today)
      throw new AppError(
        'invalid_input',
        `week ${input.week} has not started on ${today}`,
        'weekly.errors.weekNotStarted',
        { week: input.week },
        { week: 'weekly.errors.weekNotStarted' },
      );
    const row = writableDraft(ctx, user, input.week, input.expectedUpdatedAt);
    const fields = written(input);
    // A plan never typed is submitted as the suggestion the rep saw.
    if (fields.nextWeekPlan === undefined && !row?.nextWeekPlan)
      fields.nextWeekPlan = suggestedPlan(nextWeekVisits(ctx.db, user.id, input.week));
    const figures = weeklyFigures(ctx.db, user.id, input.week, today);
    ctx.commit([
      saveChange(ctx, user, input.week, row, {
        ...fields,
        status: 'submitted',
        submittedAt: ctx.now().toISOString(),
        figures: JSON.stringify(figures),
      }),
    ]);
    return report(ctx, user, input.week, today);
  },

  'weekly.review': (input, ctx) => {
    const row = requireSubmitted(ctx, input.id, input.expectedUpdatedAt);
    ctx.commit([
      {
        op: 'update',
        table: 'weekly_reports',
        id: row.id,
        values: {
          status: 'reviewed',
          reviewedAt: ctx.now().toISOString(),
          reviewedBy: ctx.currentUserId(),
          reviewComment: input.comment,
        },
      },
    ]);
    return afterReview(ctx, row, input.today);
  },

  'weekly.return': (input, ctx) => {
    const row = requireSubmitted(ctx, input.id, input.expectedUpdatedAt);
    ctx.commit([
      {
        op: 'update',
        table: 'weekly_reports',
        id: row.id,
        values: {
          status: 'draft',
          submittedAt: null,
          figures: null,
          reviewedAt: null,
          reviewedBy: ctx.currentUserId(),
          reviewComment: input.comment,
        },
      },
    ]);
    return afterReview(ctx, row, input.today);
  },

  'weekly.list': (input, ctx) => weeklyList(ctx.db, input.week, input.teamId, visibility(ctx)),

  'weekly.awaitingReview': (input, ctx) => awaitingReview(ctx.db, input.teamId, visibility(ctx)),

  'weekly.reminder': (input, ctx) => {
    const week = isoWeek(input.today);
    const me = currentUser(ctx);
    const row = me ? reportRow(ctx.db, me.id, week) : undefined;
    const status = row?.status ?? 'missing';
    const weekday = isoWeekday(input.today);
    const due =
      weekday > REMINDER_WEEKDAY || (weekday === REMINDER_WEEKDAY && input.now >= REMINDER_TIME);
    const open = status === 'missing' || status === 'draft';
    return { remind: me?.role === 'rep' && due && open, week, status };
  },
};
