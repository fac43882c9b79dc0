import { randomBytes, randomInt, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/domain/people';
import { AppError } from '../../core/errors';

/**
 * Passwords are kept as scrypt hashes (decision 0022): `scrypt$N$r$p$salt$hash`, salt and hash
 * in base64. N = 2^15, r = 8, p = 1 take about 160 ms (measured on a 2-core CI machine) and 32 MiB; the parameters
 * ride in the string, so a later version can raise them and still check older hashes.
 */
const N = 1 << 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** A new hash with a random salt (the demo passes its own, to stay the same for one seed). */
export function hashPassword(password: string, salt: Buffer = randomBytes(16)): string {
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, {
    N,
    r: R,
    p: P,
    maxmem: MAX_MEMORY,
  });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

type Parsed = { n: number; r: number; p: number; salt: Buffer; hash: Buffer };

function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [n, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  // A hash from the folder is a stranger's input: bounds keep it from asking for gigabytes.
  if (![n, r, p].every(Number.isInteger) || n < 2 || n > 1 << 20 || (n & (n - 1)) !== 0)
    return null;
  if (r < 1 || r > 32 || p < 1 || p > 16 || 128 * n * r > MAX_MEMORY / 2) return null;
  const salt = Buffer.from(parts[4]!, 'base64');
  const hash = Buffer.from(parts[5]!, 'base64');
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  return { n, r, p, salt, hash };
}

/** Whether `password` matches `stored`; a malformed hash matches nothing. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      parsed.salt,
      parsed.hash.length,
      { N: parsed.n, r: parsed.r, p: parsed.p, maxmem: MAX_MEMORY },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
  return timingSafeEqual(derived, parsed.hash);
}

/** Refuses a password too short or too long to be a password (one message per field). */
export function assertPasswordShape(password: string, field: string): void {
  const length = [...password].length;
  if (length >= PASSWORD_MIN && length <= PASSWORD_MAX && password.trim() === password) return;
  throw new AppError(
    'invalid_input',
    `a password has ${PASSWORD_MIN}–${PASSWORD_MAX} characters and no spaces at either end`,
    'validation.passwordShape',
    undefined,
    { [field]: 'validation.passwordShape' },
  );
}

// No 0/O, 1/l/I: a one-time password is read out over the phone or copied off a screen.
const LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password a manager hands over: three groups of four, e.g. `k7dq-m3xa-9hpe`. */
export function temporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/** The demo team's password for every person (README, first-run screen). */
export const DEMO_PASSWORD = 'pacer-demo';
