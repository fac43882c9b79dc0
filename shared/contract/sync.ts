import { z } from 'zod';
import { method } from './define';

/**
 * Team sharing through a folder (issue 9; docs/team-folder.md). The main process runs the sync
 * rounds (electron/sync/) off the window's thread: after local commits (debounced), on a timer,
 * on window focus and on demand. Nothing here blocks local work: a folder that is missing,
 * read-only or damaged is a state and a list of problems, never an error of the app.
 */

/**
 * The header's indicator: `off` (no team folder), `synced`, `syncing`, `pending` (local
 * changes not yet in the folder), `offline` (folder unreachable), `read_only` (can pull, not
 * push), `waiting` (a device's next batch is missing or torn beyond the patience), `error`.
 */
export const syncStates = [
  'off',
  'synced',
  'syncing',
  'pending',
  'offline',
  'read_only',
  'waiting',
  'error',
] as const;
export type SyncStateName = (typeof syncStates)[number];

export const syncDevice = z.object({
  deviceId: z.string(),
  name: z.string().nullable(),
  userName: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  /** Batches it has written (from its registry file), and how many this device has applied. */
  lastSeq: z.number().nullable(),
  appliedSeq: z.number(),
  /** `missing`, `torn`, `newer_format`, `invalid` when its next batch cannot be applied. */
  problem: z.string().nullable(),
  waitingSince: z.string().nullable(),
  thisDevice: z.boolean(),
});

export const syncProblem = z.object({
  /** A transport error code (`missing_folder`, `read_only`, `not_a_team`, …), `waiting` or `internal`. */
  code: z.string(),
  message: z.string(),
  /** The device concerned (a missing or torn batch). */
  deviceId: z.string().nullable(),
});

/** Why a file in the team folder was not applied (decision 0021): listed, never read into data. */
export const refusalReasons = [
  'unsigned',
  'unknown_key',
  'bad_signature',
  'wrong_slot',
  'removed_device',
  'undecryptable',
  'rolled_back',
  'forged_descriptor',
] as const;
export type RefusalReason = (typeof refusalReasons)[number];

export const syncRefusedFile = z.object({
  /** The file's path inside the team folder ("changes/<device>/0000000007.jsonl"). */
  file: z.string(),
  deviceId: z.string().nullable(),
  seq: z.number().nullable(),
  reason: z.enum(refusalReasons),
  detail: z.string(),
});
export type SyncRefusedFile = z.infer<typeof syncRefusedFile>;

/** A device of the signed member list, with names resolved where this device can read them. */
export const syncMember = z.object({
  deviceId: z.string(),
  /** The device's name from its (sealed) device file; null until it has written one. */
  name: z.string().nullable(),
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  role: z.enum(['manager', 'member']),
  /** Its signing key's fingerprint ("3F9A-12C0-77DE"), to compare with what the device shows. */
  fingerprint: z.string(),
  founder: z.boolean(),
  /** The device whose manager approved it (null for the founder), by name where known. */
  addedBy: z.string().nullable(),
  addedAt: z.string().nullable(),
  removedAt: z.string().nullable(),
  thisDevice: z.boolean(),
});
export type SyncMember = z.infer<typeof syncMember>;

/** A device that asked to join with one of this device's invitation codes. */
export const syncPendingDevice = z.object({
  deviceId: z.string(),
  /** What the joiner typed: its device name and who will use it. */
  name: z.string(),
  userName: z.string().nullable(),
  fingerprint: z.string(),
  role: z.enum(['manager', 'member']),
  invitedAt: z.string(),
});
export type SyncPendingDevice = z.infer<typeof syncPendingDevice>;

