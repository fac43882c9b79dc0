import { z } from 'zod';
import { activityCategories } from '../domain/activities';
import { grades } from '../domain/grading';
import { dealStatuses, milestones } from '../domain/milestones';
import { periodKinds } from '../domain/periods';
import { visitPurposes, visitStatuses } from '../domain/visits';
import { day, id } from './common';
import { method } from './define';

/**
 * The ten reports of domain.md §7 (docs/reports.md has every figure's definition). Every
 * report answers in the same order: the resolved period and scope, `keyFigures`, `trend` (the
 * chart's series; null where a report has no time series), then `rows`, the level below the
 * scope (company → teams, team → sub-teams and reps, rep → the rep's deals, visits or
 * customers), each with its `drill` target. Money is in fen; rates are fractions 0–1, null
 * when their denominator is 0.
 */
export const reportNames = [
  'attainment',
  'performance',
  'execution',
  'customerVisits',
  'funnel',
  'forecast',
  'stalled',
  'abnormalCustomers',
  'activitySplit',
  'productSales',
] as const;
export type ReportName = (typeof reportNames)[number];

export const fixedPeriodKinds = ['week', 'month', 'quarter', 'year'] as const;
/** The longest custom period (about ten years). */
export const MAX_CUSTOM_DAYS = 3660;
/** Rows of records (a rep's deals, visits, customers) a report lists at most; `rowsTotal` counts all. */
export const REPORT_ROW_LIMIT = 500;

/** A period: the week (ISO), month, quarter or year holding `date`, or a custom range. */
export const reportPeriod = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(fixedPeriodKinds), date: day }).strict(),
  z.object({ kind: z.literal('custom'), from: day, to: day }).strict(),
]);
export type ReportPeriod = z.infer<typeof reportPeriod>;

export const scopeTypes = ['company', 'team', 'rep'] as const;
export type ScopeType = (typeof scopeTypes)[number];

/** Whose figures: the whole company, a team (with its sub-teams) or one rep. */
export const reportScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('company') }).strict(),
  z.object({ type: z.literal('team'), id }).strict(),
  z.object({ type: z.literal('rep'), id }).strict(),
]);
export type ReportScope = z.infer<typeof reportScope>;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const reportInput = z
  .object({ report: z.enum(reportNames), period: reportPeriod, scope: reportScope, today: day })
  .strict()
  .superRefine((input, ctx) => {
    const p = input.period;
    if (p.kind !== 'custom') return;
    if (p.to < p.from)
      ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'validation.range' });
    else if (daysBetween(p.from, p.to) + 1 > MAX_CUSTOM_DAYS)
      ctx.addIssue({ code: 'custom', path: ['period', 'to'], message: 'validation.range' });
  });
export type ReportInput = z.infer<typeof reportInput>;

// ---- What every report answers -------------------------------------------------------------

const dayRange = z.object({ from: z.string(), to: z.string() });

/** The period as resolved: its first and last day and a label (`2026-W48`, `2026-11`, `2026-Q4`, `2026`, `2026-01-05…2026-02-10`). */
export const resolvedPeriod = dayRange.extend({ kind: z.enum(periodKinds), label: z.string() });

/** The scope with its name (null for the company: the renderer says "Company"). */
export const resolvedScope = z.object({
  type: z.enum(scopeTypes),
  id: z.string().nullable(),
  name: z.string().nullable(),
});

const outScope = z.object({ type: z.enum(scopeTypes), id: z.string().optional() });

/** Where a row leads: the same report one level down, or a record's page. */
export const drillTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('scope'), scope: outScope }),
  z.object({ kind: z.literal('deal'), id: z.string() }),
  z.object({ kind: z.literal('customer'), id: z.string() }),
  z.object({ kind: z.literal('visit'), id: z.string() }),
]);
export type DrillTarget = z.infer<typeof drillTarget>;

/** One chart bucket: a day (week and month periods, short custom ones) or a month. */
export const bucket = z.object({ key: z.string(), from: z.string(), to: z.string() });

/** A team or rep one level below the scope. */
const scopeRow = z.object({
  kind: z.enum(['team', 'rep']),
  id: z.string(),
  name: z.string(),
  drill: drillTarget,
});

/** A deal listed under a rep. */
const dealRow = z.object({
  kind: z.literal('deal'),
  id: z.string(),
  title: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  milestone: z.enum(milestones),
  status: z.enum(dealStatuses),
  amount: z.number(),
  drill: drillTarget,
});

/** A customer listed under a rep. */
const customerRow = z.object({
  kind: z.literal('customer'),
  id: z.string(),
  name: z.string(),
  grade: z.enum(grades).nullable(),
  drill: drillTarget,
});

const rate = z.number().nullable();
const money = z.number();

