import { z } from 'zod';
import { method } from './define';

const days = z.number().int().min(1, 'validation.range').max(365, 'validation.range').nullable();

/** Visit frequency per grade in days; null means "no rule" (domain.md §2). */
export const frequencyRules = z
  .object({ key: days, potential: days, ordinary: days, ignore: days })
  .strict();

export const teamSettings = z.object({ frequencyRules });
export type TeamSettings = z.infer<typeof teamSettings>;

export const settingsContract = {
  /** The team-wide settings (shared with the whole team, unlike language and theme). */
  'settings.get': method(z.object({}).strict(), teamSettings),
  /** Sets the visit frequency rule of each grade. */
  'settings.setFrequencyRules': method(frequencyRules, teamSettings),
} as const;
