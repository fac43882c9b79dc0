import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CheckResult } from '../backup/integrity';
import type { AppContext } from '../core/context';
import { getLocal } from '../db/local-state';
import type { SyncProblem, SyncReport } from './sync';
import { linkClockToDatabase } from './clock-link';
import { pendingChanges } from './push';
import { runRound, type RoundRequest, type RoundResult } from './round';
import type { SnapshotPolicy } from './snapshots';
import { createTeam, joinTeam, type DeviceStatus } from './team';
import type { Stray } from './transport';
import {
  deserializeError,
  type FromWorker,
  type ToWorker,
  type WorkerAppOptions,
  type WorkerData,
  type WorkerStart,
  type WorkerRequest,
} from './worker-protocol';
import type { SyncStateName, SyncStatus } from '../../shared/contract/sync';

/** The pull interval when nothing else asks for a round (issue 9: 10 s). */
export const DEFAULT_INTERVAL_MS = 10_000;
/** How long local commits settle before they are pushed. */
export const DEFAULT_DEBOUNCE_MS = 2_000;
/** Commits that keep coming are pushed at least this often. */
const MAX_DEBOUNCE_MS = 10_000;
/** A round running longer than this means the folder does not answer (a hanging drive). */
const HANGING_MS = 30_000;
/** Folders are scanned for strays on the first round, on demand, and every this many rounds. */
const STRAY_SCAN_EVERY = 30;

/** The interval from `PACER_SYNC_INTERVAL_MS` (tests, e2e), else the default. */
export function intervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.PACER_SYNC_INTERVAL_MS);
  return Number.isFinite(value) && value >= 50 ? Math.floor(value) : DEFAULT_INTERVAL_MS;
}

export type WorkerSettings = {
  /** How the worker opens the database (the host's native binding and migrations folder). */
  appOptions?: WorkerAppOptions;
  /** The worker script; found beside this module (bundled) or run through tsx (development). */
  script?: string;
};

export type SyncServiceOptions = {
  intervalMs?: number;
  debounceMs?: number;
  patienceMs?: number;
  /** When this device writes periodic snapshots (defaults: a week, 20,000 changes, keep 3). */
  snapshots?: SnapshotPolicy | false;
  /** A round running longer than this shows as `offline` (default 30 s). */
  hangingMs?: number;
  /** Run rounds on a worker thread with its own connection (the hosts); in-process when false. */
  worker?: WorkerSettings | false;
};

type Progress = (stage: 'snapshot' | 'changes', done: number, total: number) => void;

/** Runs rounds (and the long team operations) somewhere: on a worker thread or in-process. */
type Runner = {
  readonly inProcess: boolean;
  round: (request: RoundRequest, onProgress: Progress) => Promise<RoundResult>;
  create: (folder: string, name: string) => Promise<{ teamName: string }>;
  close: () => Promise<void>;
};

function inlineRunner(ctx: AppContext, service: { quiet: <T>(fn: () => T) => T }): Runner {
  return {
    inProcess: true,
    round: (request, onProgress) =>
      Promise.resolve().then(() =>
        // The pull announces the tables it changed on this very context: not a local commit.
        service.quiet(() =>
          runRound(ctx, request, (done, total) => onProgress('changes', done, total)),
        ),
      ),
    create: (folder, name) =>
      Promise.resolve().then(() => ({ teamName: createTeam(ctx, folder, name).descriptor.name })),
    close: () => Promise.resolve(),
  };
}

/** Where the worker script is: bundled beside the main bundle, or the TypeScript source via tsx. */
export function workerScript(settings: WorkerSettings = {}): {
  script: string;
  entry: string | null;
} {
  if (settings.script) return { script: settings.script, entry: null };
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.ts')) {
    return {
      script: path.join(path.dirname(here), 'worker-boot.mjs'),
      entry: pathToFileURL(path.join(path.dirname(here), 'worker.ts')).href,
    };
  }
  // dist-electron/main.cjs → dist-electron/sync-worker.cjs (Electron loads it from app.asar).
  return { script: path.join(path.dirname(here), 'sync-worker.cjs'), entry: null };
}

