import { z } from 'zod';
import { allCriteria, dealStatuses, milestones } from '../domain/milestones';
import { scopes } from '../domain/people';
import { method } from './define';
import { day, id, ok, optionalText, requiredText } from './common';
import { priceFen } from './products';

/**
 * Money rules and error conventions of the deals methods (decisions, for the renderer):
 * - Amounts are integer fen, 0 < amount ≤ 10,000,000,000 (100 million yuan): zod answers
 *   `invalid_input` with `fields.amount = 'validation.range'`.
 * - The expected close date must lie within [today − 2 years, today + 5 years] (the
 *   handler checks it against the input's `today`, or the host's today): `invalid_input`
 *   with key `dealErrors.closeDateFar`, params `{ min, max }` and
 *   `fields.expectedCloseOn = 'dealErrors.closeDateFar'`. On update it is only checked
 *   when the date changes, so old deals stay editable.
 * - A stale `expectedUpdatedAt` is `conflict` `dealErrors.changedMeanwhile` with params
 *   `{ name, at }` (who changed it last, ISO instant); nothing is written.
 * - Advancing with unticked exit criteria is `conflict` `dealErrors.checklistIncomplete`
 *   with params `{ missing: 'key1,key2', count }` and `fields['checklist.<key>'] =
 *   'dealErrors.criterionMissing'` for each missing criterion.
 */
export const boardColumns = [...milestones, 'lost'] as const;
export type BoardColumn = (typeof boardColumns)[number];

/** A deal amount in fen: positive, at most 100 million yuan. */
export const amountFen = z
  .number()
  .int('validation.invalid')
  .min(1, 'validation.range')
  .max(10_000_000_000, 'validation.range');

export const dealCard = z.object({
  id: z.string(),
  title: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  /** fen */
  amount: z.number(),
  /** amount × the milestone's probability (lost: 0), fen. */
  weighted: z.number(),
  milestone: z.enum(milestones),
  status: z.enum(dealStatuses),
  expectedCloseOn: z.string(),
  /** YYYY-MM-DD won or lost, null while open. */
  closedOn: z.string().nullable(),
  stageEnteredAt: z.string(),
  daysInStage: z.number(),
  /** Open and longer in its milestone than the milestone's stalled threshold (Settings). */
  stalled: z.boolean(),
  /** Open and the expected close date is before today. */
  closeOverdue: z.boolean(),
  isKey: z.boolean(),
  updatedAt: z.string(),
  /** The milestone's win probability (percent), beside the intensity total (盈率校准). */
  probability: z.number(),
  /** The latest intensity score's total (0–100), null when never scored. */
  scoreTotal: z.number().nullable(),
  /** ISO instant of the latest scoring. */
  scoredAt: z.string().nullable(),
  /** Open and probability − total ≥ 30 (虚高). */
  overClaimed: z.boolean(),
  /** Open and the latest score is older than 30 days. */
  staleScore: z.boolean(),
  /** Open and never scored. */
  unscored: z.boolean(),
});
export type DealCard = z.infer<typeof dealCard>;

/** Filters shared by the board, a column and the swimlanes. */
export const boardFilterFields = {
  scope: z.enum(scopes),
  teamId: id.optional(),
  ownerId: id.optional(),
  /** Matches the title or the customer's name. */
  search: z.string().trim().max(100).default(''),
  /** Open deals: expected close date in range; won/lost columns: closed date in range (default: the last 90 days). */
  closeFrom: day.optional(),
  closeTo: day.optional(),
  /** fen */
  minAmount: z.number().int().min(0).max(10_000_000_000).optional(),
  maxAmount: z.number().int().min(0).max(10_000_000_000).optional(),
  stalledOnly: z.boolean().default(false),
  keyOnly: z.boolean().default(false),
  /** Only open deals with this calibration flag (domain.md §4). */
  scoreFlag: z.enum(['overClaimed', 'stale', 'unscored']).optional(),
  /** The user's today (YYYY-MM-DD): days in stage, stalled, overdue and the closed window count from it. */
  today: day,
};
export const boardFilters = z.object(boardFilterFields).strict();
export type BoardFilters = z.input<typeof boardFilters>;

const columnTotals = {
  column: z.enum(boardColumns),
  count: z.number(),
  /** fen */
  amount: z.number(),
  /** fen */
  weighted: z.number(),
};

/**
 * A column: totals over every matching deal, and its first cards. Open columns list the
 * longest in stage first (stalled deals float up); won and lost list the latest closed first.
 */
