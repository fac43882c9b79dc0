import { z } from 'zod';
import { ISO_WEEK_PATTERN, TIME_PATTERN } from '../domain/time';
import { day, id, optionalText, requiredText } from './common';
import { method } from './define';

/**
 * The weekly report 销售周报 (domain.md §8), one per rep per ISO week. Rules:
 * - Figures are computed live while the report is a draft (or not yet saved) and frozen on
 *   submission; "as of" is the earlier of `today` and the week's Sunday.
 * - A report not yet saved answers with `id: null` and `updatedAt: null`: nothing is written
 *   until the rep saves or submits (`expectedUpdatedAt: null` then; if someone saved it
 *   meanwhile, `conflict` `weekly.errors.changedMeanwhile` with `{ name, at }`).
 * - The rep writes their own report; a manager or admin may too. Anyone else:
 *   `conflict` `weekly.errors.notYours`. Only drafts are editable (`conflict`
 *   `weekly.errors.notDraft`); a week that has not started cannot be submitted
 *   (`invalid_input` `weekly.errors.weekNotStarted`).
 * - Review and return are a manager's or admin's (`conflict` `weekly.errors.needManager`), on a
 *   submitted report only (`conflict` `weekly.errors.notSubmitted`). Reviewed is final. A
 *   return sends the report back to draft with the manager's comment (required): the figures
 *   thaw and the rep resubmits; the comment stays until the next review replaces it.
 */
export const isoWeekKey = z.string().regex(ISO_WEEK_PATTERN, 'validation.invalid');

export const weeklyStatuses = ['draft', 'submitted', 'reviewed'] as const;
/** As listed for a manager: `missing` is a week with no saved report. */
export const weeklyListStatuses = ['missing', ...weeklyStatuses] as const;
export type WeeklyListStatus = (typeof weeklyListStatuses)[number];

const rate = z.number().nullable();

/** One metric's attainment against its target and the time elapsed. */
const attainmentFigure = z.object({
  target: z.number().nullable(),
  actual: z.number(),
  /** actual / target; null without a positive target. */
  attainment: rate,
  /** Share of the period's working days elapsed by the as-of day. */
  timeProgress: z.number(),
  /** Attainment 10 points or more below time progress (落后). */
  behind: z.boolean(),
});

const metricAttainment = z.object({
  /** The week's target and actual. */
  week: attainmentFigure,
  /** Month to date: the actual from the 1st to the as-of day against the whole month's target. */
  monthToDate: attainmentFigure.extend({ month: z.string() }),
});

export const weeklyFigures = z.object({
  week: z.string(),
  from: z.string(),
  to: z.string(),
  /** The day the figures count up to (today during the week, else the week's Sunday). */
  asOf: z.string(),
  /** Won amount (fen) of deals closed in the week. */
  sales: z.number(),
  /** Customers created in the week with the rep as owner. */
  newCustomers: z.number(),
  /** Money collected (fen) in the week on the rep's deals. */
  collections: z.number(),
  visits: z.object({
    planned: z.number(),
    plannedDone: z.number(),
    done: z.number(),
    effective: z.number(),
    /** done planned / planned */
    completionRate: rate,
    /** effective / done 有效拜访率 */
    effectiveRate: rate,
  }),
  deals: z.object({
    /** Open deals moved forward to a later milestone in the week. */
    advanced: z.number(),
    won: z.number(),
    lost: z.number(),
  }),
  attainment: z.object({
    sales: metricAttainment,
    collections: metricAttainment,
    newCustomers: metricAttainment,
    visits: metricAttainment,
    effectiveVisits: metricAttainment,
  }),
});
export type WeeklyFigures = z.infer<typeof weeklyFigures>;

const writtenFields = {
  /** 主要竞争状况 */
  competition: optionalText(4000),
  /** 异常客户处理 */
  abnormalCustomers: optionalText(4000),
  /** 下周目标与计划 */
  nextWeekPlan: optionalText(4000),
  /** Help needed from the manager or the company. */
  helpNeeded: optionalText(4000),
};

/** A planned visit of next week: what the plan is pre-filled from. */
const plannedVisit = z.object({
  id: z.string(),
  day: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  purpose: z.string(),
  goal: z.string().nullable(),
});

