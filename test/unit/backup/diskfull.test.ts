import { afterEach, describe, expect, it } from 'vitest';
import { diskErrorKey, dispatch } from '../../../electron/ipc/dispatch';
import { handlers } from '../../../electron/features/handlers';
import { translate } from '../../../shared/i18n/translate';
import { call, count, startTeam, tempApp } from '../helpers';

type App = ReturnType<typeof tempApp>;
const apps: App[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.cleanup();
});

describe('a full disk', () => {
  it('fails the commit with "the disk is full", keeps everything saved before, and recovers', async () => {
    const app = tempApp();
    apps.push(app);
    await startTeam(app);
    const saved: string[] = [];
    for (let i = 0; i < 5; i++) {
      const name = `已保存 ${i}`;
      await call(app, 'customers.create', { name, ownerId: null, status: 'customer' });
      saved.push(name);
    }
    const logBefore = count(app, 'change_log');
    // The file may not grow any more: what a full disk does to SQLite (SQLITE_FULL).
    const pages = (app.sqlite.pragma('page_count', { simple: true }) as number) + 1;
    app.sqlite.pragma(`max_page_count = ${pages}`);

    let failure: Awaited<ReturnType<typeof dispatch>> | null = null;
    for (let i = 0; i < 200 && !failure; i++) {
      const name = `新客户 ${i}`;
      const result = await dispatch(handlers, app, 'customers.create', {
        name,
        ownerId: null,
        status: 'customer',
        notes: '备注'.repeat(2000),
      });
      if (result.ok) saved.push(name);
      else failure = result;
    }
    expect(failure).not.toBeNull();
    if (!failure || failure.ok) throw new Error('the disk never filled up');
    expect(failure.error).toMatchObject({ code: 'io', key: 'errors.diskFull' });
    expect(failure.error.message).toMatch(/full/i);
    expect(translate('en', 'errors.diskFull')).toMatch(/disk is full/);
    expect(translate('zh-CN', 'errors.diskFull')).toMatch(/磁盘已满/);

    // Nothing saved before is lost, and the failed commit left nothing half-written.
    const names = (
      app.sqlite.prepare('SELECT name FROM customers ORDER BY name').all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual([...saved].sort());
    expect(count(app, 'change_log')).toBeGreaterThanOrEqual(logBefore);
    expect(
      app.sqlite
        .prepare(
          "SELECT count(*) AS n FROM change_log WHERE table_name = 'customers' AND row_id NOT IN (SELECT id FROM customers)",
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(app.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');

    // Space again: the same database goes on working.
    app.sqlite.pragma('max_page_count = 1073741823');
    await call(app, 'customers.create', { name: '空间恢复后', ownerId: null, status: 'customer' });
    expect(count(app, 'customers')).toBe(saved.length + 1);
  });

  it('keeps errors.io for the other disk and file errors', () => {
    const coded = (code: string) => Object.assign(new Error(code), { code });
    expect(diskErrorKey(coded('SQLITE_FULL'))).toBe('errors.diskFull');
    expect(diskErrorKey(coded('SQLITE_IOERR_WRITE'))).toBe('errors.io');
    expect(diskErrorKey(coded('SQLITE_READONLY'))).toBe('errors.io');
    expect(diskErrorKey(coded('SQLITE_CORRUPT'))).toBe('errors.io');
    expect(diskErrorKey(coded('SQLITE_CONSTRAINT'))).toBeNull();
    expect(diskErrorKey(new Error('plain'))).toBeNull();
  });
});
