import { sql, type SQL } from 'drizzle-orm';
import { REPORT_ROW_LIMIT, type DrillTarget } from '../../../shared/contract/reports';
import type { Db } from '../../db/connection';
import type { ReportContext } from './context';

/**
 * A rep's records (deals, visits, customers) listed under the rep: at most REPORT_ROW_LIMIT
 * rows in the given order, and how many there are in all (a window count over the same
 * WHERE, so one query).
 */
export function listed<T extends object>(
  db: Db,
  query: { with?: SQL; select: SQL; from: SQL; order: SQL },
): { rows: T[]; total: number } {
  const rows = db.all<T & { _total: number }>(
    sql`${query.with ?? sql``} SELECT ${query.select}, count(*) OVER () AS _total FROM ${query.from} ORDER BY ${query.order} LIMIT ${REPORT_ROW_LIMIT}`,
  );
  return {
    total: rows[0]?._total ?? 0,
    rows: rows.map(({ _total: _, ...row }) => row as unknown as T),
  };
}

/**
 * The columns of a deal row: `deals` unaliased (so the deals feature's SQL fragments such as
 * `weightedSql` apply), `c` for its customer.
 */
export const dealColumns = sql`deals.id AS id, deals.title AS title, deals.customer_id AS customerId,
  coalesce(c.name, '') AS customerName, deals.milestone AS milestone, deals.status AS status,
  deals.amount AS amount`;

export type DealBase = {
  id: string;
  title: string;
  customerId: string;
  customerName: string;
  milestone: 'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M6';
  status: 'open' | 'won' | 'lost';
  amount: number;
};

export const dealDrill = (id: string): DrillTarget => ({ kind: 'deal', id });
export const customerDrill = (id: string): DrillTarget => ({ kind: 'customer', id });
export const visitDrill = (id: string): DrillTarget => ({ kind: 'visit', id });

/** A deal row for the contract. */
export function dealRow<T extends DealBase>(row: T) {
  return { kind: 'deal' as const, ...row, drill: dealDrill(row.id) };
}

/** The rep of a rep scope: whose records are listed. */
export function ownerId(ctx: ReportContext): string {
  const s = ctx.scoped.scope;
  if (s.type !== 'rep') throw new Error('records are listed for a rep only');
  return s.id;
}
