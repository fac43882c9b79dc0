/**
 * A hybrid logical clock (Kulkarni et al.): physical milliseconds plus a counter, so
 * stamps keep causal order across devices whose wall clocks disagree. A stamp is a
 * fixed-width string that sorts in clock order: `<ms:15>:<counter:5>:<deviceId>`;
 * equal times are ordered by device id, which makes last-writer-wins deterministic.
 */
export type HlcState = { wall: number; counter: number };

const MAX_COUNTER = 99_999;

export function formatHlc(state: HlcState, deviceId: string): string {
  return `${String(state.wall).padStart(15, '0')}:${String(state.counter).padStart(5, '0')}:${deviceId}`;
}

export function parseHlc(stamp: string): HlcState & { deviceId: string } {
  const match = /^(\d{15}):(\d{5}):(.+)$/.exec(stamp);
  if (!match) throw new Error(`not a clock stamp: ${stamp}`);
  return { wall: Number(match[1]), counter: Number(match[2]), deviceId: match[3] ?? '' };
}

export class HybridClock {
  private state: HlcState;

  constructor(
    readonly deviceId: string,
    private readonly physicalNow: () => number = Date.now,
    initial: HlcState = { wall: 0, counter: 0 },
  ) {
    this.state = { ...initial };
  }

  /** A new stamp for a local event. */
  now(): string {
    const physical = this.physicalNow();
    if (physical > this.state.wall) {
      this.state = { wall: physical, counter: 0 };
    } else {
      this.bump();
    }
    return formatHlc(this.state, this.deviceId);
  }

  /** Moves the clock past a stamp received from another device. */
  receive(stamp: string): void {
    const remote = parseHlc(stamp);
    const physical = this.physicalNow();
    const wall = Math.max(this.state.wall, remote.wall, physical);
    if (wall === this.state.wall && wall === remote.wall) {
      this.state = { wall, counter: Math.max(this.state.counter, remote.counter) };
      this.bump();
    } else if (wall === this.state.wall) {
      this.bump();
    } else if (wall === remote.wall) {
      this.state = { wall, counter: remote.counter };
      this.bump();
    } else {
      this.state = { wall, counter: 0 };
    }
  }

  snapshot(): HlcState {
    return { ...this.state };
  }

  private bump(): void {
    if (this.state.counter >= MAX_COUNTER) {
      this.state = { wall: this.state.wall + 1, counter: 0 };
    } else {
      this.state = { ...this.state, counter: this.state.counter + 1 };
    }
  }
}
