import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../electron/demo';
import { getLocal } from '../../../electron/db/local-state';
import { customerNameKey } from '../../../shared/domain/customers';
import {
  dimensions,
  scorePoints,
  scoreTotal,
  type ScoreLevels,
} from '../../../shared/domain/intensity';
import { call, count, tempApp } from '../helpers';

const apps: ReturnType<typeof tempApp>[] = [];
function fresh(): ReturnType<typeof tempApp> {
  const app = tempApp();
  apps.push(app);
  return app;
}
afterEach(() => {
  for (const app of apps.splice(0)) app.cleanup();
});

const TABLES = [
  'teams',
  'users',
  'customers',
  'contacts',
  'activities',
  'follow_ups',
  'visits',
  'meetings',
] as const;

/** A fingerprint of every demo row, so two files can be compared exactly. */
function fingerprint(app: ReturnType<typeof tempApp>): Record<string, string> {
  return Object.fromEntries(
    TABLES.map((t) => [
      t,
      createHash('sha256')
        .update(JSON.stringify(app.sqlite.prepare(`SELECT * FROM "${t}" ORDER BY id`).all()))
        .digest('hex'),
    ]),
  );
}

function msOf(uuid: string): number {
  return parseInt(uuid.replace(/-/g, '').slice(0, 12), 16);
}

