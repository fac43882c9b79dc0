import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseHlc } from '../../../../electron/core/clock';
import { commit, type Writer } from '../../../../electron/core/commit';
import type { SyncedTableName } from '../../../../electron/core/tables';
import { getLocal } from '../../../../electron/db/local-state';
import { count, dbSnapshot, tempApp } from '../../helpers';

type LogRow = {
  seq: number;
  hlc: string;
  device_id: string;
  user_id: string | null;
  table_name: string;
  row_id: string;
  column: string;
  value: string | null;
};
type CustomerSqlRow = Record<string, string | number | null>;

let app: ReturnType<typeof tempApp>;
beforeEach(() => {
  app = tempApp();
});
afterEach(() => {
  app.cleanup();
});

function writer(userId: string | null = 'user-1'): Writer {
  return { sqlite: app.sqlite, clock: app.clock, deviceId: app.deviceId, userId, now: app.now };
}

function log(rowId?: string): LogRow[] {
  return (
    rowId
      ? app.sqlite.prepare('SELECT * FROM change_log WHERE row_id = ? ORDER BY seq').all(rowId)
      : app.sqlite.prepare('SELECT * FROM change_log ORDER BY seq').all()
  ) as LogRow[];
}

function customerRow(id: string): CustomerSqlRow | undefined {
  return app.sqlite.prepare('SELECT * FROM customers WHERE id = ?').get(id) as
    CustomerSqlRow | undefined;
}

const acme = {
  name: 'ＡＣＭＥ  Trading',
  phone: '021-5555',
  industry: null,
  region: '华东',
  address: null,
  source: null,
  ownerId: null,
  status: 'prospect' as const,
  notes: null,
  tags: '["a"]',
};

describe('commit: insert', () => {
  it('writes the row with its metadata and logs created_at and every field, not derived ones', () => {
    const result = commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values: acme }]);
    expect(result).toEqual({ tables: ['customers'], fieldChanges: 11 });

    const row = customerRow('c1');
    expect(row).toEqual({
      id: 'c1',
      name: 'ＡＣＭＥ  Trading',
      name_key: 'acme trading',
      phone: '021-5555',
      industry: null,
      region: '华东',
      address: null,
      source: null,
      owner_id: null,
      status: 'prospect',
      notes: null,
      tags: '["a"]',
      relationship: null,
      attractiveness: null,
      grade_override: null,
      grade_override_reason: null,
      grade_reviewed_on: null,
      grade: null,
      last_contact_at: null,
      last_visit_on: null,
      created_at: '2026-11-23T09:00:00.000Z',
      updated_at: '2026-11-23T09:00:00.000Z',
      deleted_at: null,
      updated_by: 'user-1',
    });

    const rows = log('c1');
    expect(rows.map((r) => r.column)).toEqual([
      'created_at',
      'name',
      'phone',
      'industry',
      'region',
      'address',
      'source',
      'owner_id',
      'status',
      'notes',
      'tags',
    ]);
    expect(rows.map((r) => r.column)).not.toContain('name_key');
    expect(rows.map((r) => r.column)).not.toContain('updated_at');
    const byColumn = Object.fromEntries(rows.map((r) => [r.column, r.value]));
    expect(byColumn.created_at).toBe(JSON.stringify('2026-11-23T09:00:00.000Z'));
    expect(byColumn.name).toBe(JSON.stringify('ＡＣＭＥ  Trading'));
    expect(byColumn.industry).toBe('null');
    expect(byColumn.tags).toBe(JSON.stringify('["a"]'));
    for (const r of rows) {
      expect(r.table_name).toBe('customers');
      expect(r.device_id).toBe(app.deviceId);
      expect(r.user_id).toBe('user-1');
      expect(parseHlc(r.hlc).deviceId).toBe(app.deviceId);
    }
    // One distinct, increasing stamp per field, even with a frozen wall clock.
    const stamps = rows.map((r) => r.hlc);
    expect(new Set(stamps).size).toBe(stamps.length);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('stores booleans as 0/1 and logs them as JSON booleans', () => {
    commit(writer(), [
      {
        op: 'insert',
        table: 'users',
        id: 'u1',
        values: { name: 'Li', role: 'rep', teamId: null, active: false, phone: null, email: null },
      },
    ]);
    expect(
      (app.sqlite.prepare('SELECT active FROM users WHERE id = ?').get('u1') as { active: number })
        .active,
    ).toBe(0);
    const active = log('u1').find((r) => r.column === 'active');
    expect(active?.value).toBe('false');
  });

  it('refuses to insert an id that exists, writing nothing', () => {
    commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values: acme }]);
    const before = dbSnapshot(app);
    expect(() =>
      commit(writer(), [
        { op: 'insert', table: 'customers', id: 'c1', values: { ...acme, name: 'Other' } },
      ]),
    ).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses a field the table does not have', () => {
    const values = { ...acme, colour: 'red' } as typeof acme;
    expect(() =>
      commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values }]),
    ).toThrow(
      expect.objectContaining({ code: 'invalid_input', message: 'unknown field customers.colour' }),
    );
    expect(count(app, 'customers')).toBe(0);
    expect(count(app, 'change_log')).toBe(0);
  });

  it('ignores row metadata passed as values: commit owns it', () => {
    const values = {
      ...acme,
      createdAt: '1999-01-01T00:00:00.000Z',
      updatedBy: 'mallory',
    } as typeof acme;
    commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values }]);
    expect(customerRow('c1')?.created_at).toBe('2026-11-23T09:00:00.000Z');
    expect(customerRow('c1')?.updated_by).toBe('user-1');
  });
});

