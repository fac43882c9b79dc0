import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { TimelineCursor, TimelineEntry } from '../../../shared/contract/timeline';
import type { Db } from '../../db/connection';

/**
 * One table that contributes entries to the timeline. The timeline is the union of its
 * sources merged by `at`; a later feature (visits, score changes) joins it by adding a
 * source to the list in timeline.repo.ts.
 */
export type TimelineSourceQuery = {
  /**
   * Up to `limit` of the customer's entries strictly before `before` in (at desc, id desc)
   * order, newest first. Each source walks its own (customer_id, at) index.
   */
  page: (
    db: Db,
    customerId: string,
    before: TimelineCursor | undefined,
    limit: number,
    viewerId: string | null,
  ) => TimelineEntry[];
  /** How many live entries the customer has in this source. */
  count: (db: Db, customerId: string) => number;
};

/** Keyset condition "strictly after the cursor" in newest-first order; `at <=` lets the index bound the range. */
export function beforeCursor(
  at: SQLWrapper,
  id: SQLWrapper,
  before: TimelineCursor | undefined,
): SQL | undefined {
  if (!before) return undefined;
  return sql`(${at} <= ${before.at} AND (${at} < ${before.at} OR ${id} < ${before.id}))`;
}