describe('generateDemo (small)', () => {
  let app: ReturnType<typeof tempApp>;
  beforeEach(() => {
    app = fresh();
  });

  it('makes one team of a manager and six reps, 300 customers and about 900 contacts', () => {
    const report = generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    expect(report).toMatchObject({ size: 'small', seed: 1, today: '2026-11-23' });
    expect(count(app, 'teams')).toBe(1);
    expect(count(app, 'users')).toBe(7);
    expect(count(app, 'users', "role = 'rep'")).toBe(6);
    expect(count(app, 'users', "role = 'manager'")).toBe(1);
    expect(count(app, 'customers')).toBe(300);
    const contacts = count(app, 'contacts');
    expect(contacts).toBeGreaterThanOrEqual(800);
    expect(contacts).toBeLessThanOrEqual(1000);
    // About five timeline entries per customer, and a few hundred open follow-ups.
    const activities = count(app, 'activities');
    expect(activities).toBeGreaterThanOrEqual(1200);
    expect(activities).toBeLessThanOrEqual(2100);
    const followUps = count(app, 'follow_ups');
    const open = count(app, 'follow_ups', 'done_at IS NULL');
    expect(open).toBeGreaterThanOrEqual(150);
    expect(open).toBeLessThanOrEqual(400);
    expect(report.counts).toEqual({
      teams: 1,
      users: 7,
      customers: 300,
      contacts,
      activities,
      follow_ups: followUps,
      products: 8,
      deals: 300,
      deal_lines: count(app, 'deal_lines'),
      deal_checks: count(app, 'deal_checks'),
      stage_history: count(app, 'stage_history'),
      receivables: count(
        app,
        'receivables',
        "deal_id IN (SELECT id FROM deals WHERE status = 'won')",
      ),
      collections: count(app, 'collections'),
      deal_scores: count(app, 'deal_scores'),
      visits: count(app, 'visits'),
      meetings: count(app, 'meetings'),
      calendar_days: count(app, 'calendar_days'),
      targets: count(app, 'targets'),
      weekly_reports: count(app, 'weekly_reports'),
    });
    expect(count(app, 'targets')).toBeGreaterThan(1000);
    expect(count(app, 'weekly_reports')).toBeGreaterThan(50);
  });

  it('scores most deals over their life, with over-claimed, stale and unscored open deals', async () => {
    generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    const q = <T>(sql: string) => app.sqlite.prepare(sql).all() as T[];
    const open = count(app, 'deals', "status = 'open'");
    const scored = count(app, 'deals', "status = 'open' AND score_id IS NOT NULL");
    expect(scored / open).toBeGreaterThan(0.7);
    expect(count(app, 'deals', "status <> 'open' AND score_id IS NOT NULL")).toBeGreaterThan(100);
    // Every scoring lies within its deal's life, and its points are the rubric's for its levels.
    expect(
      count(
        app,
        'deal_scores',
        `scored_at < (SELECT created_at FROM deals d WHERE d.id = deal_id)
         OR scored_at > coalesce((SELECT closed_on FROM deals d WHERE d.id = deal_id) || 'T23:59:59Z', '2026-11-23T18:00:00.000Z')`,
      ),
    ).toBe(0);
    for (const row of q<Record<string, string | number>>('SELECT * FROM deal_scores')) {
      const points = scorePoints({
        problem: { level: row.problem_level, with: row.problem_with },
        power: { level: row.power_level },
        vision: { level: row.vision_level, with: row.vision_with },
        value: { level: row.value_level, with: row.value_with },
        control: { level: row.control_level },
      } as ScoreLevels);
      expect([
        row.problem_points,
        row.power_points,
        row.vision_points,
        row.value_points,
        row.control_points,
        row.total_points,
      ]).toEqual([...dimensions.map((d) => points[d]), scoreTotal(points)]);
    }
    // Intensity rises with the milestone.
    const avg = Object.fromEntries(
      q<{ milestone: string; avg: number }>(
        "SELECT milestone, avg(score_total) AS avg FROM deals WHERE status = 'open' GROUP BY milestone",
      ).map((r) => [r.milestone, r.avg]),
    );
    expect(avg.M1).toBeLessThan(avg.M3 ?? 0);
    expect(avg.M3).toBeLessThan(avg.M5 ?? 0);
    // The scorecard has every calibration case, and reps differ in their weakest dimension.
    // It is read as the team's manager: nobody signed in sees no one's deals.
    app.setCurrentUserId(q<{ id: string }>("SELECT id FROM users WHERE role = 'manager'")[0]!.id);
    const { rows, summary } = await call(app, 'scores.team', { scope: 'all', today: '2026-11-23' });
    expect(summary.overClaimed).toBeGreaterThan(0);
    expect(summary.stale / open).toBeGreaterThan(0.1);
    expect(summary.stale / open).toBeLessThan(0.4);
    expect(summary.unscored).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.weakest)).size).toBeGreaterThanOrEqual(3);
  });

  it('makes deals with an open funnel narrowing M1 → M5 and histories consistent with each path', () => {
    generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    const q = <T>(sql: string) => app.sqlite.prepare(sql).all() as T[];
    const open = q<{ milestone: string; n: number }>(
      "SELECT milestone, count(*) AS n FROM deals WHERE status = 'open' GROUP BY milestone ORDER BY milestone",
    ).map((r) => r.n);
    expect(open.length).toBe(5);
    expect(open[0]).toBeGreaterThan(open[4] ?? 0);
    // Every deal: one creation row, history times increasing, last row = the deal's state.
    expect(count(app, 'stage_history', 'from_milestone IS NULL')).toBe(300);
    const mismatched = q(
      `SELECT d.id FROM deals d JOIN stage_history h ON h.id = (
         SELECT id FROM stage_history WHERE deal_id = d.id ORDER BY at DESC, id DESC LIMIT 1)
       WHERE h.to_milestone <> d.milestone OR h.to_status <> d.status OR h.at <> d.stage_entered_at`,
    );
    expect(mismatched).toEqual([]);
    // Won deals have one receivable, due 30 days after closing; amounts 5万–500万 yuan.
    expect(
      count(
        app,
        'deals',
        "status = 'won' AND (SELECT count(*) FROM receivables r WHERE r.deal_id = deals.id AND r.due_on = date(deals.closed_on, '+30 days')) <> 1",
      ),
    ).toBe(0);
    expect(count(app, 'deals', "closed_on > '2026-11-23'")).toBe(0);
    // Passed milestones have every criterion ticked.
    expect(
      count(
        app,
        'deals',
        "status = 'won' AND (SELECT count(*) FROM deal_checks c WHERE c.deal_id = deals.id) < 18",
      ),
    ).toBe(0);
  });

  it("writes each customer's timeline by its owner, within the customer's life, more for customers we sell to", () => {
    generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    const q = <T>(sql: string) => app.sqlite.prepare(sql).all() as T[];
    expect(count(app, 'activities', 'customer_id NOT IN (SELECT id FROM customers)')).toBe(0);
    expect(
      count(
        app,
        'activities',
        'user_id <> (SELECT owner_id FROM customers c WHERE c.id = customer_id)',
      ),
    ).toBe(0);
    expect(
      count(
        app,
        'activities',
        "at < (SELECT created_at FROM customers c WHERE c.id = customer_id) OR at > '2026-11-23T18:00:00.000Z'",
      ),
    ).toBe(0);
    expect(
      count(
        app,
        'activities',
        "kind NOT IN ('call', 'message', 'note') OR category NOT IN ('development', 'negotiation', 'maintenance') OR length(body) = 0",
      ),
    ).toBe(0);
    const perStatus = Object.fromEntries(
      q<{ status: string; avg: number }>(
        'SELECT c.status, avg((SELECT count(*) FROM activities a WHERE a.customer_id = c.id)) AS avg FROM customers c GROUP BY c.status',
      ).map((r) => [r.status, r.avg]),
    );
    expect(perStatus.customer).toBeGreaterThan(perStatus.prospect ?? Infinity);
    // Customers we sell to are mostly maintained; prospects are mostly developed.
    const split = (status: string) =>
      Object.fromEntries(
        q<{ category: string; n: number }>(
          `SELECT a.category, count(*) AS n FROM activities a JOIN customers c ON c.id = a.customer_id WHERE c.status = '${status}' GROUP BY a.category`,
        ).map((r) => [r.category, r.n]),
      );
    expect(split('customer').maintenance).toBeGreaterThan(split('customer').negotiation ?? 0);
    expect(split('prospect').development).toBeGreaterThan(split('prospect').negotiation ?? 0);
    expect(split('prospect').maintenance).toBeUndefined();
  });

  it("gives open follow-ups due around today (overdue, today and upcoming), owned by the customer's owner or the team manager", () => {
    generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    expect(
      count(
        app,
        'follow_ups',
        "owner_id <> (SELECT owner_id FROM customers c WHERE c.id = customer_id) AND owner_id <> (SELECT id FROM users WHERE role = 'manager')",
      ),
    ).toBe(0);
    // The manager's own list is not empty: a few follow-ups are theirs.
    expect(
      count(
        app,
        'follow_ups',
        "done_at IS NULL AND owner_id = (SELECT id FROM users WHERE role = 'manager')",
      ),
    ).toBeGreaterThan(5);
    expect(count(app, 'follow_ups', "done_at IS NULL AND due_on < '2026-11-23'")).toBeGreaterThan(
      10,
    );
    expect(count(app, 'follow_ups', "done_at IS NULL AND due_on = '2026-11-23'")).toBeGreaterThan(
      3,
    );
    expect(
      count(
        app,
        'follow_ups',
        "done_at IS NULL AND due_on > '2026-11-23' AND due_on <= '2026-12-07'",
      ),
    ).toBeGreaterThan(20);
    expect(
      count(
        app,
        'follow_ups',
        "done_at IS NOT NULL AND (done_at > '2026-11-23T18:00:00.000Z' OR done_at < created_at)",
      ),
    ).toBe(0);
    expect(count(app, 'follow_ups', "created_at > '2026-11-23T18:00:00.000Z'")).toBe(0);
  });

  it('links the rows up: the manager leads the team, reps own customers, each customer has 2–4 contacts', () => {
    generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    const team = app.sqlite
      .prepare('SELECT t.name, u.role FROM teams t JOIN users u ON u.id = t.manager_id')
      .get();
    expect(team).toEqual({ name: '华东销售部', role: 'manager' });
    expect(count(app, 'users', 'team_id NOT IN (SELECT id FROM teams)')).toBe(0);
    expect(
      count(app, 'customers', "owner_id NOT IN (SELECT id FROM users WHERE role = 'rep')"),
    ).toBe(0);
    expect(count(app, 'customers', "region <> '华东'")).toBe(0);
    const perCustomer = app.sqlite
      .prepare(
        'SELECT min(n) AS lo, max(n) AS hi, count(*) AS customers FROM (SELECT count(k.id) AS n FROM customers c LEFT JOIN contacts k ON k.customer_id = c.id GROUP BY c.id)',
      )
      .get();
    expect(perCustomer).toEqual({ lo: 2, hi: 4, customers: 300 });
    // Every rep has a fair share: 300 customers over 6 reps.
    const shares = (
      app.sqlite.prepare('SELECT count(*) AS n FROM customers GROUP BY owner_id').all() as {
        n: number;
      }[]
    ).map((r) => r.n);
    expect(shares).toEqual([50, 50, 50, 50, 50, 50]);
    const statuses = (
      app.sqlite.prepare('SELECT DISTINCT status FROM customers ORDER BY status').all() as {
        status: string;
      }[]
    ).map((r) => r.status);
    expect(statuses).toEqual(['customer', 'lost', 'prospect']);
  });

  it('gives customers unique names by the folded key, with the key stored', () => {
    generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    const rows = app.sqlite.prepare('SELECT name, name_key FROM customers').all() as {
      name: string;
      name_key: string;
    }[];
    for (const row of rows) expect(row.name_key).toBe(customerNameKey(row.name));
    expect(new Set(rows.map((r) => customerNameKey(r.name))).size).toBe(300);
  });

  it('dates rows within four years up to today, with ids whose time is the creation time', () => {
    generateDemo(app, { size: 'small', seed: 3, today: '2026-11-23' });
    const range = app.sqlite
      .prepare('SELECT min(created_at) AS first, max(created_at) AS last FROM customers')
      .get() as { first: string; last: string };
    expect(range.last <= '2026-11-23T18:00:00.000Z').toBe(true);
    expect(range.first >= '2022-11-24T18:00:00.000Z').toBe(true);
    const rows = app.sqlite
      .prepare('SELECT id, created_at, updated_at, deleted_at FROM customers')
      .all() as { id: string; created_at: string; updated_at: string; deleted_at: string | null }[];
    for (const row of rows) {
      expect(msOf(row.id)).toBe(Date.parse(row.created_at));
      expect(row.updated_at).toBe(row.created_at);
      expect(row.deleted_at).toBeNull();
    }
    expect(count(app, 'customers', "id NOT GLOB '????????-????-7???-*'")).toBe(0);
  });

  it('writes no change-log records and marks the rows as the base snapshot', () => {
    generateDemo(app, { size: 'small', seed: 1, today: '2026-11-23' });
    expect(count(app, 'change_log')).toBe(0);
    expect(JSON.parse(getLocal(app.sqlite, 'base_snapshot') ?? 'null')).toEqual({
      kind: 'demo',
      size: 'small',
      seed: 1,
      today: '2026-11-23',
    });
  });

  it('defaults to seed 1 and today from the clock', () => {
    const report = generateDemo(app, { size: 'small' });
    expect(report).toMatchObject({ seed: 1, today: '2026-11-23' });
    const other = fresh();
    generateDemo(other, { size: 'small', seed: 1, today: '2026-11-23' });
    expect(fingerprint(app)).toEqual(fingerprint(other));
  });

  it('refuses a file that already holds users, writing nothing', async () => {
    await call(app, 'app.createTeam', {
      teamName: 'Mine',
      userName: 'Me',
      role: 'manager',
      password: 'test-password',
    });
    expect(() => generateDemo(app, { size: 'small' })).toThrow(
      expect.objectContaining({ code: 'conflict', key: 'errors.demoNeedsEmpty' }),
    );
    expect(count(app, 'customers')).toBe(0);
    expect(count(app, 'users')).toBe(1);
  });

  it('refuses to load twice', () => {
    generateDemo(app, { size: 'small', seed: 1 });
    expect(() => generateDemo(app, { size: 'small', seed: 2 })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(count(app, 'customers')).toBe(300);
  });

  it('refuses a bad date', () => {
    for (const today of ['2026-13-45', 'yesterday', '2026-1-1', '2026-02-30', '2025-02-29']) {
      expect(() => generateDemo(app, { size: 'small', today })).toThrow(
        expect.objectContaining({ code: 'invalid_input' }),
      );
    }
    expect(count(app, 'users')).toBe(0);
    expect(generateDemo(app, { size: 'small', today: '2028-02-29' }).today).toBe('2028-02-29');
  });
});

