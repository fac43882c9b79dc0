import { afterAll, describe, expect, it } from 'vitest';
import { makeSnapshot } from '../../../electron/sync/team';
import { founder, joiner, makeWorld, type Device } from './fixture';
import { checkConverged, playRounds, seededRandom } from './scenario';

type Scenario = { seed: number; lateJoinFastMs?: number };

const SCENARIOS: Scenario[] = [
  { seed: 7 },
  { seed: 2026 },
  // A device that joins late from another device's snapshot, with a clock 10 minutes fast.
  { seed: 99, lateJoinFastMs: 10 * 60_000 },
];

function run({ seed, lateJoinFastMs }: Scenario) {
  const world = makeWorld();
  const rand = seededRandom(seed);
  // Clocks a little apart, as laptops are.
  const a = founder(world, 'A');
  const b = joiner(world, 'B', seed + 1, { offsetMs: 1500 });
  const devices = [a, b];
  const late = lateJoinFastMs !== undefined;
  if (!late) devices.push(joiner(world, 'C', seed + 2, { offsetMs: -2000 }));
  const edits = playRounds(
    devices,
    rand,
    120,
    (ms) => (world.t += ms),
    (round) => {
      if (!late || round !== 40) return;
      // C joins mid-run from a snapshot B makes now, with a clock 10 minutes fast.
      makeSnapshot(b, b.transport);
      devices.push(joiner(world, 'C', seed + 2, { offsetMs: lateJoinFastMs }));
    },
  );
  return { world, devices, edits };
}

describe('convergence: three devices, one folder, random concurrent edits', () => {
  const cleanups: (() => void)[] = [];
  afterAll(() => cleanups.forEach((f) => f()));

  for (const scenario of SCENARIOS) {
    const { seed } = scenario;
    it(`converges with nothing lost and every overwrite visible (seed ${seed}${scenario.lateJoinFastMs ? ', late join, fast clock' : ''})`, () => {
      const { world, devices, edits } = run(scenario);
      cleanups.push(() => {
        devices.forEach((d: Device) => d.close());
        world.cleanup();
      });
      expect(devices).toHaveLength(3);
      expect(edits).toBeGreaterThan(150);
      const result = checkConverged(devices);
      // The run must exercise both kinds, or it proves nothing.
      expect(result.conflicts).toBeGreaterThan(0);
      expect(result.deliberate).toBeGreaterThan(0);
    });
  }
});
