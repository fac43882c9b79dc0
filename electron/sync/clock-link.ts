import type { AppContext } from '../core/context';
import { formatHlc, type HlcState, type HybridClock } from '../core/clock';
import type { Sqlite } from '../db/connection';
import { getLocal } from '../db/local-state';

/**
 * Moves `clock` past the clock state last saved in the database (`local_state.hlc`), when that
 * is ahead of it. Every writer saves its clock in the same transaction as the stamps it made
 * (commit, applyBatch), so within an IMMEDIATE transaction this makes the clock at least as far
 * as every stamp already committed by any connection to the file.
 */
function catchUp(sqlite: Sqlite, clock: HybridClock, snapshot: () => HlcState): void {
  const saved = getLocal(sqlite, 'hlc');
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
  clock.now = () => {
    if (inWrite()) catchUp(ctx.sqlite, clock, snapshot);
    return now();
  };
  clock.snapshot = () => {
    if (inWrite()) catchUp(ctx.sqlite, clock, snapshot);
    return snapshot();
  };
}
