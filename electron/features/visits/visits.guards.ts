import { and, eq, inArray, isNull } from 'drizzle-orm';
import { utcToZoned, zonedToUtc } from '../../../shared/domain/time';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { contacts, customers } from '../../db/schema';
import { assertFresh } from '../deals/deals.guards';
import { getUser } from '../team/team.repo';
import { hidden } from '../team/visibility';
import { firstOverlap, getVisitRecord, type VisitRecord } from './visits.repo';

/** An error on one form field, with the i18n key as both the message and the field's. */
export function invalidField(
  key: string,
  field: string,
  message: string = key,
  params?: Record<string, string | number>,
): AppError {
  return new AppError('invalid_input', message, key, params, { [field]: key });
}

/** A live visit, or `not_found` visitErrors.visitGone. */
export function requireLiveVisit(ctx: AppContext, id: string): VisitRecord {
  const visit = getVisitRecord(ctx.db, id);
  if (!visit || visit.deletedAt !== null || hidden(ctx, 'visit', id))
    throw new AppError('not_found', `visit ${id} not found`, 'visitErrors.visitGone');
  return visit;
}

/** Two windows editing one visit: the second learns who changed it, and writes nothing. */
export function assertVisitFresh(ctx: AppContext, visit: VisitRecord, expected: string): void {
  assertFresh(ctx, visit, expected, 'visitErrors.changedMeanwhile');
}

/** A live customer, or `not_found` visitErrors.customerGone. */
export function requireCustomer(
  ctx: AppContext,
  customerId: string,
): { id: string; name: string; ownerId: string | null } {
  const customer = ctx.db
    .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)))
    .get();
  // A customer out of the user's scope is refused exactly as an unknown one.
  if (!customer || hidden(ctx, 'customer', customerId))
    throw new AppError(
      'not_found',
      `customer ${customerId} not found`,
      'visitErrors.customerGone',
      undefined,
      { customerId: 'visitErrors.customerGone' },
    );
  return customer;
}

/**
 * Who makes a visit: the rep asked for, else the current user. They must exist and be
 * active (an inactive rep is handed over and gets no new visits).
 */
export function requireActiveRep(ctx: AppContext, asked: string | undefined): string {
  const id = asked ?? ctx.currentUserId();
  const user = id ? getUser(ctx.db, id) : undefined;
  if (!user)
    throw new AppError(
      'invalid_input',
      `rep ${id ?? '(none)'} not found`,
      'errors.ownerUnknown',
      undefined,
      { ownerId: 'errors.ownerUnknown' },
    );
  if (!user.active)
    throw new AppError(
      'invalid_input',
      `${user.name} is inactive`,
      'visitErrors.inactiveRep',
      { name: user.name },
      { ownerId: 'visitErrors.inactiveRep' },
    );
  return user.id;
}

/** Contacts met must be live contacts of the visit's customer; answers them without repeats. */
export function requireContactsOf(ctx: AppContext, customerId: string, ids: string[]): string[] {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return wanted;
  const found = ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        inArray(contacts.id, wanted),
        eq(contacts.customerId, customerId),
        isNull(contacts.deletedAt),
      ),
    )
    .all();
  if (found.length !== wanted.length)
    throw invalidField(
      'visitErrors.contactElsewhere',
      'contactIds',
      `a contact is not a live contact of customer ${customerId}`,
    );
  return wanted;
}

type When = { day: string; start: string; end: string; timeZone: string };

/**
 * The UTC instants of a local day and times. A wall time the clocks skip is refused on its
 * field, and so is an end not after the start (nothing crosses midnight: both are on `day`).
 */
export function resolveTimes(
  when: When,
  fields: { start: string; end: string } = { start: 'start', end: 'end' },
): { startAt: string; endAt: string } {
  const start = zonedToUtc(when.day, when.start, when.timeZone);
  if (start.kind === 'gap')
    throw invalidField(
      'visitErrors.timeSkipped',
      fields.start,
      `${when.day} ${when.start} does not exist in ${when.timeZone}`,
    );
  const end = zonedToUtc(when.day, when.end, when.timeZone);
  if (end.kind === 'gap')
    throw invalidField(
      'visitErrors.timeSkipped',
      fields.end,
      `${when.day} ${when.end} does not exist in ${when.timeZone}`,
    );
  if (end.iso <= start.iso)
    throw invalidField(
      'visitErrors.endBeforeStart',
      fields.end,
      `end ${when.end} is not after start ${when.start}`,
    );
  return { startAt: start.iso, endAt: end.iso };
}

/**
 * Refuses a slot that overlaps another live, not cancelled visit of the rep, naming the
 * first one in the way (times in the zone the user entered), unless the user said "plan
 * anyway".
 */
export function assertNoOverlap(
  ctx: AppContext,
  slot: {
    ownerId: string;
    day: string;
    startAt: string;
    endAt: string;
    timeZone: string;
    exceptId?: string;
  },
  allowOverlap: boolean,
): void {
  if (allowOverlap) return;
  const other = firstOverlap(ctx.db, slot);
  if (!other) return;
  throw new AppError(
    'conflict',
    `overlaps visit ${other.id} (${other.startAt} – ${other.endAt})`,
    'visitErrors.overlap',
    {
      customer: other.customerName,
      start: utcToZoned(other.startAt, slot.timeZone).time,
      end: utcToZoned(other.endAt, slot.timeZone).time,
    },
  );
}