/**
 * `PRAGMA quick_check` of a database on a worker thread: for a file too large to check before
 * the window opens (electron/core/context.ts `QUICK_CHECK_MAX_BYTES`), the check runs while the
 * app is already in use, and a damaged file is reported then.
 */
export function checkInBackground(
  file: string,
  settings: WorkerSettings = {},
): Promise<CheckResult> {
  const worker = spawnWorker(
    { mode: 'check', file, appOptions: settings.appOptions ?? {} },
    settings,
    // A check makes no stamps and gets no requests: no clock to follow.
    null,
  );
  return worker.expect<CheckResult>();
}

/**
 * Starts a worker thread and talks to it by numbered requests. The worker follows `hostNow`
 * (worker-protocol.ts `HostClock`): its reading goes with the start and with every request.
 */
function spawnWorker(start: WorkerStart, settings: WorkerSettings, hostNow: (() => Date) | null) {
  const { script, entry } = workerScript(settings);
  if (!existsSync(script)) throw new Error(`the sync worker ${script} is missing`);
  const reading = () => hostNow?.().getTime() ?? 0;
  const data: WorkerData = start.mode === 'check' ? start : { ...start, hostNow: reading() };
  const worker = new Worker(script, { workerData: entry ? { ...data, entry } : data });
  worker.unref();
  let nextId = 1;
  let failure: Error | null = null;
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: Progress }
  >();
  const failAll = (error: Error) => {
    failure = error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  worker.on('message', (message: FromWorker) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    if (message.type === 'progress')
      waiting.onProgress?.(message.stage, message.done, message.total);
    else {
      pending.delete(message.id);
      if (message.type === 'done') waiting.resolve(message.value);
      else waiting.reject(deserializeError(message.error));
    }
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`the sync worker stopped (exit code ${code})`)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    get failed() {
      return failure;
    },
    /** For a one-off worker (join): its single answer has id 0. */
    expect<T>(onProgress?: Progress): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (failure) return reject(failure);
        pending.set(0, {
          resolve: resolve as (v: unknown) => void,
          reject,
          ...(onProgress ? { onProgress } : {}),
        });
      });
    },
    send<T>(message: WorkerRequest, onProgress?: Progress): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (failure) return reject(failure);
        const id = nextId++;
        pending.set(id, {
          resolve: resolve as (v: unknown) => void,
          reject,
          ...(onProgress ? { onProgress } : {}),
        });
        worker.postMessage({
          ...message,
          id,
          hostNow: hostNow?.().getTime() ?? 0,
        } satisfies ToWorker);
      });
    },
    /** Asks the worker to finish and close its connection; terminates it if it does not. */
    async close(timeoutMs = 5_000): Promise<void> {
      if (failure) return;
      worker.postMessage({ type: 'close' } satisfies ToWorker);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), timeoutMs);
        timer.unref();
      });
      const outcome = await Promise.race([exited.then(() => 'exited' as const), late]);
      clearTimeout(timer);
      // A thread stuck in a read of a hung drive cannot finish: leave it (it is unref'd).
      if (outcome === 'late') void worker.terminate();
    },
  };
}

function workerRunner(ctx: AppContext, settings: WorkerSettings): Runner {
  let worker: ReturnType<typeof spawnWorker> | null = null;
  const get = () => {
    if (!worker || worker.failed)
      worker = spawnWorker(
        { mode: 'device', file: ctx.file, appOptions: settings.appOptions ?? {} },
        settings,
        ctx.now,
      );
    return worker;
  };
  return {
    inProcess: false,
    round: (request, onProgress) => get().send<RoundResult>({ type: 'round', request }, onProgress),
    create: (folder, name) => get().send<{ teamName: string }>({ type: 'create', folder, name }),
    close: async () => {
      const current = worker;
      worker = null;
      await current?.close();
    },
  };
}

const services = new WeakMap<AppContext, SyncService>();

/**
 * Team-folder sync for one open database (issue 9): a round (push, then pull) after local
 * commits (debounced), on a timer, and on demand; never two at once. Rounds run on a worker
 * thread with its own connection when the host asks (Electron, the browser host), so a hanging
 * drive cannot freeze the window; the window's clock then receives the round's clock and the
 * tables it changed are announced here.
 */
