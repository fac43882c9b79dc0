import { z } from 'zod';
import { method } from './define';

const days = z.number().int().min(1, 'validation.range').max(365, 'validation.range').nullable();

/** Visit frequency per grade in days; null means "no rule" (domain.md §2). */
export const frequencyRules = z
  .object({ key: days, potential: days, ordinary: days, ignore: days })
  .strict();

const stallDays = z.number().int().min(1, 'validation.range').max(365, 'validation.range');
/** Days in a milestone after which an open deal counts as stalled (停滞), per milestone. */
export const stalledDays = z
  .object({ M1: stallDays, M2: stallDays, M3: stallDays, M4: stallDays, M5: stallDays })
  .strict();

export const teamSettings = z.object({ frequencyRules, stalledDays });
export type TeamSettings = z.infer<typeof teamSettings>;

export const settingsContract = {
  /** The team-wide settings (shared with the whole team, unlike language and theme). */
  'settings.get': method(z.object({}).strict(), teamSettings),
  /** Sets the visit frequency rule of each grade. */
  'settings.setFrequencyRules': method(frequencyRules, teamSettings),
  /** Sets the stalled-deal threshold of each open milestone. */
  'settings.setStalledDays': method(stalledDays, teamSettings),
} as const;
