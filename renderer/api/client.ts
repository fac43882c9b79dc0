import type { ApiError, Input, MethodName, Output, Result } from '../../shared/contract';
import type { PacerBridge } from '../../shared/contract/bridge';

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
    window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The browser host's transport: the same calls over HTTP, table changes over server-sent events. */
function httpBridge(): PacerBridge {
  const token = browserToken();
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
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const handler = (event: MessageEvent<string>) => {
        const { tables } = JSON.parse(event.data) as { tables: string[] };
        listener(tables);
      };
      source.addEventListener('tables', handler);
      return () => source.close();
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