export class SyncService {
  readonly intervalMs: number;
  readonly debounceMs: number;
  private readonly patienceMs: number | undefined;
  private readonly snapshots: SnapshotPolicy | false | undefined;
  private readonly hangingMs: number;
  private readonly settings: WorkerSettings | false;
  private runner: Runner | null = null;
  private started = false;
  private unsubscribe: (() => void) | null = null;
  private interval: NodeJS.Timeout | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private dirtySince: number | null = null;
  private loop: Promise<void> | null = null;
  private again = false;
  private quietDepth = 0;
  private rounds = 0;
  private scanNext = true;
  private roundStartedAt: number | null = null;
  private warned = false;
  /** What the last round found: the status answers from these, without touching the folder. */
  private last: {
    report: SyncReport | null;
    error: SyncProblem | null;
    at: string;
  } | null = null;
  private lastSuccessAt: string | null = null;
  private devices: DeviceStatus[] = [];
  private strays: Stray[] = [];
  /** Rounds run so far (tests and the measured figures). */
  roundsRun = 0;

  constructor(
    readonly ctx: AppContext,
    options: SyncServiceOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? intervalFromEnv();
    this.debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
    this.patienceMs = options.patienceMs;
    this.snapshots = options.snapshots;
    this.hangingMs = options.hangingMs ?? HANGING_MS;
    this.settings = options.worker ?? false;
  }

  get inWorker(): boolean {
    return this.settings !== false;
  }

  get running(): boolean {
    return this.started;
  }

  /** Runs `fn` with this context's "tables changed" not counted as local commits. */
  quiet<T>(fn: () => T): T {
    this.quietDepth += 1;
    try {
      return fn();
    } finally {
      this.quietDepth -= 1;
    }
  }

  /** The worker's settings, or false for in-process rounds (also when the worker script is missing). */
  private workerSettings(): WorkerSettings | false {
    if (!this.settings) return false;
    const { script } = workerScript(this.settings);
    if (existsSync(script)) return this.settings;
    if (!this.warned)
      console.warn(`pacer sync: ${script} is missing; running sync rounds in-process instead`);
    this.warned = true;
    return false;
  }

  private getRunner(): Runner {
    if (!this.runner) {
      const settings = this.workerSettings();
      this.runner = settings ? workerRunner(this.ctx, settings) : inlineRunner(this.ctx, this);
    }
    return this.runner;
  }

  /** Starts syncing when the file has a team folder (idempotent); a first round runs at once. */
  start(): boolean {
    if (this.started) return true;
    if (!getLocal(this.ctx.sqlite, 'team_id')) return false;
    this.started = true;
    if (this.settings) linkClockToDatabase(this.ctx);
    this.unsubscribe = this.ctx.onTablesChanged(() => {
      if (this.quietDepth > 0) return;
      this.localChange();
    });
    this.interval = setInterval(() => {
      // A tick during a round is dropped: a slow drive is not queued up.
      if (!this.loop) void this.kick();
    }, this.intervalMs);
    this.interval.unref();
    void this.kick();
    return true;
  }

