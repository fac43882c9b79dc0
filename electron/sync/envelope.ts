import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import type { RefusalReason } from '../../shared/contract/sync';
import { isRefusal, type Refusal } from './transport';
import {
  canonical,
  decrypt,
  decryptStream,
  encrypt,
  encryptStream,
  sha256,
  sign,
  TAG_BYTES,
  verify,
} from './crypto';
import type { Trust } from './trust';

/**
 * The sealed envelope of the team folder's files (decision 0021): a JSON header line, then
 * exactly `length` bytes of AES-256-GCM ciphertext with its tag. The header is signed by its
 * author, names the file's place (kind, team, device, seq or name) and the sha256 of the bytes
 * after it; the same place is the cipher's additional data, so a file moved anywhere else does
 * not open. Everything read here was written by a stranger until the signature says otherwise:
 * nothing throws on bad input, it is refused with a reason.
 */

export type EnvelopeKind = 'batch' | 'device' | 'snapshot';

/** Where a file lies in the folder: what its header must name. */
export type Slot = { kind: EnvelopeKind; device: string; seq?: number; name?: string };

export type EnvelopeHeader = {
  pacer: 2;
  kind: EnvelopeKind;
  team: string;
  device: string;
  seq?: number;
  name?: string;
  epoch: string;
  nonce: string;
  length: number;
  hash: string;
  sig: string;
};

/** What opening a file gives: its plaintext, `torn` (still arriving), or a refusal. */
export type Opened = Buffer | 'torn' | Refusal;

/** A header line is a few hundred bytes: a first line longer than this is no envelope. */
const MAX_HEADER = 4096;
const NEWLINE = 0x0a;
/** Snapshots are read and written in pieces of this size, never whole. */
const CHUNK = 1 << 20;

function refuse(refused: RefusalReason, detail: string): Refusal {
  return { refused, detail };
}

/** The cipher's additional data: the file's place, so a moved file does not decrypt. */
function additionalData(
  header: Pick<EnvelopeHeader, 'team' | 'kind' | 'device' | 'seq' | 'name' | 'epoch'>,
): string {
  return canonical({
    team: header.team,
    kind: header.kind,
    device: header.device,
    ...(header.kind === 'snapshot' ? { name: header.name } : {}),
    ...(header.kind === 'batch' ? { seq: header.seq } : {}),
    epoch: header.epoch,
  });
}

function placeOf(trust: Trust, slot: Slot, epoch: string) {
  return {
    pacer: 2 as const,
    kind: slot.kind,
    team: trust.teamId,
    device: slot.device,
    ...(slot.kind === 'batch' ? { seq: slot.seq } : {}),
    ...(slot.kind === 'snapshot' ? { name: slot.name } : {}),
    epoch,
  };
}

function signedLine(trust: Trust, unsigned: Omit<EnvelopeHeader, 'sig'>): Buffer {
  const header: EnvelopeHeader = { ...unsigned, sig: sign(trust.keys, canonical(unsigned)) };
  return Buffer.from(`${JSON.stringify(header)}\n`, 'utf8');
}

/**
 * Seals `plaintext` for `slot`, signed with `trust`'s keys and encrypted with its write key.
 * The header names `slot.device` as author: the folder only ever seals its own device's files
 * (tests seal in another's name to forge).
 */
export function sealEnvelope(trust: Trust, slot: Slot, plaintext: Buffer): Buffer {
  const { epoch, key } = trust.writeKey();
  const place = placeOf(trust, slot, epoch);
  const { nonce, data } = encrypt(key, plaintext, additionalData(place));
  const line = signedLine(trust, { ...place, nonce, length: data.length, hash: sha256(data) });
  return Buffer.concat([line, data]);
}

