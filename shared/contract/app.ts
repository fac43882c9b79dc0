import { z } from 'zod';
import { userRoles } from '../domain/people';
import { method } from './define';
import { empty, id, requiredText } from './common';
import { user } from './team';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const themes = ['system', 'light', 'dark'] as const;

export const appStatus = z.object({
  /** True once the file holds a team and this device knows who its user is. */
  ready: z.boolean(),
  /** True when the file holds at least one user (a team exists). */
  hasTeam: z.boolean(),
  currentUser: user.nullable(),
  language: z.enum(languages).nullable(),
  theme: z.enum(themes),
  deviceId: z.string(),
  schemaVersion: z.number(),
  databasePath: z.string(),
  appVersion: z.string(),
});
export type AppStatus = z.infer<typeof appStatus>;

export const appContract = {
  /** What the renderer needs at start: is there a team, who is using this device, preferences. */
  'app.status': method(empty, appStatus),
  /** Saves this device's language and theme (not synced: each person picks their own). */
  'app.setPreferences': method(
    z
      .object({
        language: z.enum(languages).nullable().optional(),
        theme: z.enum(themes).optional(),
      })
      .strict(),
    appStatus,
  ),
  /** First run: creates the team and its first user, who becomes this device's user. */
  'app.createTeam': method(
    z
      .object({
        teamName: requiredText(100),
        userName: requiredText(60),
        role: z.enum(userRoles),
      })
      .strict(),
    appStatus,
  ),
  /** First run: fills an empty file with the small demo team. */
  'app.loadDemo': method(z.object({}).strict(), appStatus),
  /** "Who are you": picks the user this device acts as; every change is stamped with it. */
  'app.setCurrentUser': method(z.object({ userId: id }).strict(), appStatus),
  /**
   * Closes and reopens the database, applying a pending replacement (a joined team folder, a
   * restored backup): Electron relaunches; the browser host reopens in place and the page
   * reloads when this returns.
   */
  'app.restart': method(z.object({}).strict(), z.object({ ok: z.literal(true) })),
} as const;