export const boardColumn = z.object({
  ...columnTotals,
  cards: z.array(dealCard),
  hasMore: z.boolean(),
});
export type BoardColumnData = z.infer<typeof boardColumn>;

export const lane = z.object({
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  cells: z.array(z.object({ ...columnTotals, cards: z.array(dealCard) })),
});
export type Lane = z.infer<typeof lane>;

const person = z.object({ id: z.string(), name: z.string(), title: z.string().nullable() });

export const dealBrief = z.object({
  contact: person.nullable(),
  contactProblem: z.string().nullable(),
  contactCause: z.string().nullable(),
  contactVision: z.string().nullable(),
  contactValue: z.string().nullable(),
  decider: person.nullable(),
  deciderProblem: z.string().nullable(),
  deciderCause: z.string().nullable(),
  deciderVision: z.string().nullable(),
  deciderValue: z.string().nullable(),
});
export type DealBrief = z.infer<typeof dealBrief>;

export const dealLine = z.object({
  id: z.string(),
  productId: z.string(),
  productName: z.string(),
  unit: z.string().nullable(),
  quantity: z.number(),
  /** fen */
  unitPrice: z.number(),
  /** quantity × unitPrice, fen */
  total: z.number(),
});
export type DealLine = z.infer<typeof dealLine>;

