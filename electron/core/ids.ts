import { randomBytes } from 'node:crypto';

export type IdSource = () => string;

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness. Ids made in one
 * millisecond stay ordered by using the 12 `rand_a` bits as a counter.
 * `now` and `random` are injectable so tests get deterministic ids.
 */
export function uuidv7Source(
  now: () => number = Date.now,
  random: (n: number) => Uint8Array = (n) => randomBytes(n),
): IdSource {
  let lastMs = -1;
  let counter = 0;
  return () => {
    let ms = now();
    if (ms <= lastMs) {
      counter += 1;
      if (counter > 0xfff) {
        // 4096 ids in one millisecond: borrow the next millisecond to stay ordered.
        lastMs += 1;
        counter = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      counter = 0;
    }
    return uuidv7(ms, counter, random(8));
  };
}

/** Formats one UUIDv7 from its parts: milliseconds, a 12-bit counter and 8 random bytes. */
export function uuidv7(ms: number, counter: number, rand: Uint8Array): string {
  const bytes = new Uint8Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = t % 256;
    t = Math.floor(t / 256);
  }
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((rand[0] ?? 0) & 0x3f);
  for (let i = 1; i < 8; i++) bytes[8 + i] = rand[i] ?? 0;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A seeded PRNG (mulberry32): deterministic randomness for ids in tests and the demo. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random bytes drawn from a seeded PRNG, for `uuidv7Source` in tests and the demo. */
export function seededBytes(seed: number): (n: number) => Uint8Array {
  const next = seededRandom(seed);
  return (n) => Uint8Array.from({ length: n }, () => Math.floor(next() * 256));
}
