import type { RefusalReason, SyncRefusedFile } from '../../shared/contract/sync';

/**
 * The sync protocol's storage, behind one interface (issue 9): a team folder today
 * (`folder.ts`), a server database later. Everything here is plain data; the engine
 * (push, apply, team) never touches files directly.
 */

/** The format of batches and descriptors this build writes and understands. */
export const FORMAT_VERSION = 1;

/** `pacer-team.json`: which team a folder holds. Written once, by the device that creates it. */
export type TeamDescriptor = {
  format: number;
  teamId: string;
  name: string;
  createdAt: string;
  createdBy: string;
  /**
   * What the team started from: `empty` (nothing but batches is needed to join) or `snapshot`
   * (the founding database's rows — demo rows, its change log before the team — are only in
   * a snapshot). Absent in folders made before it was written: read as `snapshot`.
   */
  base?: 'empty' | 'snapshot';
};

/** `devices/<device>.json`: written only by that device (rewritten by rename). */
export type DeviceInfo = {
  deviceId: string;
  name: string;
  userName: string | null;
  appVersion: string;
  lastSeenAt: string;
  /** The last batch this device has written: a reader that cannot open it knows it is missing. */
  lastSeq: number;
  /**
   * Batches of other devices this device waits for because they are missing or torn: their
   * author reads this and rewrites them (docs/team-folder.md, "Repair"). Absent when none.
   */
  waitingFor?: [device: string, seq: number, problem: 'missing' | 'torn'][];
  /**
   * Its batch slots it passed over because they held a file it did not sign (decision 0021:
   * a forged slot never blocks its device): readers skip them. Absent when none.
   */
  skipped?: number[];
};

/** One field change, as `commit` logged it on its device. */
export type BatchRecord = {
  hlc: string;
  user: string | null;
  table: string;
  row: string;
  column: string;
  /** The JSON value itself (change_log.value parsed). */
  value: unknown;
};

/** "Device `device` applied batch `seq` of the batch's author at its own stamp `at`." */
export type Ack = [device: string, seq: number, at: string];

export type BatchHeader = {
  format: number;
  device: string;
  seq: number;
  /** change_log.seq range of the author's records in this batch (for crash-safe pushes). */
  from: number;
  to: number;
  count: number;
  acks: Ack[];
  /** The author's last sync_applied id included in `acks`. */
  ackTo: number;
  writtenAt: string;
};

export type Batch = { header: BatchHeader; records: BatchRecord[] };

/** The readable start of a batch file: its header and the stamps of its whole record lines. */
export type BatchPrefix = { header: BatchHeader; stamps: string[] };

/** Why a whole file in a sealed folder is not applied (listed for the user, never read into data). */
export type Refusal = { refused: RefusalReason; detail: string };

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && 'refused' in value;
}

/**
 * A batch, or why it cannot be read: not there (yet), not whole (yet), or (sealed folders)
 * refused: not signed by a member for this slot (decision 0021).
 */
export type BatchRead = Batch | 'missing' | 'torn' | Refusal;

export type SnapshotInfo = { name: string };

/** Files the engine does not recognise: "conflicted copy" duplicates and other strays. */
export type Stray = { path: string; kind: 'conflicted_copy' | 'stray' };

export type TransportErrorCode = 'offline' | 'read_only' | 'exists' | 'not_a_team' | 'io';

/** A transport failure the engine reports instead of crashing (the app stays usable locally). */
export class TransportError extends Error {
  constructor(
    readonly code: TransportErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TransportError';
  }
}

/**
 * Where a team's batches live. Every method may throw a `TransportError`. A batch, once
 * written, is never rewritten: `writeBatch` refuses (`exists`) rather than replace one.
 */
