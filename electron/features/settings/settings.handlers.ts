import type { settingsContract } from '../../../shared/contract/settings';
import type { AppContext } from '../../core/context';
import type { HandlersOf } from '../../ipc/dispatch';
import { assertPermitted } from '../team/permit';
import { teamSettings, writeSetting } from './settings.repo';

/** Team settings are a manager's call. */
function assertManager(ctx: AppContext): void {
  assertPermitted(ctx, { table: 'settings', before: null, after: {} });
}

export const settingsHandlers: HandlersOf<typeof settingsContract> = {
  'settings.get': (_input, ctx) => teamSettings(ctx.db),

  'settings.setFrequencyRules': (input, ctx) => {
    assertManager(ctx);
    writeSetting(ctx, 'visit_frequency_days', input);
    return teamSettings(ctx.db);
  },

  'settings.setStalledDays': (input, ctx) => {
    assertManager(ctx);
    writeSetting(ctx, 'stalled_days', input);
    return teamSettings(ctx.db);
  },
};
