import type { AppStatus, appContract, Language } from '../../../shared/contract/app';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { getLocal, setLocal } from '../../db/local-state';
import { appliedMigrationCount } from '../../db/migrate';
import { generateDemo } from '../../demo';
import type { HandlersOf } from '../../ipc/dispatch';
import { currentUser } from '../team/current-user';
import { getUser, hasTeam } from '../team/team.repo';

function status(ctx: AppContext): AppStatus {
  const user = currentUser(ctx);
  const team = hasTeam(ctx.db);
  const language = getLocal(ctx.sqlite, 'language');
  const theme = getLocal(ctx.sqlite, 'theme');
  return {
    ready: team && user !== null && user.active,
    hasTeam: team,
    currentUser: user,
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
        },
      },
    ]);
    return status(ctx);
  },

  'app.loadDemo': (_input, ctx) => {
    generateDemo(ctx, { size: 'small' });
    return status(ctx);
  },

  'app.setCurrentUser': (input, ctx) => {
    const user = getUser(ctx.db, input.userId);
    if (!user) throw notFound('user', input.userId);
    if (!user.active)
      throw new AppError('conflict', `${user.name} is deactivated`, 'errors.userInactive', {
        name: user.name,
      });
    ctx.setCurrentUserId(user.id);
    return status(ctx);
  },
};
