import type { AppContext } from '../core/context';
import { formatHlc, type HlcState, type HybridClock } from '../core/clock';

/**
 * Moves `clock` past the clock state last saved in the database (`local_state.hlc`), when that
 * is ahead of it. Every writer saves its clock in the same transaction as the stamps it made
 * (commit, applyBatch), so within an IMMEDIATE transaction this makes the clock at least as far
 * as every stamp already committed by any connection to the file.
 */
function catchUp(
  readSaved: () => string | null,
  clock: HybridClock,
  snapshot: () => HlcState,
): void {
  const saved = readSaved();
  if (!saved) return;
  let state: HlcState;
  try {
    state = JSON.parse(saved) as HlcState;
  } catch {
    return;
  }
  const mine = snapshot();
  if (state.wall > mine.wall || (state.wall === mine.wall && state.counter > mine.counter))
    clock.receive(formatHlc(state, clock.deviceId));
}

const linked = new WeakSet<object>();

/**
 * Two connections of one device (the window's and the sync worker's) each have a clock object;
 * their stamps must still form one sequence, or an edit made right after a pull could be
 * stamped before what the pull applied (and lose to it on the other devices while it shows
 * here), or an ack could be stamped before an edit made earlier. Linking makes each new stamp,
 * and each state saved, first catch up with the state saved in the file. Stamps are taken and
 * the state saved inside IMMEDIATE transactions (commit, applyBatch), which hold the write
 * lock, so the saved state read there is the newest, and the saved state never goes back.
 */
export function linkClockToDatabase(ctx: Pick<AppContext, 'sqlite' | 'clock'>): void {
  const clock = ctx.clock;
  if (linked.has(clock)) return;
  linked.add(clock);
  const now = clock.now.bind(clock);
  const snapshot = clock.snapshot.bind(clock);
  const inWrite = () => ctx.sqlite.open && ctx.sqlite.inTransaction;
  // Read for every stamp a commit makes: prepared once, not per stamp.
  const read = ctx.sqlite.prepare("SELECT value FROM local_state WHERE key = 'hlc'");
  const readSaved = () => (read.get() as { value: string } | undefined)?.value ?? null;
  clock.now = () => {
    if (inWrite()) catchUp(readSaved, clock, snapshot);
    return now();
  };
  clock.snapshot = () => {
    if (inWrite()) catchUp(readSaved, clock, snapshot);
    return snapshot();
  };
}