/** A complete JSON text with no newline after it: a whole file, but no envelope (it has two parts). */
function wholeJson(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** The header line, parsed and checked for shape; `torn` when it has not all arrived. */
function parseHeader(first: Buffer, size: number): EnvelopeHeader | 'torn' | Refusal {
  const nl = first.indexOf(NEWLINE);
  if (nl < 0) {
    // No newline yet: a header still arriving — unless it could not be one.
    if (size > MAX_HEADER || (size > 0 && first[0] !== 0x7b) || wholeJson(first))
      return refuse('unsigned', 'no envelope header line');
    return 'torn';
  }
  let header: Partial<EnvelopeHeader> & { format?: unknown };
  try {
    header = JSON.parse(first.subarray(0, nl).toString('utf8')) as typeof header;
  } catch {
    return refuse('unsigned', 'the first line is not an envelope header');
  }
  if (typeof header !== 'object' || header === null)
    return refuse('unsigned', 'the first line is not an envelope header');
  if (header.pacer !== 2)
    return refuse(
      'unsigned',
      header.format !== undefined
        ? `a plain (format ${String(header.format)}) file, not sealed`
        : 'no envelope header',
    );
  const ok =
    (header.kind === 'batch' || header.kind === 'device' || header.kind === 'snapshot') &&
    typeof header.team === 'string' &&
    typeof header.device === 'string' &&
    typeof header.epoch === 'string' &&
    typeof header.nonce === 'string' &&
    typeof header.hash === 'string' &&
    typeof header.sig === 'string' &&
    Number.isSafeInteger(header.length) &&
    (header.length ?? 0) >= TAG_BYTES &&
    (header.kind !== 'batch' || Number.isSafeInteger(header.seq)) &&
    (header.kind !== 'snapshot' || typeof header.name === 'string');
  if (!ok) return refuse('unsigned', 'the envelope header is incomplete or garbled');
  return header as EnvelopeHeader;
}

/**
 * Who signed it, and is it this slot's: the author must be a member (not removed, for what it
 * wrote after its removal), the signature must verify, and the header must name this place.
 */
function checkHeader(trust: Trust, slot: Slot, header: EnvelopeHeader): Refusal | null {
  // The slot's device first: `unknown_key` then always means "this slot's device is no member".
  if (header.device !== slot.device)
    return refuse('wrong_slot', `the file is device ${header.device}'s, moved here`);
  const member = trust.member(header.device);
  if (!member) return refuse('unknown_key', `${header.device} is not a member of the team`);
  const { sig, ...unsigned } = header;
  if (!verify(member.signKey, canonical(unsigned), sig))
    return refuse('bad_signature', `the signature is not ${header.device}'s`);
  const where =
    header.team !== trust.teamId
      ? `team ${header.team}`
      : header.kind !== slot.kind
        ? `a ${header.kind} file`
        : slot.kind === 'batch' && header.seq !== slot.seq
          ? `batch ${String(header.seq)}`
          : slot.kind === 'snapshot' && header.name !== slot.name
            ? `snapshot ${String(header.name)}`
            : null;
  if (where) return refuse('wrong_slot', `the file is ${where}'s, moved here`);
  if (member.removedAfter !== null) {
    const after = member.removedAfter;
    if (slot.kind !== 'batch' || (header.seq ?? 0) > after)
      return refuse('removed_device', `${header.device} was removed after its batch ${after}`);
  }
  return null;
}

/** Opens a whole file read into memory (batches, device files). */
export function openEnvelope(trust: Trust, slot: Slot, bytes: Buffer): Opened {
  const header = parseHeader(bytes.subarray(0, MAX_HEADER + 1), bytes.length);
  if (header === 'torn' || isRefusal(header)) return header;
  const refusal = checkHeader(trust, slot, header);
  if (refusal) return refusal;
  const body = bytes.subarray(bytes.indexOf(NEWLINE) + 1);
  const size = checkSize(header, body.length);
  if (size) return size;
  if (sha256(body) !== header.hash)
    return refuse('bad_signature', 'the content does not match its signed hash');
  const key = trust.epochKey(header.epoch);
  if (!key)
    return refuse('undecryptable', `this device holds no team key of epoch ${header.epoch}`);
  const plain = decrypt(key, header.nonce, body, additionalData(header));
  return plain ?? refuse('undecryptable', 'the content does not decrypt with the team key');
}

/** Fewer bytes than signed: still arriving; more: someone added to it. */
function checkSize(header: EnvelopeHeader, size: number): 'torn' | Refusal | null {
  if (size < header.length) return 'torn';
  if (size > header.length)
    return refuse(
      'bad_signature',
      `${size - header.length} bytes more than its signed length ${header.length}`,
    );
  return null;
}

function readAt(fd: number, buffer: Buffer, position: number): number {
  let done = 0;
  while (done < buffer.length) {
    const n = readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length)
    done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/**
 * Seals the file `source` into `target` (a temporary name the caller renames), in 1 MB pieces.
 * The header needs the ciphertext's hash, known only at the end: every field of it has a fixed
 * size once the length is known (hash and signature are fixed-size base64url), so the
 * ciphertext is written after a header-sized gap and the header into the gap last.
 */
export function sealFile(trust: Trust, slot: Slot, source: string, target: string): void {
  const plainSize = statSync(source).size;
  const { epoch, key } = trust.writeKey();
  const place = placeOf(trust, slot, epoch);
  const stream = encryptStream(key, additionalData(place));
  const unsigned = { ...place, nonce: stream.nonce, length: plainSize + TAG_BYTES };
  const reserved = signedLine(trust, { ...unsigned, hash: sha256('') }).length;
  const input = openSync(source, 'r');
  const output = openSync(target, 'w');
  try {
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(CHUNK);
    let read = 0;
    let written = reserved;
    while (read < plainSize) {
      const n = readAt(input, chunk.subarray(0, Math.min(CHUNK, plainSize - read)), read);
      if (n === 0) throw new Error(`${source} shrank while it was sealed`);
      read += n;
      const out = stream.update(chunk.subarray(0, n));
      hash.update(out);
      writeAll(output, out, written);
      written += out.length;
    }
    const last = stream.finish();
    hash.update(last);
    writeAll(output, last, written);
    const line = signedLine(trust, { ...unsigned, hash: hash.digest('base64url') });
    if (line.length !== reserved) throw new Error('the envelope header changed size');
    writeAll(output, line, 0);
    fsyncSync(output);
  } finally {
    closeSync(input);
    closeSync(output);
  }
}

/**
 * Opens the sealed file `source` into `destination`, in 1 MB pieces: the plaintext goes to a
 * temporary name beside it and is renamed into place only when the ciphertext's hash and the
 * cipher's tag both check, so nothing unverified ever sits at `destination`.
 */
export function openFile(
  trust: Trust,
  slot: Slot,
  source: string,
  destination: string,
): 'torn' | Refusal | null {
  const input = openSync(source, 'r');
  const temp = `${destination}.pacer-open-${process.pid}`;
  let output: number | null = null;
  try {
    const size = fstatSync(input).size;
    const first = Buffer.alloc(Math.min(size, MAX_HEADER + 1));
    readAt(input, first, 0);
    const header = parseHeader(first, size);
    if (header === 'torn' || isRefusal(header)) return header;
    const refusal = checkHeader(trust, slot, header);
    if (refusal) return refusal;
    const start = first.indexOf(NEWLINE) + 1;
    const problem = checkSize(header, size - start);
    if (problem) return problem;
    const key = trust.epochKey(header.epoch);
    if (!key)
      return refuse('undecryptable', `this device holds no team key of epoch ${header.epoch}`);
    const tag = Buffer.alloc(TAG_BYTES);
    readAt(input, tag, size - TAG_BYTES);
    let stream: ReturnType<typeof decryptStream>;
    try {
      stream = decryptStream(key, header.nonce, tag, additionalData(header));
    } catch {
      return refuse('undecryptable', 'the envelope nonce is not usable');
    }
    output = openSync(temp, 'w');
    const hash = createHash('sha256');
    const chunk = Buffer.alloc(CHUNK);
    const end = size - TAG_BYTES;
    let position = start;
    let written = 0;
    while (position < end) {
      const n = readAt(input, chunk.subarray(0, Math.min(CHUNK, end - position)), position);
      if (n === 0) return 'torn';
      position += n;
      hash.update(chunk.subarray(0, n));
      const out = stream.update(chunk.subarray(0, n));
      writeAll(output, out, written);
      written += out.length;
    }
    hash.update(tag);
    if (hash.digest('base64url') !== header.hash)
      return refuse('bad_signature', 'the content does not match its signed hash');
    const last = stream.finish();
    if (!last) return refuse('undecryptable', 'the content does not decrypt with the team key');
    writeAll(output, last, written);
    fsyncSync(output);
    closeSync(output);
    output = null;
    renameSync(temp, destination);
    return null;
  } finally {
    closeSync(input);
    if (output !== null) closeSync(output);
    rmSync(temp, { force: true });
  }
}
