import type { Result } from './define';

/**
 * How far a long task has got, as main reports it. `task` names the work (an i18n key
 * under the feature, e.g. `imports.progress.validate`); `total` 0 means "no numbers yet"
 * (show an indeterminate bar).
 */
export type Progress = { task: string; done: number; total: number };

/** What the preload exposes as `window.pacer`, and what the browser host's client imitates. */
export type PacerBridge = {
  call: (method: string, input: unknown) => Promise<Result<unknown>>;
  /** The listener gets the changed tables' names. */
  onTablesChanged: (listener: (tables: string[]) => void) => () => void;
  /** The listener gets each progress report of long work (import, export, sync). */
  onProgress: (listener: (progress: Progress) => void) => () => void;
};
