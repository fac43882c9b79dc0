import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoReport } from '../../../electron/demo';
import { addDaysTo, isoWeekday, utcToZoned } from '../../../shared/domain/time';
import { COACHING_WINDOW_DAYS } from '../../../shared/domain/visits';
import { count, tempApp } from '../helpers';

/** The demo's visits and meetings (issue 6), on one small file shared by the read-only checks below. */
const TODAY = '2026-11-23';
const NOW = '2026-11-23T18:00:00.000Z';
let app: ReturnType<typeof tempApp>;
let report: DemoReport;

beforeAll(() => {
  app = tempApp();
  report = generateDemo(app, { size: 'small', seed: 1, today: TODAY });
});
afterAll(() => app.cleanup());

const q = <T>(sql: string, ...params: unknown[]) => app.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => app.sqlite.prepare(sql).get(...params) as T;

describe('demo visits (small)', () => {
  it('gives each of the six reps about four to six visits a working day lately, fewer further back', () => {
    const visits = count(app, 'visits');
    expect(report.counts.visits).toBe(visits);
    expect(visits).toBeGreaterThan(10_000);
    const perRepDay = (from: string, to: string) =>
      one<{ avg: number }>(
        `SELECT avg(n) AS avg FROM (SELECT count(*) AS n FROM visits WHERE day BETWEEN ? AND ? GROUP BY owner_id, day)`,
        from,
        to,
      ).avg;
    const recent = perRepDay(addDaysTo(TODAY, -90), addDaysTo(TODAY, -1));
    expect(recent).toBeGreaterThanOrEqual(4);
    expect(recent).toBeLessThanOrEqual(6);
    expect(perRepDay('2023-01-01', '2023-12-31')).toBeLessThan(recent);
    // Every rep plans visits, only on working days.
    expect(count(app, 'users', "role = 'rep' AND id NOT IN (SELECT owner_id FROM visits)")).toBe(0);
    const days = q<{ day: string }>('SELECT DISTINCT day FROM visits');
    expect(days.filter((d) => isoWeekday(d.day) > 5)).toEqual([]);
  });

  it("visits only live customers of the visiting rep, active reps, after the customer existed, in the customer's region", () => {
    expect(
      count(
        app,
        'visits',
        `customer_id NOT IN (SELECT id FROM customers WHERE deleted_at IS NULL)
         OR owner_id NOT IN (SELECT id FROM users WHERE active = 1 AND role = 'rep')
         OR owner_id <> (SELECT owner_id FROM customers c WHERE c.id = customer_id)
         OR start_at < (SELECT created_at FROM customers c WHERE c.id = customer_id)
         OR area IS NOT (SELECT region FROM customers c WHERE c.id = customer_id)`,
      ),
    ).toBe(0);
    // Contacts met are the customer's own.
    expect(
      count(
        app,
        'visits',
        `EXISTS (SELECT 1 FROM json_each(visits.contact_ids) j
                  WHERE j.value NOT IN (SELECT id FROM contacts k WHERE k.customer_id = visits.customer_id))`,
      ),
    ).toBe(0);
  });

  it('stores UTC instants with the local day in Asia/Shanghai, between 08:00 and 19:00, ending after they start', () => {
    expect(count(app, 'visits', "time_zone <> 'Asia/Shanghai'")).toBe(0);
    expect(count(app, 'visits', 'end_at <= start_at')).toBe(0);
    const rows = q<{
      day: string;
      start_at: string;
      end_at: string;
      actual_start_at: string | null;
    }>('SELECT day, start_at, end_at, actual_start_at FROM visits ORDER BY id');
    const bad = rows.filter((v, i) => {
      // Intl is slow: check every 7th row through it, and every row by its fixed +08:00 offset.
      const start =
        i % 7 === 0
          ? utcToZoned(v.start_at, 'Asia/Shanghai')
          : {
              day: new Date(Date.parse(v.start_at) + 8 * 3_600_000).toISOString().slice(0, 10),
              time: new Date(Date.parse(v.start_at) + 8 * 3_600_000).toISOString().slice(11, 16),
            };
      const end = utcToZoned(Date.parse(v.end_at), 'Asia/Shanghai');
      return (
        start.day !== v.day ||
        end.day !== v.day ||
        start.time < '08:00' ||
        end.time > '19:00' ||
        (v.actual_start_at !== null && utcToZoned(v.actual_start_at, 'Asia/Shanghai').day !== v.day)
      );
    });
    expect(bad).toEqual([]);
  });

  it('numbers each rep-day route 1..n in start order', () => {
    const routes = q<{ n: number; lo: number; hi: number; kinds: number; ordered: number }>(
      `SELECT count(*) AS n, min(route_order) AS lo, max(route_order) AS hi,
              count(DISTINCT route_order) AS kinds,
              (SELECT count(*) FROM visits a JOIN visits b ON a.owner_id = b.owner_id AND a.day = b.day
                WHERE a.owner_id = v.owner_id AND a.day = v.day
                  AND a.route_order < b.route_order AND a.start_at > b.start_at) AS ordered
         FROM visits v WHERE day >= ? GROUP BY owner_id, day`,
      addDaysTo(TODAY, -60),
    );
    expect(routes.length).toBeGreaterThan(200);
    for (const r of routes) expect(r).toEqual({ n: r.n, lo: 1, hi: r.n, kinds: r.n, ordered: 0 });
  });

  it('summarises past visits: mostly done and effective, some cancelled or missed, a tenth unplanned', () => {
    const past = count(app, 'visits', `day < '${TODAY}'`);
    const share = (where: string) => count(app, 'visits', `day < '${TODAY}' AND ${where}`) / past;
    expect(share("status = 'done'")).toBeGreaterThan(0.75);
    expect(share("status = 'done'")).toBeLessThan(0.85);
    expect(share("status = 'cancelled'")).toBeGreaterThan(0.05);
    expect(share("status = 'missed'")).toBeGreaterThan(0.03);
    expect(share('planned = 0')).toBeGreaterThan(0.07);
    expect(share('planned = 0')).toBeLessThan(0.13);
    expect(count(app, 'visits', "planned = 0 AND status <> 'done'")).toBe(0);
    const effective =
      count(app, 'visits', "status = 'done' AND effective = 1") /
      count(app, 'visits', "status = 'done'");
    expect(effective).toBeGreaterThan(0.65);
    expect(effective).toBeLessThan(0.75);
    // Summaries: written by the rep after the visit, with text on most and orders on some.
    expect(
      count(
        app,
        'visits',
        `status <> 'planned' AND (summarized_at IS NULL OR summarized_by <> owner_id OR summarized_at < start_at OR summarized_at > '${NOW}')`,
      ),
    ).toBe(0);
    expect(
      count(
        app,
        'visits',
        "status = 'planned' AND (summarized_at IS NOT NULL OR effective IS NOT NULL)",
      ),
    ).toBe(0);
    expect(
      count(
        app,
        'visits',
        "status = 'done' AND (actual_start_at IS NULL OR actual_end_at <= actual_start_at)",
      ),
    ).toBe(0);
    expect(count(app, 'visits', "status = 'done' AND outcome IS NOT NULL")).toBeGreaterThan(
      0.8 * count(app, 'visits', "status = 'done'"),
    );
    expect(count(app, 'visits', "purpose = 'order' AND order_amount > 0")).toBeGreaterThan(100);
    expect(count(app, 'visits', "purpose <> 'order' AND order_amount IS NOT NULL")).toBe(0);
    expect(
      count(app, 'visits', 'created_at > updated_at OR created_at > ?'.replace('?', `'${NOW}'`)),
    ).toBe(0);
  });

  it('leaves a few of last week’s visits awaiting their summary, and none older', () => {
    const due = count(app, 'visits', `status = 'planned' AND end_at <= '${NOW}'`);
    expect(due).toBeGreaterThan(5);
    expect(count(app, 'visits', `status = 'planned' AND day < '${addDaysTo(TODAY, -7)}'`)).toBe(0);
  });

  it('plans this week in full and next week in part, so "plan the week" has work to do', () => {
    const between = (from: string, to: string) =>
      count(app, 'visits', `status = 'planned' AND day BETWEEN '${from}' AND '${to}'`);
    // 2026-11-23 is a Monday.
    const thisWeek = between(addDaysTo(TODAY, 1), addDaysTo(TODAY, 4));
    const nextWeek = between(addDaysTo(TODAY, 8), addDaysTo(TODAY, 11));
    expect(nextWeek).toBeGreaterThan(10);
    expect(nextWeek).toBeLessThan(thisWeek * 0.75);
    expect(count(app, 'visits', `day > '${addDaysTo(TODAY, 14)}'`)).toBe(0);
    expect(count(app, 'visits', `day > '${TODAY}' AND status <> 'planned'`)).toBe(0);
  });

  it('double-books one rep a few times near today (conflicts to warn about)', () => {
    const conflicts = q<{ owner_id: string }>(
      `SELECT DISTINCT a.owner_id FROM visits a JOIN visits b
          ON a.owner_id = b.owner_id AND a.day = b.day AND a.id < b.id
         AND a.start_at < b.end_at AND b.start_at < a.end_at
       WHERE a.day BETWEEN ? AND ?`,
      addDaysTo(TODAY, -3),
      addDaysTo(TODAY, 3),
    );
    expect(conflicts.length).toBe(1);
  });

  it("keeps each customer's last contact at its latest call, message, note or done visit", () => {
    expect(
      count(
        app,
        'customers',
        `last_contact_at IS NOT (SELECT max(x) FROM (
            SELECT max(a.at) AS x FROM activities a
             WHERE a.customer_id = customers.id AND a.deleted_at IS NULL AND a.kind <> 'handover'
            UNION ALL
            SELECT max(coalesce(v.actual_start_at, v.start_at)) FROM visits v
             WHERE v.customer_id = customers.id AND v.deleted_at IS NULL AND +v.status = 'done'))`,
      ),
    ).toBe(0);
    // Visits do move it: some customers' last contact is a visit.
    expect(
      count(
        app,
        'customers',
        "last_contact_at IN (SELECT coalesce(actual_start_at, start_at) FROM visits v WHERE v.customer_id = customers.id AND +v.status = 'done')",
      ),
    ).toBeGreaterThan(50);
  });
});

