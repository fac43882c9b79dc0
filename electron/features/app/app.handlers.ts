import type { AppStatus, appContract, Language } from '../../../shared/contract/app';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { getLocal, setLocal } from '../../db/local-state';
import { appliedMigrationCount } from '../../db/migrate';
import { generateDemo } from '../../demo';
import type { HandlersOf } from '../../ipc/dispatch';
import { currentUser } from '../team/current-user';
import { getTeam, hasTeam } from '../team/team.repo';
import { assertPasswordShape, DEMO_PASSWORD, hashPassword } from './passwords';
import { checkPassword, signInAs } from './sign-in';

/** Whether the file was filled by the demo generator (electron/demo: `{ kind: 'demo', … }`). */
function isDemoFile(baseSnapshot: string | null): boolean {
  if (baseSnapshot === null) return false;
  try {
    return (JSON.parse(baseSnapshot) as { kind?: unknown }).kind === 'demo';
  } catch {
    return false;
  }
}

function status(ctx: AppContext): AppStatus {
  const user = currentUser(ctx);
  const team = hasTeam(ctx.db);
  const language = getLocal(ctx.sqlite, 'language');
  const theme = getLocal(ctx.sqlite, 'theme');
  const demo = isDemoFile(getLocal(ctx.sqlite, 'base_snapshot'));
  return {
    ready: team && user !== null && user.active,
    hasTeam: team,
    currentUser: user,
    demo,
    demoPassword: demo ? DEMO_PASSWORD : null,
    language: language === 'zh-CN' || language === 'en' ? (language as Language) : null,
    theme: theme === 'light' || theme === 'dark' ? theme : 'system',
    deviceId: ctx.deviceId,
    schemaVersion: appliedMigrationCount(ctx.sqlite),
    databasePath: ctx.file,
    appVersion: ctx.appVersion,
  };
}

export const appHandlers: HandlersOf<typeof appContract> = {
  'app.status': (_input, ctx) => status(ctx),

  'app.restart': async (_input, ctx) => {
    await ctx.restart();
    return { ok: true as const };
  },

  'app.setPreferences': (input, ctx) => {
    if (input.language !== undefined) setLocal(ctx.sqlite, 'language', input.language);
    if (input.theme !== undefined) setLocal(ctx.sqlite, 'theme', input.theme);
    return status(ctx);
  },

  'app.createTeam': (input, ctx) => {
    if (hasTeam(ctx.db)) {
      throw new AppError('conflict', 'this file already has a team', 'errors.teamExists');
    }
    assertPasswordShape(input.password, 'password');
    const teamId = ctx.newId();
    const userId = ctx.newId();
    // The first user stamps their own creation: they are who this device acts as from now on.
    ctx.setCurrentUserId(userId);
    // A new team starts with the dashboard's getting-started steps (a demo or a joined team does not).
    setLocal(ctx.sqlite, 'getting_started', 'open');
    ctx.commit([
      {
        op: 'insert',
        table: 'teams',
        id: teamId,
        values: {
          name: input.teamName,
          managerId: input.role === 'rep' ? null : userId,
          parentId: null,
        },
      },
      {
        op: 'insert',
        table: 'users',
        id: userId,
        values: {
          name: input.userName,
          role: input.role,
          teamId,
          active: true,
          phone: null,
          email: null,
          passwordHash: hashPassword(input.password),
        },
      },
    ]);
    return status(ctx);
  },

  'app.loadDemo': (_input, ctx) => {
    generateDemo(ctx, { size: 'small' });
    return status(ctx);
  },

  'app.signIn': async (input, ctx) => {
    await signInAs(ctx, input.userId, input.password);
    return status(ctx);
  },

  'app.signOut': (_input, ctx) => {
    ctx.setCurrentUserId(null);
    return status(ctx);
  },

  'app.changePassword': async (input, ctx) => {
    const me = currentUser(ctx);
    if (!me) throw new AppError('conflict', 'nobody is signed in', 'signIn.errors.signedOut');
    // A one-time password from a reset was just typed at sign-in: it is not asked again.
    if (me.hasPassword && !me.passwordTemporary) {
      if (input.current === undefined || !(await checkPassword(ctx, me.id, input.current)))
        throw new AppError(
          'invalid_input',
          'the current password is not right',
          'signIn.errors.currentWrong',
          undefined,
          { current: 'signIn.errors.currentWrong' },
        );
    }
    assertPasswordShape(input.next, 'next');
    if (input.current !== undefined && input.current === input.next)
      throw new AppError(
        'invalid_input',
        'the new password is the one in use',
        'signIn.errors.sameAsCurrent',
        undefined,
        { next: 'signIn.errors.sameAsCurrent' },
      );
    ctx.commit([
      {
        op: 'update',
        table: 'users',
        id: me.id,
        values: { passwordHash: hashPassword(input.next), passwordTemporary: false },
      },
    ]);
    return status(ctx);
  },

  'app.joinAsNew': (input, ctx) => {
    if (!hasTeam(ctx.db))
      throw new AppError('conflict', 'this file has no team yet', 'signIn.errors.noTeamYet');
    if (!getTeam(ctx.db, input.teamId))
      throw new AppError(
        'invalid_input',
        `team ${input.teamId} not found`,
        'errors.notFound',
        { what: 'team' },
        { teamId: 'errors.notFound' },
      );
    assertPasswordShape(input.password, 'password');
    const userId = ctx.newId();
    // The newcomer stamps their own creation, as the first user of a new team does.
    ctx.setCurrentUserId(userId);
    ctx.commit([
      {
        op: 'insert',
        table: 'users',
        id: userId,
        values: {
          name: input.name,
          role: 'rep',
          teamId: input.teamId,
          active: true,
          phone: null,
          email: null,
          passwordHash: hashPassword(input.password),
        },
      },
    ]);
    return status(ctx);
  },
};
