import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SyncRefusedFile } from '../../shared/contract/sync';
import { openEnvelope, openFile, sealEnvelope, sealFile, type Slot } from './envelope';
import { parseSnapshotName } from './snapshots';
import type { Trust } from './trust';
import {
  batchName,
  decodeBatch,
  decodePrefix,
  encodeBatch,
  isDeviceId,
  isRefusal,
  TransportError,
  type Batch,
  type BatchPrefix,
  type BatchRead,
  type DeviceInfo,
  type Refusal,
  type SnapshotInfo,
  type Stray,
  type TeamDescriptor,
  type Transport,
} from './transport';

export const DESCRIPTOR_FILE = 'pacer-team.json';
const TEMP_PREFIX = '.pacer-tmp-';
const BATCH_FILE = /^\d{10}\.jsonl$/;
/** Names sync clients give the second copy of a file both sides changed. */
const CONFLICTED_COPY = /conflict|冲突|衝突|副本/i;

let tempCounter = 0;

function batchFile(device: string, seq: number): string {
  return path.join('changes', device, `${batchName(seq)}.jsonl`);
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * The team folder on a shared drive (docs/team-folder.md). Every file has one writer; a file is
 * written to a temporary name, fsynced and renamed into place. Batches are found by opening
 * their next name, never by listing (listings are cached for 10–20 s by SMB and sshfs).
 *
 * With a `trust` (format 2, decision 0021) the device and batch files and the snapshots are
 * sealed envelopes (`envelope.ts`): written signed and encrypted, and read only when they
 * verify; a file that does not is refused, kept in `refusals()` and read as not there (a
 * device file) or as a refusal (a batch). Without one, files are format 1's plain text.
 */
export class FolderTransport implements Transport {
  readonly location: string;
  readonly sealed: boolean;
  private readonly trust: Trust | null;
  private refused = new Map<string, SyncRefusedFile>();

  constructor(folder: string, trust?: Trust | null) {
    this.location = path.resolve(folder);
    this.trust = trust ?? null;
    this.sealed = this.trust !== null;
  }

  refusals(): SyncRefusedFile[] {
    const list = [...this.refused.values()];
    this.refused.clear();
    return list;
  }

  readDescriptor(): TeamDescriptor | null {
    const text = this.readText(DESCRIPTOR_FILE);
    if (text === null) return null;
    try {
      return JSON.parse(text) as TeamDescriptor;
    } catch (error) {
      throw new TransportError('not_a_team', `${DESCRIPTOR_FILE} is not readable JSON`, {
        cause: error,
      });
    }
  }

  writeDescriptor(descriptor: TeamDescriptor): void {
    this.ensureDir('');
    this.writeAtomically(DESCRIPTOR_FILE, `${JSON.stringify(descriptor, null, 2)}\n`, false);
  }

  readDevice(deviceId: string): DeviceInfo | null {
    const rel = path.join('devices', `${deviceId}.json`);
    let text: string | null;
    if (this.trust) {
      const opened = this.openSealed(rel, { kind: 'device', device: deviceId });
      if (opened === 'missing' || opened === 'torn' || isRefusal(opened)) return null;
      text = opened.toString('utf8');
    } else text = this.readText(rel);
    if (text === null) return null;
    let info: DeviceInfo;
    try {
      info = JSON.parse(text) as DeviceInfo;
    } catch {
      // Mid-replacement on a drive that does not rename atomically: read it next time.
      return null;
    }
    if (this.trust && (typeof info !== 'object' || info?.deviceId !== deviceId)) {
      this.refuse(rel, deviceId, null, {
        refused: 'wrong_slot',
        detail: 'the sealed device file is not this device’s',
      });
      return null;
    }
    return info;
  }

  writeDevice(info: DeviceInfo): void {
    this.ensureDir('devices');
    const rel = path.join('devices', `${info.deviceId}.json`);
    const text = `${JSON.stringify(info, null, 2)}\n`;
    this.writeAtomically(rel, this.seal({ kind: 'device', device: info.deviceId }, text), false);
  }

  listDevices(): string[] {
    this.requireRoot();
    const ids = new Set<string>();
    for (const name of this.list('devices')) {
      if (name.endsWith('.json') && isDeviceId(name.slice(0, -5))) ids.add(name.slice(0, -5));
    }
    for (const name of this.list('changes')) if (isDeviceId(name)) ids.add(name);
    return [...ids].sort();
  }

  writeBatch(device: string, seq: number, batch: Batch): void {
    const dir = path.join('changes', device);
    this.ensureDir(dir);
    const slot: Slot = { kind: 'batch', device, seq };
    this.writeAtomically(batchFile(device, seq), this.seal(slot, encodeBatch(batch)), true);
  }

  replaceBatch(device: string, seq: number, batch: Batch): void {
    const dir = path.join('changes', device);
    this.ensureDir(dir);
    const slot: Slot = { kind: 'batch', device, seq };
    this.writeAtomically(batchFile(device, seq), this.seal(slot, encodeBatch(batch)), false);
  }

  /**
   * Sealed, a torn or refused file reveals nothing (its header line is ciphertext's): null, and
   * its author rebuilds the batch from its own log (`repair.ts`, `push.ts`).
   */
  readBatchPrefix(device: string, seq: number): BatchPrefix | null {
    const rel = batchFile(device, seq);
    if (this.trust) {
      const opened = this.openSealed(rel, { kind: 'batch', device, seq });
      if (opened === 'missing' || opened === 'torn' || isRefusal(opened)) return null;
      return decodePrefix(opened.toString('utf8'), device, seq);
    }
    const text = this.readText(rel);
    return text === null ? null : decodePrefix(text, device, seq);
  }

  readBatch(device: string, seq: number): BatchRead {
    const rel = batchFile(device, seq);
    if (!this.trust) {
      const text = this.readText(rel);
      if (text === null) return 'missing';
      return decodeBatch(text, device, seq);
    }
    const opened = this.openSealed(rel, { kind: 'batch', device, seq });
    if (typeof opened === 'string' || isRefusal(opened)) return opened;
    const batch = decodeBatch(opened.toString('utf8'), device, seq);
    if (batch !== 'torn') return batch;
    // Signed and decrypted, so whole as its author wrote it: not a batch of this slot.
    const refusal: Refusal = {
      refused: 'wrong_slot',
      detail: `the sealed content is not a whole batch ${seq} of ${device}`,
    };
    this.refuse(rel, device, seq, refusal);
    return refusal;
  }

  listSnapshots(): SnapshotInfo[] {
    this.requireRoot();
    return this.list('snapshots')
      .filter((n) => n.endsWith('.sqlite') && !n.startsWith('.') && !CONFLICTED_COPY.test(n))
      .sort()
      .map((name) => ({ name }));
  }

  putSnapshot(name: string, produce: (file: string) => void): void {
    this.ensureDir('snapshots');
    const target = this.full(path.join('snapshots', name));
    if (existsSync(target)) throw new TransportError('exists', `snapshot ${name} already exists`);
    const temp = this.full(path.join('snapshots', this.tempName(name)));
    // Sealed, the plain database is made on local disk and only its envelope reaches the drive.
    const local = this.trust ? mkdtempSync(path.join(tmpdir(), 'pacer-seal-')) : null;
    try {
      if (this.trust && local) {
        const plain = path.join(local, name);
        produce(plain);
        sealFile(this.trust, this.snapshotSlot(name), plain, temp);
      } else {
        produce(temp);
        const fd = openSync(temp, 'r+');
        try {
          fsyncSync(fd);
        } finally {
          closeSync(fd);
        }
      }
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw this.wrap(error, `cannot write snapshot ${name}`);
    } finally {
      if (local) rmSync(local, { recursive: true, force: true });
    }
  }

  deleteSnapshot(name: string): void {
    if (!name.endsWith('.sqlite') || path.basename(name) !== name || name.startsWith('.'))
      throw new TransportError('io', `not a snapshot name: ${name}`);
    try {
      // One unlink: atomic on every file system; `force` makes a file already gone a no-op.
      rmSync(this.full(path.join('snapshots', name)), { force: true });
    } catch (error) {
      throw this.wrap(error, `cannot delete snapshot ${name}`);
    }
  }

  getSnapshot(name: string, destination: string): void {
    const rel = path.join('snapshots', name);
    let opened: ReturnType<typeof openFile>;
    try {
      if (!this.trust) {
        copyFileSync(this.full(rel), destination);
        return;
      }
      opened = openFile(this.trust, this.snapshotSlot(name), this.full(rel), destination);
    } catch (error) {
      throw this.wrap(error, `cannot copy snapshot ${name}`);
    }
    if (opened === 'torn')
      throw new TransportError('io', `snapshot ${name} is not whole yet (still arriving)`);
    if (opened) {
      this.refuse(rel, this.snapshotSlot(name).device, null, opened);
      throw new TransportError(
        'io',
        `snapshot ${rel} was refused (${opened.refused}: ${opened.detail})`,
      );
    }
  }

  scanStrays(): Stray[] {
    this.requireRoot();
    const strays: Stray[] = [];
    const flag = (rel: string) => {
      // Another device's write in progress is not a stray; one left by a crash an hour ago is.
      if (path.basename(rel).startsWith(TEMP_PREFIX) && this.ageMs(rel) < 3_600_000) return;
      strays.push({
        path: rel,
        kind: CONFLICTED_COPY.test(path.basename(rel)) ? 'conflicted_copy' : 'stray',
      });
    };
    const known = new Set([DESCRIPTOR_FILE, 'devices', 'changes', 'snapshots']);
    for (const name of this.list('')) if (!known.has(name)) flag(name);
    for (const name of this.list('devices'))
      if (!(name.endsWith('.json') && isDeviceId(name.slice(0, -5))))
        flag(path.join('devices', name));
    for (const name of this.list('changes')) {
      const rel = path.join('changes', name);
      if (!isDeviceId(name) || !this.isDir(rel)) {
        flag(rel);
        continue;
      }
      for (const file of this.list(rel)) if (!BATCH_FILE.test(file)) flag(path.join(rel, file));
    }
    for (const name of this.list('snapshots'))
      if (!name.endsWith('.sqlite') || name.startsWith('.') || CONFLICTED_COPY.test(name))
        flag(path.join('snapshots', name));
    return strays;
  }

  // ---- sealing (decision 0021) ----

  /** The bytes to write: the text itself, or (sealed) its envelope signed by this device. */
  private seal(slot: Slot, text: string): string | Buffer {
    if (!this.trust) return text;
    if (slot.device !== this.trust.deviceId)
      throw new TransportError(
        'io',
        `this device cannot sign ${slot.kind} files of ${slot.device}`,
      );
    return sealEnvelope(this.trust, slot, Buffer.from(text, 'utf8'));
  }

  /** A sealed file's plaintext, or why not; a refusal is kept for `refusals()`. */
  private openSealed(rel: string, slot: Slot): Buffer | 'missing' | 'torn' | Refusal {
    if (!this.trust) throw new Error('openSealed without a trust');
    const bytes = this.readBytes(rel);
    if (bytes === null) return 'missing';
    const opened = openEnvelope(this.trust, slot, bytes);
    if (isRefusal(opened)) this.refuse(rel, slot.device, slot.seq ?? null, opened);
    return opened;
  }

  private refuse(rel: string, device: string, seq: number | null, refusal: Refusal): void {
    const file = rel.split(path.sep).join('/');
    this.refused.set(file, {
      file,
      deviceId: device,
      seq,
      reason: refusal.refused,
      detail: refusal.detail,
    });
  }

  /** A snapshot's author is in its name: the device whose signature it must carry. */
  private snapshotSlot(name: string): Slot {
    return { kind: 'snapshot', device: parseSnapshotName(name)?.device ?? '', name };
  }

  // ---- file helpers ----

  private full(rel: string): string {
    return path.join(this.location, rel);
  }

  private tempName(name: string): string {
    tempCounter += 1;
    return `${TEMP_PREFIX}${process.pid}-${tempCounter}-${name}`;
  }

  /** The folder itself is gone (drive disconnected, share unmounted): offline, not "missing". */
  private requireRoot(): void {
    if (!this.rootExists())
      throw new TransportError('offline', `the team folder ${this.location} is not reachable`);
  }

  private rootExists(): boolean {
    try {
      return statSync(this.location).isDirectory();
    } catch {
      return false;
    }
  }

  private ageMs(rel: string): number {
    try {
      return Date.now() - statSync(this.full(rel)).mtimeMs;
    } catch {
      return 0;
    }
  }

  private isDir(rel: string): boolean {
    try {
      return statSync(this.full(rel)).isDirectory();
    } catch {
      return false;
    }
  }

  private list(rel: string): string[] {
    try {
      return readdirSync(this.full(rel));
    } catch (error) {
      if (errno(error) === 'ENOENT' || errno(error) === 'ENOTDIR') {
        this.requireRoot();
        return [];
      }
      throw this.wrap(error, `cannot list ${rel || '.'}`);
    }
  }

  /** A file's bytes, or null when it does not exist (yet). */
  private readBytes(rel: string): Buffer | null {
    try {
      return readFileSync(this.full(rel));
    } catch (error) {
      if (errno(error) === 'ENOENT' || errno(error) === 'ENOTDIR') {
        this.requireRoot();
        return null;
      }
      throw this.wrap(error, `cannot read ${rel}`);
    }
  }

  /** A file's text, or null when it does not exist (yet). */
  private readText(rel: string): string | null {
    try {
      return readFileSync(this.full(rel), 'utf8');
    } catch (error) {
      if (errno(error) === 'ENOENT' || errno(error) === 'ENOTDIR') {
        this.requireRoot();
        return null;
      }
      throw this.wrap(error, `cannot read ${rel}`);
    }
  }

  private ensureDir(rel: string): void {
    this.requireRoot();
    try {
      mkdirSync(this.full(rel), { recursive: true });
    } catch (error) {
      throw this.wrap(error, `cannot create ${rel}`);
    }
  }

  /** temp → fsync → rename; `once`: never replace an existing file (batches are immutable). */
  private writeAtomically(rel: string, text: string | Buffer, once: boolean): void {
    const target = this.full(rel);
    if (once && existsSync(target)) throw new TransportError('exists', `${rel} already exists`);
    const temp = path.join(path.dirname(target), this.tempName(path.basename(rel)));
    try {
      const fd = openSync(temp, 'w');
      try {
        const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // The folder may be gone or read-only; nothing more to clean.
      }
      throw this.wrap(error, `cannot write ${rel}`);
    }
    this.syncDir(path.dirname(target));
  }

  /** Makes the rename durable where the OS allows opening a directory (not on Windows). */
  private syncDir(dir: string): void {
    try {
      const fd = openSync(dir, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Best effort.
    }
  }

  private wrap(error: unknown, message: string): TransportError {
    if (error instanceof TransportError) return error;
    const code = errno(error);
    const detail = `${message}: ${error instanceof Error ? error.message : String(error)}`;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return new TransportError('read_only', detail, { cause: error });
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EIO' || code === 'ENOTCONN') {
      if (!this.rootExists() || code === 'ENOTCONN')
        return new TransportError('offline', detail, { cause: error });
    }
    return new TransportError('io', detail, { cause: error });
  }
}
