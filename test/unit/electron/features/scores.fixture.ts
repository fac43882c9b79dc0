import type { Input } from '../../../../shared/contract';
import type { ScoreLevels } from '../../../../shared/domain/intensity';
import { call } from '../../helpers';
import type { Fixture } from './deals.fixture';

/** Scorings with hand-added totals (domain.md §4's points), used across the scores tests. */
export const scorings = {
  /** 6 + 4 + 2 + 2 + 4 = 18 */
  s18: {
    problem: { level: 'admits_need', with: 'contact' },
    power: { level: 'dm_known' },
    vision: { level: 'product_vision', with: 'contact' },
    value: { level: 'seller_identifies', with: 'contact' },
    control: { level: 'contact_states_pain' },
  },
  /** 8 + 8 + 4 + 2 + 8 = 30 */
  s30: {
    problem: { level: 'admits_cause', with: 'contact' },
    power: { level: 'process_understood' },
    vision: { level: 'differentiated', with: 'contact' },
    value: { level: 'seller_identifies', with: 'contact' },
    control: { level: 'contact_introduces_dm' },
  },
  /** 0 + 16 + 6 + 3 + 16 = 41 */
  s41: {
    problem: { level: 'cannot_describe', with: 'contact' },
    power: { level: 'dm_agrees_proposal' },
    vision: { level: 'customer_agrees', with: 'contact' },
    value: { level: 'customer_states', with: 'contact' },
    control: { level: 'pre_proposal_review' },
  },
  /** 20 + 10 + 15 + 3 + 10 = 58 */
  s58: {
    problem: { level: 'admits_pain', with: 'decider' },
    power: { level: 'dm_agrees_explore' },
    vision: { level: 'differentiated', with: 'decider' },
    value: { level: 'customer_states', with: 'contact' },
    control: { level: 'dm_discusses_solutions' },
  },
} as const satisfies Record<string, ScoreLevels>;

/** Scores a deal now (the fixed clock), then moves the clock one second on. */
export async function score(
  f: Fixture,
  dealId: string,
  levels: ScoreLevels,
  extra: Partial<Input<'scores.add'>> = {},
) {
  const result = await call(f.app, 'scores.add', { dealId, levels, today: day(f), ...extra });
  f.app.tick(1000);
  return result;
}

/** The fixed clock's day. */
export function day(f: Fixture): string {
  return f.app.now().toISOString().slice(0, 10);
}
