import { describe, expect, it } from 'vitest';
import {
  effectiveVisitRate,
  overlaps,
  planCompletionRate,
  routeSort,
  summaryDue,
  visitCategory,
} from '../../../shared/domain/visits';

describe('plan vs actual rates (domain.md §7.3)', () => {
  it('completion = done planned / planned; effective rate = effective / done', () => {
    // 8 planned, 6 of them done, 2 more done without a plan, 5 of the 8 done effective.
    const counts = { planned: 8, plannedDone: 6, done: 8, effective: 5 };
    expect(planCompletionRate(counts)).toBe(0.75);
    expect(effectiveVisitRate(counts)).toBe(0.625);
  });

  it('unplanned visits raise done but never the completion rate above 100%', () => {
    expect(planCompletionRate({ planned: 2, plannedDone: 2 })).toBe(1);
    expect(planCompletionRate({ planned: 0, plannedDone: 0 })).toBeNull();
    expect(effectiveVisitRate({ done: 0, effective: 0 })).toBeNull();
  });
});

describe('calendar rules', () => {
  const v = (startAt: string, endAt: string) => ({ startAt, endAt });
  it('overlap: touching is fine, any shared minute is not', () => {
    const a = v('2026-11-23T01:00:00.000Z', '2026-11-23T02:00:00.000Z');
    expect(overlaps(a, v('2026-11-23T02:00:00.000Z', '2026-11-23T03:00:00.000Z'))).toBe(false);
    expect(overlaps(a, v('2026-11-23T01:59:00.000Z', '2026-11-23T03:00:00.000Z'))).toBe(true);
    expect(overlaps(a, v('2026-11-23T00:00:00.000Z', '2026-11-23T05:00:00.000Z'))).toBe(true);
  });

  it('route order first, then visits without one by start time', () => {
    const rows = [
      { id: 'c', routeOrder: 0, startAt: '2026-11-23T01:00:00.000Z' },
      { id: 'b', routeOrder: 2, startAt: '2026-11-23T00:00:00.000Z' },
      { id: 'a', routeOrder: 1, startAt: '2026-11-23T06:00:00.000Z' },
      { id: 'd', routeOrder: 0, startAt: '2026-11-23T00:30:00.000Z' },
    ];
    expect(routeSort(rows).map((r) => r.id)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('a summary is due once a planned visit has ended', () => {
    const visit = { status: 'planned' as const, endAt: '2026-11-23T02:00:00.000Z' };
    expect(summaryDue(visit, '2026-11-23T01:59:59.000Z')).toBe(false);
    expect(summaryDue(visit, '2026-11-23T02:00:00.000Z')).toBe(true);
    expect(summaryDue({ ...visit, status: 'done' }, '2026-11-24T00:00:00.000Z')).toBe(false);
  });

  it('maps purposes to the activity split categories (domain.md §5)', () => {
    const prospect = { hasWonDeal: false, status: 'prospect' as const };
    const account = { hasWonDeal: true, status: 'customer' as const };
    expect(visitCategory('develop', account)).toBe('development');
    expect(visitCategory('info', prospect)).toBe('development');
    expect(visitCategory('order', prospect)).toBe('negotiation');
    expect(visitCategory('problem', prospect)).toBe('negotiation');
    expect(visitCategory('order', account)).toBe('maintenance');
    expect(visitCategory('service', prospect)).toBe('maintenance');
    expect(visitCategory('collect', account)).toBe('maintenance');
    expect(visitCategory('other', account)).toBe('maintenance');
    expect(visitCategory('other', prospect)).toBe('development');
  });
});
