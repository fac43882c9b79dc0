import { describe, expect, it } from 'vitest';
import { formatHlc, HybridClock, parseHlc } from '../../../../electron/core/clock';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');

/** A clock on a device whose wall clock the test moves by hand. */
function manualClock(deviceId: string, start = T0) {
  let t = start;
  const clock = new HybridClock(deviceId, () => t);
  return {
    clock,
    set: (ms: number) => {
      t = ms;
    },
  };
}

describe('formatHlc / parseHlc', () => {
  it('formats a fixed-width stamp', () => {
    expect(formatHlc({ wall: T0, counter: 7 }, 'dev-a')).toBe(`00${T0}:00007:dev-a`);
    expect(formatHlc({ wall: 0, counter: 0 }, 'x')).toBe('000000000000000:00000:x');
  });

  it('round-trips', () => {
    for (const [wall, counter, deviceId] of [
      [T0, 0, 'dev-a'],
      [1, 99_999, '0198f2a0-1111-7000-8000-000000000000'],
      [999_999_999_999_999, 12, 'with:colons:inside'],
    ] as const) {
      expect(parseHlc(formatHlc({ wall, counter }, deviceId))).toEqual({ wall, counter, deviceId });
    }
  });

  it('refuses text that is not a stamp', () => {
    expect(() => parseHlc('nonsense')).toThrow(/not a clock stamp/);
    expect(() => parseHlc('123:00001:dev')).toThrow(/not a clock stamp/);
    expect(() => parseHlc(`00${T0}:00001:`)).toThrow(/not a clock stamp/);
  });

  it('sorts as strings in clock order: wall, then counter, then device', () => {
    const stamps = [
      formatHlc({ wall: T0 + 1, counter: 0 }, 'a'),
      formatHlc({ wall: T0, counter: 10 }, 'a'),
      formatHlc({ wall: T0, counter: 9 }, 'b'),
      formatHlc({ wall: 9, counter: 0 }, 'z'),
      formatHlc({ wall: T0, counter: 9 }, 'a'),
      formatHlc({ wall: 10, counter: 0 }, 'a'),
    ];
    const byClock = [...stamps].sort((x, y) => {
      const a = parseHlc(x);
      const b = parseHlc(y);
      return (
        a.wall - b.wall ||
        a.counter - b.counter ||
        (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0)
      );
    });
    expect([...stamps].sort()).toEqual(byClock);
    expect(byClock[0]).toBe(formatHlc({ wall: 9, counter: 0 }, 'z'));
    expect(byClock[5]).toBe(formatHlc({ wall: T0 + 1, counter: 0 }, 'a'));
  });
});