export const syncStatus = z.object({
  state: z.enum(syncStates),
  team: z
    .object({ id: z.string(), name: z.string().nullable(), folder: z.string().nullable() })
    .nullable(),
  deviceId: z.string(),
  /** The last round that finished, and the last one that reached the folder. */
  lastRoundAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** This device's changes not yet written to the folder. */
  pendingChanges: z.number(),
  /** Entries of "changes from the team" still to look at. */
  openConflicts: z.number(),
  problems: z.array(syncProblem),
  devices: z.array(syncDevice),
  /** Files in the folder that are not Pacer's (conflicted copies, strays): listed, never read. */
  strays: z.array(z.object({ path: z.string(), kind: z.enum(['conflicted_copy', 'stray']) })),
  /** How often the folder is read (ms). */
  intervalMs: z.number(),
});
export type SyncStatus = z.infer<typeof syncStatus>;

/** One entry of "changes from the team", with names resolved for display. */
export const syncConflict = z.object({
  id: z.number(),
  /**
   * `overwrite`: a remote change replaced a value made here concurrently; `duplicate`: two rows
   * clash on a rule (same customer name); `refused`: a teammate's change was not applied because
   * its author may not make it (only a manager sets targets…).
   */
  kind: z.enum(['overwrite', 'duplicate', 'refused']),
  table: z.string(),
  rowId: z.string(),
  /** What the row is called (the customer's name, the deal's title…), null if gone. */
  rowLabel: z.string().nullable(),
  /** The changed field (a column name), null for a duplicate or a delete. */
  column: z.string().nullable(),
  local: z
    .object({ value: z.unknown(), at: z.string().nullable(), userName: z.string().nullable() })
    .nullable(),
  remote: z.object({
    value: z.unknown(),
    at: z.string().nullable(),
    userName: z.string().nullable(),
    deviceName: z.string().nullable(),
  }),
  /** For a duplicate: the other row and its label. */
  otherRowId: z.string().nullable(),
  otherRowLabel: z.string().nullable(),
  /** For a refused change: the message key of the rule it breaks, and every field it carried. */
  refusal: z.object({ rule: z.string(), key: z.string(), columns: z.array(z.string()) }).optional(),
  detectedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolution: z.enum(['restored', 'dismissed']).nullable(),
});
export type SyncConflictView = z.infer<typeof syncConflict>;

const folder = z.string().trim().min(1, 'validation.required').max(4096);
const empty = z.object({}).strict();

export const syncContract = {
  /** The state for the header and Settings → Team folder (cheap: no folder access). */
  'sync.status': method(empty, syncStatus),
  /** Runs a round now (the "Sync now" button, window focus) and answers the state after it. */
  'sync.now': method(empty, syncStatus),
  /** Asks the host for a folder (Electron's dialog); `supported` false where the renderer must ask for a typed path. */
  'sync.chooseFolder': method(
    empty,
    z.object({ path: z.string().nullable(), supported: z.boolean() }),
  ),
  /** Makes `folder` this database's team folder (it must be empty or absent): descriptor, first snapshot, first batch. */
  'sync.createTeam': method(
    z.object({ folder, name: z.string().trim().min(1, 'validation.required').max(80) }).strict(),
    syncStatus,
  ),
  /**
   * Joins the team in `folder`: builds a new database from its newest snapshot and later
   * batches (with progress), then asks for a restart that puts it in place of this one (kept
   * beside it as a backup). Refused when this database already belongs to a team.
   */
  'sync.joinTeam': method(
    z.object({ folder }).strict(),
    z.object({ teamName: z.string(), restartRequired: z.literal(true) }),
  ),
  /** Stops syncing this database with its folder (the folder and the other devices are untouched). */
  'sync.leave': method(empty, syncStatus),
  /** "Changes from the team": open entries first, newest first; `all` includes resolved ones. */
  'sync.conflicts': method(
    z.object({ all: z.boolean().default(false) }).strict(),
    z.array(syncConflict),
  ),
  /** Puts this device's value back (a new change that the others receive). */
  'sync.restoreMine': method(
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
  /** Keeps the team's value and takes the entry off the list. */
  'sync.dismiss': method(
    z.object({ id: z.number().int().positive() }).strict(),
    z.object({ ok: z.literal(true) }),
  ),
};
