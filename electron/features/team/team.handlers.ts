import type { teamContract } from '../../../shared/contract/team';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { hashPassword, temporaryPassword } from '../app/passwords';
import { currentUser } from './current-user';
import { assertPermitted } from './permit';
import { teamChangeMemberships } from './team.memberships';
import { seesOwner, visibility, visibilityOut } from './visibility';
import { getTeam, getUser, listTeams, listUsers, teamNameTaken } from './team.repo';

function requireTeam(ctx: AppContext, id: string) {
  const team = getTeam(ctx.db, id);
  if (!team) throw notFound('team', id);
  return team;
}

function requireUser(ctx: AppContext, id: string) {
  const user = getUser(ctx.db, id);
  if (!user) throw notFound('user', id);
  return user;
}

export const teamHandlers: HandlersOf<typeof teamContract> = {
  'team.listTeams': (_input, ctx) => listTeams(ctx.db),

  'team.visibility': (_input, ctx) => visibilityOut(visibility(ctx)),

  'team.saveTeam': (input, ctx) => {
    assertPermitted(ctx, { table: 'teams', before: null, after: {} });
    const clash = teamNameTaken(ctx.db, input.name, input.id);
    if (clash) {
      throw new AppError(
        'conflict',
        `a team named ${clash.name} exists`,
        'errors.teamNameTaken',
        { name: clash.name },
        { name: 'errors.teamNameTaken' },
      );
    }
    if (input.managerId) requireUser(ctx, input.managerId);
    if (input.parentId) {
      requireTeam(ctx, input.parentId);
      if (input.id && createsCycle(ctx, input.id, input.parentId)) {
        throw new AppError(
          'invalid_input',
          'a team cannot be inside itself',
          'errors.teamCycle',
          undefined,
          { parentId: 'errors.teamCycle' },
        );
      }
    }
    // On an update a field left out stays as it is (commit skips undefined); null clears it.
    const unset = input.id ? undefined : null;
    const values = {
      name: input.name,
      managerId: input.managerId === undefined ? unset : input.managerId,
      parentId: input.parentId === undefined ? unset : input.parentId,
    };
    const id = input.id ?? ctx.newId();
    if (input.id) {
      requireTeam(ctx, input.id);
      ctx.commit([{ op: 'update', table: 'teams', id, values }]);
    } else {
      ctx.commit([{ op: 'insert', table: 'teams', id, values }]);
    }
    return requireTeam(ctx, id);
  },

  'team.deleteTeam': (input, ctx) => {
    assertPermitted(ctx, { table: 'teams', before: null, after: {} });
    const team = requireTeam(ctx, input.id);
    if (team.activeMemberCount > 0) {
      throw new AppError(
        'conflict',
        `team ${team.name} still has active members`,
        'errors.teamHasMembers',
        { name: team.name, count: team.activeMemberCount },
      );
    }
    ctx.commit([{ op: 'delete', table: 'teams', id: team.id }]);
    return { ok: true as const };
  },

  'team.listUsers': (input, ctx) => listUsers(ctx.db, input),

  'team.saveUser': (input, ctx) => {
    requireTeam(ctx, input.teamId);
    const values = {
      name: input.name,
      role: input.role,
      teamId: input.teamId,
      phone: input.phone,
      email: input.email,
    };
    const id = input.id ?? ctx.newId();
    if (input.id) {
      const before = requireUser(ctx, input.id);
      assertPermitted(ctx, {
        table: 'users',
        rowId: before.id,
        before: { role: before.role, team_id: before.teamId },
        after: { role: input.role, team_id: input.teamId, name: input.name },
      });
      // A team change is recorded as memberships in the same commit (reports credit the team
      // at the time of each event); today is the host's day.
      const today = ctx.now().toISOString().slice(0, 10);
      ctx.commit([
        { op: 'update', table: 'users', id, values },
        ...teamChangeMemberships(ctx, before, input.teamId, today),
      ]);
    } else {
      assertPermitted(ctx, { table: 'users', before: null, after: { role: input.role } });
      ctx.commit([{ op: 'insert', table: 'users', id, values: { ...values, active: true } }]);
    }
    return requireUser(ctx, id);
  },

  'team.resetPassword': (input, ctx) => {
    const me = currentUser(ctx);
    const user = requireUser(ctx, input.userId);
    // A manager resets the people of their scope; only an admin resets an admin's.
    const allowed =
      me !== null &&
      me.role !== 'rep' &&
      me.id !== user.id &&
      (user.role !== 'admin' || me.role === 'admin') &&
      seesOwner(visibility(ctx), user.id);
    if (!allowed)
      throw new AppError(
        'conflict',
        me?.id === user.id
          ? 'change your own password in Settings'
          : `only ${user.name}'s manager can reset their password`,
        me?.id === user.id ? 'signIn.errors.resetSelf' : 'signIn.errors.resetNotYours',
        { name: user.name },
      );
    const temporary = temporaryPassword();
    ctx.commit([
      {
        op: 'update',
        table: 'users',
        id: user.id,
        values: { passwordHash: hashPassword(temporary), passwordTemporary: true },
      },
    ]);
    return { temporaryPassword: temporary };
  },

  'team.setUserActive': (input, ctx) => {
    const user = requireUser(ctx, input.id);
    if (!input.active && user.id === ctx.currentUserId()) {
      throw new AppError('conflict', 'you cannot deactivate yourself', 'errors.deactivateSelf');
    }
    assertPermitted(ctx, {
      table: 'users',
      rowId: user.id,
      before: { active: user.active },
      after: { active: input.active },
    });
    ctx.commit([{ op: 'update', table: 'users', id: user.id, values: { active: input.active } }]);
    return { ok: true as const };
  },
};

function createsCycle(ctx: AppContext, teamId: string, parentId: string): boolean {
  const byId = new Map(listTeams(ctx.db).map((t) => [t.id, t]));
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 100; depth++) {
    if (cursor === teamId) return true;
    cursor = byId.get(cursor)?.parentId ?? null;
  }
  return false;
}
