import { and, count, eq, gte, isNull, lte, ne } from 'drizzle-orm';
import type { GettingStartedStep } from '../../../shared/contract/dashboard';
import { periodRange } from '../../../shared/domain/targets';
import { isoWeek, isoWeekRange } from '../../../shared/domain/time';
import type { Db } from '../../db/connection';
import { customers, targets, users, visits } from '../../db/schema';

/**
 * What the data says of each getting-started step on `today`: more than one active user; any
 * customer; a target (any metric and scope) whose period holds today; a visit that is not
 * cancelled in today's ISO week; a team folder this device shares (`teamFolder`).
 */
export function gettingStartedSteps(
  db: Db,
  today: string,
  teamFolder: string | null,
): Record<GettingStartedStep, boolean> {
  const people =
    db
      .select({ n: count() })
      .from(users)
      .where(and(isNull(users.deletedAt), eq(users.active, true)))
      .get()?.n ?? 0;
  const customer = db
    .select({ id: customers.id })
    .from(customers)
    .where(isNull(customers.deletedAt))
    .limit(1)
    .get();
  const year = Number(today.slice(0, 4));
  const keys = db
    .selectDistinct({ key: targets.periodKey })
    .from(targets)
    .where(and(isNull(targets.deletedAt), eq(targets.year, year)))
    .all();
  const target = keys.some(({ key }) => {
    const range = periodRange(year, key);
    return range !== null && range.from <= today && today <= range.to;
  });
  const week = isoWeekRange(isoWeek(today));
  const visit =
    week &&
    db
      .select({ id: visits.id })
      .from(visits)
      .where(
        and(
          isNull(visits.deletedAt),
          ne(visits.status, 'cancelled'),
          gte(visits.day, week.from),
          lte(visits.day, week.to),
        ),
      )
      .limit(1)
      .get();
  return {
    people: people > 1,
    customers: customer !== undefined,
    targets: target,
    plan: Boolean(visit),
    teamFolder: teamFolder !== null,
  };
}
