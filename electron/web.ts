import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openApp, type AppContext } from './core/context';
import { handlers } from './features/handlers';
import { dispatch } from './ipc/dispatch';
import { contentSecurityPolicy } from './csp';
import { folderFileHost } from './export/host';
import { applyPendingReplace } from './db/replace';
import { checkAfterOpen } from './backup/background';
import { attachSync, detachSync } from './sync/service';
import { startDailyBackups } from './backup/backups';

// A spreadsheet to import travels base64 in the body (imports.previewCustomers).
const MAX_BODY = 64 * 1024 * 1024;

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export type WebHost = {
  url: string;
  /** The folder exports are saved into. */
  downloadsDir: string;
  port: number;
  token: string;
  close: () => Promise<void>;
  ctx: AppContext;
};

function defaultDownloadsDir(): string {
  const downloads = path.join(homedir(), 'Downloads');
  if (existsSync(downloads)) return downloads;
  const fallback = path.join(tmpdir(), 'pacer-downloads');
  mkdirSync(fallback, { recursive: true });
  return fallback;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie of a request, if it carries it. */
function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/**
 * The browser host: the built renderer and the same handlers as the Electron app, over
 * HTTP on 127.0.0.1 only, each API call guarded by a per-run random token.
 *
 * Where the token travels, so that no log, history or Referer keeps it:
 * - The URL printed at start carries it in the fragment (`/#token=…`), which a browser never
 *   sends to a server; the page reads it, keeps it in sessionStorage for the tab and removes
 *   it from the address bar with history.replaceState before the router starts.
 * - Every API call sends it in the `x-pacer-token` header. A token in the query string is
 *   refused (401) like a missing one.
 * - The event stream cannot send headers (EventSource has no such option), so the page first
 *   calls POST /api/events/session with the header; that answers with an HttpOnly,
 *   SameSite=Strict cookie scoped to Path=/api/events holding a second random key, which
 *   opens the event stream and nothing else (no call, no data). The cookie's name carries
 *   the port, since cookies on 127.0.0.1 are shared by every port.
 */
export async function startWebHost(options: {
  db: string;
  port?: number;
  rendererDir?: string;
  token?: string;
  /** Where exports are saved (the browser host has no save dialog): default ~/Downloads. */
  downloadsDir?: string;
  /** The host's clock (tests inject one; it reaches the sync worker too). */
  now?: () => Date;
}): Promise<WebHost> {
  const downloads = options.downloadsDir ?? defaultDownloadsDir();
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Opens /api/events only; handed out as a cookie to a header-authenticated page.
  const eventsKey = randomBytes(24).toString('base64url');
  const rendererDir =
    options.rendererDir ??
    path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
  const streams = new Set<ServerResponse>();

  /** Opens the database (applying a pending replacement first) and wires it to this host. */
  function open(): AppContext {
    const replaced = applyPendingReplace(options.db);
    if (replaced.error) console.error(`pacer web: ${replaced.error}`);
    const opened = openApp(options.db, options.now ? { now: options.now } : {});
    void checkAfterOpen(options.db, {}, (damage) =>
      console.error(`pacer web: ${damage.message}; restore a backup with \`pacer restore\``),
    );
    startDailyBackups(opened); // a backup a day (electron/backup/backups.ts); stops when it closes
    opened.fileHost = folderFileHost(downloads);
    opened.restart = restart;
    opened.onTablesChanged((tables) => {
      const payload = `event: tables\ndata: ${JSON.stringify({ tables })}\n\n`;
      for (const stream of streams) stream.write(payload);
    });
    opened.onProgress((progress) => {
      const payload = `event: progress\ndata: ${JSON.stringify(progress)}\n\n`;
      for (const stream of streams) stream.write(payload);
    });
    // Team-folder sync on a worker thread, when this database has a team folder.
    attachSync(opened, { worker: {} });
    return opened;
  }

  /** The browser host restarts in place: the page reloads once the call returns. */
  async function restart(): Promise<void> {
    // The sync worker lets go of the file before it is replaced.
    await detachSync(ctx);
    ctx.close();
    ctx = open();
  }

  let ctx = open();

  let port = 0;
  let eventsCookie = 'pacer-events';
  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent)
        json(res, 500, { ok: false, error: { code: 'internal', message: String(error) } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Refuse other Host names: a page on another site cannot reach us through DNS rebinding.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      res.writeHead(421).end('misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      const given = req.headers['x-pacer-token'];
      const byHeader = sameToken(Array.isArray(given) ? given[0] : given, token);
      const stream = url.pathname === '/api/events' && req.method === 'GET';
      const byCookie = stream && sameToken(cookie(req, eventsCookie), eventsKey);
      if (!byHeader && !byCookie) {
        json(res, 401, {
          ok: false,
          error: { code: 'invalid_input', message: 'missing or wrong token' },
        });
        return;
      }
      if (url.pathname === '/api/events/session' && req.method === 'POST') {
        res.writeHead(204, {
          'set-cookie': `${eventsCookie}=${eventsKey}; Path=/api/events; HttpOnly; SameSite=Strict`,
          'cache-control': 'no-store',
        });
        res.end();
        return;
      }
      if (stream) {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      const match = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
      if (!match || req.method !== 'POST') {
        json(res, 404, {
          ok: false,
          error: { code: 'unknown_method', message: 'no such endpoint' },
        });
        return;
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? JSON.parse(body) : {};
      } catch (error) {
        json(res, 400, {
          ok: false,
          error: { code: 'invalid_input', message: `bad request body: ${String(error)}` },
        });
        return;
      }
      json(res, 200, await dispatch(handlers, ctx, match[1] ?? '', input));
      return;
    }
    serveStatic(url.pathname, res);
  }

  function serveStatic(pathname: string, res: ServerResponse): void {
    const root = path.resolve(rendererDir);
    let file = path.resolve(root, `.${decodeURIComponent(pathname)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || statSync(file).isDirectory()) {
      file = path.join(root, 'index.html');
    }
    if (!existsSync(file)) {
      res
        .writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The renderer is not built: run `npm run build:renderer`.');
      return;
    }
    const isAsset = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'content-type': mimeTypes[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'cache-control': isAsset ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    res.end(readFileSync(file));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
  eventsCookie = `pacer-events-${port}`;
  return {
    // The token rides in the fragment: never sent to this server, removed by the page at once.
    url: `http://127.0.0.1:${port}/#token=${token}`,
    downloadsDir: downloads,
    port,
    token,
    get ctx() {
      return ctx;
    },
    close: async () => {
      await detachSync(ctx);
      await new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => {
          ctx.close();
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}

async function cli(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string' },
      renderer: { type: 'string' },
      downloads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || !values.db) {
    console.log(
      'Usage: npm run web -- --db FILE [--port N] [--renderer DIR] [--downloads DIR]\nServes the app on 127.0.0.1; the first line printed is the URL to open.\nExports are saved into --downloads (default ~/Downloads).',
    );
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('--port must be 0–65535');
  const host = await startWebHost({
    db: path.resolve(values.db),
    port,
    ...(values.renderer ? { rendererDir: values.renderer } : {}),
    ...(values.downloads ? { downloadsDir: path.resolve(values.downloads) } : {}),
  });
  console.log(host.url);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && /web\.(ts|mjs|js)$/.test(process.argv[1])) {
  cli(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`pacer web: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
