import type { AppOptions } from '../core/context';
import { AppError } from '../core/errors';
import type { RoundRequest } from './round';
import { TransportError, type TransportErrorCode } from './transport';

/** What a worker needs to open the database the way its host does. */
export type WorkerAppOptions = Pick<
  AppOptions,
  'nativeBinding' | 'migrationsFolder' | 'appVersion'
>;

/**
 * The host's clock reading (epoch ms) when it sent a message. A worker cannot share the host's
 * `now` function, so it follows the host's clock instead of its own: its time is the host's last
 * reading plus the time elapsed since (electron/sync/worker.ts). An injected clock (the
 * tests', the web host's `now` option) thus reaches every stamp the worker makes.
 */
export type HostClock = { hostNow: number };

/** What a host starts a worker with; the host's clock is added when it starts (service.ts). */
export type WorkerStart =
  | { mode: 'device'; file: string; appOptions: WorkerAppOptions }
  | { mode: 'join'; file: string; folder: string; appOptions: WorkerAppOptions }
  /** `PRAGMA quick_check` of a database too large to check before the window opens. */
  | { mode: 'check'; file: string; appOptions: WorkerAppOptions };

/** What the worker receives: a check makes no stamps, so it alone has no clock. */
export type WorkerData =
  Extract<WorkerStart, { mode: 'check' }> | (Exclude<WorkerStart, { mode: 'check' }> & HostClock);

/** A request to the device worker; the service numbers it. */
export type WorkerRequest =
  { type: 'round'; request: RoundRequest } | { type: 'create'; folder: string; name: string };

export type ToWorker = (WorkerRequest & { id: number } & HostClock) | { type: 'close' };

/** An error as it crosses the thread boundary, rebuilt on the other side. */
export type WorkerError =
  | { kind: 'transport'; code: TransportErrorCode; message: string }
  | {
      kind: 'app';
      code: AppError['code'];
      message: string;
      key?: string;
      params?: Record<string, string | number>;
    }
  | { kind: 'other'; message: string; errno?: string };

export type FromWorker =
  | {
      type: 'progress';
      id: number;
      stage: 'snapshot' | 'changes';
      done: number;
      total: number;
    }
  | { type: 'done'; id: number; value: unknown }
  | { type: 'failed'; id: number; error: WorkerError };

export function serializeError(error: unknown): WorkerError {
  if (error instanceof TransportError)
    return { kind: 'transport', code: error.code, message: error.message };
  if (error instanceof AppError)
    return {
      kind: 'app',
      code: error.code,
      message: error.message,
      ...(error.key ? { key: error.key } : {}),
      ...(error.params ? { params: error.params } : {}),
    };
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  return {
    kind: 'other',
    message: error instanceof Error ? error.message : String(error),
    ...(typeof errno === 'string' ? { errno } : {}),
  };
}

export function deserializeError(error: WorkerError): Error {
  if (error.kind === 'transport') return new TransportError(error.code, error.message);
  if (error.kind === 'app') return new AppError(error.code, error.message, error.key, error.params);
  const rebuilt = new Error(error.message) as NodeJS.ErrnoException;
  if (error.errno) rebuilt.code = error.errno;
  return rebuilt;
}