  /** Stops the timers and waits for a round in flight; the worker closes its connection. */
  async stop(timeoutMs = 5_000): Promise<void> {
    this.halt();
    if (this.loop) {
      // A round stuck on a hanging drive is not waited for forever.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.loop.catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
          timer.unref();
        }),
      ]);
      clearTimeout(timer);
    }
    const runner = this.runner;
    this.runner = null;
    await runner?.close();
  }

  /** The synchronous part of `stop` (for a context closed without waiting). */
  halt(): void {
    this.started = false;
    this.again = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.interval) clearInterval(this.interval);
    if (this.debounce) clearTimeout(this.debounce);
    this.interval = null;
    this.debounce = null;
    this.dirtySince = null;
  }

  private localChange(): void {
    const now = Date.now();
    this.dirtySince ??= now;
    if (this.debounce) clearTimeout(this.debounce);
    // Commits that keep coming still go out every MAX_DEBOUNCE_MS.
    const wait = now - this.dirtySince >= MAX_DEBOUNCE_MS ? 0 : this.debounceMs;
    this.debounce = setTimeout(() => {
      this.debounce = null;
      this.dirtySince = null;
      void this.kick();
    }, wait);
    this.debounce.unref();
  }

  /** Runs a round soon; during a round, one more after it. */
  private kick(): Promise<void> {
    if (!this.started) return Promise.resolve();
    if (this.loop) {
      this.again = true;
      return this.loop;
    }
    this.loop = (async () => {
      try {
        do {
          this.again = false;
          await this.round();
        } while (this.again && this.started);
      } finally {
        this.loop = null;
      }
    })();
    return this.loop;
  }

  /** A round now (the "Sync now" button; window focus without the scan for strays); resolves after it. */
  async now(options: { scanStrays?: boolean; waitMs?: number } = {}): Promise<void> {
    if (!this.started && !this.start()) return;
    if (options.scanStrays !== false) this.scanNext = true;
    if (this.debounce) {
      clearTimeout(this.debounce);
      this.debounce = null;
      this.dirtySince = null;
    }
    const round = this.kick();
    if (options.waitMs === undefined) return round;
    // A caller that must answer (the "Sync now" button) stops waiting for a hanging drive.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      round,
      new Promise((resolve) => {
        timer = setTimeout(resolve, options.waitMs);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  /** Waits for the round in flight and any asked for during it. */
  async idle(): Promise<void> {
    while (this.loop) await this.loop;
  }

  private async round(): Promise<void> {
    const ctx = this.ctx;
    const scanStrays = this.scanNext || this.rounds % STRAY_SCAN_EVERY === 0;
    this.scanNext = false;
    this.rounds += 1;
    this.roundStartedAt = Date.now();
    const request: RoundRequest = {
      scanStrays,
      ...(this.patienceMs === undefined ? {} : { patienceMs: this.patienceMs }),
      ...(this.snapshots === undefined ? {} : { snapshots: this.snapshots }),
    };
    const runner = this.getRunner();
    try {
      const result = await runner.round(request, (_stage, done, total) => {
        if (total > 1 && ctx.sqlite.open)
          ctx.reportProgress({ task: 'sync.progress', done, total });
      });
      if (!ctx.sqlite.open) return;
      if (!runner.inProcess) {
        // So the user's next edit is stamped after everything this round applied.
        if (result.clock) ctx.clock.receive(result.clock);
        if (result.tables.length > 0) this.quiet(() => ctx.announce(result.tables));
      }
      this.record(result, null);
    } catch (error) {
      this.record(null, {
        code: 'internal',
        message: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.roundStartedAt = null;
      this.roundsRun += 1;
    }
  }

  private record(result: RoundResult | null, error: SyncProblem | null): void {
    const at = this.ctx.now().toISOString();
    this.last = { report: result?.report ?? null, error, at };
    if (result?.reachable) this.lastSuccessAt = at;
    if (result) {
      this.devices = result.devices;
      if (result.strays) this.strays = result.strays;
    }
  }

  /** Creates a team folder from this database (on the worker when there is one), then starts. */
  async createTeam(folder: string, name: string): Promise<void> {
    await this.getRunner().create(folder, name);
    this.start();
    await this.idle();
  }

  /** Joins `folder` into the new file `file` (on a one-off worker when rounds run on one). */
  async join(file: string, folder: string, onProgress: Progress): Promise<{ teamName: string }> {
    const settings = this.workerSettings();
    // The new file's clock and ids come from this context's, so an injected clock reaches it.
    if (!settings) {
      const joined = joinTeam(file, folder, {
        onProgress,
        appOptions: { now: this.ctx.now, newId: this.ctx.newId },
      });
      joined.ctx.close();
      return { teamName: joined.descriptor.name };
    }
    const worker = spawnWorker(
      { mode: 'join', file, folder, appOptions: settings.appOptions ?? {} },
      settings,
      this.ctx.now,
    );
    return worker.expect<{ teamName: string }>(onProgress);
  }

  /** The state for the header and Settings: from the last round and the database, never the folder. */
  status(): SyncStatus {
    return statusOf(this.ctx, this);
  }

  /** @internal the cached parts of the status. */
  snapshot() {
    return {
      last: this.last,
      lastSuccessAt: this.lastSuccessAt,
      devices: this.devices,
      strays: this.strays,
      syncing: this.roundStartedAt !== null,
      hanging: this.roundStartedAt !== null && Date.now() - this.roundStartedAt > this.hangingMs,
      pendingRound: this.debounce !== null,
    };
  }
}

/** Problems of a round, for the status. */
function problemsOf(report: SyncReport | null, error: SyncProblem | null): SyncStatus['problems'] {
  const problems: SyncStatus['problems'] = [];
  if (error) problems.push({ ...error, deviceId: null });
  if (!report) return problems;
  if (report.pushError) problems.push({ ...report.pushError, deviceId: null });
  if (report.pullError && report.pullError.message !== report.pushError?.message)
    problems.push({ ...report.pullError, deviceId: null });
  for (const w of report.pulled?.waiting ?? [])
    if (w.stalled)
      problems.push({
        code: 'waiting',
        message: `batch ${w.seq} is ${w.problem}${w.message ? `: ${w.message}` : ''} (since ${w.since})`,
        deviceId: w.deviceId,
      });
  return problems;
}

/**
 * The status of `ctx`'s sync, cheap enough for every screen: the database (team, pending
 * changes, open conflicts, cursors) and what the service's last round found.
 */
export function statusOf(
  ctx: AppContext,
  service: SyncService | undefined = services.get(ctx),
): SyncStatus {
  const { sqlite } = ctx;
  const teamId = getLocal(sqlite, 'team_id');
  const openConflicts = (
    sqlite.prepare('SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as {
      n: number;
    }
  ).n;
  const intervalMs = service?.intervalMs ?? intervalFromEnv();
  if (!teamId)
    return {
      state: 'off',
      team: null,
      deviceId: ctx.deviceId,
      lastRoundAt: null,
      lastSuccessAt: null,
      pendingChanges: 0,
      openConflicts,
      problems: [],
      devices: [],
      strays: [],
      intervalMs,
    };
  const pending = pendingChanges(ctx);
  const cached = service?.snapshot();
  const report = cached?.last?.report ?? null;
  const error = cached?.last?.error ?? null;
  const problems = problemsOf(report, error);
  let state: SyncStateName;
  if (cached?.hanging) {
    state = 'offline';
    problems.push({
      code: 'offline',
      message: 'the team folder does not answer (a round has been running for a long time)',
      deviceId: null,
    });
  } else if (cached?.syncing) state = 'syncing';
  else if (error) state = 'error';
  else if (report && report.state !== 'synced' && report.state !== 'pending') state = report.state;
  else state = pending > 0 ? 'pending' : 'synced';
  return {
    state,
    team: {
      id: teamId,
      name: getLocal(sqlite, 'team_name'),
      folder: getLocal(sqlite, 'team_folder'),
    },
    deviceId: ctx.deviceId,
    lastRoundAt: cached?.last?.at ?? null,
    lastSuccessAt: cached?.lastSuccessAt ?? null,
    pendingChanges: pending,
    openConflicts,
    problems,
    devices: cached?.devices ?? [],
    strays: cached?.strays ?? [],
    intervalMs,
  };
}

/**
 * Gives `ctx` its sync service (hosts call it when they open a database; handlers get an
 * in-process one when no host did) and starts it when the file has a team folder. Closing the
 * context stops it.
 */
export function attachSync(ctx: AppContext, options: SyncServiceOptions = {}): SyncService {
  const existing = services.get(ctx);
  if (existing) return existing;
  const service = new SyncService(ctx, options);
  services.set(ctx, service);
  const close = ctx.close;
  ctx.close = () => {
    service.halt();
    void service.stop();
    services.delete(ctx);
    close();
  };
  service.start();
  return service;
}

export function syncServiceOf(ctx: AppContext): SyncService | undefined {
  return services.get(ctx);
}

/** Stops `ctx`'s service and waits for its round and worker (before a restart or close). */
export async function detachSync(ctx: AppContext): Promise<void> {
  const service = services.get(ctx);
  if (!service) return;
  await service.stop();
}
