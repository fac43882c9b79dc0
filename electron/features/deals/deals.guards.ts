import { and, eq, inArray, isNull } from 'drizzle-orm';
import { addDays } from '../../../shared/domain/grading';
import type { AppContext } from '../../core/context';
import { AppError, notFound } from '../../core/errors';
import { contacts, customers, products } from '../../db/schema';
import { stalledDays } from '../settings/settings.repo';
import { currentUser } from '../team/current-user';
import { getUser } from '../team/team.repo';
import { hidden, visibility } from '../team/visibility';
import { getDealRecord, type DealRecord } from './deals.detail';
import type { BoardContext } from './deals.query';

/** How far the expected close date may lie from today (years back, years ahead). */
export const CLOSE_DATE_YEARS_BACK = 2;
export const CLOSE_DATE_YEARS_AHEAD = 5;

/** The host's today when the renderer did not send one. */
export function hostToday(ctx: AppContext): string {
  return ctx.now().toISOString().slice(0, 10);
}

/** Who asks and the team's stalled thresholds: what a card's flags depend on. */
export function boardContext(ctx: AppContext): BoardContext {
  const me = currentUser(ctx);
  return {
    currentUser: me ? { id: me.id, teamId: me.teamId } : null,
    visible: visibility(ctx),
    stalledDays: stalledDays(ctx.db),
  };
}

/** A live deal, or `not_found` (a deleted deal can be neither moved nor edited). */
export function requireLiveDeal(ctx: AppContext, id: string): DealRecord {
  const deal = getDealRecord(ctx.db, id);
  if (!deal || deal.deletedAt !== null || hidden(ctx, 'deal', id)) throw notFound('deal', id);
  return deal;
}

/**
 * Two windows editing one record (a deal by default, or a visit, a meeting…): the second one
 * learns who changed it, and writes nothing. `key` is the i18n message, with `{ name, at }`.
 */
export function assertFresh(
  ctx: AppContext,
  row: Pick<DealRecord, 'id' | 'updatedAt' | 'updatedBy'>,
  expectedUpdatedAt: string,
  key = 'dealErrors.changedMeanwhile',
): void {
  if (row.updatedAt === expectedUpdatedAt) return;
  const by = row.updatedBy ? getUser(ctx.db, row.updatedBy) : undefined;
  const name = by?.name ?? '?';
  throw new AppError('conflict', `${row.id} was changed by ${name} at ${row.updatedAt}`, key, {
    name,
    at: row.updatedAt,
  });
}

function shiftYears(day: string, years: number): string {
  const year = Number(day.slice(0, 4)) + years;
  // 29 February shifted to a year without it becomes 28 February.
  const candidate = `${String(year).padStart(4, '0')}${day.slice(4)}`;
  return new Date(`${candidate}T00:00:00Z`).toISOString().startsWith(candidate)
    ? candidate
    : addDays(`${String(year).padStart(4, '0')}-03-01`, -1);
}

/** An expected close date years away is a typo (2062 for 2026): refuse it with the window. */
export function assertCloseDate(expectedCloseOn: string, today: string): void {
  const min = shiftYears(today, -CLOSE_DATE_YEARS_BACK);
  const max = shiftYears(today, CLOSE_DATE_YEARS_AHEAD);
  if (expectedCloseOn >= min && expectedCloseOn <= max) return;
  throw new AppError(
    'invalid_input',
    `expected close date ${expectedCloseOn} outside ${min} … ${max}`,
    'dealErrors.closeDateFar',
    { min, max },
    { expectedCloseOn: 'dealErrors.closeDateFar' },
  );
}

/** A live customer, or `invalid_input` on the customer field. */
export function assertCustomer(ctx: AppContext, customerId: string) {
  const customer = ctx.db
    .select({ id: customers.id, ownerId: customers.ownerId })
    .from(customers)
    .where(and(eq(customers.id, customerId), isNull(customers.deletedAt)))
    .get();
  // A customer out of the user's scope is refused exactly as an unknown one.
  if (!customer || hidden(ctx, 'customer', customerId))
    throw new AppError(
      'invalid_input',
      `customer ${customerId} not found`,
      'dealErrors.customerUnknown',
      undefined,
      { customerId: 'dealErrors.customerUnknown' },
    );
  return customer;
}

/** An active user as owner, or `invalid_input` on the owner field. */
export function assertOwner(ctx: AppContext, ownerId: string): void {
  const owner = getUser(ctx.db, ownerId);
  if (!owner || !owner.active)
    throw new AppError(
      'invalid_input',
      `owner ${ownerId} not found or inactive`,
      'errors.ownerUnknown',
      undefined,
      { ownerId: 'errors.ownerUnknown' },
    );
}

/** Every product of the lines exists and is active. */
export function assertProducts(ctx: AppContext, productIds: string[]): void {
  const wanted = [...new Set(productIds)];
  if (wanted.length === 0) return;
  const found = ctx.db
    .select({ id: products.id })
    .from(products)
    .where(and(inArray(products.id, wanted), isNull(products.deletedAt), eq(products.active, true)))
    .all();
  if (found.length === wanted.length) return;
  const known = new Set(found.map((p) => p.id));
  const fields: Record<string, string> = {};
  productIds.forEach((id, i) => {
    if (!known.has(id)) fields[`lines.${i}.productId`] = 'dealErrors.productUnknown';
  });
  throw new AppError(
    'invalid_input',
    'unknown or retired product in the lines',
    'dealErrors.productUnknown',
    undefined,
    fields,
  );
}

/** The brief's people must be contacts of the deal's own customer. */
export function assertContactOf(
  ctx: AppContext,
  customerId: string,
  contactId: string | null,
  field: string,
): void {
  if (!contactId) return;
  const found = ctx.db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.id, contactId),
        eq(contacts.customerId, customerId),
        isNull(contacts.deletedAt),
      ),
    )
    .get();
  if (!found)
    throw new AppError(
      'invalid_input',
      `contact ${contactId} is not a contact of customer ${customerId}`,
      'dealErrors.contactNotOfCustomer',
      undefined,
      { [field]: 'dealErrors.contactNotOfCustomer' },
    );
}

/** An amount computed from lines must stay within the deal amount's limits. */
export function assertAmount(amount: number): void {
  if (amount >= 1 && amount <= 10_000_000_000) return;
  throw new AppError(
    'invalid_input',
    `amount ${amount} out of range`,
    'errors.invalidInput',
    undefined,
    {
      amount: 'validation.range',
    },
  );
}
