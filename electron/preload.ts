import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { methodNames, type Result, type TablesChanged } from '../shared/contract';
import type { PacerBridge, Progress } from '../shared/contract/bridge';

// Bundled alone into dist-electron/preload.cjs: a sandboxed preload may require only
// 'electron', so everything else (the contract's method names) is inlined by esbuild.
// The channel names repeat electron/ipc/register.ts because importing it would pull
// in the handlers and the database driver.
const callChannel = 'pacer:call';
const tablesChannel = 'pacer:tables';
const progressChannel = 'pacer:progress';

const known = new Set<string>(methodNames);

const bridge: PacerBridge = {
  call(method, input) {
    // Refused here too, so a renderer bug cannot probe for channels or handlers the contract lacks.
    if (typeof method !== 'string' || !known.has(method)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'unknown_method',
          message: `unknown method ${String(method)}`,
          key: 'errors.unknownMethod',
        },
      });
    }
    return ipcRenderer.invoke(callChannel, { method, input }) as Promise<Result<unknown>>;
  },
  onTablesChanged(listener) {
    // The IPC event object stays here: it carries `sender`, which the page must never get.
    const relay = (_event: IpcRendererEvent, change: TablesChanged) => listener(change.tables);
    ipcRenderer.on(tablesChannel, relay);
    return () => {
      ipcRenderer.removeListener(tablesChannel, relay);
    };
  },
  onProgress(listener) {
    const relay = (_event: IpcRendererEvent, progress: Progress) =>
      listener({ task: progress.task, done: progress.done, total: progress.total });
    ipcRenderer.on(progressChannel, relay);
    return () => {
      ipcRenderer.removeListener(progressChannel, relay);
    };
  },
};

contextBridge.exposeInMainWorld('pacer', bridge);
