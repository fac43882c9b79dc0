import type { reportsContract } from '../../../shared/contract/reports';
import type { HandlersOf } from '../../ipc/dispatch';
import { runReport } from './run';

export const reportsHandlers: HandlersOf<typeof reportsContract> = {
  'reports.run': (input, ctx) => runReport(ctx.db, input),
};
