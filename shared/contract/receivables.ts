import { z } from 'zod';
import { dealStatuses } from '../domain/milestones';
import { day, id, ok, optionalText } from './common';
import { method } from './define';

/** The most one receivable, instalment or collection may hold: ¥10 billion, in fen. */
export const MONEY_MAX_FEN = 1_000_000_000_000;
/** How many instalments a deal may be split into (two years of monthly payments). */
export const INSTALMENTS_MAX = 24;
/** A collection's note: a bank reference or "paid in cash at the visit", not a letter. */
export const COLLECTION_NOTE_MAX = 500;

/** A positive amount of money in fen (1 fen = ¥0.01). */
export const fen = z
  .number()
  .int('validation.invalid')
  .min(1, 'validation.range')
  .max(MONEY_MAX_FEN, 'validation.range');

/** One collection (货款回收) against a receivable. */
export const collectionView = z.object({
  id: z.string(),
  /** Null: an unallocated receipt of the customer (decision 0019). */
  receivableId: z.string().nullable(),
  amount: z.number(),
  collectedOn: z.string(),
  byUserId: z.string().nullable(),
  byName: z.string().nullable(),
  note: z.string().nullable(),
});
export type CollectionView = z.infer<typeof collectionView>;

/** One receivable (an instalment) with what has been collected against it. */
export const receivableView = z.object({
  id: z.string(),
  dealId: z.string(),
  amount: z.number(),
  dueOn: z.string(),
  collected: z.number(),
  balance: z.number(),
  /** A balance left after the due date (domain.md §3: 逾期). */
  overdue: z.boolean(),
  collections: z.array(collectionView),
});
export type ReceivableView = z.infer<typeof receivableView>;

export const dealReceivables = z.object({
  dealId: z.string(),
  dealTitle: z.string(),
  dealStatus: z.enum(dealStatuses),
  /** What the instalments must add up to (the deal's final amount). */
  dealAmount: z.number(),
  /** Collections and splits are taken only while the deal is won (a reopened deal is frozen). */
  canCollect: z.boolean(),
  receivables: z.array(receivableView),
  total: z.number(),
  collected: z.number(),
  balance: z.number(),
  overdueBalance: z.number(),
});
export type DealReceivables = z.infer<typeof dealReceivables>;

/** One open receivable of a customer, as the badge, reports and visit summaries see it. */
export const openReceivable = z.object({
  id: z.string(),
  dealId: z.string(),
  dealTitle: z.string(),
  amount: z.number(),
  collected: z.number(),
  balance: z.number(),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export type OpenReceivable = z.infer<typeof openReceivable>;

export const customerReceivables = z.object({
  /** Receivables with a balance, oldest due first. */
  open: z.array(openReceivable),
  openBalance: z.number(),
  overdueBalance: z.number(),
  overdueCount: z.number(),
  /** The due date of the oldest open receivable, or null when nothing is owed. */
  oldestDueOn: z.string().nullable(),
  /** Money received while nothing was owed: the next receivable takes it (decision 0019). */
  unallocated: z.number(),
});
export type CustomerReceivables = z.infer<typeof customerReceivables>;

export const instalmentInput = z
  .object({
    /** An existing receivable of the deal to keep (its collections stay with it); absent for a new one. */
    id: id.optional(),
    amount: fen,
    dueOn: day,
  })
  .strict();
export type InstalmentInput = z.input<typeof instalmentInput>;

export const splitInput = z
  .object({
    dealId: id,
    instalments: z.array(instalmentInput).min(1, 'validation.required').max(INSTALMENTS_MAX),
  })
  .strict();
export type SplitInput = z.input<typeof splitInput>;

export const recordCollectionInput = z
  .object({
    receivableId: id,
    amount: fen,
    collectedOn: day,
    note: optionalText(COLLECTION_NOTE_MAX),
    /** The user's local date: a collection dated after it is refused. */
    today: day,
  })
  .strict();
export type RecordCollectionInput = z.input<typeof recordCollectionInput>;

export const receivablesContract = {
  /** A deal's receivables with collected, balance and overdue against the user's `today`. */
  'receivables.forDeal': method(z.object({ dealId: id, today: day }).strict(), dealReceivables),
  /** Replaces a won deal's receivables by instalments that add up to the deal's amount. */
  'receivables.split': method(splitInput, z.object({ receivableIds: z.array(z.string()) })),
  /** A customer's open balances, overdue total and oldest due date. */
  'receivables.forCustomer': method(
    z.object({ customerId: id, today: day }).strict(),
    customerReceivables,
  ),
  /** Records money collected against one receivable of a won deal, up to its balance. */
  'collections.record': method(recordCollectionInput, collectionView),
  /** Soft-deletes a collection recorded by mistake (its receivable's balance grows back). */
  'collections.delete': method(z.object({ id }).strict(), ok),
} as const;
