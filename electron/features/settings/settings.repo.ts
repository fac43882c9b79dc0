import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  frequencyRules as frequencyRulesSchema,
  stalledDays as stalledDaysSchema,
  type TeamSettings,
} from '../../../shared/contract/settings';
import { defaultStalledDays } from '../../../shared/domain/milestones';
import { defaultFrequencyRules, type FrequencyRules } from '../../../shared/domain/grading';
import type { AppContext } from '../../core/context';
import type { Db } from '../../db/connection';
import { settings } from '../../db/schema';

/** Reads one team setting, falling back to the default when it is unset or unreadable. */
function readSetting<S extends z.ZodType>(
  db: Db,
  key: string,
  schema: S,
  fallback: z.output<S>,
): z.output<S> {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.id, key)).get();
  if (!row) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** Writes one team setting through `commit`, so it travels to the team like any other change. */
export function writeSetting(ctx: AppContext, key: string, value: unknown): void {
  const exists = ctx.db
    .select({ id: settings.id })
    .from(settings)
    .where(eq(settings.id, key))
    .get();
  const json = JSON.stringify(value);
  ctx.commit([
    exists
      ? { op: 'update', table: 'settings', id: key, values: { value: json } }
      : { op: 'insert', table: 'settings', id: key, values: { value: json } },
  ]);
}

/** The visit frequency per grade (domain.md §2 defaults until a manager changes them). */
export function frequencyRules(db: Db): FrequencyRules {
  return readSetting(db, 'visit_frequency_days', frequencyRulesSchema, defaultFrequencyRules);
}

/** Days in each open milestone after which a deal is stalled (default 30, domain.md §7). */
export function stalledDays(db: Db): TeamSettings['stalledDays'] {
  return readSetting(db, 'stalled_days', stalledDaysSchema, defaultStalledDays);
}

export function teamSettings(db: Db): TeamSettings {
  return { frequencyRules: frequencyRules(db), stalledDays: stalledDays(db) };
}
