import type { DeviceKeys } from './crypto';

/**
 * What a device knows about who may write to its team folder (decision 0021): its own keys,
 * the members' signing keys and the team keys it holds. The folder transport seals what it
 * writes and opens what it reads through this; `members.ts` builds it from the signed member
 * logs, and tests build one by hand (`fixedTrust`).
 */
export type MemberKey = {
  /** The member's Ed25519 public key (base64url raw). */
  signKey: string;
  /**
   * Set when the device was removed: the last of its batches still applied. Its later batches,
   * and its device file, are refused by everyone.
   */
  removedAfter: number | null;
};

export type Trust = {
  teamId: string;
  /** This device's id and keys. */
  deviceId: string;
  keys: DeviceKeys;
  /** A device's signing key, or null when it is not a member (yet: an approval may be on its way). */
  member: (deviceId: string) => MemberKey | null;
  /** The team key this device encrypts new files with. */
  writeKey: () => { epoch: string; key: Buffer };
  /** The team key of `epoch`, or null when this device holds none for it. */
  epochKey: (epoch: string) => Buffer | null;
};

/** A trust from a plain list (tests, and the founding device before its member log is read). */
export function fixedTrust(options: {
  teamId: string;
  deviceId: string;
  keys: DeviceKeys;
  members: Record<string, MemberKey>;
  epochs: Record<string, Buffer>;
  writeEpoch: string;
}): Trust {
  const { members, epochs } = options;
  const write = epochs[options.writeEpoch];
  if (!write) throw new Error(`no key for the write epoch ${options.writeEpoch}`);
  return {
    teamId: options.teamId,
    deviceId: options.deviceId,
    keys: options.keys,
    member: (id) => members[id] ?? null,
    writeKey: () => ({ epoch: options.writeEpoch, key: write }),
    epochKey: (epoch) => epochs[epoch] ?? null,
  };
}
