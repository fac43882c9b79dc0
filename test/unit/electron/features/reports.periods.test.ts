import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  resolvePeriod,
  bucketsOf,
  granularityOf,
} from '../../../../electron/features/reports/period';
import { MAX_CUSTOM_DAYS, reportNames } from '../../../../shared/contract/reports';
import { catalogues } from '../../../../shared/i18n';
import { addDaysTo } from '../../../../shared/domain/time';
import { callError } from '../../helpers';
import { A, T1, TODAY, reportsWorld, type World } from './reports.fixture';

let w: World;
beforeEach(() => {
  w = reportsWorld();
});
afterEach(() => w.cleanup());

describe('reports: periods', () => {
  it.each([
    [{ kind: 'week', date: '2026-11-23' }, '2026-11-23', '2026-11-29', '2026-W48'],
    // ISO weeks across a year: Friday 2027-01-01 is in 2026-W53 (Monday 12-28 … Sunday 01-03).
    [{ kind: 'week', date: '2027-01-01' }, '2026-12-28', '2027-01-03', '2026-W53'],
    [{ kind: 'week', date: '2026-01-01' }, '2025-12-29', '2026-01-04', '2026-W01'],
    [{ kind: 'month', date: '2028-02-10' }, '2028-02-01', '2028-02-29', '2028-02'],
    [{ kind: 'quarter', date: '2026-05-31' }, '2026-04-01', '2026-06-30', '2026-Q2'],
    [{ kind: 'year', date: '2026-05-31' }, '2026-01-01', '2026-12-31', '2026'],
    [
      { kind: 'custom', from: '2026-12-20', to: '2027-01-10' },
      '2026-12-20',
      '2027-01-10',
      '2026-12-20..2027-01-10',
    ],
  ] as const)('resolves %j', (period, from, to, label) => {
    expect(resolvePeriod(period)).toEqual({ kind: period.kind, from, to, label });
  });

  it('charts by day up to 62 days, else by calendar month (clipped to the range)', () => {
    const days = resolvePeriod({ kind: 'custom', from: '2026-11-01', to: '2027-01-01' });
    expect(granularityOf(days)).toBe('day');
    expect(bucketsOf(days, 'day')).toHaveLength(62);
    const months = resolvePeriod({ kind: 'custom', from: '2026-11-14', to: '2027-01-15' });
    expect(granularityOf(months)).toBe('month');
    expect(bucketsOf(months, 'month')).toEqual([
      { key: '2026-11', from: '2026-11-14', to: '2026-11-30' },
      { key: '2026-12', from: '2026-12-01', to: '2026-12-31' },
      { key: '2027-01', from: '2027-01-01', to: '2027-01-15' },
    ]);
    expect(granularityOf(resolvePeriod({ kind: 'year', date: '2026-01-01' }))).toBe('month');
    expect(granularityOf(resolvePeriod({ kind: 'month', date: '2026-01-01' }))).toBe('day');
  });

  it('a week report across the new year counts both years’ days', async () => {
    const cust = w.customer({ owner: A });
    w.visit({ owner: A, customer: cust, day: '2026-12-27' }); // Sunday: the week before
    w.visit({ owner: A, customer: cust, day: '2026-12-28', effective: 1 });
    w.visit({ owner: A, customer: cust, day: '2027-01-03' }); // Sunday: still 2026-W53
    w.visit({ owner: A, customer: cust, day: '2027-01-04' }); // Monday: 2027-W01
    const r = await w.run('execution', { kind: 'week', date: '2027-01-01' });
    expect(r.period.label).toBe('2026-W53');
    expect(r.keyFigures).toMatchObject({ done: 2, effective: 1, effectiveVisitRate: 0.5 });
    expect(r.trend.map((d) => d.key)).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });
});

