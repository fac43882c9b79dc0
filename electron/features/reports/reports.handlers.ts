import type { reportsContract } from '../../../shared/contract/reports';
import type { HandlersOf } from '../../ipc/dispatch';
import { visibility } from '../team/visibility';
import { runReport } from './run';
import { allowedReportScope } from './scope';

export const reportsHandlers: HandlersOf<typeof reportsContract> = {
  'reports.run': (input, ctx) =>
    runReport(ctx.db, { ...input, scope: allowedReportScope(visibility(ctx), input.scope) }),
};
