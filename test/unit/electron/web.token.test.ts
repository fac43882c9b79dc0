import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../electron/web';

let dir: string;
let host: WebHost;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'pacer-web-token-'));
  host = await startWebHost({ db: path.join(dir, 'pacer.sqlite'), rendererDir: dir });
});
afterEach(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${host.port}`;
const callStatus = (query = '', headers: Record<string, string> = {}) =>
  fetch(`${base()}/api/call/app.status${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

/** Opens the event stream with the given headers and answers its status and content type. */
function openStream(query = '', headers: Record<string, string> = {}) {
  return new Promise<IncomingMessage>((resolve) =>
    get({ host: '127.0.0.1', port: host.port, path: `/api/events${query}`, headers }, resolve),
  ).then((res) => {
    const result = { status: res.statusCode, type: res.headers['content-type'] };
    res.destroy();
    return result;
  });
}

describe('the browser host keeps its token out of URLs', () => {
  it('prints a URL with the token in the fragment, never in the query', () => {
    const url = new URL(host.url);
    expect(url.search).toBe('');
    expect(url.hash).toBe(`#token=${host.token}`);
  });

  it('refuses ?token= without the header (401) and answers the header', async () => {
    const inQuery = await callStatus(`?token=${encodeURIComponent(host.token)}`);
    expect(inQuery.status).toBe(401);
    expect(await inQuery.json()).toMatchObject({ ok: false });
    expect((await callStatus()).status).toBe(401);
    expect((await callStatus('', { 'x-pacer-token': 'wrong' })).status).toBe(401);
    const byHeader = await callStatus('', { 'x-pacer-token': host.token });
    expect(byHeader.status).toBe(200);
    expect(await byHeader.json()).toMatchObject({ ok: true });
    expect((await openStream(`?token=${encodeURIComponent(host.token)}`)).status).toBe(401);
  });

  it('opens the event stream with a narrow HttpOnly SameSite=Strict cookie bought with the header', async () => {
    const refused = await fetch(`${base()}/api/events/session`, { method: 'POST' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('set-cookie')).toBeNull();

    const session = await fetch(`${base()}/api/events/session`, {
      method: 'POST',
      headers: { 'x-pacer-token': host.token },
    });
    expect(session.status).toBe(204);
    const setCookie = session.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^pacer-events-${host.port}=[\\w-]+;`));
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/api/events');
    const cookie = setCookie.split(';')[0] ?? '';
    expect(cookie).not.toContain(host.token);

    expect(await openStream('', { cookie })).toEqual({ status: 200, type: 'text/event-stream' });
    expect((await openStream('', { cookie: `pacer-events-${host.port}=forged` })).status).toBe(401);
    expect((await openStream()).status).toBe(401);
    // The cookie opens the stream and nothing else.
    expect((await callStatus('', { cookie })).status).toBe(401);
  });
});
