import { mkdtempSync, rmSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Progress } from '../../../../shared/contract/bridge';
import { startWebHost, type WebHost } from '../../../../electron/web';
import { tempApp } from '../../helpers';
import { sheet, workbookBytes } from './imports.fixtures';

describe('progress events', () => {
  it('reach every listener until it unsubscribes', () => {
    const app = tempApp();
    try {
      const heard: Progress[] = [];
      const stop = app.onProgress((p) => heard.push(p));
      app.reportProgress({ task: 'imports.progress.check', done: 1, total: 2 });
      stop();
      app.reportProgress({ task: 'imports.progress.check', done: 2, total: 2 });
      expect(heard).toEqual([{ task: 'imports.progress.check', done: 1, total: 2 }]);
    } finally {
      app.cleanup();
    }
  });

  describe('through the browser host', () => {
    let dir: string;
    let host: WebHost;
    afterEach(async () => {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('streams progress as `event: progress` while a file larger than 2 MiB is previewed', async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'pacer-web-'));
      host = await startWebHost({ db: path.join(dir, 'pacer.sqlite'), rendererDir: dir });
      const events: Progress[] = [];
      // As the page does: the token header buys the cookie that opens the event stream.
      const session = await fetch(`http://127.0.0.1:${host.port}/api/events/session`, {
        method: 'POST',
        headers: { 'x-pacer-token': host.token },
      });
      const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const stream = await new Promise<IncomingMessage>((resolve) =>
        get(
          { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { cookie } },
          resolve,
        ),
      );
      let buffer = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        buffer += chunk;
        for (const match of buffer.matchAll(/event: progress\ndata: (.*)\n\n/g))
          events.push(JSON.parse(match[1] ?? '{}') as Progress);
        buffer = buffer.replace(/event: progress\ndata: .*\n\n/g, '');
      });

      // Random-looking notes keep the xlsx large after compression.
      const rows = Array.from({ length: 3000 }, (_, i) => [
        `客户${i}`,
        `${i}`.repeat(200) + Math.sin(i).toString(36),
      ]);
      const bytes = workbookBytes({ S: sheet([['客户名称', '备注'], ...rows]) });
      const body = JSON.stringify({ fileName: 'big.xlsx', dataBase64: bytes.toString('base64') });
      expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
      const response = await fetch(
        `http://127.0.0.1:${host.port}/api/call/imports.previewCustomers`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-pacer-token': host.token },
          body,
        },
      );
      const result = (await response.json()) as {
        ok: boolean;
        value?: { counts: { rows: number } };
      };
      expect(result.ok).toBe(true);
      expect(result.value?.counts.rows).toBe(3000);
      await new Promise((resolve) => setTimeout(resolve, 50));
      stream.destroy();
      expect(events[0]).toEqual({ task: 'imports.progress.read', done: 0, total: 0 });
      expect(events.filter((e) => e.task === 'imports.progress.check').map((e) => e.done)).toEqual([
        0, 500, 1000, 1500, 2000, 2500, 3000,
      ]);
    });
  });
});
