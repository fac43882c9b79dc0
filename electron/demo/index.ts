import { setLocal } from '../db/local-state';
import type { AppContext } from '../core/context';
import { AppError } from '../core/errors';
import type { SyncedTableName } from '../core/tables';
import { activitiesPart } from './activities';
import { BulkInserter } from './bulk';
import { collectionsPart } from './collections';
import { customersPart } from './customers';
import { dealsPart } from './deals';
import { peoplePart } from './people';
import { scoresPart } from './scores';
import { targetsPart } from './targets';
import { visitsPart } from './visits';
import { DemoWorld, type DemoPart, type DemoSize } from './world';

/** The generator's parts, in the order they run; each reads what the earlier ones made. */
export const demoParts: DemoPart[] = [
  peoplePart,
  customersPart,
  activitiesPart,
  dealsPart,
  scoresPart,
  collectionsPart,
  visitsPart,
  targetsPart,
];

export type DemoOptions = { size: DemoSize; seed?: number; today?: string };
export type DemoReport = {
  size: DemoSize;
  seed: number;
  today: string;
  counts: Record<string, number>;
  ms: number;
};

/**
 * Fills an empty file with a deterministic demo team, in one transaction through the bulk
 * path. The rows are the file's base snapshot: they carry no change-log records.
 */
export function generateDemo(ctx: AppContext, options: DemoOptions): DemoReport {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const today = options.today ?? ctx.now().toISOString().slice(0, 10);
  // Date.parse rolls impossible days over (2026-02-30 → 03-02), so round-trip the day instead.
  const day = Date.parse(`${today}T00:00:00Z`);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(today) ||
    Number.isNaN(day) ||
    new Date(day).toISOString().slice(0, 10) !== today
  ) {
    throw new AppError('invalid_input', `--today must be a date YYYY-MM-DD, got ${today}`);
  }
  const occupied = ctx.sqlite.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  if (occupied.n > 0) {
    throw new AppError(
      'conflict',
      'the demo team can only be loaded into an empty file',
      'errors.demoNeedsEmpty',
    );
  }
  const world = new DemoWorld(options.size, seed, new Date(`${today}T18:00:00Z`));
  const out = new BulkInserter(ctx.sqlite);
  ctx.sqlite.transaction(() => {
    for (const part of demoParts) part.run(world, out);
    setLocal(
      ctx.sqlite,
      'base_snapshot',
      JSON.stringify({ kind: 'demo', size: options.size, seed, today }),
    );
  })();
  const tables = [...new Set(demoParts.flatMap((p) => p.tables))] as SyncedTableName[];
  ctx.announce(tables);
  return {
    size: options.size,
    seed,
    today,
    counts: Object.fromEntries(out.counts),
    ms: Math.round(performance.now() - started),
  };
}
