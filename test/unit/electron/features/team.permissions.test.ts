import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../../../../shared/contract/team';
import { call, callError, dbSnapshot, tempApp } from '../../helpers';

/*
 * Roles, teams and the team structure are a manager's (core/permissions.ts): the same rule that
 * sync applies to another device's change (decision 0024) refuses a rep here, before any write.
 */
let app: ReturnType<typeof tempApp>;
let manager: User;
let rep: User;
let teamId: string;

beforeEach(async () => {
  app = tempApp();
  const status = await call(app, 'app.createTeam', {
    teamName: '华东销售部',
    userName: '王经理',
    role: 'manager',
    password: 'test-password',
  });
  if (!status.currentUser) throw new Error('createTeam set no current user');
  manager = status.currentUser;
  if (!manager.teamId) throw new Error('the manager has no team');
  teamId = manager.teamId;
  rep = await call(app, 'team.saveUser', { name: '王芳', role: 'rep', teamId });
  app.tick(60_000);
});
afterEach(() => app.cleanup());

describe('team handlers ask the permission rules', () => {
  it('a rep may not change a role, a team or the team structure; nothing is written', async () => {
    app.setCurrentUserId(rep.id); // the device's remembered user
    const before = dbSnapshot(app);
    const refused = { code: 'conflict', key: 'errors.teamNeedsManager' };
    expect(
      await callError(app, 'team.saveUser', {
        id: rep.id,
        name: '王芳',
        role: 'manager',
        teamId,
      }),
    ).toMatchObject(refused);
    expect(
      await callError(app, 'team.saveUser', {
        name: '新经理',
        role: 'manager',
        teamId,
      }),
    ).toMatchObject(refused);
    expect(await callError(app, 'team.saveTeam', { name: '二部' })).toMatchObject(refused);
    expect(await callError(app, 'team.deleteTeam', { id: teamId })).toMatchObject(refused);
    expect(dbSnapshot(app)).toEqual(before);
  });

  it('a rep may still edit their own details and add a rep; a manager may change roles', async () => {
    app.setCurrentUserId(rep.id); // the device's remembered user
    const saved = await call(app, 'team.saveUser', {
      id: rep.id,
      name: '王芳',
      role: 'rep',
      teamId,
      phone: '138',
    });
    expect(saved.phone).toBe('138');
    await call(app, 'team.saveUser', { name: '李雷', role: 'rep', teamId });
    app.setCurrentUserId(manager.id); // the device's remembered user
    const promoted = await call(app, 'team.saveUser', {
      id: rep.id,
      name: '王芳',
      role: 'manager',
      teamId,
    });
    expect(promoted.role).toBe('manager');
  });
});
