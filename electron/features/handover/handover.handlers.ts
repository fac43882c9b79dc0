import type { handoverContract } from '../../../shared/contract/handover';
import type { HandlersOf } from '../../ipc/dispatch';
import { executeHandover, previewHandover } from './handover.plan';

/** The handover methods; the work is in handover.plan.ts so tests can inject parts. */
export const handoverHandlers: HandlersOf<typeof handoverContract> = {
  'handover.preview': (input, ctx) => previewHandover(ctx, input),
  'handover.execute': (input, ctx) => executeHandover(ctx, input),
};
