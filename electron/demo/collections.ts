import { addDays } from '../../shared/domain/grading';
import { rowMeta, type DemoPart, type DemoWorld } from './world';
import type { BulkInserter } from './bulk';

type ReceivableRow = {
  id: string;
  deal_id: string;
  customer_id: string;
  amount: number;
  due_on: string;
  closed_on: string | null;
  owner_id: string;
};

const notes = ['银行转账', '银行转账', '承兑汇票', '电汇，已到账', null, null, null];

/** A day between two days (inclusive), never after today. */
function dayBetween(world: DemoWorld, from: string, to: string, today: string): string {
  const last = to < today ? to : today;
  if (last <= from) return last;
  const span = (Date.parse(`${last}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  return addDays(from, world.rng.int(0, span));
}

/** Whole hundreds of yuan (in fen), as people pay. */
function roundHundred(fen: number): number {
  return Math.max(10_000, Math.round(fen / 10_000) * 10_000);
}

function collect(
  world: DemoWorld,
  out: BulkInserter,
  r: ReceivableRow,
  amount: number,
  collectedOn: string,
): void {
  const at = new Date(`${collectedOn}T06:00:00Z`);
  out.insert('collections', {
    id: world.idAt(at),
    receivable_id: r.id,
    deal_id: r.deal_id,
    customer_id: r.customer_id,
    amount,
    collected_on: collectedOn,
    by_user_id: r.owner_id,
    note: world.rng.pick(notes),
    ...rowMeta(at, r.owner_id),
  });
}

/**
 * Money collected on the won deals' receivables (made by the deals part, read back from
 * the same transaction): most receivables past their due date are paid, in one or two
 * payments around the due date; some are partly paid and some not at all, so the demo has
 * overdue balances for the badge and the abnormal-customers report; a few not yet due
 * have a deposit.
 */
export const collectionsPart: DemoPart = {
  name: 'collections',
  tables: ['collections'],
  run(world, out) {
    const today = world.today.toISOString().slice(0, 10);
    const receivables = out.rows<ReceivableRow>(
      `SELECT r.id, r.deal_id, r.customer_id, r.amount, r.due_on, d.closed_on, d.owner_id
         FROM receivables r JOIN deals d ON d.id = r.deal_id
        WHERE r.deleted_at IS NULL AND d.deleted_at IS NULL AND d.status = 'won'
        ORDER BY r.id`,
    );
    for (const r of receivables) {
      const from = r.closed_on ?? addDays(r.due_on, -30);
      if (r.due_on >= today) {
        if (world.rng.chance(0.25))
          collect(
            world,
            out,
            r,
            roundHundred(r.amount * 0.3),
            dayBetween(world, from, today, today),
          );
        continue;
      }
      const fate = world.rng.weighted([
        ['paid', 78],
        ['partly', 12],
        ['nothing', 10],
      ] as const);
      if (fate === 'nothing') continue;
      const late = addDays(r.due_on, world.rng.int(-10, 25));
      if (fate === 'paid' && world.rng.chance(0.7)) {
        collect(world, out, r, r.amount, dayBetween(world, from, late, today));
        continue;
      }
      // Two payments: a first part, then the rest (or, when only partly paid, nothing more).
      const part = Math.min(r.amount - 1, roundHundred(r.amount * (0.3 + world.rng.float() * 0.4)));
      const firstOn = dayBetween(world, from, r.due_on, today);
      collect(world, out, r, part, firstOn);
      if (fate === 'paid')
        collect(world, out, r, r.amount - part, dayBetween(world, firstOn, late, today));
    }
  },
};