export const checklistItem = z.object({
  criterion: z.enum(allCriteria as [string, ...string[]]),
  milestone: z.enum(milestones),
  checked: z.boolean(),
  checkedByName: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItem>;

export const historyEntry = z.object({
  id: z.string(),
  /** null: the deal's creation. */
  fromMilestone: z.enum(milestones).nullable(),
  fromStatus: z.enum(dealStatuses).nullable(),
  toMilestone: z.enum(milestones),
  toStatus: z.enum(dealStatuses),
  at: z.string(),
  byName: z.string().nullable(),
  forced: z.boolean(),
  reason: z.string().nullable(),
  /** Days spent in the stage this move left (null for the creation). */
  daysInPreviousStage: z.number().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const dealDetail = dealCard.extend({
  nextStep: z.string().nullable(),
  lostReason: z.string().nullable(),
  createdAt: z.string(),
  updatedByName: z.string().nullable(),
  ownerTeamId: z.string().nullable(),
  lines: z.array(dealLine),
  /** Exit criteria of every milestone up to the current one (M6's after-sales items once won). */
  checklist: z.array(checklistItem),
  /** Oldest first. */
  history: z.array(historyEntry),
  brief: dealBrief,
});
export type DealDetail = z.infer<typeof dealDetail>;

export const lineInput = z
  .object({
    productId: id,
    quantity: z
      .number()
      .int('validation.invalid')
      .min(1, 'validation.range')
      .max(1_000_000, 'validation.range'),
    /** fen */
    unitPrice: priceFen,
  })
  .strict();
const lines = z.array(lineInput).max(100, 'validation.range');

const briefText = optionalText(1000);

export const dealCreateInput = z
  .object({
    customerId: id,
    title: requiredText(120),
    /** Ignored when lines are given: the amount is their sum. */
    amount: amountFen,
    expectedCloseOn: day,
    /** Default: the current user. */
    ownerId: id.optional(),
    nextStep: optionalText(500),
    lines: lines.optional(),
    /** The user's today, for the close-date window (default: the host's today). */
    today: day.optional(),
  })
  .strict();
export type DealCreateInput = z.input<typeof dealCreateInput>;

export const dealFields = z
  .object({
    title: requiredText(120),
    /** Must equal the lines' sum when the deal has lines; a closed deal's amount is fixed. */
    amount: amountFen,
    expectedCloseOn: day,
    ownerId: id,
    nextStep: optionalText(500),
  })
  .strict();
export type DealFields = z.input<typeof dealFields>;

export const moveInput = z
  .object({
    id,
    expectedUpdatedAt: z.string().max(40),
    to: z.enum(boardColumns),
    /** A manager's reason to skip unticked exit criteria (or to reopen a closed deal). */
    forceReason: optionalText(500),
    /**
     * Exit criteria ticked in the move dialog, saved in the move's commit: those of the
     * milestones a skipping move passes (M2's on M1 → M3), which `deals.check` refuses while
     * the deal is before them. A criterion of any other milestone → `invalid_input`
     * `dealErrors.criterionNotPassed` with `fields['checks.<i>']`; nothing is written.
     */
    checks: z
      .array(z.enum(allCriteria as [string, ...string[]]))
      .max(allCriteria.length)
      .optional(),
    /** Required when winning (to M6): the signing day, not after today. */
    closedOn: day.optional(),
    /** Required when winning: the contract amount, fen. */
    finalAmount: amountFen.optional(),
    /** Required when losing. */
    lostReason: optionalText(500),
    today: day,
  })
  .strict();
export type MoveInput = z.input<typeof moveInput>;

export const briefInput = z
  .object({
    id,
    contactId: id.nullable(),
    contactProblem: briefText,
    contactCause: briefText,
    contactVision: briefText,
    contactValue: briefText,
    deciderId: id.nullable(),
    deciderProblem: briefText,
    deciderCause: briefText,
    deciderVision: briefText,
    deciderValue: briefText,
    nextStep: optionalText(500),
  })
  .strict();
export type BriefInput = z.input<typeof briefInput>;

export const keyDeal = z.object({
  id: z.string(),
  title: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  milestone: z.enum(milestones),
  amount: z.number(),
  weighted: z.number(),
  expectedCloseOn: z.string(),
  daysInStage: z.number(),
  stalled: z.boolean(),
  closeOverdue: z.boolean(),
  nextStep: z.string().nullable(),
  /** How many of the brief's 10 parts are filled (2 people + 8 texts). */
  briefFilled: z.number(),
  briefTotal: z.literal(10),
  brief: dealBrief,
  updatedAt: z.string(),
});
export type KeyDeal = z.infer<typeof keyDeal>;

const scopeInput = {
  scope: z.enum(scopes),
  teamId: id.optional(),
  ownerId: id.optional(),
  today: day,
};

export const dealsContract = {
  /** The funnel board: per column (M1–M5 open, M6 won, lost) totals over the filtered set and the first `perColumn` cards. */
  'deals.board': method(
    z
      .object({
        ...boardFilterFields,
        perColumn: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ columns: z.array(boardColumn) }),
  ),
  /** More cards of one column, for "load more" and virtual scrolling; same order as the board. */
  'deals.column': method(
    z
      .object({
        ...boardFilterFields,
        column: z.enum(boardColumns),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    z.object({ cards: z.array(dealCard), hasMore: z.boolean() }),
  ),
  /** Swimlanes by owner (reps with matching deals, by name): per column totals and the first 10 cards. */
  'deals.lanes': method(boardFilters, z.array(lane)),
  /** One live deal with lines, checklist, stage history and brief. */
  'deals.get': method(z.object({ id, today: day }).strict(), dealDetail),
  /** Creates an open deal at M1 (with a creation row in stage history); amount = lines' sum when lines are given. */
  'deals.create': method(dealCreateInput, dealDetail),
  /** Saves a deal's fields; stale `expectedUpdatedAt` → `conflict` `dealErrors.changedMeanwhile`. */
  'deals.update': method(
    z
      .object({
        id,
        expectedUpdatedAt: z.string().max(40),
        fields: dealFields,
        today: day.optional(),
      })
      .strict(),
    dealDetail,
  ),
  /** Moves a deal (forward, backward, won, lost, reopen) in one commit with a stage history row (and the exit criteria ticked with it); won also creates its receivable. */
  'deals.move': method(moveInput, dealDetail),
  /** Ticks or unticks an exit criterion of the current or an earlier milestone; a deal moved meanwhile → `conflict` `dealErrors.movedMeanwhile`. */
  'deals.check': method(
    z
      .object({
        dealId: id,
        criterion: z.enum(allCriteria as [string, ...string[]]),
        checked: z.boolean(),
        expectedMilestone: z.enum(milestones),
        today: day.optional(),
      })
      .strict(),
    dealDetail,
  ),
  /** Saves the key opportunity brief; the contact and decider must be the deal customer's contacts. */
  'deals.setBrief': method(briefInput, dealDetail),
  /** Marks or unmarks a key opportunity (关键机会). */
  'deals.setKey': method(z.object({ id, isKey: z.boolean() }).strict(), dealDetail),
  /** Replaces the product lines; the amount becomes their sum (an empty list keeps the amount). Closed deals refuse. */
  'deals.setLines': method(z.object({ id, lines }).strict(), dealDetail),
  /** Soft-deletes a deal; `deals.restore` undoes it. */
  'deals.delete': method(z.object({ id }).strict(), ok),
  /** Undoes a delete. */
  'deals.restore': method(z.object({ id }).strict(), ok),
  /** Key open deals in scope, for the manager's review: brief, completeness, next step. */
  'deals.keyList': method(z.object(scopeInput).strict(), z.array(keyDeal)),
  /** A customer's live deals: open first (by expected close), then closed (latest first). */
  'deals.forCustomer': method(z.object({ customerId: id, today: day }).strict(), z.array(dealCard)),
} as const;
