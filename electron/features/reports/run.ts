import type { ReportInput, ReportOutput } from '../../../shared/contract/reports';
import type { Db } from '../../db/connection';
import { abnormalCustomersReport } from './abnormalCustomers';
import { activitySplitReport } from './activitySplit';
import { attainmentReport } from './attainment';
import { reportContext, type ReportContext } from './context';
import { customerVisitsReport } from './customerVisits';
import { executionReport } from './execution';
import { forecastReport } from './forecast';
import { funnelReport } from './funnel';
import { performanceReport } from './performance';
import { productSalesReport } from './productSales';
import { stalledReport } from './stalled';

const builders: { [N in ReportInput['report']]: (ctx: ReportContext) => ReportOutput } = {
  attainment: attainmentReport,
  performance: performanceReport,
  execution: executionReport,
  customerVisits: customerVisitsReport,
  funnel: funnelReport,
  forecast: forecastReport,
  stalled: stalledReport,
  abnormalCustomers: abnormalCustomersReport,
  activitySplit: activitySplitReport,
  productSales: productSalesReport,
};

/**
 * Runs one report (domain.md §7) on a database: read-only, so the CLI can run it on a file
 * opened read-only. The input is the contract's parsed `reports.run` input.
 */
export function runReport(db: Db, input: ReportInput): ReportOutput {
  return builders[input.report](reportContext(db, input));
}