describe('commit: update', () => {
  beforeEach(() => {
    commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values: acme }]);
    app.tick(60_000);
  });

  it('writes and logs only the fields whose value changes, and recomputes derived columns', () => {
    const before = log().length;
    const result = commit(writer('user-2'), [
      {
        op: 'update',
        table: 'customers',
        id: 'c1',
        values: { ...acme, name: 'Acme Trading Co', region: '华南' },
      },
    ]);
    expect(result).toEqual({ tables: ['customers'], fieldChanges: 2 });
    const added = log().slice(before);
    expect(added.map((r) => [r.column, r.value, r.user_id])).toEqual([
      ['name', JSON.stringify('Acme Trading Co'), 'user-2'],
      ['region', JSON.stringify('华南'), 'user-2'],
    ]);
    const row = customerRow('c1');
    expect(row?.name_key).toBe('acme trading co');
    expect(row?.region).toBe('华南');
    expect(row?.phone).toBe('021-5555');
    expect(row?.updated_at).toBe('2026-11-23T09:01:00.000Z');
    expect(row?.created_at).toBe('2026-11-23T09:00:00.000Z');
    expect(row?.updated_by).toBe('user-2');
  });

  it('writes nothing for a no-op update: no log rows, updated_at and updated_by unchanged', () => {
    const before = dbSnapshot(app);
    const result = commit(writer('user-2'), [
      { op: 'update', table: 'customers', id: 'c1', values: { ...acme } },
    ]);
    expect(result).toEqual({ tables: [], fieldChanges: 0 });
    expect(dbSnapshot(app)).toBe(before);
    expect(customerRow('c1')?.updated_at).toBe('2026-11-23T09:00:00.000Z');
    expect(customerRow('c1')?.updated_by).toBe('user-1');
  });

  it('treats undefined as "leave alone" and null as a value', () => {
    const result = commit(writer(), [
      { op: 'update', table: 'customers', id: 'c1', values: { phone: undefined, region: null } },
    ]);
    expect(result.fieldChanges).toBe(1);
    expect(customerRow('c1')?.phone).toBe('021-5555');
    expect(customerRow('c1')?.region).toBeNull();
    expect(log('c1').at(-1)).toMatchObject({ column: 'region', value: 'null' });
  });

  it('compares booleans with their stored 0/1', () => {
    commit(writer(), [
      {
        op: 'insert',
        table: 'users',
        id: 'u1',
        values: { name: 'Li', role: 'rep', teamId: null, active: true, phone: null, email: null },
      },
    ]);
    expect(
      commit(writer(), [{ op: 'update', table: 'users', id: 'u1', values: { active: true } }])
        .fieldChanges,
    ).toBe(0);
    expect(
      commit(writer(), [{ op: 'update', table: 'users', id: 'u1', values: { active: false } }])
        .fieldChanges,
    ).toBe(1);
    expect(
      (app.sqlite.prepare('SELECT active FROM users WHERE id = ?').get('u1') as { active: number })
        .active,
    ).toBe(0);
  });

  it('does not log a derived column even when only it would differ', () => {
    commit(writer(), [
      { op: 'update', table: 'customers', id: 'c1', values: { name: 'acme trading' } },
    ]);
    const last = log('c1').at(-1);
    expect(last?.column).toBe('name');
    expect(log().some((r) => r.column === 'name_key')).toBe(false);
    expect(customerRow('c1')?.name_key).toBe('acme trading');
  });

  it('answers not_found for a missing row', () => {
    expect(() =>
      commit(writer(), [{ op: 'update', table: 'customers', id: 'nope', values: { name: 'x' } }]),
    ).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});

