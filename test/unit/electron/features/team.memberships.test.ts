import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { membershipsOf, teamAt } from '../../../../electron/features/team/team.memberships';
import type { User } from '../../../../shared/contract/team';
import { call, count, startTeam, tempApp } from '../../helpers';

const DAY = 86_400_000;

let app: ReturnType<typeof tempApp>;
let east: string;
let south: string;
let zhang: User;
let li: User;

beforeEach(async () => {
  // Monday 23 November 2026: the middle of Q4.
  app = tempApp({ start: '2026-11-23T09:00:00.000Z' });
  const team = await startTeam(app, ['张三', '李四']);
  east = team.teamId;
  [zhang, li] = team.reps as [User, User];
  south = (await call(app, 'team.saveTeam', { name: '华南销售部' })).id;
});
afterEach(() => app.cleanup());

const moveTo = (user: User, teamId: string) =>
  call(app, 'team.saveUser', { id: user.id, name: user.name, role: user.role, teamId });

const teamOn = (userId: string, day: string) =>
  app.db.get<{ team: string | null }>(sql`SELECT ${teamAt(userId, day)} AS team`)?.team;

describe('team memberships', () => {
  it('records a mid-quarter team change in the same commit as the user’s new team', async () => {
    const commits: string[][] = [];
    app.onTablesChanged((tables) => commits.push([...tables].sort()));
    await moveTo(zhang, south);
    expect(commits).toEqual([['team_memberships', 'users']]);
    expect(membershipsOf(app.db, zhang.id)).toEqual([
      expect.objectContaining({ teamId: east, fromDay: '2000-01-01', toDay: '2026-11-23' }),
      expect.objectContaining({ teamId: south, fromDay: '2026-11-23', toDay: null }),
    ]);
    expect(teamOn(zhang.id, '2026-10-01')).toBe(east);
    expect(teamOn(zhang.id, '2026-11-22')).toBe(east);
    expect(teamOn(zhang.id, '2026-11-23')).toBe(south);
    expect(teamOn(zhang.id, '2026-12-31')).toBe(south);
    // No membership rows: the current team.
    expect(teamOn(li.id, '2026-10-01')).toBe(east);
  });

  it('credits each event to the team of its day (teamAt for the reports)', async () => {
    await moveTo(zhang, south);
    const rows = app.db.all<{ team: string; amount: number }>(sql`
      WITH events(user_id, day, amount) AS (VALUES
        (${zhang.id}, '2026-10-08', 100), (${zhang.id}, '2026-11-20', 200),
        (${zhang.id}, '2026-11-23', 400), (${zhang.id}, '2026-12-15', 800),
        (${li.id}, '2026-11-25', 1600))
      SELECT ${teamAt(sql`e.user_id`, sql`e.day`)} AS team, sum(e.amount) AS amount
      FROM events e GROUP BY team ORDER BY amount`);
    expect(rows).toEqual([
      { team: south, amount: 400 + 800 },
      { team: east, amount: 100 + 200 + 1600 },
    ]);
  });

  it('closes the current membership and opens the next on a later change', async () => {
    await moveTo(zhang, south);
    app.tick(10 * DAY);
    await moveTo(zhang, east);
    expect(membershipsOf(app.db, zhang.id).map((m) => [m.teamId, m.fromDay, m.toDay])).toEqual([
      [east, '2000-01-01', '2026-11-23'],
      [south, '2026-11-23', '2026-12-03'],
      [east, '2026-12-03', null],
    ]);
    expect(teamOn(zhang.id, '2026-12-02')).toBe(south);
    expect(teamOn(zhang.id, '2026-12-03')).toBe(east);
  });

  it('re-points the membership opened today on a second change the same day', async () => {
    const third = (await call(app, 'team.saveTeam', { name: '华北销售部' })).id;
    await moveTo(zhang, south);
    await moveTo(zhang, third);
    expect(membershipsOf(app.db, zhang.id).map((m) => [m.teamId, m.fromDay, m.toDay])).toEqual([
      [east, '2000-01-01', '2026-11-23'],
      [third, '2026-11-23', null],
    ]);
  });

  it('writes no membership when the team stays the same', async () => {
    await call(app, 'team.saveUser', {
      id: zhang.id,
      name: '张三丰',
      role: 'rep',
      teamId: east,
    });
    expect(count(app, 'team_memberships')).toBe(0);
  });
});