describe('generateDemo determinism', () => {
  it('makes identical rows for the same seed and day, in different files', () => {
    const a = fresh();
    const b = fresh();
    generateDemo(a, { size: 'small', seed: 7, today: '2026-06-01' });
    generateDemo(b, { size: 'small', seed: 7, today: '2026-06-01' });
    const fa = fingerprint(a);
    expect(fingerprint(b)).toEqual(fa);
    expect(Object.values(fa).every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
  });

  it('makes a different team for a different seed', () => {
    const a = fresh();
    const b = fresh();
    generateDemo(a, { size: 'small', seed: 7, today: '2026-06-01' });
    generateDemo(b, { size: 'small', seed: 8, today: '2026-06-01' });
    const fa = fingerprint(a);
    const fb = fingerprint(b);
    for (const t of TABLES) expect(fb[t]).not.toBe(fa[t]);
    const namesOf = (app: ReturnType<typeof tempApp>) =>
      (
        app.sqlite.prepare('SELECT name FROM customers ORDER BY name').all() as { name: string }[]
      ).map((r) => r.name);
    expect(namesOf(b)).not.toEqual(namesOf(a));
    expect(count(b, 'customers')).toBe(300);
  });
});

describe('generateDemo (large)', () => {
  // Building the large file takes a while (about half of it the 300,000 visits).
  it('makes a sales centre with six teams, 50 reps and 20,000 uniquely named customers', () => {
    const app = fresh();
    const report = generateDemo(app, { size: 'large', seed: 1, today: '2026-11-23' });
    expect(report.counts).toMatchObject({ teams: 7, users: 57, customers: 20_000 });
    // About 100,000 timeline entries: the scale the customer page's budget is measured on.
    expect(report.counts.activities).toBeGreaterThan(90_000);
    expect(report.counts.activities).toBeLessThan(130_000);
    // The calendar budgets' scale (issue 6): 300,000 visits for 50 reps over four years.
    expect(report.counts.visits).toBe(300_000);
    expect(report.counts.meetings).toBeGreaterThan(5_000);
    expect(count(app, 'users', "role = 'rep'")).toBe(50);
    expect(count(app, 'users', "role = 'admin'")).toBe(1);
    expect(count(app, 'teams', 'parent_id IS NULL')).toBe(1);
    expect(
      (
        app.sqlite.prepare('SELECT count(DISTINCT name_key) AS n FROM customers').get() as {
          n: number;
        }
      ).n,
    ).toBe(20_000);
    expect(count(app, 'change_log')).toBe(0);
    // A quarter or so of the open deals were last scored over 30 days ago; some never.
    const open = count(app, 'deals', "status = 'open'");
    const stale = count(app, 'deals', "status = 'open' AND scored_at < '2026-10-24'");
    expect(stale / open).toBeGreaterThan(0.18);
    expect(stale / open).toBeLessThan(0.32);
    expect(count(app, 'deals', "status = 'open' AND score_id IS NULL") / open).toBeLessThan(0.2);
  }, 300_000);
});
