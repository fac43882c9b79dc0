import { z } from 'zod';
import { userRoles } from '../domain/people';
import { method } from './define';
import { email, id, ok, phone, requiredText } from './common';

export const user = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(userRoles),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  active: z.boolean(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** Whether the user has a password (never the hash: it does not leave the main process). */
  hasPassword: z.boolean(),
  /** The password is a manager's one-time reset, to be changed at the next sign-in. */
  passwordTemporary: z.boolean(),
});
export type User = z.infer<typeof user>;

export const team = z.object({
  id: z.string(),
  name: z.string(),
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  memberCount: z.number(),
  activeMemberCount: z.number(),
});
export type Team = z.infer<typeof team>;

/** What the signed-in user may read (docs/data-scope.md); null lists mean everyone / every team. */
export const visibility = z.object({
  /** 全公司: company-wide reports and lists. */
  company: z.boolean(),
  userIds: z.array(z.string()).nullable(),
  teamIds: z.array(z.string()).nullable(),
});
export type Visibility = z.infer<typeof visibility>;

export const teamInput = z
  .object({
    id: id.optional(),
    name: requiredText(100),
    managerId: id.nullable().optional(),
    parentId: id.nullable().optional(),
  })
  .strict();
export type TeamInput = z.input<typeof teamInput>;

export const userInput = z
  .object({
    id: id.optional(),
    name: requiredText(60),
    role: z.enum(userRoles),
    teamId: id,
    phone,
    email,
  })
  .strict();
export type UserInput = z.input<typeof userInput>;

export const teamContract = {
  /** Every team with its manager, parent and member counts. */
  'team.listTeams': method(z.object({}).strict(), z.array(team)),
  /** Creates a team, or updates it when `id` is given. */
  'team.saveTeam': method(teamInput, team),
  /** Users, optionally of one team; inactive users only when asked for. */
  'team.listUsers': method(
    z.object({ teamId: id.optional(), includeInactive: z.boolean().default(false) }).strict(),
    z.array(user),
  ),
  /** Creates a user, or updates one when `id` is given. */
  'team.saveUser': method(userInput, user),
  /** Deactivates a user (who keeps their history) or brings them back. */
  'team.setUserActive': method(z.object({ id, active: z.boolean() }).strict(), ok),
  /** What the signed-in user may read: the people and teams of their data scope (数据权限). */
  'team.visibility': method(z.object({}).strict(), visibility),
  /**
   * A manager gives a person a one-time password (forgotten, or never set): shown once, and
   * to be changed at their next sign-in. Only for people in the manager's data scope.
   */
  'team.resetPassword': method(
    z.object({ userId: id }).strict(),
    z.object({ temporaryPassword: z.string() }),
  ),
  /** Removes an empty team (soft delete): refused while it has active members. */
  'team.deleteTeam': method(z.object({ id }).strict(), ok),
} as const;