describe('commit: delete and restore', () => {
  it('soft-deletes by stamping deleted_at, and restores by clearing it, logging each', () => {
    commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values: acme }]);
    app.tick(1000);
    expect(commit(writer('user-2'), [{ op: 'delete', table: 'customers', id: 'c1' }])).toEqual({
      tables: ['customers'],
      fieldChanges: 1,
    });
    expect(customerRow('c1')).toMatchObject({
      deleted_at: '2026-11-23T09:00:01.000Z',
      updated_at: '2026-11-23T09:00:01.000Z',
      updated_by: 'user-2',
      name: 'ＡＣＭＥ  Trading',
    });
    expect(log('c1').at(-1)).toMatchObject({
      column: 'deleted_at',
      value: JSON.stringify('2026-11-23T09:00:01.000Z'),
      user_id: 'user-2',
    });

    app.tick(1000);
    expect(
      commit(writer('user-3'), [{ op: 'restore', table: 'customers', id: 'c1' }]).fieldChanges,
    ).toBe(1);
    expect(customerRow('c1')).toMatchObject({
      deleted_at: null,
      updated_at: '2026-11-23T09:00:02.000Z',
      updated_by: 'user-3',
    });
    expect(log('c1').at(-1)).toMatchObject({
      column: 'deleted_at',
      value: 'null',
      user_id: 'user-3',
    });

    // Restoring a live row changes nothing.
    const before = dbSnapshot(app);
    expect(commit(writer(), [{ op: 'restore', table: 'customers', id: 'c1' }]).fieldChanges).toBe(
      0,
    );
    expect(dbSnapshot(app)).toBe(before);
  });

  it('answers not_found when deleting a row that never existed', () => {
    expect(() => commit(writer(), [{ op: 'delete', table: 'teams', id: 'ghost' }])).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});

