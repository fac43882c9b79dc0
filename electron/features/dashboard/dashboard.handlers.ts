import {
  gettingStartedSteps as steps,
  type dashboardContract,
} from '../../../shared/contract/dashboard';
import { getLocal, setLocal } from '../../db/local-state';
import type { HandlersOf } from '../../ipc/dispatch';
import { gettingStartedSteps } from './dashboard.repo';

export const dashboardHandlers: HandlersOf<typeof dashboardContract> = {
  'dashboard.gettingStarted': (input, ctx) => {
    const done = gettingStartedSteps(ctx.db, input.today, getLocal(ctx.sqlite, 'team_folder'));
    const list = steps.map((step) => ({ step, done: done[step] }));
    // Only the device that created the team (app.createTeam) opens the panel; dismissing it
    // closes it there for good.
    const open = getLocal(ctx.sqlite, 'getting_started') === 'open';
    return { show: open && list.some((s) => !s.done), steps: list };
  },

  'dashboard.dismissGettingStarted': (_input, ctx) => {
    setLocal(ctx.sqlite, 'getting_started', 'dismissed');
    return { ok: true as const };
  },
};
