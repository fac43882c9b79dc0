import {
  closeSync,
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import {
  batchName,
  decodeBatch,
  decodePrefix,
  encodeBatch,
  isDeviceId,
  TransportError,
  type Batch,
  type BatchPrefix,
  type BatchRead,
  type DeviceInfo,
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

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * The team folder on a shared drive (docs/team-folder.md). Every file has one writer; a file is
 * written to a temporary name, fsynced and renamed into place. Batches are found by opening
 * their next name, never by listing (listings are cached for 10–20 s by SMB and sshfs).
 */
export class FolderTransport implements Transport {
  readonly location: string;

  constructor(folder: string) {
    this.location = path.resolve(folder);
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
    const text = this.readText(path.join('devices', `${deviceId}.json`));
    if (text === null) return null;
    try {
      return JSON.parse(text) as DeviceInfo;
    } catch {
      // Mid-replacement on a drive that does not rename atomically: read it next time.
      return null;
    }
  }

  writeDevice(info: DeviceInfo): void {
    this.ensureDir('devices');
    this.writeAtomically(
      path.join('devices', `${info.deviceId}.json`),
      `${JSON.stringify(info, null, 2)}\n`,
      false,
    );
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
    this.writeAtomically(path.join(dir, `${batchName(seq)}.jsonl`), encodeBatch(batch), true);
  }

  replaceBatch(device: string, seq: number, batch: Batch): void {
    const dir = path.join('changes', device);
    this.ensureDir(dir);
    this.writeAtomically(path.join(dir, `${batchName(seq)}.jsonl`), encodeBatch(batch), false);
  }

  readBatchPrefix(device: string, seq: number): BatchPrefix | null {
    const text = this.readText(path.join('changes', device, `${batchName(seq)}.jsonl`));
    return text === null ? null : decodePrefix(text, device, seq);
  }

  readBatch(device: string, seq: number): BatchRead {
    const text = this.readText(path.join('changes', device, `${batchName(seq)}.jsonl`));
    if (text === null) return 'missing';
    return decodeBatch(text, device, seq);
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
    try {
      produce(temp);
      const fd = openSync(temp, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, target);
    } catch (error) {
      rmSync(temp, { force: true });
      throw this.wrap(error, `cannot write snapshot ${name}`);
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
    try {
      copyFileSync(this.full(path.join('snapshots', name)), destination);
    } catch (error) {
      throw this.wrap(error, `cannot copy snapshot ${name}`);
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
  private writeAtomically(rel: string, text: string, once: boolean): void {
    const target = this.full(rel);
    if (once && existsSync(target)) throw new TransportError('exists', `${rel} already exists`);
    const temp = path.join(path.dirname(target), this.tempName(path.basename(rel)));
    try {
      const fd = openSync(temp, 'w');
      try {
        const bytes = Buffer.from(text, 'utf8');
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
