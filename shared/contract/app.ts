import { z } from 'zod';
import { userRoles } from '../domain/people';
import { PASSWORD_MAX, PASSWORD_MIN } from '../domain/people';
import { method } from './define';
import { empty, id, requiredText } from './common';
import { user } from './team';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const themes = ['system', 'light', 'dark'] as const;

/** A new password: its rules are checked again in the handler (electron/features/app/passwords.ts). */
const password = z
  .string()
  .min(PASSWORD_MIN, { message: 'validation.passwordShape' })
  .max(PASSWORD_MAX, { message: 'validation.passwordShape' });
/** A password typed to sign in: any length the form can send, checked against the hash. */
const passwordAttempt = z.string().max(PASSWORD_MAX + 100);

export const appStatus = z.object({
  /** True once the file holds a team and this device knows who its user is. */
  ready: z.boolean(),
  /** True when the file holds at least one user (a team exists). */
  hasTeam: z.boolean(),
  currentUser: user.nullable(),
  /** The file was filled with the demo team: its people sign in with the demo password. */
  demo: z.boolean(),
  /** The demo team's password, shown on the sign-in screen of a demo file (else null). */
  demoPassword: z.string().nullable(),
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
        password,
      })
      .strict(),
    appStatus,
  ),
  /** First run: fills an empty file with the small demo team. */
  'app.loadDemo': method(z.object({}).strict(), appStatus),
  /**
   * "Who are you" and "switch user": this device acts as `userId` from now on (every change is
   * stamped with it) once their password checks. Five wrong passwords in a row for one person
   * hold further tries for 30 s.
   */
  'app.signIn': method(z.object({ userId: id, password: passwordAttempt }).strict(), appStatus),
  /** Leaves the device with nobody signed in: the next person signs in with their password. */
  'app.signOut': method(z.object({}).strict(), appStatus),
  /**
   * The signed-in user sets a new password; `current` is needed once one exists, except a
   * manager's one-time password, which they have just signed in with.
   */
  'app.changePassword': method(
    z.object({ current: passwordAttempt.optional(), next: password }).strict(),
    appStatus,
  ),
  /**
   * "I'm new here": someone not yet in the team adds themselves, as a rep (a manager changes
   * roles), with their own password, and is signed in.
   */
  'app.joinAsNew': method(
    z.object({ name: requiredText(60), teamId: id, password }).strict(),
    appStatus,
  ),
  /**
   * Closes and reopens the database, applying a pending replacement (a joined team folder, a
   * restored backup): Electron relaunches; the browser host reopens in place and the page
   * reloads when this returns.
   */
  'app.restart': method(z.object({}).strict(), z.object({ ok: z.literal(true) })),
} as const;
