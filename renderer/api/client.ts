import type { ApiError, Input, MethodName, Output, Result } from '../../shared/contract';
import type { PacerBridge, Progress } from '../../shared/contract/bridge';

declare global {
  // Declaration merging needs an interface here.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    pacer?: PacerBridge;
  }
}

/** A failed call, carrying the contract's error so screens can show it in the user's language. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiFailure';
  }
}

const TOKEN_KEY = 'pacer.token';

/**
 * The browser host hands its token in the URL fragment once (`/#token=…`, which no request
 * carries to a server): keep it for this tab and take it out of the address bar and the
 * history entry before the router reads the fragment. `/#token=…#/customers` opens a route.
 * Runs when this module loads, which main.tsx makes happen before the router is created, and
 * on every fragment change (listeners added before the router's run first), since opening
 * the printed URL again in the same tab changes only the fragment and reloads nothing.
 */
function adoptFragmentToken(): void {
  if (typeof window === 'undefined' || window.pacer) return;
  const match = /^#token=([^#&]*)&?(.*)$/.exec(window.location.hash);
  if (!match) return;
  const [, fromUrl = '', rest = ''] = match;
  if (fromUrl) sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(fromUrl));
  const hash = rest.startsWith('#') ? rest : rest ? `#${rest}` : '';
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${hash}`,
  );
}
adoptFragmentToken();
if (typeof window !== 'undefined' && !window.pacer) {
  window.addEventListener('popstate', adoptFragmentToken);
  window.addEventListener('hashchange', adoptFragmentToken);
}

function browserToken(): string {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

type EventType = 'tables' | 'progress';

/**
 * One event stream for the whole tab, opened on the first subscription and closed with
 * the last: table changes and progress share it, so the host holds one connection per tab.
 * EventSource cannot send the token header, so a header-authenticated POST first gets the
 * host's HttpOnly cookie that opens /api/events (and nothing else); see electron/web.ts.
 */
function sharedEvents(token: string) {
  const handlers: Record<EventType, Set<(data: unknown) => void>> = {
    tables: new Set(),
    progress: new Set(),
  };
  let source: EventSource | null = null;
  let opening = false;
  let subscribers = 0;

  function open(retry: boolean): void {
    opening = true;
    void fetch('/api/events/session', { method: 'POST', headers: { 'x-pacer-token': token } })
      .then((response) => {
        if (!response.ok || subscribers === 0 || source) return;
        const current = new EventSource('/api/events');
        source = current;
        for (const type of ['tables', 'progress'] as const) {
          current.addEventListener(type, (event: MessageEvent<string>) => {
            const data: unknown = JSON.parse(event.data);
            for (const handler of handlers[type]) handler(data);
          });
        }
        // A refused stream is closed for good (a host restarted with a new key): ask once more.
        current.addEventListener('error', () => {
          if (current.readyState !== EventSource.CLOSED || source !== current) return;
          source = null;
          if (retry && subscribers > 0) setTimeout(() => open(false), 1000);
        });
      })
      .catch(() => undefined)
      .finally(() => {
        opening = false;
      });
  }

  return (type: EventType, handler: (data: unknown) => void): (() => void) => {
    const entry = (data: unknown) => handler(data); // one entry per subscription
    handlers[type].add(entry);
    subscribers += 1;
    if (!source && !opening) open(true);
    return () => {
      handlers[type].delete(entry);
      subscribers -= 1;
      if (subscribers === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}

/** The browser host's transport: the same calls over HTTP, table changes and progress over server-sent events. */
function httpBridge(): PacerBridge {
  const token = browserToken();
  const subscribe = sharedEvents(token);
  return {
    async call(method, input) {
      try {
        const response = await fetch(`/api/call/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pacer-token': token },
          body: JSON.stringify(input ?? {}),
        });
        return (await response.json()) as Result<unknown>;
      } catch (error) {
        return { ok: false, error: { code: 'io', message: String(error), key: 'errors.offline' } };
      }
    },
    onTablesChanged(listener) {
      return subscribe('tables', (data) => listener((data as { tables: string[] }).tables));
    },
    onProgress(listener) {
      return subscribe('progress', (data) => listener(data as Progress));
    },
  };
}

let bridge: PacerBridge | null = null;
function getBridge(): PacerBridge {
  bridge ??= window.pacer ?? httpBridge();
  return bridge;
}

/** Calls a contract method; resolves with its value or throws `ApiFailure`. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await getBridge().call(method, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value as Output<M>;
}

/** Subscribes to "these tables changed" from the main process. */
export function onTablesChanged(listener: (tables: string[]) => void): () => void {
  return getBridge().onTablesChanged(listener);
}

/** Subscribes to progress reports of long work in the main process (import, export). */
export function onProgress(listener: (progress: Progress) => void): () => void {
  return getBridge().onProgress(listener);
}