describe('reports: input and scope', () => {
  const input = (over: Record<string, unknown>) => ({
    report: 'funnel',
    period: { kind: 'month', date: '2026-11-01' },
    scope: { type: 'company' },
    today: TODAY,
    ...over,
  });

  it('refuses a custom period that ends before it starts, or is too long', async () => {
    const backwards = await callError(
      w.app,
      'reports.run',
      input({ period: { kind: 'custom', from: '2026-11-10', to: '2026-11-01' } }),
    );
    expect(backwards.code).toBe('invalid_input');
    expect(backwards.fields).toEqual({ 'period.to': 'validation.range' });
    const tooLong = await callError(
      w.app,
      'reports.run',
      input({
        period: {
          kind: 'custom',
          from: '2026-01-01',
          to: addDaysTo('2026-01-01', MAX_CUSTOM_DAYS),
        },
      }),
    );
    expect(tooLong.fields).toEqual({ 'period.to': 'validation.range' });
  });

  it('refuses an unknown report, period kind or scope', async () => {
    for (const bad of [
      input({ report: 'pipeline' }),
      input({ period: { kind: 'fortnight', date: '2026-11-01' } }),
      input({ period: { kind: 'month', date: '2026-02-30' } }),
      input({ scope: { type: 'team' } }),
      input({ scope: { type: 'region', id: T1 } }),
    ])
      expect((await callError(w.app, 'reports.run', bad)).code).toBe('invalid_input');
  });

  it('answers not_found for a team or rep that does not exist (or was deleted)', async () => {
    const gone = '00000000-0000-7000-8000-0000000009ff';
    const team = await callError(
      w.app,
      'reports.run',
      input({ scope: { type: 'team', id: gone } }),
    );
    expect(team).toMatchObject({ code: 'not_found', key: 'reports.errors.scopeGone' });
    const deleted = w.insert('users', {
      name: '离职',
      role: 'rep',
      team_id: T1,
      active: 0,
      deleted_at: '2026-02-01T00:00:00.000Z',
    });
    const rep = await callError(
      w.app,
      'reports.run',
      input({ scope: { type: 'rep', id: deleted } }),
    );
    expect(rep.code).toBe('not_found');
  });

  it.each(reportNames)(
    '%s: an empty file answers zeros and null rates, in every scope',
    async (report) => {
      for (const scope of [
        { type: 'company' },
        { type: 'team', id: T1 },
        { type: 'rep', id: A },
      ] as const) {
        const r = await w.run(report, { kind: 'year', date: '2026-06-01' }, scope);
        expect(r.report).toBe(report);
        expect(r.rowsTotal).toBe(r.rows.length);
      }
    },
  );

  it('has a label in both languages for every figure and row field the reports answer', async () => {
    const en = catalogues.en.reports.figures as Record<string, string>;
    const zh = catalogues['zh-CN'].reports.figures as Record<string, string>;
    const skip = new Set([
      'keyFigures',
      'trend',
      'rows',
      'scope',
      'type',
      'kind',
      'id',
      'drill',
      'customerId',
      'productId',
      'key',
      'from',
      'to',
      'grades',
      'stages',
      'products',
      'lastYearKey',
    ]);
    const missing = new Set<string>();
    const visit = (value: unknown) => {
      if (Array.isArray(value)) return value.forEach(visit);
      if (value === null || typeof value !== 'object') return;
      for (const [k, v] of Object.entries(value)) {
        if (!skip.has(k) && (!en[k] || !zh[k])) missing.add(k);
        if (typeof v === 'object') visit(v);
      }
    };
    const cust = w.customer({ owner: A, grade: 'key' });
    const deal = w.deal({
      owner: A,
      customer: cust,
      amount: 10,
      milestone: 'M2',
      stageEnteredAt: '2026-01-01T00:00:00.000Z',
    });
    w.visit({ owner: A, customer: cust, day: '2026-11-02' });
    w.activity({ user: A, customer: cust, at: '2026-11-02T02:00:00.000Z' });
    const won = w.deal({
      owner: A,
      customer: cust,
      amount: 10,
      status: 'won',
      closedOn: '2026-11-02',
    });
    w.insert('receivables', { deal_id: won, customer_id: cust, amount: 10, due_on: '2026-11-03' });
    w.score(deal, '2026-11-02T00:00:00.000Z', 50);
    for (const report of reportNames)
      for (const scope of [{ type: 'company' }, { type: 'rep', id: A }] as const) {
        const r = await w.run(report, { kind: 'quarter', date: TODAY }, scope);
        visit({ keyFigures: r.keyFigures, trend: r.trend, rows: r.rows });
      }
    expect([...missing]).toEqual([]);
    expect(Object.keys(catalogues.en.reports.names).sort()).toEqual([...reportNames].sort());
  });
});
