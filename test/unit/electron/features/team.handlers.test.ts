import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/contract/team';
import { call, callError, count, dbSnapshot, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
let me: User;

beforeEach(async () => {
  app = tempApp();
  const status = await call(app, 'app.createTeam', {
    teamName: '华东销售部',
    userName: '王经理',
    role: 'manager',
    password: 'test-password',
  });
  if (!status.currentUser) throw new Error('createTeam set no current user');
  me = status.currentUser;
  app.tick(60_000);
});
afterEach(() => {
  app.cleanup();
});

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

describe('team.listTeams', () => {
  it('lists live teams by name with manager, parent and member counts', async () => {
    const teams = await call(app, 'team.listTeams', {});
    expect(teams).toEqual([
      {
        id: me.teamId,
        name: '华东销售部',
        managerId: me.id,
        managerName: '王经理',
        parentId: null,
        parentName: null,
        memberCount: 1,
        activeMemberCount: 1,
      },
    ]);
  });
});

describe('team.saveTeam', () => {
  it('creates a team under a parent, stamped with the current user', async () => {
    const team = await call(app, 'team.saveTeam', {
      name: '  华东二部 ',
      parentId: me.teamId,
      managerId: me.id,
    });
    expect(team).toMatchObject({
      name: '华东二部',
      parentId: me.teamId,
      parentName: '华东销售部',
      managerId: me.id,
      managerName: '王经理',
      memberCount: 0,
    });
    const row = app.sqlite
      .prepare('SELECT created_at, updated_by FROM teams WHERE id = ?')
      .get(team.id);
    expect(row).toEqual({ created_at: '2026-11-23T09:01:00.000Z', updated_by: me.id });
    expect((await call(app, 'team.listTeams', {})).map((t) => t.name)).toEqual([
      '华东二部',
      '华东销售部',
    ]);
  });

  it('refuses a name another team has, ignoring case and width, and writes nothing', async () => {
    await call(app, 'team.saveTeam', { name: 'East Team' });
    const before = dbSnapshot(app);
    const error = await callError(app, 'team.saveTeam', { name: 'ＥＡＳＴ team' });
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'errors.teamNameTaken',
      params: { name: 'East Team' },
      fields: { name: 'errors.teamNameTaken' },
    });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('lets a team keep its own name when it is saved again', async () => {
    const team = await call(app, 'team.saveTeam', { name: 'East' });
    const saved = await call(app, 'team.saveTeam', { id: team.id, name: 'EAST' });
    expect(saved.name).toBe('EAST');
  });

  it('updates only what changed, logging just that field', async () => {
    const team = await call(app, 'team.saveTeam', {
      name: 'East',
      managerId: me.id,
      parentId: me.teamId,
    });
    const logBefore = count(app, 'change_log');
    app.tick(1000);
    const saved = await call(app, 'team.saveTeam', {
      id: team.id,
      name: 'East 2',
      managerId: me.id,
      parentId: me.teamId,
    });
    expect(saved).toMatchObject({ name: 'East 2', managerId: me.id, parentId: me.teamId });
    expect(
      app.sqlite.prepare('SELECT "column", value FROM change_log WHERE seq > ?').all(logBefore),
    ).toEqual([{ column: 'name', value: '"East 2"' }]);
  });

  it('keeps the manager and parent when a rename leaves them out', async () => {
    const team = await call(app, 'team.saveTeam', {
      name: 'East',
      managerId: me.id,
      parentId: me.teamId,
    });
    const renamed = await call(app, 'team.saveTeam', { id: team.id, name: 'East renamed' });
    expect(renamed).toMatchObject({ name: 'East renamed', managerId: me.id, parentId: me.teamId });
    // An explicit null still clears them.
    const cleared = await call(app, 'team.saveTeam', {
      id: team.id,
      name: 'East renamed',
      managerId: null,
      parentId: null,
    });
    expect(cleared).toMatchObject({ managerId: null, parentId: null });
  });

  it('answers not_found for an unknown manager, parent or team, writing nothing', async () => {
    const before = dbSnapshot(app);
    expect(await callError(app, 'team.saveTeam', { name: 'X', managerId: UNKNOWN })).toMatchObject({
      code: 'not_found',
      params: { what: 'user' },
    });
    expect(await callError(app, 'team.saveTeam', { name: 'X', parentId: UNKNOWN })).toMatchObject({
      code: 'not_found',
      params: { what: 'team' },
    });
    expect(await callError(app, 'team.saveTeam', { id: UNKNOWN, name: 'X' })).toMatchObject({
      code: 'not_found',
      params: { what: 'team' },
    });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses to put a team inside itself, directly or through its children', async () => {
    const child = await call(app, 'team.saveTeam', { name: 'Child', parentId: me.teamId });
    const grandchild = await call(app, 'team.saveTeam', { name: 'Grandchild', parentId: child.id });
    const before = dbSnapshot(app);
    const teamId = me.teamId ?? '';
    for (const parentId of [teamId, child.id, grandchild.id]) {
      const error = await callError(app, 'team.saveTeam', {
        id: teamId,
        name: '华东销售部',
        parentId,
      });
      expect(error).toMatchObject({
        code: 'invalid_input',
        key: 'errors.teamCycle',
        fields: { parentId: 'errors.teamCycle' },
      });
    }
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses bad input', async () => {
    expect(await callError(app, 'team.saveTeam', { name: '' })).toMatchObject({
      code: 'invalid_input',
      fields: { name: 'validation.required' },
    });
    expect(await callError(app, 'team.saveTeam', { name: 'x'.repeat(101) })).toMatchObject({
      code: 'invalid_input',
      fields: { name: 'validation.tooLong' },
    });
    expect(await callError(app, 'team.saveTeam', { name: 'ok', managerId: 'bob' })).toMatchObject({
      code: 'invalid_input',
      fields: { managerId: 'validation.invalid' },
    });
    expect(count(app, 'teams')).toBe(1);
  });
});

describe('team users', () => {
  it('creates a user in a team, with trimmed contact details', async () => {
    const user = await call(app, 'team.saveUser', {
      name: ' 李娜 ',
      role: 'rep',
      teamId: me.teamId ?? '',
      phone: ' 138 0000 0000 ',
      email: 'li.na@example.com',
    });
    expect(user).toEqual({
      id: user.id,
      name: '李娜',
      role: 'rep',
      teamId: me.teamId,
      teamName: '华东销售部',
      active: true,
      phone: '138 0000 0000',
      email: 'li.na@example.com',
      hasPassword: false,
      passwordTemporary: false,
    });
    expect(app.sqlite.prepare('SELECT updated_by FROM users WHERE id = ?').get(user.id)).toEqual({
      updated_by: me.id,
    });
    expect((await call(app, 'team.listTeams', {}))[0]).toMatchObject({
      memberCount: 2,
      activeMemberCount: 2,
    });
  });

  it('updates a user, logging only the changed fields', async () => {
    const user = await call(app, 'team.saveUser', {
      name: '李娜',
      role: 'rep',
      teamId: me.teamId ?? '',
      phone: null,
      email: null,
    });
    const other = await call(app, 'team.saveTeam', { name: 'West' });
    const logBefore = count(app, 'change_log');
    const saved = await call(app, 'team.saveUser', {
      id: user.id,
      name: '李娜',
      role: 'manager',
      teamId: other.id,
      phone: null,
      email: null,
    });
    expect(saved).toMatchObject({ role: 'manager', teamId: other.id, teamName: 'West' });
    const columns = (
      app.sqlite
        .prepare(
          'SELECT "column" FROM change_log WHERE seq > ? AND table_name = \'users\' ORDER BY seq',
        )
        .all(logBefore) as { column: string }[]
    ).map((r) => r.column);
    // The team change also records the memberships (team.memberships.test.ts).
    expect(columns).toEqual(['role', 'team_id']);
  });

  it('refuses an unknown team or user and bad contact details, writing nothing', async () => {
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'team.saveUser', { name: 'A', role: 'rep', teamId: UNKNOWN }),
    ).toMatchObject({ code: 'not_found', params: { what: 'team' } });
    expect(
      await callError(app, 'team.saveUser', {
        id: UNKNOWN,
        name: 'A',
        role: 'rep',
        teamId: me.teamId ?? '',
      }),
    ).toMatchObject({ code: 'not_found', params: { what: 'user' } });
    expect(
      await callError(app, 'team.saveUser', {
        name: 'A',
        role: 'rep',
        teamId: me.teamId ?? '',
        email: 'not-an-email',
      }),
    ).toMatchObject({ code: 'invalid_input', fields: { email: 'validation.email' } });
    expect(
      await callError(app, 'team.saveUser', {
        name: 'A',
        role: 'rep',
        teamId: me.teamId ?? '',
        phone: 'call me',
      }),
    ).toMatchObject({ code: 'invalid_input', fields: { phone: 'validation.phone' } });
    expect(
      await callError(app, 'team.saveUser', { name: 'A', role: 'boss', teamId: me.teamId ?? '' }),
    ).toMatchObject({ code: 'invalid_input', fields: { role: 'validation.invalid' } });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('lists users by name, by team, and inactive ones only when asked', async () => {
    const west = await call(app, 'team.saveTeam', { name: 'West' });
    const a = await call(app, 'team.saveUser', {
      name: 'Alice',
      role: 'rep',
      teamId: me.teamId ?? '',
    });
    const b = await call(app, 'team.saveUser', { name: 'Bob', role: 'rep', teamId: west.id });
    await call(app, 'team.setUserActive', { id: a.id, active: false });

    expect((await call(app, 'team.listUsers', {})).map((u) => u.name)).toEqual(['Bob', '王经理']);
    expect(
      (await call(app, 'team.listUsers', { includeInactive: true })).map((u) => u.name),
    ).toEqual(['Alice', 'Bob', '王经理']);
    expect((await call(app, 'team.listUsers', { teamId: west.id })).map((u) => u.id)).toEqual([
      b.id,
    ]);
    expect(
      (await call(app, 'team.listUsers', { teamId: me.teamId ?? '', includeInactive: true })).map(
        (u) => [u.name, u.active],
      ),
    ).toEqual([
      ['Alice', false],
      ['王经理', true],
    ]);
  });

  it('deactivates and reactivates a user, but never the current user', async () => {
    const rep = await call(app, 'team.saveUser', {
      name: 'Alice',
      role: 'rep',
      teamId: me.teamId ?? '',
    });
    expect(await call(app, 'team.setUserActive', { id: rep.id, active: false })).toEqual({
      ok: true,
    });
    expect(
      app.sqlite.prepare('SELECT active, updated_by FROM users WHERE id = ?').get(rep.id),
    ).toEqual({ active: 0, updated_by: me.id });
    expect(await call(app, 'team.setUserActive', { id: rep.id, active: true })).toEqual({
      ok: true,
    });
    expect(app.sqlite.prepare('SELECT active FROM users WHERE id = ?').get(rep.id)).toEqual({
      active: 1,
    });

    const before = dbSnapshot(app);
    expect(await callError(app, 'team.setUserActive', { id: me.id, active: false })).toMatchObject({
      code: 'conflict',
      key: 'errors.deactivateSelf',
    });
    expect(
      await callError(app, 'team.setUserActive', { id: UNKNOWN, active: false }),
    ).toMatchObject({ code: 'not_found' });
    expect(dbSnapshot(app)).toBe(before);
    // Re-activating yourself is a harmless no-op.
    expect(await call(app, 'team.setUserActive', { id: me.id, active: true })).toEqual({
      ok: true,
    });
    expect(dbSnapshot(app)).toBe(before);
  });
});

describe('team.deleteTeam', () => {
  it('refuses a team with active members, naming how many', async () => {
    const before = dbSnapshot(app);
    expect(await callError(app, 'team.deleteTeam', { id: me.teamId ?? '' })).toMatchObject({
      code: 'conflict',
      key: 'errors.teamHasMembers',
      params: { name: '华东销售部', count: 1 },
    });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('soft-deletes an empty team (or one with only inactive members)', async () => {
    const west = await call(app, 'team.saveTeam', { name: 'West' });
    const rep = await call(app, 'team.saveUser', { name: 'Gone', role: 'rep', teamId: west.id });
    await call(app, 'team.setUserActive', { id: rep.id, active: false });
    expect(await call(app, 'team.deleteTeam', { id: west.id })).toEqual({ ok: true });
    expect((await call(app, 'team.listTeams', {})).map((t) => t.name)).toEqual(['华东销售部']);
    expect(
      app.sqlite.prepare('SELECT deleted_at, updated_by FROM teams WHERE id = ?').get(west.id),
    ).toEqual({ deleted_at: '2026-11-23T09:01:00.000Z', updated_by: me.id });
    expect(await callError(app, 'team.deleteTeam', { id: west.id })).toMatchObject({
      code: 'not_found',
    });
    // A deleted team's name is free again.
    expect((await call(app, 'team.saveTeam', { name: 'west' })).name).toBe('west');
  });
});
