import { describe, expect, it } from 'vitest';
import {
  briefCompleteness,
  checkMove,
  checklistMilestones,
  daysInStage,
  daysInStageOn,
  dealWeighted,
  exitCriteria,
  isStalled,
  linesAmount,
  milestoneProbability,
  weightedAmount,
  type Milestone,
} from '../../../shared/domain/milestones';

const all = (...ms: Milestone[]) => new Set(ms.flatMap((m) => [...exitCriteria[m]]));

describe('milestones (domain.md §3)', () => {
  it.each([
    ['M1', 10],
    ['M2', 25],
    ['M3', 50],
    ['M4', 75],
    ['M5', 90],
    ['M6', 100],
  ] as const)('%s wins with probability %i%%', (m, p) => {
    expect(milestoneProbability[m]).toBe(p);
  });

  it('has the exit criteria counts of the table', () => {
    expect(Object.values(exitCriteria).map((c) => c.length)).toEqual([4, 3, 5, 2, 4, 3]);
  });

  it.each([
    ['forward with M1 ticked', 'M1', 'open', 'M2', all('M1'), { kind: 'ok', direction: 'forward' }],
    [
      'forward missing one',
      'M1',
      'open',
      'M2',
      new Set(['problem_found', 'contact_vision', 'contact_agrees_explore']),
      { kind: 'needs_checklist', missing: ['contact_admits_pain'] },
    ],
    [
      'skip M2→M4 needs M2 and M3',
      'M2',
      'open',
      'M4',
      all('M2'),
      { kind: 'needs_checklist', missing: [...exitCriteria.M3] },
    ],
    [
      'skip with all ticked',
      'M1',
      'open',
      'M4',
      all('M1', 'M2', 'M3'),
      { kind: 'ok', direction: 'forward' },
    ],
    ['won from M5', 'M5', 'open', 'M6', all('M5'), { kind: 'ok', direction: 'won' }],
    [
      'won from M4 needs M5 too',
      'M4',
      'open',
      'M6',
      all('M4'),
      { kind: 'needs_checklist', missing: [...exitCriteria.M5] },
    ],
    ['backward', 'M4', 'open', 'M2', new Set<string>(), { kind: 'ok', direction: 'backward' }],
    [
      'lost from anywhere',
      'M3',
      'open',
      'lost',
      new Set<string>(),
      { kind: 'ok', direction: 'lost' },
    ],
    ['same', 'M3', 'open', 'M3', new Set<string>(), { kind: 'refused', reason: 'same' }],
    [
      'won deal cannot be lost',
      'M6',
      'won',
      'lost',
      new Set(),
      { kind: 'refused', reason: 'closed' },
    ],
    [
      'lost deal cannot be won',
      'M3',
      'lost',
      'M6',
      new Set(),
      { kind: 'refused', reason: 'closed' },
    ],
    [
      'lost deal reopens',
      'M3',
      'lost',
      'M2',
      new Set<string>(),
      { kind: 'ok', direction: 'reopen' },
    ],
    ['won deal reopens', 'M6', 'won', 'M5', new Set<string>(), { kind: 'ok', direction: 'reopen' }],
  ] as const)('%s', (_name, milestone, status, to, ticked, expected) => {
    expect(checkMove({ milestone, status }, to, ticked as ReadonlySet<string>)).toEqual(expected);
  });

  it('weights amounts, lost deals weigh nothing', () => {
    expect(weightedAmount(1_000_000, 'M3')).toBe(500_000);
    expect(weightedAmount(3_000_005, 'M1')).toBe(300_001);
    expect(dealWeighted({ amount: 1_000, milestone: 'M5', status: 'open' })).toBe(900);
    expect(dealWeighted({ amount: 1_000, milestone: 'M5', status: 'lost' })).toBe(0);
    expect(dealWeighted({ amount: 1_000, milestone: 'M6', status: 'won' })).toBe(1_000);
  });

  it('counts days in stage by instants and by calendar days', () => {
    expect(daysInStage('2026-11-01T09:00:00Z', '2026-11-11T08:59:59Z')).toBe(9);
    expect(daysInStageOn('2026-11-01T23:30:00Z', '2026-11-11')).toBe(10);
    expect(daysInStageOn('2026-11-12T00:00:00Z', '2026-11-11')).toBe(0);
  });

  it('flags open deals past their milestone threshold only', () => {
    const t = { M1: 10, M2: 30, M3: 30, M4: 30, M5: 30 };
    const at = '2026-11-01T09:00:00Z';
    expect(
      isStalled({ milestone: 'M1', status: 'open', stageEnteredAt: at }, '2026-11-11', t),
    ).toBe(false);
    expect(
      isStalled({ milestone: 'M1', status: 'open', stageEnteredAt: at }, '2026-11-12', t),
    ).toBe(true);
    expect(
      isStalled({ milestone: 'M2', status: 'open', stageEnteredAt: at }, '2026-11-12', t),
    ).toBe(false);
    expect(
      isStalled({ milestone: 'M1', status: 'lost', stageEnteredAt: at }, '2027-01-01', t),
    ).toBe(false);
  });

  it('shows checklists up to the current milestone, sums lines, counts the brief', () => {
    expect(checklistMilestones('M3')).toEqual(['M1', 'M2', 'M3']);
    expect(
      linesAmount([
        { quantity: 3, unitPrice: 150 },
        { quantity: 1, unitPrice: 5 },
      ]),
    ).toBe(455);
    expect(briefCompleteness({ contactId: 'x', contactProblem: '', deciderValue: 'v' })).toBe(2);
  });
});