export const weeklyReport = z.object({
  /** Null until first saved. */
  id: z.string().nullable(),
  userId: z.string(),
  userName: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  week: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(weeklyStatuses),
  competition: z.string().nullable(),
  abnormalCustomers: z.string().nullable(),
  nextWeekPlan: z.string().nullable(),
  /** True when `nextWeekPlan` is the suggestion from next week's planned visits, not saved text. */
  nextWeekPlanSuggested: z.boolean(),
  helpNeeded: z.string().nullable(),
  nextWeekVisits: z.array(plannedVisit),
  figures: weeklyFigures,
  /** Frozen at submission (true) or computed now (false). */
  figuresFrozen: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewComment: z.string().nullable(),
  /** A draft a manager sent back (its comment says why). */
  returned: z.boolean(),
  updatedAt: z.string().nullable(),
  /** What the current user may do with it now. */
  canEdit: z.boolean(),
  canReview: z.boolean(),
});
export type WeeklyReport = z.infer<typeof weeklyReport>;

const which = {
  /** The rep; default: the current user. */
  userId: id.optional(),
  week: isoWeekKey,
  /** The user's local date: figures count up to it. Default: the host's. */
  today: day.optional(),
};

export const weeklyListRow = z.object({
  userId: z.string(),
  name: z.string(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
  status: z.enum(weeklyListStatuses),
  reportId: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returned: z.boolean(),
});
export type WeeklyListRow = z.infer<typeof weeklyListRow>;

export const weeklyContract = {
  /** A rep's report for an ISO week: the saved one, or a fresh draft (not yet written) with live figures. */
  'weekly.get': method(z.object(which).strict(), weeklyReport),
  /** Saves the written fields of a draft (creating it on first save). */
  'weekly.save': method(
    z
      .object({
        ...which,
        expectedUpdatedAt: z.string().nullable(),
        ...writtenFields,
      })
      .strict(),
    weeklyReport,
  ),
  /** Submits a draft (with its written fields, if given): the figures are frozen. */
  'weekly.submit': method(
    z
      .object({
        ...which,
        expectedUpdatedAt: z.string().nullable(),
        competition: writtenFields.competition.optional(),
        abnormalCustomers: writtenFields.abnormalCustomers.optional(),
        nextWeekPlan: writtenFields.nextWeekPlan.optional(),
        helpNeeded: writtenFields.helpNeeded.optional(),
      })
      .strict(),
    weeklyReport,
  ),
  /** A manager marks a submitted report reviewed, with an optional comment. Final. */
  'weekly.review': method(
    z
      .object({
        id,
        expectedUpdatedAt: z.string(),
        comment: optionalText(2000),
        today: day.optional(),
      })
      .strict(),
    weeklyReport,
  ),
  /** A manager sends a submitted report back to draft, saying why. */
  'weekly.return': method(
    z
      .object({
        id,
        expectedUpdatedAt: z.string(),
        comment: requiredText(2000),
        today: day.optional(),
      })
      .strict(),
    weeklyReport,
  ),
  /** A manager's list for a week: every active rep in scope (and anyone who wrote one) with the report's status. */
  'weekly.list': method(
    z.object({ week: isoWeekKey, teamId: id.optional() }).strict(),
    z.object({
      week: z.string(),
      from: z.string(),
      to: z.string(),
      rows: z.array(weeklyListRow),
      counts: z.object({
        missing: z.number(),
        draft: z.number(),
        submitted: z.number(),
        reviewed: z.number(),
      }),
    }),
  ),
  /** Submitted reports waiting for a review, any week (the dashboard's tile): of one team or all. */
  'weekly.awaitingReview': method(
    z.object({ teamId: id.optional() }).strict(),
    z.object({ count: z.number(), oldestWeek: z.string().nullable() }),
  ),
  /**
   * Whether the current rep should be reminded to submit this week's report: from Friday
   * 15:00 (local) to the end of the ISO week, while it is not submitted. `now` is the user's
   * local time of day (`HH:mm`), `today` their local date.
   */
  'weekly.reminder': method(
    z.object({ today: day, now: z.string().regex(TIME_PATTERN, 'validation.time') }).strict(),
    z.object({
      remind: z.boolean(),
      week: z.string(),
      status: z.enum(weeklyListStatuses),
    }),
  ),
} as const;
