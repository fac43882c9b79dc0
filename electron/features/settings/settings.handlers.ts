import type { settingsContract } from '../../../shared/contract/settings';
import { AppError } from '../../core/errors';
import type { HandlersOf } from '../../ipc/dispatch';
import { currentUser } from '../team/current-user';
import { teamSettings, writeSetting } from './settings.repo';

export const settingsHandlers: HandlersOf<typeof settingsContract> = {
  'settings.get': (_input, ctx) => teamSettings(ctx.db),

  'settings.setFrequencyRules': (input, ctx) => {
    if (currentUser(ctx)?.role === 'rep')
      throw new AppError(
        'conflict',
        'only a manager can change team settings',
        'errors.settingsNeedManager',
      );
    writeSetting(ctx, 'visit_frequency_days', input);
    return teamSettings(ctx.db);
  },
};