export type Transport = {
  /** Where it is, for messages ("/Volumes/team/pacer"). */
  readonly location: string;
  /**
   * Files are signed and encrypted (decision 0021): a reader refuses what does not verify, a
   * torn file reveals nothing, and a pusher passes over a slot holding a file it did not sign.
   */
  readonly sealed: boolean;
  /**
   * The files refused since the last call (then forgotten): one entry per file, the latest
   * reason. A round drains it first (`syncOnce`), so the pull's list is that round's. Absent
   * on a transport that refuses nothing.
   */
  refusals?: () => SyncRefusedFile[];
  readDescriptor: () => TeamDescriptor | null;
  writeDescriptor: (descriptor: TeamDescriptor) => void;
  readDevice: (deviceId: string) => DeviceInfo | null;
  writeDevice: (info: DeviceInfo) => void;
  /** Devices with a registry entry or a changes folder (may lag behind by a listing cache). */
  listDevices: () => string[];
  writeBatch: (device: string, seq: number, batch: Batch) => void;
  /**
   * Rewrites a batch its author found torn or missing (atomically, by rename): the only time a
   * batch file is replaced, and only with the same records (`repair.ts`).
   */
  replaceBatch: (device: string, seq: number, batch: Batch) => void;
  readBatch: (device: string, seq: number) => BatchRead;
  /**
   * What survives of a batch file, even a torn one: its header line (when whole and this
   * batch's) and the stamps of the whole record lines after it, in order.
   */
  readBatchPrefix: (device: string, seq: number) => BatchPrefix | null;
  listSnapshots: () => SnapshotInfo[];
  /** Stores a snapshot that `produce` writes to the given local path (e.g. with VACUUM INTO). */
  putSnapshot: (name: string, produce: (path: string) => void) => void;
  /** Deletes a snapshot (only its author does, when pruning); one already gone is fine. */
  deleteSnapshot: (name: string) => void;
  /** Copies a snapshot to a local file. */
  getSnapshot: (name: string, destination: string) => void;
  /** Lists files that are not part of the layout (slow on a big folder: not on every pull). */
  scanStrays: () => Stray[];
};

/** A batch's file name part: the sequence number zero-padded, so names sort in order. */
export function batchName(seq: number): string {
  return String(seq).padStart(10, '0');
}

/** Device ids are UUIDv7 in the app; anything safe as a file name is accepted. */
export function isDeviceId(name: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(name);
}

/** Field values are what SQLite stores: text, numbers, booleans (as 0/1) or null. */
function isFieldValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  );
}

/** Encodes a batch as JSON lines: the header, then one record per line. */
export function encodeBatch(batch: Batch): string {
  const lines = [JSON.stringify(batch.header)];
  for (const r of batch.records) lines.push(JSON.stringify(r));
  return `${lines.join('\n')}\n`;
}

/**
 * A batch file's readable start: the first line as its header, when it parses and names this
 * device and sequence, and the stamps of the whole record lines that follow, until one does not parse.
 */
export function decodePrefix(text: string, device: string, seq: number): BatchPrefix | null {
  const lines = text.split('\n');
  lines.pop(); // after the last newline: a part line, or nothing
  try {
    const header = JSON.parse(lines[0] ?? '') as BatchHeader;
    if (typeof header !== 'object' || header === null) return null;
    if (header.device !== device || header.seq !== seq) return null;
    if (typeof header.from !== 'number' || typeof header.to !== 'number') return null;
    if (!Array.isArray(header.acks)) return null;
    const stamps: string[] = [];
    for (const line of lines.slice(1)) {
      try {
        const record = JSON.parse(line) as Partial<BatchRecord> | null;
        if (typeof record?.hlc !== 'string') break;
        stamps.push(record.hlc);
      } catch {
        break;
      }
    }
    return { header, stamps };
  } catch {
    return null;
  }
}

/** Do the records that survived in a torn file start the records `records`? (Else not ours.) */
export function prefixMatches(prefix: BatchPrefix, records: BatchRecord[]): boolean {
  return (
    prefix.stamps.length <= records.length &&
    prefix.stamps.every((stamp, i) => records[i]?.hlc === stamp)
  );
}

/**
 * Decodes a batch, or 'torn' when it is not whole: a missing final newline, an
 * unparsable line, a count that does not match, or a header for another device/seq.
 */
export function decodeBatch(text: string, device: string, seq: number): Batch | 'torn' {
  if (!text.endsWith('\n')) return 'torn';
  const lines = text.slice(0, -1).split('\n');
  try {
    const header = JSON.parse(lines[0] ?? '') as BatchHeader;
    if (typeof header !== 'object' || header === null) return 'torn';
    if (header.device !== device || header.seq !== seq) return 'torn';
    if (typeof header.count !== 'number' || lines.length !== header.count + 1) return 'torn';
    // A device writes only its own changes: every stamp must end with its id (the tie-break).
    const stamp = new RegExp(`^\\d{15}:\\d{5}:${device}$`);
    const records: BatchRecord[] = [];
    for (let i = 1; i < lines.length; i++) {
      const record = JSON.parse(lines[i] ?? '') as BatchRecord;
      if (
        typeof record !== 'object' ||
        record === null ||
        typeof record.hlc !== 'string' ||
        !stamp.test(record.hlc) ||
        typeof record.table !== 'string' ||
        typeof record.row !== 'string' ||
        typeof record.column !== 'string' ||
        !isFieldValue(record.value)
      )
        return 'torn';
      records.push(record);
    }
    return { header, records };
  } catch {
    return 'torn';
  }
}
