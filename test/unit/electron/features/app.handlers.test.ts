import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLocal } from '../../../../electron/db/local-state';
import { findMigrationsFolder, latestSchemaVersion } from '../../../../electron/db/migrate';
import { call, callError, count, dbSnapshot, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
beforeEach(() => {
  app = tempApp();
});
afterEach(() => {
  app.cleanup();
});

const UNKNOWN = '01900000-0000-7000-8000-000000000000';

describe('app.status', () => {
  it('describes an empty file: no team, nobody chosen, default preferences', async () => {
    expect(await call(app, 'app.status', {})).toEqual({
      ready: false,
      hasTeam: false,
      currentUser: null,
      language: null,
      theme: 'system',
      deviceId: app.deviceId,
      schemaVersion: latestSchemaVersion(findMigrationsFolder()),
      databasePath: app.file,
      appVersion: '0.1.0',
    });
  });

  it('is not ready when the chosen user no longer exists', async () => {
    app.setCurrentUserId(UNKNOWN);
    expect(await call(app, 'app.status', {})).toMatchObject({ ready: false, currentUser: null });
  });
});

describe('app.createTeam', () => {
  it('creates the team and its first user, who becomes the current user and stamps the changes', async () => {
    const status = await call(app, 'app.createTeam', {
      teamName: ' 华东销售部 ',
      userName: ' 王经理 ',
      role: 'manager',
    });
    expect(status).toMatchObject({ ready: true, hasTeam: true });
    const user = status.currentUser;
    expect(user).toEqual({
      id: user?.id,
      name: '王经理',
      role: 'manager',
      teamId: user?.teamId,
      teamName: '华东销售部',
      active: true,
      phone: null,
      email: null,
    });
    if (!user) return;
    expect(app.currentUserId()).toBe(user.id);
    expect(getLocal(app.sqlite, 'current_user_id')).toBe(user.id);

    expect(
      app.sqlite.prepare('SELECT id, name, manager_id, parent_id, updated_by FROM teams').all(),
    ).toEqual([
      {
        id: user.teamId,
        name: '华东销售部',
        manager_id: user.id,
        parent_id: null,
        updated_by: user.id,
      },
    ]);
    expect(app.sqlite.prepare('SELECT updated_by FROM users').all()).toEqual([
      { updated_by: user.id },
    ]);
    const stamps = app.sqlite.prepare('SELECT DISTINCT user_id, device_id FROM change_log').all();
    expect(stamps).toEqual([{ user_id: user.id, device_id: app.deviceId }]);
    // teams: created_at, name, manager_id, parent_id; users: created_at + 6 fields.
    expect(count(app, 'change_log', "table_name = 'teams'")).toBe(4);
    expect(count(app, 'change_log', "table_name = 'users'")).toBe(7);
  });

  it('leaves the team without a manager when the first user is a rep', async () => {
    const status = await call(app, 'app.createTeam', {
      teamName: 'Solo',
      userName: 'Li',
      role: 'rep',
    });
    expect(status.currentUser?.role).toBe('rep');
    expect(app.sqlite.prepare('SELECT manager_id FROM teams').get()).toEqual({ manager_id: null });
  });

  it('refuses a second team in the same file, writing nothing', async () => {
    await call(app, 'app.createTeam', { teamName: 'One', userName: 'A', role: 'manager' });
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'app.createTeam', { teamName: 'Two', userName: 'B', role: 'manager' }),
    ).toMatchObject({ code: 'conflict', key: 'errors.teamExists' });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses bad input, writing nothing and choosing nobody', async () => {
    const error = await callError(app, 'app.createTeam', {
      teamName: '',
      userName: 'A',
      role: 'owner',
    });
    expect(error).toMatchObject({
      code: 'invalid_input',
      fields: { teamName: 'validation.required', role: 'validation.invalid' },
    });
    expect(count(app, 'teams')).toBe(0);
    expect(app.currentUserId()).toBeNull();
  });
});

