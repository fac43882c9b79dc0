import { z } from 'zod';
import { buyingRoles, customerStatuses } from '../domain/customers';
import { grades } from '../domain/grading';
import { scopes } from '../domain/people';
import { visitPurposes } from '../domain/visits';
import { method } from './define';
import { instant } from './timeline';
import { day, id, ok, optionalText, pageInput, phone, requiredText } from './common';

export const customerSorts = [
  'name',
  'updatedAt',
  'createdAt',
  'region',
  'status',
  'owner',
  'grade',
  'lastContact',
  'lastVisit',
] as const;
export type CustomerSort = (typeof customerSorts)[number];

export const customerRow = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  status: z.enum(customerStatuses),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  updatedAt: z.string(),
  grade: z.enum(grades).nullable(),
  relationship: z.number().nullable(),
  attractiveness: z.number().nullable(),
  gradeReviewedOn: z.string().nullable(),
  /**
   * The latest contact (ISO instant): a done visit, a call, a message or a note — never a
   * planned visit, a deal move or a collection; null when there is none.
   */
  lastContactAt: z.string().nullable(),
  /** The local day of the latest done visit (YYYY-MM-DD); null when never visited. */
  lastVisitOn: z.string().nullable(),
  /** Days past the grade's visit frequency since the last done visit (or since creation), null when not overdue. */
  overdueDays: z.number().nullable(),
});
export type CustomerRow = z.infer<typeof customerRow>;

export const contact = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  buyingRole: z.enum(buyingRoles).nullable(),
  notes: z.string().nullable(),
});
export type Contact = z.infer<typeof contact>;

/** How many planned visits the customer page lists. */
export const UPCOMING_VISITS_MAX = 5;

/** A planned visit of the customer that has not ended yet. */
export const upcomingVisit = z.object({
  id: z.string(),
  day: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  purpose: z.enum(visitPurposes),
  ownerId: z.string(),
  ownerName: z.string().nullable(),
  goal: z.string().nullable(),
});
export type UpcomingVisit = z.infer<typeof upcomingVisit>;

export const customerDetail = customerRow.extend({
  address: z.string().nullable(),
  source: z.string().nullable(),
  notes: z.string().nullable(),
  tags: z.array(z.string()),
  ownerTeamName: z.string().nullable(),
  createdAt: z.string(),
  updatedByName: z.string().nullable(),
  gradeOverride: z.enum(grades).nullable(),
  gradeOverrideReason: z.string().nullable(),
  contacts: z.array(contact),
  /** Planned visits not yet over (earliest first, at most UPCOMING_VISITS_MAX). */
  upcomingVisits: z.array(upcomingVisit),
});
export type CustomerDetail = z.infer<typeof customerDetail>;

const tag = z.string().trim().min(1).max(30, 'validation.tooLong');

/** The editable fields of a customer, as the form sends them. */
export const customerFields = z
  .object({
    name: requiredText(120),
    phone,
    industry: optionalText(60),
    region: optionalText(60),
    address: optionalText(300),
    source: optionalText(60),
    ownerId: id.nullable(),
    status: z.enum(customerStatuses),
    notes: optionalText(5000),
    tags: z.array(tag).max(20).default([]),
  })
  .strict();
export type CustomerFields = z.input<typeof customerFields>;

export const customerListInput = z
  .object({
    scope: z.enum(scopes),
    /** Matches the name (case/width-insensitive), phone, or a contact's name or phone. */
    search: z.string().trim().max(100).default(''),
    ownerId: id.optional(),
    teamId: id.optional(),
    status: z.enum(customerStatuses).optional(),
    region: z.string().trim().max(60).optional(),
    grade: z.enum([...grades, 'ungraded']).optional(),
    relationship: z.number().int().min(1).max(5).optional(),
    attractiveness: z.number().int().min(1).max(5).optional(),
    /** Only customers past their grade's visit frequency ("超期未拜访"). */
    overdue: z.boolean().optional(),
    /** Only customers whose grade was not reviewed in 90 days. */
    staleGrade: z.boolean().optional(),
    /** The user's today (YYYY-MM-DD): overdue and stale are counted from it. */
    today: day.optional(),
    sort: z.enum(customerSorts).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    ...pageInput,
  })
  .strict();
export type CustomerListInput = z.input<typeof customerListInput>;

const score = z.number().int().min(1, 'validation.range').max(5, 'validation.range');

export const gradingInput = z
  .object({
    id,
    relationship: score,
    attractiveness: score,
    /** A manager's grade replacing the quadrant's; needs a reason. */
    override: z.enum(grades).nullable(),
    overrideReason: optionalText(500),
    today: day,
  })
  .strict()
  .refine((g) => g.override === null || Boolean(g.overrideReason), {
    message: 'validation.reasonRequired',
    path: ['overrideReason'],
  });
export type GradingInput = z.input<typeof gradingInput>;

export const matrixCell = z.object({
  relationship: z.number(),
  attractiveness: z.number(),
  count: z.number(),
});
export const gradingMatrix = z.object({
  cells: z.array(matrixCell),
  grades: z.record(z.enum(grades), z.number()),
  ungraded: z.number(),
  overridden: z.number(),
  stale: z.number(),
  total: z.number(),
});
export type GradingMatrix = z.infer<typeof gradingMatrix>;

const ids = z.array(id).min(1).max(5000);

export const customersContract = {
  /** One page of customers for the list: filtered, searched, sorted in SQL. */
  'customers.list': method(
    customerListInput,
    z.object({ rows: z.array(customerRow), total: z.number() }),
  ),
  /** The values the list's filters offer (regions and industries in use). */
  'customers.facets': method(
    z.object({}).strict(),
    z.object({ regions: z.array(z.string()), industries: z.array(z.string()) }),
  ),
  /** One customer with owner, team and contacts. */
  /** One customer; `now` (the user's clock) says which planned visits are still to come. */
  'customers.get': method(z.object({ id, now: instant.optional() }).strict(), customerDetail),
  /** Creates a customer; a name that clashes with an existing one is a `conflict`. */
  'customers.create': method(customerFields, customerDetail),
  /** Saves the changed fields of a customer. */
  'customers.update': method(z.object({ id, fields: customerFields }).strict(), customerDetail),
  /** Soft-deletes a customer; `customers.restore` undoes it. */
  'customers.delete': method(z.object({ id }).strict(), ok),
  /** Undoes a delete, unless another customer took the name meanwhile. */
  'customers.restore': method(z.object({ id }).strict(), ok),
  /** Grades a customer (relationship × attractiveness, optional override with reason) and marks it reviewed today. */
  'customers.setGrading': method(gradingInput, customerDetail),
  /** Marks the grades of the given customers as reviewed today (bulk action). */
  'customers.markReviewed': method(
    z.object({ ids, today: day }).strict(),
    z.object({ count: z.number() }),
  ),
  /** Gives the given customers to another owner (bulk action), in one commit. */
  'customers.reassign': method(
    z.object({ ids, ownerId: id }).strict(),
    z.object({ count: z.number() }),
  ),
  /** Counts per relationship × attractiveness cell and per grade, in the list's scope. */
  'customers.matrix': method(
    z
      .object({
        scope: z.enum(scopes),
        teamId: id.optional(),
        ownerId: id.optional(),
        today: day.optional(),
      })
      .strict(),
    gradingMatrix,
  ),
} as const;
