import { z } from 'zod';
import {
  activityCategories,
  loggableKinds,
  timelineKinds,
  timelineSources,
} from '../domain/activities';
import { dealStatuses, milestones } from '../domain/milestones';
import { summaryStatuses, visitPurposes } from '../domain/visits';
import { method } from './define';
import { id, ok, requiredText } from './common';

/** The longest text one timeline entry may hold: a long call summary, not a pasted document. */
export const TIMELINE_BODY_MAX = 2000;
/** Entries per page of the timeline. */
export const TIMELINE_PAGE_SIZE = 50;

/**
 * An ISO UTC instant as the renderer sends it (`Date.toISOString()`), within sane years:
 * a typo'd year 20226 must not end up at the top of every timeline.
 */
export const instant = z.iso
  .datetime({ offset: true })
  .refine((v) => {
    const year = new Date(v).getUTCFullYear();
    return year >= 2000 && year < 2100;
  }, 'validation.invalid')
  .transform((v) => new Date(v).toISOString());

/** One entry of the customer's communication history, whichever table it comes from. */
export const timelineEntry = z.object({
  /** Unique across sources (each source's rows have UUIDv7 ids). */
  id: z.string(),
  source: z.enum(timelineSources),
  kind: z.enum(timelineKinds),
  category: z.enum(activityCategories).nullable(),
  /** When it happened (ISO UTC). */
  at: z.string(),
  body: z.string(),
  /** Who had the contact. */
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Whether the current user may delete it: their own call, message or note. */
  deletable: z.boolean(),
  /** The deal a deal move or a collection belongs to (absent on activities). */
  deal: z.object({ id: z.string(), title: z.string() }).optional(),
  /** A deal move: where from (null for the deal's creation), where to, and whether a manager forced it (`body` holds the reason). */
  move: z
    .object({
      fromMilestone: z.enum(milestones).nullable(),
      fromStatus: z.enum(dealStatuses).nullable(),
      toMilestone: z.enum(milestones),
      toStatus: z.enum(dealStatuses),
      forced: z.boolean(),
    })
    .optional(),
  /** A collection's amount in fen (`at` is its day at 12:00 UTC, `body` its note). */
  amount: z.number().optional(),
  /**
   * A visit that happened or was called off (planned ones are not history yet). `at` is its
   * planned start (`startAt`), so the timeline pages on the visits' (customer_id, start_at)
   * index; the summary's actual times are here. `body` is the outcome, else the goal;
   * `userId`/`userName` the rep, `contactId`/`contactName` the first contact met. Only a
   * done visit is contact with the customer.
   */
  visit: z
    .object({
      status: z.enum(summaryStatuses),
      purpose: z.enum(visitPurposes),
      /** false: logged without a plan. */
      planned: z.boolean(),
      /** 有效拜访; null unless done. */
      effective: z.boolean().nullable(),
      /** The rep's local day and the zone the times were entered in. */
      day: z.string(),
      timeZone: z.string(),
      /** Planned start and end (ISO UTC). */
      startAt: z.string(),
      endAt: z.string(),
      actualStartAt: z.string().nullable(),
      actualEndAt: z.string().nullable(),
      area: z.string().nullable(),
      goal: z.string().nullable(),
      outcome: z.string().nullable(),
      customerFeedback: z.string().nullable(),
      nextAction: z.string().nullable(),
      /** fen */
      orderAmount: z.number().nullable(),
      /** fen */
      collectionAmount: z.number().nullable(),
      /** How many contacts were met (the entry names the first). */
      contactCount: z.number(),
    })
    .optional(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** Where the next page starts: the last entry shown (entries are ordered by `at`, then `id`, both descending). */
export const timelineCursor = z.object({ at: z.string().max(40), id: z.string().max(64) }).strict();
export type TimelineCursor = z.infer<typeof timelineCursor>;

export const timelineListInput = z
  .object({
    customerId: id,
    before: timelineCursor.optional(),
    limit: z.number().int().min(1).max(200).default(TIMELINE_PAGE_SIZE),
  })
  .strict();
export type TimelineListInput = z.input<typeof timelineListInput>;

export const timelinePage = z.object({
  entries: z.array(timelineEntry),
  /** The cursor of the next page, or null when this page is the last. */
  next: timelineCursor.nullable(),
  /** All entries of the customer, over every source. */
  total: z.number(),
});
export type TimelinePage = z.infer<typeof timelinePage>;

/** What the "add" form sends: a call, message or note on a customer. */
export const timelineLogInput = z
  .object({
    customerId: id,
    kind: z.enum(loggableKinds),
    /** Defaults by the customer's status (prospect → development, customer → maintenance). */
    category: z.enum(activityCategories).optional(),
    contactId: id.nullish().transform((v) => v ?? null),
    /** Defaults to now; a moment in the future is refused. */
    at: instant.optional(),
    body: requiredText(TIMELINE_BODY_MAX),
  })
  .strict();
export type TimelineLogInput = z.input<typeof timelineLogInput>;

export const timelineContract = {
  /** One page of a customer's timeline, newest first, merged over every source. */
  'timeline.list': method(timelineListInput, timelinePage),
  /** Logs a call, message or note on a live customer as the current user. */
  'timeline.log': method(timelineLogInput, timelineEntry),
  /** Soft-deletes one of the current user's own entries. */
  'timeline.delete': method(z.object({ id }).strict(), ok),
} as const;
