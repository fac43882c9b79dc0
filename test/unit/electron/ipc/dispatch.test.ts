import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors';
import { handlers } from '../../../../electron/features/handlers';
import { dispatch, type AllHandlers } from '../../../../electron/ipc/dispatch';
import { methodNames } from '../../../../shared/contract';
import { count, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
beforeEach(() => {
  app = tempApp();
});
afterEach(() => {
  app.cleanup();
});

/** The real handlers with one replaced, to make a handler fail in a chosen way. */
function withStatus(status: AllHandlers['app.status']): AllHandlers {
  return { ...handlers, 'app.status': status };
}

describe('dispatch', () => {
  it('has a handler for every contract method and no others', () => {
    expect(Object.keys(handlers).sort()).toEqual([...methodNames].sort());
    expect(methodNames).toContain('customers.list');
  });

  it.each(['nope', 'app.nope', 'toString', '__proto__', 'constructor', 'hasOwnProperty', ''])(
    'answers unknown_method for %j',
    async (method) => {
      const result = await dispatch(handlers, app, method, {});
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'unknown_method',
          message: `unknown method ${method}`,
          key: 'errors.unknownMethod',
        },
      });
    },
  );

  it('runs a known method and wraps its value', async () => {
    const result = await dispatch(handlers, app, 'app.status', {});
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.value).toMatchObject({ hasTeam: false, ready: false, deviceId: app.deviceId });
  });

  it('treats a missing input as an empty object', async () => {
    expect((await dispatch(handlers, app, 'app.status', undefined)).ok).toBe(true);
    expect((await dispatch(handlers, app, 'app.status', null)).ok).toBe(true);
    expect((await dispatch(handlers, app, 'customers.facets', undefined)).ok).toBe(true);
  });

  it('answers invalid_input with a per-field i18n key map, and never calls the handler', async () => {
    const result = await dispatch(handlers, app, 'app.createTeam', {
      teamName: '   ',
      userName: 'x'.repeat(61),
      role: 'boss',
      password: 'test-password',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.key).toBe('errors.invalidInput');
    expect(result.error.fields).toEqual({
      teamName: 'validation.required',
      userName: 'validation.tooLong',
      role: 'validation.invalid',
    });
    expect(result.error.message).toMatch(/^invalid input: /);
    expect(result.error.message).toContain('teamName: validation.required');
    expect(count(app, 'users')).toBe(0);
    expect(count(app, 'change_log')).toBe(0);
  });

  it('names nested fields by their path and unknown keys under "_"', async () => {
    const nested = await dispatch(handlers, app, 'customers.update', {
      id: 'not-a-uuid',
      fields: { name: '', status: 'customer', ownerId: null, tags: ['ok', ''] },
    });
    expect(nested.ok).toBe(false);
    if (nested.ok) return;
    expect(nested.error.fields).toMatchObject({
      id: 'validation.invalid',
      'fields.name': 'validation.required',
      'fields.tags.1': 'validation.invalid',
    });

    const extra = await dispatch(handlers, app, 'app.loadDemo', { evil: true });
    expect(extra.ok).toBe(false);
    if (extra.ok) return;
    expect(extra.error.code).toBe('invalid_input');
    expect(extra.error.fields).toEqual({ _: 'validation.invalid' });
    expect(count(app, 'users')).toBe(0);
  });

  it('rejects an input that is not an object', async () => {
    for (const input of ['text', 42, [], true]) {
      const result = await dispatch(handlers, app, 'customers.get', input);
      expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    }
  });

  it('passes the parsed input (trimmed, defaults applied) to the handler', async () => {
    let seen: unknown;
    const spy: AllHandlers = {
      ...handlers,
      'customers.list': (input) => {
        seen = input;
        return { rows: [], total: 0 };
      },
    };
    const result = await dispatch(spy, app, 'customers.list', { scope: 'all', search: '  acme  ' });
    expect(result).toEqual({ ok: true, value: { rows: [], total: 0 } });
    expect(seen).toEqual({
      scope: 'all',
      search: 'acme',
      sort: 'name',
      direction: 'asc',
      page: 1,
      pageSize: 50,
    });
  });

  it('maps an AppError to its code, key, params and fields', async () => {
    const result = await dispatch(
      withStatus(() => {
        throw new AppError(
          'conflict',
          'taken',
          'errors.customerNameTaken',
          { name: 'Acme' },
          { name: 'errors.customerNameTaken' },
        );
      }),
      app,
      'app.status',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: 'taken',
        key: 'errors.customerNameTaken',
        params: { name: 'Acme' },
        fields: { name: 'errors.customerNameTaken' },
      },
    });
  });

  it('leaves out key, params and fields an AppError does not have', async () => {
    const result = await dispatch(
      withStatus(() => {
        throw new AppError('read_only', 'file is read-only');
      }),
      app,
      'app.status',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'read_only', message: 'file is read-only' },
    });
  });

  it('awaits async handlers, including their rejections', async () => {
    const failing = withStatus(async () => {
      await Promise.resolve();
      throw new AppError('not_found', 'gone', 'errors.notFound');
    });
    expect(await dispatch(failing, app, 'app.status', {})).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'gone', key: 'errors.notFound' },
    });
  });

  it('turns any other error into internal, keeping its message', async () => {
    const result = await dispatch(
      withStatus(() => {
        throw new TypeError('cannot read properties of undefined');
      }),
      app,
      'app.status',
      {},
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'internal',
        message: 'cannot read properties of undefined',
        key: 'errors.internal',
      },
    });

    const thrownText = await dispatch(
      withStatus(() => {
        throw 'plain string';
      }),
      app,
      'app.status',
      {},
    );
    expect(thrownText).toEqual({
      ok: false,
      error: { code: 'internal', message: 'plain string', key: 'errors.internal' },
    });

    const thrownNull = await dispatch(
      withStatus(() => {
        throw null;
      }),
      app,
      'app.status',
      {},
    );
    expect(thrownNull).toEqual({
      ok: false,
      error: { code: 'internal', message: 'null', key: 'errors.internal' },
    });
  });

  it('turns SQLite disk errors into io', async () => {
    for (const code of [
      'SQLITE_FULL',
      'SQLITE_IOERR_WRITE',
      'SQLITE_READONLY',
      'SQLITE_CANTOPEN',
      'SQLITE_CORRUPT',
    ]) {
      const result = await dispatch(
        withStatus(() => {
          throw Object.assign(new Error(`disk trouble ${code}`), { code });
        }),
        app,
        'app.status',
        {},
      );
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'io',
          message: `disk trouble ${code}`,
          // A full disk says so (test/unit/backup/diskfull.test.ts); the others share errors.io.
          key: code === 'SQLITE_FULL' ? 'errors.diskFull' : 'errors.io',
        },
      });
    }
    const constraint = await dispatch(
      withStatus(() => {
        throw Object.assign(new Error('UNIQUE constraint failed'), {
          code: 'SQLITE_CONSTRAINT_UNIQUE',
        });
      }),
      app,
      'app.status',
      {},
    );
    expect(constraint.ok ? null : constraint.error.code).toBe('internal');
  });

  it('answers a failure of the database itself (closed connection) with an error result, not a throw', async () => {
    app.sqlite.close();
    const result = await dispatch(handlers, app, 'customers.facets', {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toMatch(/not open/);
  });
});