function report<
  N extends ReportName,
  K extends z.ZodType,
  T extends z.ZodType,
  R extends z.ZodType,
  RK extends readonly [string, ...string[]],
>(name: N, parts: { keyFigures: K; trend: T; row: R; rowKinds: RK }) {
  return z.object({
    report: z.literal(name),
    period: resolvedPeriod,
    scope: resolvedScope,
    /** The period and `today` as the figures read them: state figures are "as of" this day. */
    asOf: z.string(),
    keyFigures: parts.keyFigures,
    trend: parts.trend,
    /** What the rows are: teams and reps (`scope`) or a rep's records. */
    rowKind: z.enum(parts.rowKinds),
    rows: z.array(parts.row),
    /** How many rows there are in all (records are capped at REPORT_ROW_LIMIT). */
    rowsTotal: z.number(),
  });
}

// ---- 1. Target attainment 销售目标达成 ---------------------------------------------------------

export const metricAttainment = z.object({
  target: money.nullable(),
  actual: money,
  /** actual / target; null without a (positive) target. */
  attainment: rate,
  /** attainment below time progress by 10 points or more. */
  behind: z.boolean(),
});
const attainmentMetrics = z.object({
  sales: metricAttainment,
  collections: metricAttainment,
  newCustomers: metricAttainment,
  visits: metricAttainment,
  effectiveVisits: metricAttainment,
});
const attainmentActuals = z.object({
  sales: money,
  collections: money,
  newCustomers: z.number(),
  visits: z.number(),
  effectiveVisits: z.number(),
});
/** customers entered (created) in the period, whatever became of them: not a target metric */
const newProspects = z.number();
export const attainmentReport = report('attainment', {
  keyFigures: attainmentMetrics.extend({ newProspects, timeProgress: z.number() }),
  trend: z.array(
    bucket.extend(attainmentActuals.shape).extend({
      newProspects,
      cumulativeSales: money,
      /**
       * The sales target accrued from the period's start to the bucket's end, as the targets
       * are decomposed (by working days); null without a sales target for the scope.
       */
      cumulativeTarget: money.nullable(),
    }),
  ),
  rowKinds: ['scope', 'deal'] as const,
  row: z.union([
    scopeRow.extend(attainmentMetrics.shape).extend({ newProspects }),
    dealRow.extend({ closedOn: z.string().nullable() }),
  ]),
});

// ---- 2. Performance comparison 销售业绩对比 -----------------------------------------------------

const performanceFigures = z.object({
  sales: money,
  wonDeals: z.number(),
  previousSales: money,
  lastYearSales: money,
  /** (sales − previous) / previous */
  changeVsPrevious: rate,
  changeVsLastYear: rate,
  /** 1 = most sales among peers (ties share a rank); null for the company. */
  rank: z.number().nullable(),
  peers: z.number().nullable(),
});
export const performanceReport = report('performance', {
  keyFigures: performanceFigures.extend({ previousPeriod: dayRange, lastYearPeriod: dayRange }),
  trend: z.array(
    bucket.extend({
      sales: money,
      /** The same bucket a year earlier (by position in the period); null past its end. */
      lastYearKey: z.string().nullable(),
      lastYearSales: money,
    }),
  ),
  rowKinds: ['scope', 'deal'] as const,
  row: z.union([
    scopeRow.extend(performanceFigures.shape),
    dealRow.extend({ closedOn: z.string().nullable() }),
  ]),
});

// ---- 3. Work execution 销售工作执行 -------------------------------------------------------------

const categoryCounts = z.object({
  development: z.number(),
  negotiation: z.number(),
  maintenance: z.number(),
});
const executionFigures = z.object({
  planned: z.number(),
  plannedDone: z.number(),
  done: z.number(),
  effective: z.number(),
  unplanned: z.number(),
  cancelled: z.number(),
  missed: z.number(),
  awaitingSummary: z.number(),
  /** done planned visits / planned visits */
  planCompletionRate: rate,
  /** effective / done (有效拜访率) */
  effectiveVisitRate: rate,
  activities: categoryCounts,
  newOpportunities: z.number(),
  scoresUpdated: z.number(),
  weeklyReportsSubmitted: z.number(),
  weeklyReportsExpected: z.number(),
});
export const executionReport = report('execution', {
  keyFigures: executionFigures,
  trend: z.array(bucket.extend({ planned: z.number(), done: z.number(), effective: z.number() })),
  rowKinds: ['scope', 'visit'] as const,
  row: z.union([
    scopeRow.extend(executionFigures.shape),
    z.object({
      kind: z.literal('visit'),
      id: z.string(),
      day: z.string(),
      customerId: z.string(),
      customerName: z.string(),
      purpose: z.enum(visitPurposes),
      status: z.enum(visitStatuses),
      planned: z.boolean(),
      effective: z.boolean().nullable(),
      drill: drillTarget,
    }),
  ]),
});

