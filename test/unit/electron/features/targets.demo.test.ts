import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../electron/demo';
import { weeklyFigures } from '../../../../electron/features/weekly/weekly.figures';
import { targetMetrics } from '../../../../shared/domain/targets';
import { call, count, tempApp } from '../../helpers';

let app: ReturnType<typeof tempApp>;

beforeAll(() => {
  app = tempApp({ start: '2026-11-23T09:00:00.000Z' });
  generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
  const manager = app.sqlite.prepare("SELECT id FROM users WHERE role = 'manager'").get() as {
    id: string;
  };
  app.setCurrentUserId(manager.id);
});
afterAll(() => app.cleanup());

describe('demo targets, calendar and weekly reports', () => {
  it('lists 2025 and 2026 public holidays and 调休 days (demo data)', async () => {
    // 2025: 33 days, 2026: 39 days.
    expect(count(app, 'calendar_days')).toBe(72);
    const days = await call(app, 'calendar.days', { year: 2026 });
    expect(days.find((d) => d.day === '2026-02-14')).toMatchObject({ kind: 'workday' });
    expect(days.find((d) => d.day === '2026-10-07')).toMatchObject({
      kind: 'holiday',
      name: '国庆节',
    });
  });

  it('sets last year’s and this year’s targets for the company, the team and each rep', async () => {
    // (company + team + 6 reps) × 5 metrics × 2 years × (year + 4 quarters + 12 months).
    expect(count(app, 'targets')).toBe(8 * 5 * 2 * 17);
    for (const metric of targetMetrics)
      for (const year of [2025, 2026]) {
        const overview = await call(app, 'targets.overview', { metric, year });
        const [team] = overview.teams;
        expect(team?.reps).toHaveLength(6);
        expect(team?.reps.every((r) => (r.value ?? 0) > 0)).toBe(true);
        // A little above the reps' sum, and the company a little above the team.
        expect(team?.unassigned ?? -1).toBeGreaterThanOrEqual(0);
        expect(overview.company.unassigned ?? -1).toBeGreaterThanOrEqual(0);
      }
  });

  it('sizes last year’s sales targets on what the reps sold (within ±10%)', () => {
    const rows = app.sqlite
      .prepare(
        `SELECT t.value AS target, (SELECT coalesce(sum(d.amount), 0) FROM deals d WHERE d.owner_id = t.scope_id
           AND d.status = 'won' AND d.closed_on BETWEEN '2025-01-01' AND '2025-12-31') AS actual
         FROM targets t WHERE t.metric = 'sales' AND t.scope_type = 'rep' AND t.period_key = '2025'`,
      )
      .all() as { target: number; actual: number }[];
    expect(rows).toHaveLength(6);
    for (const r of rows) {
      expect(r.target / r.actual).toBeGreaterThan(0.89);
      expect(r.target / r.actual).toBeLessThan(1.11);
    }
  });

  it('writes past weekly reports, most submitted and reviewed, with the figures as the app computes them', () => {
    const statuses = Object.fromEntries(
      (
        app.sqlite
          .prepare('SELECT status, count(*) AS n FROM weekly_reports GROUP BY status')
          .all() as { status: string; n: number }[]
      ).map((r) => [r.status, r.n]),
    );
    const total = count(app, 'weekly_reports');
    expect(total).toBeLessThanOrEqual(6 * 12);
    expect(total).toBeGreaterThan(6 * 12 * 0.8);
    expect(statuses.reviewed ?? 0).toBeGreaterThan(total / 2);
    expect((statuses.submitted ?? 0) + (statuses.reviewed ?? 0)).toBeGreaterThan(total * 0.85);
    const submitted = app.sqlite
      .prepare(
        "SELECT user_id, week, submitted_at, figures FROM weekly_reports WHERE status != 'draft' ORDER BY week DESC, user_id LIMIT 12",
      )
      .all() as { user_id: string; week: string; submitted_at: string; figures: string }[];
    for (const r of submitted) {
      const live = weeklyFigures(app.db, r.user_id, r.week, r.submitted_at.slice(0, 10));
      expect(JSON.parse(r.figures), `${r.user_id} ${r.week}`).toEqual(live);
    }
  });
});
