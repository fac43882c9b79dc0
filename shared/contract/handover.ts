import { z } from 'zod';
import { handoverGrades, handoverPartNames } from '../domain/handover';
import { method } from './define';
import { day, id } from './common';
import { user } from './team';

/** How many rows of one part (customers, open follow-ups…) the leaving rep owns or handed over. */
export const handoverPartCount = z.object({ part: z.enum(handoverPartNames), count: z.number() });
export type HandoverPartCount = z.infer<typeof handoverPartCount>;

export const handoverPreview = z.object({
  /** The leaving rep. */
  user,
  /** One entry per part, in the order of `handoverPartNames`. */
  parts: z.array(handoverPartCount),
  /** The rep's customers per region (`''`: no region), largest first. */
  byRegion: z.array(z.object({ region: z.string(), customers: z.number() })),
  /** The rep's customers per grade, in grade order, only grades that occur. */
  byGrade: z.array(z.object({ grade: z.enum(handoverGrades), customers: z.number() })),
});
export type HandoverPreview = z.infer<typeof handoverPreview>;

const MAX_BUCKETS = 500;

export const handoverInput = z
  .object({
    fromUserId: id,
    /** Receives every customer no map assigns, and open follow-ups on other reps' customers. */
    defaultToUserId: id,
    /** Region (`''`: no region) → colleague. Takes precedence over `byGrade`. */
    byRegion: z
      .record(z.string().max(60), id)
      .refine((m) => Object.keys(m).length <= MAX_BUCKETS, 'validation.tooLong')
      .optional(),
    /** Grade bucket → colleague, for customers whose region `byRegion` does not assign. */
    byGrade: z.partialRecord(z.enum(handoverGrades), id).optional(),
    /** A handover is for a rep who leaves (domain.md §1); false keeps them active. */
    deactivate: z.boolean().default(true),
    /** The user's today (YYYY-MM-DD): what counts as "future" for parts that care. */
    today: day.optional(),
  })
  .strict();
export type HandoverInput = z.input<typeof handoverInput>;

export const handoverResult = z.object({
  /** Rows moved per part. */
  parts: z.array(handoverPartCount),
  /** 'handover' timeline entries written (one per moved customer). */
  activities: z.number(),
  deactivated: z.boolean(),
});
export type HandoverResult = z.infer<typeof handoverResult>;

export const handoverContract = {
  /** What a leaving rep owns, per part, with their customers split by region and by grade. */
  'handover.preview': method(
    z.object({ fromUserId: id, today: day.optional() }).strict(),
    handoverPreview,
  ),
  /**
   * Moves a leaving rep's customers and open work to colleagues and deactivates the rep, in
   * one commit: every owner change is in the change log, each customer gets a timeline entry.
   */
  'handover.execute': method(handoverInput, handoverResult),
} as const;