// ---- 4. Customer visit statistics 客户被拜访统计 -------------------------------------------------

const customerVisitFigures = z.object({
  customers: z.number(),
  /** customers with at least one done visit in the period */
  visitedCustomers: z.number(),
  /** done visits in the period */
  visits: z.number(),
  /** customers overdue by their grade's frequency rule today (超期未拜访) */
  overdueCustomers: z.number(),
  keyCustomers: z.number(),
  /** key customers with a done visit within their rule before the as-of day */
  keyCovered: z.number(),
  /** keyCovered / keyCustomers */
  coverage: rate,
});
export const customerVisitsReport = report('customerVisits', {
  keyFigures: customerVisitFigures.extend({
    grades: z.array(
      customerVisitFigures
        .pick({ customers: true, visitedCustomers: true, visits: true, overdueCustomers: true })
        .extend({ grade: z.enum(grades).nullable(), ruleDays: z.number().nullable() }),
    ),
  }),
  trend: z.array(bucket.extend({ visits: z.number() })),
  rowKinds: ['scope', 'customer'] as const,
  row: z.union([
    scopeRow.extend(customerVisitFigures.shape),
    customerRow.extend({
      ruleDays: z.number().nullable(),
      visits: z.number(),
      lastVisitOn: z.string().nullable(),
      daysSinceVisit: z.number().nullable(),
      visitedWithinRule: z.boolean(),
      overdueDays: z.number().nullable(),
      /** the latest contact of any kind (visit, call, message, note): its UTC day, null when none */
      lastContactOn: z.string().nullable(),
    }),
  ]),
});

// ---- 5. Funnel 销售漏斗 ------------------------------------------------------------------------

const funnelFigures = z.object({
  /** deals created in the period */
  created: z.number(),
  won: z.number(),
  lost: z.number(),
  /** won / (won + lost), closed in the period */
  winRate: rate,
  wonAmount: money,
  /** wonAmount / won */
  avgWonDealSize: money.nullable(),
  /** open deals today, their amount and weighted amount (amount × probability) */
  openDeals: z.number(),
  openAmount: money,
  openWeighted: money,
  /** weighted amount of open deals expected to close in the period */
  closingWeighted: money,
  salesTarget: money.nullable(),
  /** sales target − won amount */
  remainingTarget: money.nullable(),
  /** closingWeighted / remainingTarget; null without a target or when nothing remains */
  pipelineCoverage: rate,
});
export const funnelStage = z.object({
  milestone: z.enum(milestones),
  /** percent */
  probability: z.number(),
  openDeals: z.number(),
  openAmount: money,
  openWeighted: money,
  /** deals created in the period that reached this milestone (ever, even if moved back) */
  reached: z.number(),
  /** of those, the share that reached the next milestone; null for M6 or when none reached */
  conversion: rate,
  /** stays in this milestone that ended in the period: count, average and median whole days */
  stays: z.number(),
  dwellAvgDays: z.number().nullable(),
  dwellMedianDays: z.number().nullable(),
});
export const funnelReport = report('funnel', {
  keyFigures: funnelFigures.extend({
    /** days from creation to won, deals won in the period */
    salesCycleAvgDays: z.number().nullable(),
    salesCycleMedianDays: z.number().nullable(),
    stages: z.array(funnelStage),
  }),
  trend: z.array(
    bucket.extend({ created: z.number(), won: z.number(), lost: z.number(), wonAmount: money }),
  ),
  rowKinds: ['scope', 'deal'] as const,
  row: z.union([
    scopeRow.extend(funnelFigures.shape),
    dealRow.extend({
      weighted: money,
      createdOn: z.string(),
      expectedCloseOn: z.string(),
      closedOn: z.string().nullable(),
    }),
  ]),
});

// ---- 6. Forecast 销售预测 ----------------------------------------------------------------------

const forecastFigures = z.object({
  deals: z.number(),
  amount: money,
  /** amount × milestone probability */
  weighted: money,
  /** amount × latest intensity score / 100 (0 when unscored) */
  intensityWeighted: money,
  scoredDeals: z.number(),
});
export const forecastReport = report('forecast', {
  keyFigures: forecastFigures,
  trend: z.array(bucket.extend(forecastFigures.shape)),
  rowKinds: ['scope', 'deal'] as const,
  row: z.union([
    scopeRow.extend(forecastFigures.shape),
    dealRow.extend({
      expectedCloseOn: z.string(),
      probability: z.number(),
      weighted: money,
      scoreTotal: z.number().nullable(),
      intensityWeighted: money,
    }),
  ]),
});

// ---- 7. Stalled deals 停滞机会 -----------------------------------------------------------------

