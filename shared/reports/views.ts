import type { ReportName } from '../contract/reports';

/**
 * What each report shows, shared by the report page (renderer/features/reports) and the Excel
 * export of a report (electron/export/tables.ts), so both list the same figures and columns.
 * Pure data: how a `Fmt` renders is the reader's business (React in the renderer, a workbook
 * number format in the export).
 */

/** How a figure is shown. */
export type Fmt =
  | 'money'
  | 'count'
  | 'rate'
  | 'change'
  | 'day'
  | 'instant'
  | 'days'
  | 'avgMedian'
  | 'text'
  | 'milestone'
  | 'dealStatus'
  | 'grade'
  | 'purpose'
  | 'visitStatus'
  | 'category'
  | 'what'
  | 'reasons'
  | 'bool'
  | 'rank'
  | 'metricMoney'
  | 'metricCount'
  | 'ofExpected';

/** A figure or column: its label (a key under `reportsui.f`), where it is, how it reads. */
export type Field = { label: string; path: string; fmt: Fmt; path2?: string };

/** The value at a dotted path (`totalShares.development`), undefined when absent. */
export function get(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * What each report shows, read from the contract's shape (shared/contract/reports.ts): its key
 * figures, the columns of its team/rep rows and of its record rows (a rep's deals, visits or
 * customers), and small tables held in the key figures (funnel stages, grades, products).
 */
export type ReportView = {
  figures: Field[];
  scopeColumns: Field[];
  recordColumns: Field[];
  extra?: { path: string; title: string; columns: Field[] };
};

const f = (label: string, path: string, fmt: Field['fmt'], path2?: string): Field =>
  path2 ? { label, path, fmt, path2 } : { label, path, fmt };

const deal: Field[] = [
  f('customer', 'customerName', 'text'),
  f('milestone', 'milestone', 'milestone'),
  f('status', 'status', 'dealStatus'),
  f('amount', 'amount', 'money'),
];

const attainmentMetrics: Field[] = [
  f('sales', 'sales', 'metricMoney'),
  f('collections', 'collections', 'metricMoney'),
  f('newCustomers', 'newCustomers', 'metricCount'),
  f('visits', 'visits', 'metricCount'),
  f('effectiveVisits', 'effectiveVisits', 'metricCount'),
];

const performance: Field[] = [
  f('sales', 'sales', 'money'),
  f('wonDeals', 'wonDeals', 'count'),
  f('previousSales', 'previousSales', 'money'),
  f('changeVsPrevious', 'changeVsPrevious', 'change'),
  f('lastYearSales', 'lastYearSales', 'money'),
  f('changeVsLastYear', 'changeVsLastYear', 'change'),
];

const execution: Field[] = [
  f('planned', 'planned', 'count'),
  f('done', 'done', 'count'),
  f('effective', 'effective', 'count'),
  f('planCompletionRate', 'planCompletionRate', 'rate'),
  f('effectiveVisitRate', 'effectiveVisitRate', 'rate'),
  f('newOpportunities', 'newOpportunities', 'count'),
  f('scoresUpdated', 'scoresUpdated', 'count'),
  f('weeklyReports', 'weeklyReportsSubmitted', 'ofExpected', 'weeklyReportsExpected'),
];

const customerVisits: Field[] = [
  f('customers', 'customers', 'count'),
  f('visitedCustomers', 'visitedCustomers', 'count'),
  f('visits', 'visits', 'count'),
  f('overdueCustomers', 'overdueCustomers', 'count'),
  f('keyCustomers', 'keyCustomers', 'count'),
  f('coverage', 'coverage', 'rate'),
];

const funnel: Field[] = [
  f('openDeals', 'openDeals', 'count'),
  f('openAmount', 'openAmount', 'money'),
  f('openWeighted', 'openWeighted', 'money'),
  f('created', 'created', 'count'),
  f('won', 'won', 'count'),
  f('lost', 'lost', 'count'),
  f('winRate', 'winRate', 'rate'),
  f('wonAmount', 'wonAmount', 'money'),
  f('pipelineCoverage', 'pipelineCoverage', 'rate'),
];

const forecast: Field[] = [
  f('deals', 'deals', 'count'),
  f('amount', 'amount', 'money'),
  f('weighted', 'weighted', 'money'),
  f('intensityWeighted', 'intensityWeighted', 'money'),
  f('scoredDeals', 'scoredDeals', 'count'),
];

const stalled: Field[] = [
  f('openDeals', 'openDeals', 'count'),
  f('stalledDeals', 'stalledDeals', 'count'),
  f('stalledShare', 'stalledShare', 'rate'),
  f('stalledAmount', 'stalledAmount', 'money'),
  f('stalledWeighted', 'stalledWeighted', 'money'),
];

const abnormal: Field[] = [
  f('abnormalCustomers', 'abnormalCustomers', 'count'),
  f('overdueVisit', 'overdueVisit', 'count'),
  f('overdueCollection', 'overdueCollection', 'count'),
  f('overdueBalance', 'overdueBalance', 'money'),
  f('orderDrop', 'orderDrop', 'count'),
];

const split: Field[] = [
  f('development', 'totalShares.development', 'rate'),
  f('negotiation', 'totalShares.negotiation', 'rate'),
  f('maintenance', 'totalShares.maintenance', 'rate'),
];

const products: Field[] = [
  f('wonDeals', 'wonDeals', 'count'),
  f('wonAmount', 'wonAmount', 'money'),
  f('dealsWithLines', 'dealsWithLines', 'count'),
  f('linesAmount', 'linesAmount', 'money'),
];

export const reportViews: Record<ReportName, ReportView> = {
  attainment: {
    figures: [],
    scopeColumns: [...attainmentMetrics, f('newProspects', 'newProspects', 'count')],
    recordColumns: [...deal, f('closedOn', 'closedOn', 'day')],
  },
  performance: {
    figures: [...performance, f('rank', 'rank', 'rank')],
    scopeColumns: [...performance, f('rank', 'rank', 'rank')],
    recordColumns: [...deal, f('closedOn', 'closedOn', 'day')],
  },
  execution: {
    figures: [
      ...execution.slice(0, 5),
      f('unplanned', 'unplanned', 'count'),
      f('missed', 'missed', 'count'),
      f('awaitingSummary', 'awaitingSummary', 'count'),
      ...execution.slice(5),
    ],
    scopeColumns: execution,
    recordColumns: [
      f('day', 'day', 'day'),
      f('purpose', 'purpose', 'purpose'),
      f('status', 'status', 'visitStatus'),
      f('plannedVisit', 'planned', 'bool'),
      f('effective', 'effective', 'bool'),
    ],
  },
  customerVisits: {
    figures: [
      ...customerVisits.slice(0, 5),
      f('keyCovered', 'keyCovered', 'count'),
      customerVisits[5]!,
    ],
    scopeColumns: customerVisits,
    recordColumns: [
      f('grade', 'grade', 'grade'),
      f('visits', 'visits', 'count'),
      f('lastVisit', 'lastVisitOn', 'day'),
      f('daysSince', 'daysSinceVisit', 'days'),
      f('ruleDays', 'ruleDays', 'days'),
      f('overdueDays', 'overdueDays', 'days'),
      f('lastContact', 'lastContactOn', 'day'),
    ],
    extra: {
      path: 'grades',
      title: 'grade',
      columns: [
        f('grade', 'grade', 'grade'),
        f('ruleDays', 'ruleDays', 'days'),
        f('customers', 'customers', 'count'),
        f('visitedCustomers', 'visitedCustomers', 'count'),
        f('visits', 'visits', 'count'),
        f('overdueCustomers', 'overdueCustomers', 'count'),
      ],
    },
  },
  funnel: {
    figures: [
      ...funnel.filter((x) => !['created', 'won', 'lost'].includes(x.label)),
      f('avgWonDealSize', 'avgWonDealSize', 'money'),
      f('closingWeighted', 'closingWeighted', 'money'),
      f('remainingTarget', 'remainingTarget', 'money'),
      f('salesCycle', 'salesCycleAvgDays', 'avgMedian', 'salesCycleMedianDays'),
    ],
    scopeColumns: funnel,
    recordColumns: [
      ...deal,
      f('weighted', 'weighted', 'money'),
      f('createdOn', 'createdOn', 'day'),
      f('expectedClose', 'expectedCloseOn', 'day'),
    ],
    extra: {
      path: 'stages',
      title: 'milestone',
      columns: [
        f('milestone', 'milestone', 'milestone'),
        f('openDeals', 'openDeals', 'count'),
        f('openAmount', 'openAmount', 'money'),
        f('openWeighted', 'openWeighted', 'money'),
        f('reached', 'reached', 'count'),
        f('conversion', 'conversion', 'rate'),
        f('dwell', 'dwellAvgDays', 'avgMedian', 'dwellMedianDays'),
      ],
    },
  },
  forecast: {
    figures: forecast,
    scopeColumns: forecast,
    recordColumns: [
      ...deal,
      f('expectedClose', 'expectedCloseOn', 'day'),
      f('probability', 'probability', 'count'),
      f('weighted', 'weighted', 'money'),
      f('score', 'scoreTotal', 'count'),
      f('intensityWeighted', 'intensityWeighted', 'money'),
    ],
  },
  stalled: {
    figures: stalled,
    scopeColumns: stalled,
    recordColumns: [
      ...deal,
      f('daysInStage', 'daysInStage', 'days'),
      f('threshold', 'thresholdDays', 'days'),
      f('daysOver', 'daysOver', 'days'),
    ],
  },
  abnormalCustomers: {
    figures: abnormal,
    scopeColumns: abnormal,
    recordColumns: [
      f('grade', 'grade', 'grade'),
      f('reasons', 'reasons', 'reasons'),
      f('overdueDays', 'overdueDays', 'days'),
      f('lastVisit', 'lastVisitOn', 'day'),
      f('lastContact', 'lastContactOn', 'day'),
      f('overdueBalance', 'overdueBalance', 'money'),
      f('orders', 'orders', 'money'),
      f('previousOrders', 'previousOrders', 'money'),
    ],
  },
  activitySplit: {
    figures: [
      f('development', 'totalShares.development', 'rate'),
      f('negotiation', 'totalShares.negotiation', 'rate'),
      f('maintenance', 'totalShares.maintenance', 'rate'),
    ],
    scopeColumns: split.slice(0, 3),
    recordColumns: [
      f('day', 'day', 'day'),
      f('category', 'category', 'category'),
      f('what', 'what', 'what'),
    ],
  },
  productSales: {
    figures: products,
    scopeColumns: products,
    recordColumns: [
      ...deal,
      f('closedOn', 'closedOn', 'day'),
      f('linesAmount', 'linesAmount', 'money'),
    ],
    extra: {
      path: 'products',
      title: 'product',
      columns: [
        f('product', 'name', 'text'),
        f('quantity', 'quantity', 'count'),
        f('deals', 'deals', 'count'),
        f('amount', 'amount', 'money'),
        f('share', 'share', 'rate'),
      ],
    },
  },
};

/** The first column of a row: what the row is. */
export function rowTitle(row: Record<string, unknown>): string {
  const v = row.title ?? row.name ?? row.customerName ?? row.id;
  return typeof v === 'string' ? v : '';
}
