import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../../electron/cli';
import { hashPassword } from '../../../../electron/features/app/passwords';
import { reportCommandInput } from '../../../../electron/features/reports/reports.cli';
import { reportNames, reportOutput } from '../../../../shared/contract/reports';
import { call } from '../../helpers';
import { A, T1, TODAY, reportsWorld, type World } from './reports.fixture';

let w: World;
let file: string;
let out: string[];
let err: string[];

beforeEach(() => {
  w = reportsWorld();
  const cust = w.customer({ owner: A });
  w.deal({ owner: A, customer: cust, amount: 300_000, status: 'won', closedOn: '2026-11-10' });
  w.visit({ owner: A, customer: cust, day: '2026-11-10', effective: 1 });
  // The CLI opens the file itself: make sure everything is on disk and the app lets go of it.
  w.app.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  file = path.join(w.app.dir, 'pacer.sqlite');
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    out.push(args.map(String).join(' '));
  });
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    err.push(args.map(String).join(' '));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  w.cleanup();
});

const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

describe('pacer report', () => {
  it('prints the same JSON as reports.run, reading the file without writing it', async () => {
    const before = hash(file);
    const args = [
      'report',
      'attainment',
      '--db',
      file,
      '--period',
      'quarter',
      '--date',
      '2026-11-23',
      '--scope',
      'company',
      '--today',
      TODAY,
      '--json',
    ];
    expect(await main(args)).toBe(0);
    expect(err).toEqual([]);
    const printed = JSON.parse(out.join('\n')) as unknown;
    reportOutput.parse(printed);
    const direct = await call(w.app, 'reports.run', {
      report: 'attainment',
      period: { kind: 'quarter', date: '2026-11-23' },
      scope: { type: 'company' },
      today: TODAY,
    });
    expect(printed).toEqual(direct);
    expect(printed).toMatchObject({
      keyFigures: { sales: { actual: 300_000 }, visits: { actual: 1 } },
    });
    expect(hash(file)).toBe(before);
  });

  it.each(reportNames)('runs %s for a team, a rep and a custom period', async (name) => {
    for (const extra of [
      ['--scope', `team:${T1}`],
      ['--scope', `rep:${A}`, '--period', 'week'],
      ['--period', 'custom', '--from', '2026-11-01', '--to', '2026-11-15'],
    ]) {
      out = [];
      expect(await main(['report', name, '--db', file, '--today', TODAY, ...extra, '--json'])).toBe(
        0,
      );
      const parsed = reportOutput.parse(JSON.parse(out.join('\n')));
      expect(parsed.report).toBe(name);
    }
    expect(err).toEqual([]);
  });

  it('defaults to this month for the company, as of the local date', async () => {
    const input = reportCommandInput({}, ['funnel'], new Date(2026, 10, 23, 12));
    expect(input).toEqual({
      report: 'funnel',
      period: { kind: 'month', date: '2026-11-23' },
      scope: { type: 'company' },
      today: '2026-11-23',
    });
  });

  it.each([
    [
      ['pipeline'],
      /unknown report "pipeline": one of attainment, performance, execution, customerVisits, funnel, forecast, stalled, abnormalCustomers, activitySplit, productSales/,
    ],
    [[], /say which report: one of attainment/],
    [['funnel', 'stalled'], /one report at a time/],
    [
      ['funnel', '--period', 'fortnight'],
      /--period must be one of week, month, quarter, year, custom/,
    ],
    [
      ['funnel', '--period', 'custom', '--from', '2026-11-01'],
      /--period custom needs --from and --to/,
    ],
    [
      ['funnel', '--period', 'custom', '--from', '2026-11-10', '--to', '2026-11-01'],
      /--to must not be before --from/,
    ],
    [
      ['funnel', '--from', '2026-11-01', '--to', '2026-11-02'],
      /--from and --to go with --period custom/,
    ],
    [['funnel', '--date', '2026-02-30'], /--date must be a real date/],
    [['funnel', '--scope', 'region:1'], /--scope must be company, team:<id> or rep:<id>/],
    [['funnel', '--scope', 'team:abc'], /--scope needs a team or user id/],
    [['funnel', '--bogus'], /bogus/],
  ])('refuses %j with exit code 2 and a pointer to --help', async (args, message) => {
    expect(await main(['report', ...args.slice(0, 1), '--db', file, ...args.slice(1)])).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
    expect(err[0]).toMatch(/\(see pacer report --help\)$/);
    expect(out).toEqual([]);
  });

  it('needs an existing --db, and a known team', async () => {
    expect(await main(['report', 'funnel'])).toBe(2);
    expect(err[0]).toBe('pacer report: --db FILE is required (see pacer report --help)');
    expect(await main(['report', 'funnel', '--db', path.join(w.app.dir, 'missing.sqlite')])).toBe(
      2,
    );
    expect(err[1]).toMatch(/no database at/);
    expect(
      await main([
        'report',
        'funnel',
        '--db',
        file,
        '--scope',
        'team:00000000-0000-7000-8000-0000000009ff',
      ]),
    ).toBe(1);
    expect(err[2]).toBe('pacer report: no team with id 00000000-0000-7000-8000-0000000009ff');
  });

  it('refuses a file at an older schema instead of upgrading it', async () => {
    const sqlite = new Database(file);
    sqlite
      .prepare(
        'DELETE FROM __drizzle_migrations WHERE rowid = (SELECT max(rowid) FROM __drizzle_migrations)',
      )
      .run();
    sqlite.close();
    expect(await main(['report', 'funnel', '--db', file])).toBe(1);
    expect(err[0]).toMatch(/is at schema version \d+ of \d+: open it with the app/);
  });

  it('--user reads with that person’s scope once their password checks (PACER_PASSWORD)', async () => {
    const args = ['report', 'funnel', '--db', file, '--today', TODAY, '--user', A, '--json'];
    // No password yet: refused, and so is a missing or wrong one once it is set.
    expect(await main(args)).toBe(1);
    expect(err.at(-1)).toMatch(/has no password yet/);
    const db = new Database(file);
    db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(
      hashPassword('rep-a-password'),
      A,
    );
    db.close();
    vi.stubEnv('PACER_PASSWORD', undefined);
    expect(await main(args)).toBe(1);
    expect(err.at(-1)).toMatch(/needs their password: set PACER_PASSWORD/);
    vi.stubEnv('PACER_PASSWORD', 'not-the-password');
    expect(await main(args)).toBe(1);
    expect(err.at(-1)).toBe(`pacer report: wrong password for "${A}"`);
    expect(out).toEqual([]);
    vi.stubEnv('PACER_PASSWORD', 'rep-a-password');
    expect(await main(args)).toBe(0);
    const printed = JSON.parse(out.join('\n')) as { scope: unknown };
    expect(printed.scope).toMatchObject({ type: 'rep', id: A });
    vi.unstubAllEnvs();
  });

  it('lists its options with --help, and pacer --help lists it', async () => {
    expect(await main(['report', '--help'])).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/^Usage: pacer report NAME --db FILE/);
    for (const option of ['--period', '--date', '--from', '--to', '--scope', '--today', '--json'])
      expect(text).toContain(`  ${option} `);
    out = [];
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/^ {2}report\s+print a report/m);
  });
});