describe('commit: one transaction', () => {
  it('rolls back every change of the batch, log rows included, when one change fails', () => {
    commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values: acme }]);
    const before = dbSnapshot(app);
    const logBefore = count(app, 'change_log');
    expect(() =>
      commit(writer(), [
        { op: 'insert', table: 'customers', id: 'c2', values: { ...acme, name: 'Second' } },
        { op: 'update', table: 'customers', id: 'c1', values: { notes: 'changed' } },
        { op: 'update', table: 'customers', id: 'missing', values: { notes: 'x' } },
      ]),
    ).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(dbSnapshot(app)).toBe(before);
    expect(count(app, 'change_log')).toBe(logBefore);
    expect(customerRow('c2')).toBeUndefined();
    expect(customerRow('c1')?.notes).toBeNull();
  });

  it('rolls back when SQLite itself refuses a row (NOT NULL)', () => {
    const before = dbSnapshot(app);
    const bad = { ...acme, status: null } as unknown as typeof acme;
    expect(() =>
      commit(writer(), [
        {
          op: 'insert',
          table: 'teams',
          id: 't1',
          values: { name: 'East', managerId: null, parentId: null },
        },
        { op: 'insert', table: 'customers', id: 'c9', values: bad },
      ]),
    ).toThrow(/NOT NULL/);
    expect(dbSnapshot(app)).toBe(before);
  });

  it('applies a mixed batch across tables and reports each changed table once', () => {
    const result = commit(writer(), [
      {
        op: 'insert',
        table: 'teams',
        id: 't1',
        values: { name: 'East', managerId: null, parentId: null },
      },
      {
        op: 'insert',
        table: 'users',
        id: 'u1',
        values: {
          name: 'Wang',
          role: 'manager',
          teamId: 't1',
          active: true,
          phone: null,
          email: null,
        },
      },
      { op: 'update', table: 'teams', id: 't1', values: { managerId: 'u1' } },
      { op: 'insert', table: 'settings', id: 'currency', values: { value: 'CNY' } },
    ]);
    expect(result.tables).toEqual(['teams', 'users', 'settings']);
    expect(result.fieldChanges).toBe(4 + 7 + 1 + 2);
    expect(
      (
        app.sqlite.prepare('SELECT manager_id FROM teams WHERE id = ?').get('t1') as {
          manager_id: string;
        }
      ).manager_id,
    ).toBe('u1');
  });

  it('saves the clock so the next session keeps counting after it', () => {
    commit(writer(), [{ op: 'insert', table: 'customers', id: 'c1', values: acme }]);
    const saved = JSON.parse(getLocal(app.sqlite, 'hlc') ?? 'null') as {
      wall: number;
      counter: number;
    };
    expect(saved).toEqual(app.clock.snapshot());
    const last = log().at(-1);
    expect(last && parseHlc(last.hlc)).toMatchObject(saved);
  });
});

describe('ctx.commit', () => {
  it('stamps the current user and tells listeners which tables changed', () => {
    const heard: SyncedTableName[][] = [];
    const stop = app.onTablesChanged((tables) => heard.push(tables));
    app.setCurrentUserId('me');
    app.commit([{ op: 'insert', table: 'customers', id: 'c1', values: acme }]);
    expect(customerRow('c1')?.updated_by).toBe('me');
    expect(new Set(log('c1').map((r) => r.user_id))).toEqual(new Set(['me']));
    expect(heard).toEqual([['customers']]);

    // A no-op is not announced.
    app.commit([{ op: 'update', table: 'customers', id: 'c1', values: { region: '华东' } }]);
    expect(heard).toHaveLength(1);

    stop();
    app.commit([{ op: 'update', table: 'customers', id: 'c1', values: { region: '华北' } }]);
    expect(heard).toHaveLength(1);
    expect(customerRow('c1')?.region).toBe('华北');
  });

  it('stamps null when nobody is chosen yet', () => {
    app.commit([{ op: 'insert', table: 'settings', id: 'currency', values: { value: 'CNY' } }]);
    expect(log('currency').map((r) => r.user_id)).toEqual([null, null]);
  });

  it('does not announce a failed batch', () => {
    const heard: SyncedTableName[][] = [];
    app.onTablesChanged((tables) => heard.push(tables));
    expect(() => app.commit([{ op: 'delete', table: 'customers', id: 'none' }])).toThrow();
    expect(heard).toEqual([]);
  });
});