const stalledFigures = z.object({
  openDeals: z.number(),
  stalledDeals: z.number(),
  stalledAmount: money,
  stalledWeighted: money,
  /** stalledDeals / openDeals */
  stalledShare: rate,
});
export const stalledReport = report('stalled', {
  keyFigures: stalledFigures,
  trend: z.array(
    z.object({
      milestone: z.enum(milestones),
      thresholdDays: z.number(),
      openDeals: z.number(),
      stalledDeals: z.number(),
      stalledAmount: money,
    }),
  ),
  rowKinds: ['scope', 'deal'] as const,
  row: z.union([
    scopeRow.extend(stalledFigures.shape),
    dealRow.extend({
      weighted: money,
      stageEnteredAt: z.string(),
      daysInStage: z.number(),
      thresholdDays: z.number(),
      daysOver: z.number(),
    }),
  ]),
});

// ---- 8. Abnormal customers 异常客户 ------------------------------------------------------------

export const abnormalReasons = ['overdueVisit', 'overdueCollection', 'orderDrop'] as const;
const abnormalFigures = z.object({
  /** customers with at least one of the three reasons */
  abnormalCustomers: z.number(),
  /** key and potential customers overdue for a visit */
  overdueVisit: z.number(),
  /** customers with a receivable past due with a balance */
  overdueCollection: z.number(),
  overdueBalance: money,
  /** customers whose won amount fell by half or more against the previous period */
  orderDrop: z.number(),
});
export const abnormalCustomersReport = report('abnormalCustomers', {
  keyFigures: abnormalFigures.extend({ previousPeriod: dayRange }),
  trend: z.null(),
  rowKinds: ['scope', 'customer'] as const,
  row: z.union([
    scopeRow.extend(abnormalFigures.shape),
    customerRow.extend({
      reasons: z.array(z.enum(abnormalReasons)),
      overdueDays: z.number().nullable(),
      /** the latest done visit's day, null when never visited */
      lastVisitOn: z.string().nullable(),
      /** the latest contact of any kind: its UTC day, null when none */
      lastContactOn: z.string().nullable(),
      overdueBalance: money,
      oldestOverdueDueOn: z.string().nullable(),
      orders: money,
      previousOrders: money,
    }),
  ]),
});

// ---- 9. Activity split 业务动作追踪 -------------------------------------------------------------

const categoryShares = z.object({
  development: rate,
  negotiation: rate,
  maintenance: rate,
});
const splitFigures = z.object({
  visits: categoryCounts,
  activities: categoryCounts,
  total: categoryCounts,
  /** each category's share of the visits, of the activities, of both */
  visitShares: categoryShares,
  activityShares: categoryShares,
  totalShares: categoryShares,
});
export const activitySplitReport = report('activitySplit', {
  keyFigures: splitFigures,
  trend: z.array(bucket.extend(categoryCounts.shape)),
  rowKinds: ['scope', 'item'] as const,
  row: z.union([
    scopeRow.extend(splitFigures.shape),
    z.object({
      kind: z.enum(['visit', 'activity']),
      id: z.string(),
      day: z.string(),
      customerId: z.string(),
      customerName: z.string(),
      category: z.enum(activityCategories),
      /** the visit's purpose or the activity's kind */
      what: z.string(),
      drill: drillTarget,
    }),
  ]),
});

// ---- 10. Product sales 产品销售 ----------------------------------------------------------------

const productAmount = z.object({ productId: z.string(), quantity: z.number(), amount: money });
const productFigures = z.object({
  /** won deals in the period, and their amount */
  wonDeals: z.number(),
  wonAmount: money,
  /** of those, the deals with product lines and their lines' total (quantity × unit price) */
  dealsWithLines: z.number(),
  linesAmount: money,
  products: z.array(productAmount),
});
export const productSalesReport = report('productSales', {
  keyFigures: productFigures.extend({
    products: z.array(
      productAmount.extend({
        name: z.string(),
        unit: z.string().nullable(),
        deals: z.number(),
        /** amount / linesAmount */
        share: rate,
      }),
    ),
  }),
  trend: z.array(bucket.extend({ linesAmount: money, wonAmount: money })),
  rowKinds: ['scope', 'deal'] as const,
  row: z.union([
    scopeRow.extend(productFigures.shape),
    dealRow.extend({ closedOn: z.string().nullable(), linesAmount: money }),
  ]),
});

export const reportOutput = z.discriminatedUnion('report', [
  attainmentReport,
  performanceReport,
  executionReport,
  customerVisitsReport,
  funnelReport,
  forecastReport,
  stalledReport,
  abnormalCustomersReport,
  activitySplitReport,
  productSalesReport,
]);
export type ReportOutput = z.infer<typeof reportOutput>;
export type ReportOf<N extends ReportName> = Extract<ReportOutput, { report: N }>;

export const reportsContract = {
  /** Runs one report of domain.md §7 for a period and a scope, with drill-down rows. */
  'reports.run': method(reportInput, reportOutput),
} as const;