describe('HybridClock', () => {
  it('follows the wall clock and counts within one millisecond', () => {
    const { clock, set } = manualClock('dev-a');
    expect(clock.now()).toBe(formatHlc({ wall: T0, counter: 0 }, 'dev-a'));
    expect(clock.now()).toBe(formatHlc({ wall: T0, counter: 1 }, 'dev-a'));
    expect(clock.now()).toBe(formatHlc({ wall: T0, counter: 2 }, 'dev-a'));
    set(T0 + 5);
    expect(clock.now()).toBe(formatHlc({ wall: T0 + 5, counter: 0 }, 'dev-a'));
  });

  it('is monotonic when the wall clock steps backwards', () => {
    const { clock, set } = manualClock('dev-a');
    const stamps = [clock.now()];
    set(T0 - 60_000);
    stamps.push(clock.now(), clock.now());
    set(T0 + 1);
    stamps.push(clock.now());
    expect(stamps).toEqual([
      formatHlc({ wall: T0, counter: 0 }, 'dev-a'),
      formatHlc({ wall: T0, counter: 1 }, 'dev-a'),
      formatHlc({ wall: T0, counter: 2 }, 'dev-a'),
      formatHlc({ wall: T0 + 1, counter: 0 }, 'dev-a'),
    ]);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('moves past a stamp from a device 10 minutes ahead, and stays past it', () => {
    const { clock, set } = manualClock('dev-a');
    const local = clock.now();
    const ahead = formatHlc({ wall: T0 + 600_000, counter: 3 }, 'dev-b');
    clock.receive(ahead);
    expect(clock.snapshot()).toEqual({ wall: T0 + 600_000, counter: 4 });
    const next = clock.now();
    expect(next).toBe(formatHlc({ wall: T0 + 600_000, counter: 5 }, 'dev-a'));
    expect(next > ahead).toBe(true);
    expect(next > local).toBe(true);
    // Local time passing (but still behind the remote wall) keeps counting on the remote wall.
    set(T0 + 60_000);
    expect(clock.now()).toBe(formatHlc({ wall: T0 + 600_000, counter: 6 }, 'dev-a'));
    // Once the local wall clock catches up, stamps follow it again.
    set(T0 + 600_001);
    expect(clock.now()).toBe(formatHlc({ wall: T0 + 600_001, counter: 0 }, 'dev-a'));
  });

  it('ignores the remote wall when the local one is ahead, but still ticks', () => {
    const { clock, set } = manualClock('dev-a');
    clock.now();
    set(T0 + 1000);
    clock.receive(formatHlc({ wall: T0 - 5000, counter: 42 }, 'dev-b'));
    expect(clock.snapshot()).toEqual({ wall: T0 + 1000, counter: 0 });
    clock.receive(formatHlc({ wall: T0 - 5000, counter: 42 }, 'dev-b'));
    expect(clock.snapshot()).toEqual({ wall: T0 + 1000, counter: 1 });
  });

  it('takes the larger counter when both walls are equal', () => {
    const { clock } = manualClock('dev-a');
    clock.now();
    clock.now(); // {T0, 1}
    clock.receive(formatHlc({ wall: T0, counter: 10 }, 'dev-b'));
    expect(clock.snapshot()).toEqual({ wall: T0, counter: 11 });
    clock.receive(formatHlc({ wall: T0, counter: 2 }, 'dev-b'));
    expect(clock.snapshot()).toEqual({ wall: T0, counter: 12 });
  });

  it('carries into the next millisecond when the counter overflows', () => {
    const clock = new HybridClock('dev-a', () => T0, { wall: T0, counter: 99_998 });
    expect(clock.now()).toBe(formatHlc({ wall: T0, counter: 99_999 }, 'dev-a'));
    const carried = clock.now();
    expect(carried).toBe(formatHlc({ wall: T0 + 1, counter: 0 }, 'dev-a'));
    expect(carried > formatHlc({ wall: T0, counter: 99_999 }, 'dev-a')).toBe(true);
    expect(parseHlc(carried).counter).toBe(0);
  });

  it('carries on overflow when receiving, too', () => {
    const { clock } = manualClock('dev-a');
    clock.receive(formatHlc({ wall: T0 + 10, counter: 99_999 }, 'dev-b'));
    expect(clock.snapshot()).toEqual({ wall: T0 + 11, counter: 0 });
  });

  it('resumes from a saved state', () => {
    const clock = new HybridClock('dev-a', () => T0 - 1, { wall: T0, counter: 5 });
    expect(clock.now()).toBe(formatHlc({ wall: T0, counter: 6 }, 'dev-a'));
    const snap = clock.snapshot();
    snap.counter = 1000;
    expect(clock.snapshot()).toEqual({ wall: T0, counter: 6 });
  });

  it('refuses a malformed remote stamp without moving', () => {
    const { clock } = manualClock('dev-a');
    clock.now();
    expect(() => clock.receive('garbage')).toThrow(/not a clock stamp/);
    expect(clock.snapshot()).toEqual({ wall: T0, counter: 0 });
  });

  it('orders stamps of many events on two devices exchanging messages', () => {
    const a = manualClock('dev-a', T0 + 600_000); // ten minutes ahead
    const b = manualClock('dev-b', T0);
    const sent = a.clock.now();
    b.clock.receive(sent);
    const reply = b.clock.now();
    a.clock.receive(reply);
    const after = a.clock.now();
    expect(sent < reply).toBe(true);
    expect(reply < after).toBe(true);
  });
});
