import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getLocal, setLocal } from '../../../../electron/db/local-state';
import { call, callError, startTeam, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;
beforeEach(() => {
  app = tempApp();
});
afterEach(() => app.cleanup());

const TODAY = '2026-11-23';
const doneSteps = async (today = TODAY) =>
  (await call(app, 'dashboard.gettingStarted', { today })).steps
    .filter((s) => s.done)
    .map((s) => s.step);

describe('dashboard.gettingStarted', () => {
  it('opens for a team created on this device, and ticks each step off as the data says', async () => {
    const { teamId } = await startTeam(app);
    expect(await call(app, 'dashboard.gettingStarted', { today: TODAY })).toEqual({
      show: true,
      steps: [
        { step: 'people', done: false },
        { step: 'customers', done: false },
        { step: 'targets', done: false },
        { step: 'plan', done: false },
        { step: 'teamFolder', done: false },
      ],
    });

    // People: the manager alone is not a team; a rep makes two.
    const rep = await call(app, 'team.saveUser', { name: '李娜', role: 'rep', teamId });
    expect(await doneSteps()).toEqual(['people']);

    const customer = await call(app, 'customers.create', {
      name: '苏州精密机械',
      ownerId: rep.id,
      status: 'prospect',
      tags: [],
    });
    expect(await doneSteps()).toEqual(['people', 'customers']);

    // Targets: next month's target is not this period's; November's is.
    const cell = (key: string) => ({
      metric: 'sales' as const,
      year: 2026,
      scope: { type: 'team' as const, id: teamId },
      key,
      value: 1_000_000,
    });
    await call(app, 'targets.setCell', cell('2026-12'));
    expect(await doneSteps()).toEqual(['people', 'customers']);
    await call(app, 'targets.setCell', cell('2026-11'));
    expect(await doneSteps()).toEqual(['people', 'customers', 'targets']);
    // On 1 December, December's target is the period's.
    expect(await doneSteps('2026-12-01')).toEqual(['people', 'customers', 'targets']);

    // Plan: a visit next week does not plan this one (ISO week 2026-W48: 11-23 … 11-29).
    const plan = {
      customerId: customer.id,
      ownerId: rep.id,
      start: '09:00',
      end: '10:00',
      timeZone: 'Asia/Shanghai',
      purpose: 'info' as const,
    };
    await call(app, 'visits.create', { ...plan, day: '2026-11-30' });
    expect(await doneSteps()).not.toContain('plan');
    await call(app, 'visits.create', { ...plan, day: '2026-11-29' });
    expect(await doneSteps()).toContain('plan');

    // The team folder, once this device shares one: every step done, the panel goes.
    setLocal(app.sqlite, 'team_folder', '/mnt/team/pacer');
    const all = await call(app, 'dashboard.gettingStarted', { today: TODAY });
    expect(all.steps.every((s) => s.done)).toBe(true);
    expect(all.show).toBe(false);
  });

  it('stays away once dismissed on this device', async () => {
    await startTeam(app);
    await call(app, 'dashboard.dismissGettingStarted', {});
    expect(getLocal(app.sqlite, 'getting_started')).toBe('dismissed');
    expect((await call(app, 'dashboard.gettingStarted', { today: TODAY })).show).toBe(false);
  });

  it('never shows on the demo team', async () => {
    await call(app, 'app.loadDemo', {});
    const demo = await call(app, 'dashboard.gettingStarted', { today: TODAY });
    expect(demo.show).toBe(false);
    expect(demo.steps.filter((s) => s.done).map((s) => s.step)).toEqual([
      'people',
      'customers',
      'targets',
      'plan',
    ]);
  });

  it('refuses a day that does not exist', async () => {
    await startTeam(app);
    expect((await callError(app, 'dashboard.gettingStarted', { today: '2026-02-30' })).code).toBe(
      'invalid_input',
    );
  });
});
