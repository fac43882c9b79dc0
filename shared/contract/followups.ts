import { z } from 'zod';
import { scopes } from '../domain/people';
import { method } from './define';
import { id, ok, requiredText } from './common';

/** The longest follow-up text: a to-do line, not a report. */
export const FOLLOW_UP_TEXT_MAX = 300;
/** "Upcoming" on My follow-ups: the next two weeks after today. */
export const UPCOMING_DAYS = 14;

/**
 * A calendar day `YYYY-MM-DD` that exists (2026-02-30 does not): Date.parse rolls
 * impossible days over, so the day must survive a round trip.
 */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.invalid')
  .refine((v) => {
    const ms = Date.parse(`${v}T00:00:00Z`);
    return (
      !Number.isNaN(ms) &&
      new Date(ms).toISOString().slice(0, 10) === v &&
      v >= '2000-01-01' &&
      v < '2100-01-01'
    );
  }, 'validation.invalid');

export const followUp = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  /** YYYY-MM-DD */
  dueOn: z.string(),
  text: z.string(),
  /** When it was completed (ISO instant), null while open. */
  doneAt: z.string().nullable(),
  createdAt: z.string(),
});
export type FollowUp = z.infer<typeof followUp>;

/** The groups of My follow-ups, in the order the page shows them. */
export const followUpGroups = ['overdue', 'today', 'upcoming', 'later'] as const;
export type FollowUpGroup = (typeof followUpGroups)[number];

const group = z.object({ rows: z.array(followUp), total: z.number() });

export const followUpListInput = z
  .object({
    scope: z.enum(scopes),
    /** The user's local date: "today" is theirs, not the main process's clock. */
    today: calendarDay,
    /** Rows per group; each group says how many it holds in all. */
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export type FollowUpListInput = z.input<typeof followUpListInput>;

export const followUpCreateInput = z
  .object({
    customerId: id,
    /** Who does it; defaults to the customer's owner, else the current user. */
    ownerId: id.nullish(),
    dueOn: calendarDay,
    text: requiredText(FOLLOW_UP_TEXT_MAX),
  })
  .strict();
export type FollowUpCreateInput = z.input<typeof followUpCreateInput>;

export const followUpsContract = {
  /** The open follow-ups of one customer, soonest first. */
  'followUps.forCustomer': method(z.object({ customerId: id }).strict(), z.array(followUp)),
  /** Open follow-ups in scope, grouped by due date against the user's `today`. */
  'followUps.list': method(
    followUpListInput,
    z.object({ overdue: group, today: group, upcoming: group, later: group }),
  ),
  /** Adds a dated to-do on a live customer. */
  'followUps.create': method(followUpCreateInput, followUp),
  /** Marks a follow-up done (sets its done time); completing twice changes nothing. */
  'followUps.complete': method(z.object({ id }).strict(), ok),
  /** Opens a completed follow-up again (the toast's Undo). */
  'followUps.reopen': method(z.object({ id }).strict(), ok),
} as const;
