import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign as edSign,
  timingSafeEqual,
  verify as edVerify,
  type KeyObject,
} from 'node:crypto';

/**
 * The team folder's cryptography (decision 0021), on Node's `crypto` only: Ed25519 signatures,
 * X25519 + HKDF-SHA256 to wrap a team key for one device, AES-256-GCM for files. Keys travel as
 * base64url of their raw 32 bytes (the JWK `x` and `d`). Every check returns false or null on
 * malformed input instead of throwing: what it checks was written by a stranger.
 */

export type KeyPair = { publicKey: string; privateKey: string };

/** A device's two key pairs: one signs what it writes, one receives team keys wrapped for it. */
export type DeviceKeys = { sign: KeyPair; box: KeyPair };

/** A team key wrapped for one device: an ephemeral X25519 key, a nonce and the sealed key. */
export type WrappedKey = { eph: string; nonce: string; ct: string };

const B64URL = /^[A-Za-z0-9_-]+$/;

function pair(type: 'ed25519' | 'x25519'): KeyPair {
  const { privateKey } = generateKeyPairSync(type as 'ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  if (!jwk.d || !jwk.x) throw new Error(`cannot export a ${type} key`);
  return { publicKey: jwk.x, privateKey: jwk.d };
}

export function generateDeviceKeys(): DeviceKeys {
  return { sign: pair('ed25519'), box: pair('x25519') };
}

/** A key is 32 bytes in base64url (43 characters); anything else is refused before use. */
export function isKey(value: unknown): value is string {
  return typeof value === 'string' && value.length === 43 && B64URL.test(value);
}

/** Are these well-formed device keys (e.g. read back from a key file)? */
export function isDeviceKeys(value: unknown): value is DeviceKeys {
  const v = value as DeviceKeys | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    isKey(v.sign?.publicKey) &&
    isKey(v.sign?.privateKey) &&
    isKey(v.box?.publicKey) &&
    isKey(v.box?.privateKey)
  );
}

function publicKeyObject(crv: 'Ed25519' | 'X25519', x: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv, x }, format: 'jwk' });
}

function privateKeyObject(crv: 'Ed25519' | 'X25519', p: KeyPair): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv, x: p.publicKey, d: p.privateKey },
    format: 'jwk',
  });
}

/** A signature (base64url) of `data` with this device's signing key. */
export function sign(keys: DeviceKeys, data: Buffer | string): string {
  return edSign(null, Buffer.from(data), privateKeyObject('Ed25519', keys.sign)).toString(
    'base64url',
  );
}

/** Does `signature` sign `data` under `publicKey`? False for anything malformed. */
export function verify(publicKey: unknown, data: Buffer | string, signature: unknown): boolean {
  if (!isKey(publicKey) || typeof signature !== 'string' || !B64URL.test(signature)) return false;
  const sig = Buffer.from(signature, 'base64url');
  if (sig.length !== 64) return false;
  try {
    return edVerify(null, Buffer.from(data), publicKeyObject('Ed25519', publicKey), sig);
  } catch {
    return false;
  }
}

/** JSON with object keys sorted at every level: the bytes a signature covers. */
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** A short, human-comparable fingerprint of a public key ("3F9A-12C0-77DE"). */
export function fingerprint(publicKey: string): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 12).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`;
}

/** HMAC-SHA256 (base64url): proves knowledge of a secret (an invitation code) over `data`. */
export function mac(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('base64url');
}

/** Constant-time comparison of two base64url strings. */
export function sameMac(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A new random 256-bit team key. */
export function newTeamKey(): Buffer {
  return randomBytes(32);
}

/** A 256-bit key derived from a secret (an invitation code) for `purpose`. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
}

export const NONCE_BYTES = 12;
export const TAG_BYTES = 16;

/** AES-256-GCM: nonce (12 random bytes, base64url) and ciphertext with its 16-byte tag appended. */
export function encrypt(
  key: Buffer,
  plaintext: Buffer,
  aad: string,
): { nonce: string; data: Buffer } {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64url'), data };
}

/** The plaintext, or null when the key, nonce, additional data or ciphertext do not match. */
export function decrypt(key: Buffer, nonce: unknown, data: Buffer, aad: string): Buffer | null {
  if (typeof nonce !== 'string' || !B64URL.test(nonce) || data.length < TAG_BYTES) return null;
  const iv = Buffer.from(nonce, 'base64url');
  if (iv.length !== NONCE_BYTES || key.length !== 32) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    return null;
  }
}

/** Streaming AES-256-GCM for files too big to hold (snapshots): feed chunks, then `finish`. */
export function encryptStream(key: Buffer, aad: string) {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(aad));
  return {
    nonce: nonce.toString('base64url'),
    update: (chunk: Buffer) => cipher.update(chunk),
    /** The last bytes and the 16-byte tag, to write after everything `update` returned. */
    finish: () => Buffer.concat([cipher.final(), cipher.getAuthTag()]),
  };
}

/** Streaming decryption: `update` returns plaintext to hold back until `finish` says true. */
export function decryptStream(key: Buffer, nonce: string, tag: Buffer, aad: string) {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  return {
    update: (chunk: Buffer) => decipher.update(chunk),
    /** The last plaintext bytes, or null when the file is not what was encrypted. */
    finish: (): Buffer | null => {
      try {
        return decipher.final();
      } catch {
        return null;
      }
    },
  };
}

function wrapKeyFor(shared: Buffer, context: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `pacer-wrap:${context}`, 32));
}

/** Wraps a team key for the device whose box key is `recipient`; `context` is bound in (team, epoch). */
export function wrapKey(teamKey: Buffer, recipient: string, context: string): WrappedKey {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({
    privateKey: eph.privateKey,
    publicKey: publicKeyObject('X25519', recipient),
  });
  const sealed = encrypt(wrapKeyFor(shared, context), teamKey, context);
  const ephX = eph.publicKey.export({ format: 'jwk' }).x;
  if (!ephX) throw new Error('cannot export an ephemeral key');
  return { eph: ephX, nonce: sealed.nonce, ct: sealed.data.toString('base64url') };
}

/** The team key wrapped for this device, or null when it is not (or not for `context`). */
export function unwrapKey(wrapped: unknown, keys: DeviceKeys, context: string): Buffer | null {
  const w = wrapped as WrappedKey | null;
  if (typeof w !== 'object' || w === null || !isKey(w.eph) || typeof w.ct !== 'string') return null;
  if (!B64URL.test(w.ct)) return null;
  try {
    const shared = diffieHellman({
      privateKey: privateKeyObject('X25519', keys.box),
      publicKey: publicKeyObject('X25519', w.eph),
    });
    const key = decrypt(
      wrapKeyFor(shared, context),
      w.nonce,
      Buffer.from(w.ct, 'base64url'),
      context,
    );
    return key && key.length === 32 ? key : null;
  } catch {
    return null;
  }
}

/** A one-time invitation code: 80 random bits as four groups of Crockford base32 ("7K3M-…"). */
export function invitationCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[(bytes[i] ?? 0) % 32];
  return out.match(/.{4}/g)?.join('-') ?? out;
}

/** A code as typed: case, spaces and dashes do not matter; I/L read as 1, O as 0. */
export function normalizeCode(typed: string): string {
  const clean = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return clean.match(/.{1,4}/g)?.join('-') ?? clean;
}