describe('demo meetings (small)', () => {
  it('holds a weekly team meeting every Monday at 09:00 and the monthly, quarterly and annual ones', () => {
    const weekly = q<{ day: string; start_at: string; attendee_ids: string }>(
      "SELECT day, start_at, attendee_ids FROM meetings WHERE kind = 'weekly'",
    );
    expect(weekly.length).toBeGreaterThan(200);
    for (const m of weekly) {
      expect(isoWeekday(m.day)).toBe(1);
      expect(utcToZoned(m.start_at, 'Asia/Shanghai')).toEqual({ day: m.day, time: '09:00' });
      expect(JSON.parse(m.attendee_ids)).toHaveLength(7);
    }
    const kinds = Object.fromEntries(
      q<{ kind: string; n: number }>('SELECT kind, count(*) AS n FROM meetings GROUP BY kind').map(
        (r) => [r.kind, r.n],
      ),
    );
    expect(kinds).toMatchObject({ annual: 4, quarterly: 16 });
    expect(kinds.monthly).toBe(48 - 16 + 1); // 2022-12 … 2026-11, not the quarterly months
    expect(kinds.morning).toBeGreaterThan(100);
    expect(count(app, 'meetings', "time_zone <> 'Asia/Shanghai' OR end_at <= start_at")).toBe(0);
    expect(count(app, 'meetings', `created_at > '${NOW}'`)).toBe(0);
  });

  it('coaches every rep every 10–20 days, except one rep with no session within two weeks of today', () => {
    const reps = q<{ id: string }>("SELECT id FROM users WHERE role = 'rep'");
    const near = (repId: string) =>
      count(
        app,
        'meetings',
        `kind = 'coaching' AND EXISTS (SELECT 1 FROM json_each(attendee_ids) j WHERE j.value = '${repId}')
         AND day BETWEEN '${addDaysTo(TODAY, -COACHING_WINDOW_DAYS)}' AND '${addDaysTo(TODAY, COACHING_WINDOW_DAYS)}'`,
      );
    expect(reps.map((r) => near(r.id)).filter((n) => n === 0)).toHaveLength(1);
    const sessions = count(app, 'meetings', "kind = 'coaching'");
    expect(sessions / reps.length).toBeGreaterThan(70);
    expect(sessions / reps.length).toBeLessThan(150);
    // No visit overlaps its rep's coaching session.
    expect(
      count(
        app,
        'visits',
        `EXISTS (SELECT 1 FROM meetings m, json_each(m.attendee_ids) j
                  WHERE m.kind = 'coaching' AND m.day = visits.day AND j.value = visits.owner_id
                    AND m.start_at < visits.end_at AND visits.start_at < m.end_at)`,
      ),
    ).toBe(0);
  });
});