describe('app.setPreferences', () => {
  it('saves language and theme on this device only, and clears the language with null', async () => {
    expect(await call(app, 'app.setPreferences', { language: 'en' })).toMatchObject({
      language: 'en',
      theme: 'system',
    });
    expect(await call(app, 'app.setPreferences', { theme: 'dark' })).toMatchObject({
      language: 'en',
      theme: 'dark',
    });
    expect(getLocal(app.sqlite, 'language')).toBe('en');
    expect(getLocal(app.sqlite, 'theme')).toBe('dark');
    expect(
      await call(app, 'app.setPreferences', { language: 'zh-CN', theme: 'light' }),
    ).toMatchObject({ language: 'zh-CN', theme: 'light' });
    expect(await call(app, 'app.setPreferences', { language: null })).toMatchObject({
      language: null,
      theme: 'light',
    });
    expect(getLocal(app.sqlite, 'language')).toBeNull();
    // Preferences are not team data: nothing in the change log.
    expect(count(app, 'change_log')).toBe(0);
  });

  it('refuses an unknown language or theme', async () => {
    expect(await callError(app, 'app.setPreferences', { language: 'fr' })).toMatchObject({
      code: 'invalid_input',
      fields: { language: 'validation.invalid' },
    });
    expect(await callError(app, 'app.setPreferences', { theme: 'neon' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(getLocal(app.sqlite, 'language')).toBeNull();
  });
});

describe('app.loadDemo and app.setCurrentUser', () => {
  it('loads the small demo, then lets this device act as one of its users', async () => {
    const heard: string[][] = [];
    app.onTablesChanged((tables) => heard.push(tables));
    const loaded = await call(app, 'app.loadDemo', {});
    expect(loaded).toMatchObject({ hasTeam: true, ready: false, currentUser: null });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toEqual(expect.arrayContaining(['teams', 'users', 'customers', 'contacts']));

    const reps = await call(app, 'team.listUsers', {});
    expect(reps).toHaveLength(7);
    const rep = reps.find((u) => u.role === 'rep');
    if (!rep) throw new Error('demo has no rep');
    const status = await call(app, 'app.setCurrentUser', { userId: rep.id });
    expect(status).toMatchObject({
      ready: true,
      currentUser: { id: rep.id, name: rep.name, role: 'rep', teamName: '华东销售部' },
    });
    expect(getLocal(app.sqlite, 'current_user_id')).toBe(rep.id);

    // From now on, changes are stamped with that user.
    const created = await call(app, 'customers.create', {
      name: '新客户',
      ownerId: rep.id,
      status: 'prospect',
    });
    expect(created.updatedByName).toBe(rep.name);
    expect(app.sqlite.prepare('SELECT DISTINCT user_id FROM change_log').all()).toEqual([
      { user_id: rep.id },
    ]);
  });

  it('refuses to load the demo into a file that has a team', async () => {
    await call(app, 'app.createTeam', { teamName: 'One', userName: 'A', role: 'manager' });
    const before = dbSnapshot(app);
    expect(await callError(app, 'app.loadDemo', {})).toMatchObject({
      code: 'conflict',
      key: 'errors.demoNeedsEmpty',
    });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses an unknown or deactivated user, keeping the current one', async () => {
    const first = await call(app, 'app.createTeam', {
      teamName: 'One',
      userName: 'A',
      role: 'manager',
    });
    const meId = first.currentUser?.id ?? '';
    const other = await call(app, 'team.saveUser', {
      name: 'B',
      role: 'rep',
      teamId: first.currentUser?.teamId ?? '',
    });
    await call(app, 'team.setUserActive', { id: other.id, active: false });

    expect(await callError(app, 'app.setCurrentUser', { userId: UNKNOWN })).toMatchObject({
      code: 'not_found',
      params: { what: 'user' },
    });
    expect(await callError(app, 'app.setCurrentUser', { userId: other.id })).toMatchObject({
      code: 'conflict',
      key: 'errors.userInactive',
      params: { name: 'B' },
    });
    expect(await callError(app, 'app.setCurrentUser', { userId: 'B' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(app.currentUserId()).toBe(meId);
  });
});
