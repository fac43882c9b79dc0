import type { Result } from './define';

/** What the preload exposes as `window.pacer`, and what the browser host's client imitates. */
export type PacerBridge = {
  call: (method: string, input: unknown) => Promise<Result<unknown>>;
  /** The listener gets the changed tables' names. */
  onTablesChanged: (listener: (tables: string[]) => void) => () => void;
};
