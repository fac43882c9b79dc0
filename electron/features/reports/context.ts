import { sql, type SQL } from 'drizzle-orm';
import type { ReportInput, ReportName, ReportOf } from '../../../shared/contract/reports';
import type { Db } from '../../db/connection';
import {
  bucketLength,
  bucketsOf,
  granularityOf,
  minDay,
  resolvePeriod,
  type Bucket,
  type Period,
} from './period';
import { resolveScope, scopeOut, type Scoped } from './scope';

/** What every report builder gets: the resolved period and scope, and the chart buckets. */
export type ReportContext = {
  db: Db;
  input: ReportInput;
  period: Period;
  /** The user's local date. */
  today: string;
  /** The period's last day, or today when the period is not over: "as of" for state figures. */
  refDay: string;
  scoped: Scoped;
  /** Characters of a day that name its bucket: 10 (days) or 7 (months). */
  bucketLen: 10 | 7;
  buckets: Bucket[];
};

export function reportContext(db: Db, input: ReportInput): ReportContext {
  const period = resolvePeriod(input.period);
  const refDay = minDay(period.to, input.today);
  const granularity = granularityOf(period);
  return {
    db,
    input,
    period,
    today: input.today,
    refDay,
    scoped: resolveScope(db, input.scope, refDay),
    bucketLen: bucketLength(granularity),
    buckets: bucketsOf(period, granularity),
  };
}

/** A day column's chart bucket as SQL (`substr(day, 1, 10 | 7)`). */
export function bucketSql(ctx: ReportContext, day: SQL): SQL {
  return sql`substr(${day}, 1, ${sql.raw(String(ctx.bucketLen))})`;
}

type Envelope = 'report' | 'period' | 'scope' | 'asOf';

/** Puts the common head on a report's figures. */
export function envelope<N extends ReportName>(
  name: N,
  ctx: ReportContext,
  asOf: string,
  body: Omit<ReportOf<N>, Envelope>,
): ReportOf<N> {
  const { kind, from, to, label } = ctx.period;
  return {
    report: name,
    period: { kind, from, to, label },
    scope: scopeOut(ctx.scoped),
    asOf,
    ...body,
  } as ReportOf<N>;
}

/** The SQL condition "the owner column is in scope", or TRUE. */
export function ownerIn(ctx: ReportContext, column: SQL): SQL {
  return ctx.scoped.ownerFilter(column) ?? sql`1`;
}
