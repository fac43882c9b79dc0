import { describe, expect, it } from 'vitest';
import { seededBytes, seededRandom, uuidv7, uuidv7Source } from '../../../../electron/core/ids';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The 48-bit millisecond timestamp at the front of a UUIDv7. */
function msOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}

/** The 12-bit rand_a field, used as the in-millisecond counter. */
function counterOf(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(13, 16), 16);
}

describe('uuidv7', () => {
  it('lays out time, version, counter, variant and random bytes as RFC 9562 says', () => {
    const id = uuidv7(0x0123456789ab, 0xabc, Uint8Array.from([0xff, 1, 2, 3, 4, 5, 6, 7]));
    expect(id).toBe('01234567-89ab-7abc-bf01-020304050607');
    expect(id).toMatch(UUID_V7);
  });

  it('encodes a real instant so it can be read back', () => {
    const ms = Date.parse('2026-11-23T09:00:00.000Z');
    const id = uuidv7(ms, 0, new Uint8Array(8));
    expect(msOf(id)).toBe(ms);
    expect(id).toBe(
      `${ms.toString(16).padStart(12, '0').slice(0, 8)}-${ms.toString(16).padStart(12, '0').slice(8)}-7000-8000-000000000000`,
    );
  });

  it('keeps only the 12 low bits of the counter and forces the variant bits', () => {
    const id = uuidv7(1, 0x1fff, Uint8Array.from([0x00, 0, 0, 0, 0, 0, 0, 0]));
    expect(counterOf(id)).toBe(0xfff);
    expect(id.split('-')[3]?.[0]).toBe('8');
  });
});

describe('uuidv7Source', () => {
  it('makes valid, distinct ids that sort in creation order within one millisecond', () => {
    const next = uuidv7Source(() => 1_700_000_000_000, seededBytes(1));
    const ids = Array.from({ length: 100 }, () => next());
    expect(new Set(ids).size).toBe(100);
    for (const id of ids) {
      expect(id).toMatch(UUID_V7);
      expect(msOf(id)).toBe(1_700_000_000_000);
    }
    expect(ids.map(counterOf)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...ids].sort()).toEqual(ids);
  });

  it('resets the counter when the millisecond moves on', () => {
    let t = 1000;
    const next = uuidv7Source(() => t, seededBytes(2));
    const a = next();
    const b = next();
    t = 1001;
    const c = next();
    expect(counterOf(a)).toBe(0);
    expect(counterOf(b)).toBe(1);
    expect(counterOf(c)).toBe(0);
    expect(msOf(c)).toBe(1001);
    expect([a, b, c].sort()).toEqual([a, b, c]);
  });

  it('borrows the next millisecond after 4096 ids in one millisecond, staying ordered', () => {
    const next = uuidv7Source(() => 5000, seededBytes(3));
    const ids = Array.from({ length: 4096 + 3 }, () => next());
    expect(msOf(ids[4095] ?? '')).toBe(5000);
    expect(counterOf(ids[4095] ?? '')).toBe(0xfff);
    expect(msOf(ids[4096] ?? '')).toBe(5001);
    expect(counterOf(ids[4096] ?? '')).toBe(0);
    expect(counterOf(ids[4098] ?? '')).toBe(2);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('stays ordered when the wall clock steps backwards', () => {
    let t = 10_000;
    const next = uuidv7Source(() => t, seededBytes(4));
    const a = next();
    t = 9_000;
    const b = next();
    expect(msOf(b)).toBe(10_000);
    expect(b > a).toBe(true);
  });

  it('is deterministic for the same clock and seed, and differs for another seed', () => {
    const make = (seed: number) => {
      const next = uuidv7Source(() => 42, seededBytes(seed));
      return [next(), next(), next()];
    };
    expect(make(7)).toEqual(make(7));
    expect(make(7)).not.toEqual(make(8));
  });

  it('uses real randomness by default', () => {
    const next = uuidv7Source(() => 42);
    const a = next();
    const b = next();
    expect(a).toMatch(UUID_V7);
    expect(a.slice(19)).not.toBe(b.slice(19));
  });
});

describe('seededRandom and seededBytes', () => {
  it('repeats the same sequence for the same seed, within [0, 1)', () => {
    const a = seededRandom(123);
    const b = seededRandom(123);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    // Not degenerate: values spread over the interval.
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(Math.min(...xs)).toBeLessThan(0.01);
    expect(Math.max(...xs)).toBeGreaterThan(0.99);
  });

  it('gives a different sequence for a different seed', () => {
    const a = seededRandom(1);
    const b = seededRandom(2);
    expect([a(), a(), a()]).not.toEqual([b(), b(), b()]);
  });

  it('makes byte arrays of the asked length, deterministically', () => {
    const a = seededBytes(9);
    const b = seededBytes(9);
    const bytes = a(8);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.length).toBe(8);
    expect(Array.from(b(8))).toEqual(Array.from(bytes));
    expect(a(3).length).toBe(3);
    const many = a(4096);
    expect(Math.max(...many)).toBeLessThanOrEqual(255);
    expect(new Set(many).size).toBeGreaterThan(200);
  });
});
