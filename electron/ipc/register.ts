import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/contract';
import type { AppContext } from '../core/context';
import { handlers } from '../features/handlers';
import { isAppPage } from './sender';
import { dispatch } from './dispatch';

/** The one invoke channel every contract method travels on (preload.ts uses the same names). */
export const callChannel = 'pacer:call';
/** Main → renderer: `{ tables }` (as the browser host's event stream) after a commit changed them. */
export const tablesChannel = 'pacer:tables';
/** Main → renderer: `{ task, done, total }` (as the browser host's event stream) while long work runs. */
export const progressChannel = 'pacer:progress';

function refuse(message: string): Result<never> {
  return { ok: false, error: { code: 'invalid_input', message } };
}

/**
 * Registers the generic `pacer:call` handler: sender must be the app's own page, then
 * `{ method, input }` goes through `dispatch` (zod parse → handler → Result).
 * Returns a function that unregisters it.
 */
export function registerIpc(ctx: AppContext, pageUrl: string): () => void {
  ipcMain.handle(
    callChannel,
    async (event: IpcMainInvokeEvent, payload: unknown): Promise<Result<unknown>> => {
      // A frame that navigated elsewhere (or an injected iframe) must not reach the database.
      if (!isAppPage(event.senderFrame?.url, pageUrl)) return refuse('untrusted sender');
      if (typeof payload !== 'object' || payload === null)
        return refuse('expected { method, input }');
      const { method, input } = payload as { method?: unknown; input?: unknown };
      if (typeof method !== 'string') return refuse('expected { method, input }');
      return dispatch(handlers, ctx, method, input);
    },
  );
  return () => ipcMain.removeHandler(callChannel);
}
