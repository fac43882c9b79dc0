/**
 * Calls a browser host's API as the app does (the token in the `x-pacer-token` header) and
 * throws on an error answer. Used by the end-to-end tests and the screenshot scripts; it
 * imports nothing from Playwright, so a script can load it outside the test runner.
 */
export async function api<T = unknown>(
  host: { url: string; token: string },
  method: string,
  input: unknown = {},
): Promise<T> {
  const response = await fetch(`${new URL(host.url).origin}/api/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pacer-token': host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.value;
}
