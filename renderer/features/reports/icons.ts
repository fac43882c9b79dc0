import {
  IconAlertTriangle,
  IconArrowsDiff,
  IconBox,
  IconChartDonut,
  IconChartLine,
  IconClockPause,
  IconFilter,
  IconListCheck,
  IconTarget,
  IconUsers,
} from '@tabler/icons-react';
import type { ReportName } from '../../../shared/contract/reports';

export const reportIcons: Record<ReportName, typeof IconTarget> = {
  attainment: IconTarget,
  performance: IconArrowsDiff,
  execution: IconListCheck,
  customerVisits: IconUsers,
  funnel: IconFilter,
  forecast: IconChartLine,
  stalled: IconClockPause,
  abnormalCustomers: IconAlertTriangle,
  activitySplit: IconChartDonut,
  productSales: IconBox,
};
