import type { AllHandlers } from '../ipc/dispatch';
import { appHandlers } from './app/app.handlers';
import { customersHandlers } from './customers/customers.handlers';
import { contactsHandlers } from './contacts/contacts.handlers';
import { dealsHandlers } from './deals/deals.handlers';
import { productsHandlers } from './products/products.handlers';
import { receivablesHandlers } from './receivables/receivables.handlers';
import { followUpsHandlers } from './followups/followups.handlers';
import { handoverHandlers } from './handover/handover.handlers';
import { importsHandlers } from './imports/imports.handlers';
import { scoresHandlers } from './scores/scores.handlers';
import { settingsHandlers } from './settings/settings.handlers';
import { teamHandlers } from './team/team.handlers';
import { timelineHandlers } from './timeline/timeline.handlers';
import { visitsHandlers } from './visits/visits.handlers';
import { reportsHandlers } from './reports/reports.handlers';
import { targetsHandlers } from './targets/targets.handlers';
import { weeklyHandlers } from './weekly/weekly.handlers';
import { exportsHandlers } from './exports/exports.handlers';
import { syncHandlers } from './sync/sync.handlers';
import { backupHandlers } from './backup/backup.handlers';
import { dashboardHandlers } from './dashboard/dashboard.handlers';

/** Every contract method's handler; the type makes a missing one a compile error. */
export const handlers: AllHandlers = {
  ...appHandlers,
  ...teamHandlers,
  ...customersHandlers,
  ...contactsHandlers,
  ...settingsHandlers,
  ...timelineHandlers,
  ...followUpsHandlers,
  ...importsHandlers,
  ...handoverHandlers,
  ...productsHandlers,
  ...dealsHandlers,
  ...receivablesHandlers,
  ...scoresHandlers,
  ...visitsHandlers,
  ...reportsHandlers,
  ...targetsHandlers,
  ...weeklyHandlers,
  ...exportsHandlers,
  ...syncHandlers,
  ...backupHandlers,
  ...dashboardHandlers,
};
