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

/** The browser host hands its token in the URL once; keep it for this tab and clean the address bar. */
function browserToken(): string {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    params.delete('token');
    const query = params.toString();
    window.history.replaceState(
      null,
      '',
      `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`,
    );
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * One event stream for the whole tab, opened on the first subscription and closed with
 * the last: table changes and progress share it, so the host holds one connection per tab.
 */
function sharedEvents(token: string) {
  let source: EventSource | null = null;
  let subscribers = 0;
  return (type: 'tables' | 'progress', handler: (data: unknown) => void): (() => void) => {
    source ??= new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    subscribers += 1;
    const relay = (event: MessageEvent<string>) => handler(JSON.parse(event.data));
    const current = source;
    current.addEventListener(type, relay);
    return () => {
      current.removeEventListener(type, relay);
      subscribers -= 1;
      if (subscribers === 0) {
        current.close();
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
