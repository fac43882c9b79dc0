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
      demo: false,
      demoPassword: null,
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
      password: 'test-password',
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
      hasPassword: true,
      passwordTemporary: false,
    });
    if (!user) return;
    // The hash, never the password: scrypt with its parameters and a salt.
    const stored = app.sqlite.prepare('SELECT password_hash FROM users').get() as {
      password_hash: string;
    };
    expect(stored.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(JSON.stringify(app.sqlite.prepare('SELECT * FROM change_log').all())).not.toContain(
      'test-password',
    );
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
    // teams: created_at, name, manager_id, parent_id; users: created_at + 7 fields (the hash too).
    expect(count(app, 'change_log', "table_name = 'teams'")).toBe(4);
    expect(count(app, 'change_log', "table_name = 'users'")).toBe(8);
  });

  it('leaves the team without a manager when the first user is a rep', async () => {
    const status = await call(app, 'app.createTeam', {
      teamName: 'Solo',
      userName: 'Li',
      role: 'rep',
      password: 'test-password',
    });
    expect(status.currentUser?.role).toBe('rep');
    expect(app.sqlite.prepare('SELECT manager_id FROM teams').get()).toEqual({ manager_id: null });
  });

  it('refuses a second team in the same file, writing nothing', async () => {
    await call(app, 'app.createTeam', {
      teamName: 'One',
      userName: 'A',
      role: 'manager',
      password: 'test-password',
    });
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'app.createTeam', {
        teamName: 'Two',
        userName: 'B',
        role: 'manager',
        password: 'test-password',
      }),
    ).toMatchObject({ code: 'conflict', key: 'errors.teamExists' });
    expect(dbSnapshot(app)).toBe(before);
  });

  it('refuses bad input, writing nothing and choosing nobody', async () => {
    const error = await callError(app, 'app.createTeam', {
      teamName: '',
      userName: 'A',
      role: 'owner',
      password: 'test-password',
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

describe('app.loadDemo and app.signIn', () => {
  it('loads the small demo, then signs this device in as one of its users with the demo password', async () => {
    const heard: string[][] = [];
    app.onTablesChanged((tables) => heard.push(tables));
    const loaded = await call(app, 'app.loadDemo', {});
    expect(loaded).toMatchObject({
      hasTeam: true,
      ready: false,
      currentUser: null,
      demo: true,
      demoPassword: 'pacer-demo',
    });
    expect(heard).toHaveLength(1);
    expect(heard[0]).toEqual(expect.arrayContaining(['teams', 'users', 'customers', 'contacts']));

    const reps = await call(app, 'team.listUsers', {});
    expect(reps).toHaveLength(7);
    expect(reps.every((u) => u.hasPassword && !u.passwordTemporary)).toBe(true);
    const rep = reps.find((u) => u.role === 'rep');
    if (!rep) throw new Error('demo has no rep');
    const status = await call(app, 'app.signIn', { userId: rep.id, password: 'pacer-demo' });
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
    await call(app, 'app.createTeam', {
      teamName: 'One',
      userName: 'A',
      role: 'manager',
      password: 'test-password',
    });
    const before = dbSnapshot(app);
    expect(await callError(app, 'app.loadDemo', {})).toMatchObject({
      code: 'conflict',
      key: 'errors.demoNeedsEmpty',
    });
    expect(dbSnapshot(app)).toBe(before);
  });
});

describe('signing in, passwords and resets (decision 0022)', () => {
  async function team() {
    const first = await call(app, 'app.createTeam', {
      teamName: 'One',
      userName: 'Boss',
      role: 'manager',
      password: 'boss-password',
    });
    const boss = first.currentUser!;
    const rep = await call(app, 'team.saveUser', {
      name: 'Rep',
      role: 'rep',
      teamId: boss.teamId!,
    });
    return { boss, rep };
  }

  it('a rep cannot act as the manager without the manager’s password', async () => {
    const { boss, rep } = await team();
    const { temporaryPassword } = await call(app, 'team.resetPassword', { userId: rep.id });
    await call(app, 'app.signIn', { userId: rep.id, password: temporaryPassword });
    await call(app, 'app.changePassword', { next: 'rep-password' });
    expect(app.currentUserId()).toBe(rep.id);

    const before = dbSnapshot(app);
    expect(
      await callError(app, 'app.signIn', { userId: boss.id, password: 'guess-guess' }),
    ).toMatchObject({
      code: 'invalid_input',
      key: 'signIn.errors.wrong',
      params: { name: 'Boss' },
      fields: { password: 'signIn.errors.wrong' },
    });
    expect(await callError(app, 'app.signIn', { userId: boss.id, password: '' })).toMatchObject({
      key: 'signIn.errors.wrong',
    });
    expect(app.currentUserId()).toBe(rep.id);
    expect(dbSnapshot(app)).toBe(before);

    expect(
      await call(app, 'app.signIn', { userId: boss.id, password: 'boss-password' }),
    ).toMatchObject({ ready: true, currentUser: { id: boss.id } });
  });

  it('refuses an unknown or deactivated user, or one without a password, keeping the current one', async () => {
    const { boss, rep } = await team();
    expect(
      await callError(app, 'app.signIn', { userId: rep.id, password: 'anything-1' }),
    ).toMatchObject({ code: 'conflict', key: 'signIn.errors.noPassword', params: { name: 'Rep' } });
    const other = await call(app, 'team.saveUser', {
      name: 'B',
      role: 'rep',
      teamId: boss.teamId!,
    });
    await call(app, 'team.setUserActive', { id: other.id, active: false });
    expect(await callError(app, 'app.signIn', { userId: UNKNOWN, password: 'x' })).toMatchObject({
      code: 'not_found',
      params: { what: 'user' },
    });
    expect(await callError(app, 'app.signIn', { userId: other.id, password: 'x' })).toMatchObject({
      code: 'conflict',
      key: 'errors.userInactive',
      params: { name: 'B' },
    });
    expect(await callError(app, 'app.signIn', { userId: 'B', password: 'x' })).toMatchObject({
      code: 'invalid_input',
    });
    expect(app.currentUserId()).toBe(boss.id);
  });

  it('holds a person’s sign-in for 30 s after five wrong passwords, then lets the right one in', async () => {
    const { boss, rep } = await team();
    app.setCurrentUserId(rep.id);
    for (let i = 0; i < 5; i++)
      expect(
        await callError(app, 'app.signIn', { userId: boss.id, password: `wrong-${i}` }),
      ).toMatchObject({ key: 'signIn.errors.wrong' });
    // Held: even the right password waits.
    expect(
      await callError(app, 'app.signIn', { userId: boss.id, password: 'boss-password' }),
    ).toMatchObject({ code: 'conflict', key: 'signIn.errors.held', params: { seconds: 30 } });
    app.tick(20_000);
    expect(
      await callError(app, 'app.signIn', { userId: boss.id, password: 'boss-password' }),
    ).toMatchObject({ key: 'signIn.errors.held', params: { seconds: 10 } });
    app.tick(10_001);
    await call(app, 'app.signIn', { userId: boss.id, password: 'boss-password' });
    expect(app.currentUserId()).toBe(boss.id);
  });

  it('changes a password: the current one is needed, the new one is checked, the old one stops working', async () => {
    const { boss } = await team();
    expect(
      await callError(app, 'app.changePassword', {
        current: 'not-it-at-all',
        next: 'new-password',
      }),
    ).toMatchObject({
      key: 'signIn.errors.currentWrong',
      fields: { current: 'signIn.errors.currentWrong' },
    });
    expect(await callError(app, 'app.changePassword', { next: 'new-password' })).toMatchObject({
      key: 'signIn.errors.currentWrong',
    });
    expect(
      await callError(app, 'app.changePassword', { current: 'boss-password', next: 'short' }),
    ).toMatchObject({ code: 'invalid_input', fields: { next: 'validation.passwordShape' } });
    expect(
      await callError(app, 'app.changePassword', {
        current: 'boss-password',
        next: ' padded-password ',
      }),
    ).toMatchObject({ fields: { next: 'validation.passwordShape' } });
    expect(
      await callError(app, 'app.changePassword', {
        current: 'boss-password',
        next: 'boss-password',
      }),
    ).toMatchObject({ fields: { next: 'signIn.errors.sameAsCurrent' } });
    await call(app, 'app.changePassword', { current: 'boss-password', next: 'new-password' });

    await call(app, 'app.signOut', {});
    expect(await call(app, 'app.status', {})).toMatchObject({ ready: false, currentUser: null });
    expect(
      await callError(app, 'app.signIn', { userId: boss.id, password: 'boss-password' }),
    ).toMatchObject({ key: 'signIn.errors.wrong' });
    await call(app, 'app.signIn', { userId: boss.id, password: 'new-password' });
    expect(app.currentUserId()).toBe(boss.id);
  });

  it('a reset gives a one-time password that must be replaced, and only a manager over the person may reset', async () => {
    const { boss, rep } = await team();
    const { temporaryPassword } = await call(app, 'team.resetPassword', { userId: rep.id });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(await callError(app, 'team.resetPassword', { userId: boss.id })).toMatchObject({
      key: 'signIn.errors.resetSelf',
    });
    const status = await call(app, 'app.signIn', { userId: rep.id, password: temporaryPassword });
    expect(status.currentUser).toMatchObject({ hasPassword: true, passwordTemporary: true });
    // The rep may not reset the manager's password, nor anyone's.
    const before = dbSnapshot(app);
    expect(await callError(app, 'team.resetPassword', { userId: boss.id })).toMatchObject({
      code: 'conflict',
      key: 'signIn.errors.resetNotYours',
    });
    expect(dbSnapshot(app)).toBe(before);
    // A one-time password is replaced without typing it again.
    const changed = await call(app, 'app.changePassword', { next: 'rep-own-password' });
    expect(changed.currentUser).toMatchObject({ passwordTemporary: false });
    await call(app, 'app.signOut', {});
    expect(
      await callError(app, 'app.signIn', { userId: rep.id, password: temporaryPassword }),
    ).toMatchObject({ key: 'signIn.errors.wrong' });
    await call(app, 'app.signIn', { userId: rep.id, password: 'rep-own-password' });
  });

  it('a newcomer adds themselves as a rep with their own password and is signed in', async () => {
    const { boss } = await team();
    await call(app, 'app.signOut', {});
    const before = dbSnapshot(app);
    expect(
      await callError(app, 'app.joinAsNew', {
        name: 'New',
        teamId: boss.teamId!,
        password: 'short',
      }),
    ).toMatchObject({ code: 'invalid_input', fields: { password: 'validation.passwordShape' } });
    expect(
      await callError(app, 'app.joinAsNew', {
        name: 'New',
        teamId: UNKNOWN,
        password: 'new-password',
      }),
    ).toMatchObject({ code: 'invalid_input', fields: { teamId: 'errors.notFound' } });
    expect(dbSnapshot(app)).toBe(before);
    expect(app.currentUserId()).toBeNull();
    const status = await call(app, 'app.joinAsNew', {
      name: 'New',
      teamId: boss.teamId!,
      password: 'new-password',
    });
    expect(status.currentUser).toMatchObject({ name: 'New', role: 'rep', hasPassword: true });
  });
});
