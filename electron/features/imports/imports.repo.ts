import { and, inArray, isNull } from 'drizzle-orm';
import { customerNameKey, parseTags, type CustomerStatus } from '../../../shared/domain/customers';
import type { Db } from '../../db/connection';
import { contacts, customers, users } from '../../db/schema';
import type { Lookups } from './validate';

/** Live customers and all users by folded name: what rows are matched against. */
export function loadLookups(db: Db, defaultOwnerId: string | null): Lookups {
  const customerMap: Lookups['customers'] = new Map();
  for (const row of db
    .select({ id: customers.id, name: customers.name, key: customers.nameKey })
    .from(customers)
    .where(isNull(customers.deletedAt))
    .all()) {
    customerMap.set(row.key, { id: row.id, name: row.name });
  }
  const userMap: Lookups['users'] = new Map();
  for (const row of db
    .select({ id: users.id, name: users.name, active: users.active })
    .from(users)
    .where(isNull(users.deletedAt))
    .all()) {
    const key = customerNameKey(row.name);
    userMap.set(key, [...(userMap.get(key) ?? []), row]);
  }
  return { customers: customerMap, users: userMap, defaultOwnerId };
}

/** A live customer an import row matches, with what an update compares against. */
export type ExistingCustomer = {
  id: string;
  name: string;
  phone: string | null;
  industry: string | null;
  region: string | null;
  address: string | null;
  source: string | null;
  notes: string | null;
  ownerId: string | null;
  status: CustomerStatus;
  tags: string[];
  relationship: number | null;
  attractiveness: number | null;
  /** folded contact name → the live contact */
  contacts: Map<string, { id: string; title: string | null; phone: string | null }>;
};

const IN_CHUNK = 500;

/**
 * The live customers whose folded names are among `keys`, read fresh: the commit step
 * calls this in the same synchronous turn as the commit, so nothing can slip in between.
 */
export function loadExisting(db: Db, keys: readonly string[]): Map<string, ExistingCustomer> {
  const found = new Map<string, ExistingCustomer>();
  const byId = new Map<string, ExistingCustomer>();
  for (let i = 0; i < keys.length; i += IN_CHUNK) {
    const part = keys.slice(i, i + IN_CHUNK);
    const rows = db
      .select({
        id: customers.id,
        key: customers.nameKey,
        name: customers.name,
        phone: customers.phone,
        industry: customers.industry,
        region: customers.region,
        address: customers.address,
        source: customers.source,
        notes: customers.notes,
        ownerId: customers.ownerId,
        status: customers.status,
        tags: customers.tags,
        relationship: customers.relationship,
        attractiveness: customers.attractiveness,
      })
      .from(customers)
      .where(and(inArray(customers.nameKey, part), isNull(customers.deletedAt)))
      .all();
    for (const { key, tags, ...row } of rows) {
      const customer: ExistingCustomer = { ...row, tags: parseTags(tags), contacts: new Map() };
      found.set(key, customer);
      byId.set(row.id, customer);
    }
  }
  const ids = [...byId.keys()];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    for (const row of db
      .select({
        id: contacts.id,
        customerId: contacts.customerId,
        name: contacts.name,
        title: contacts.title,
        phone: contacts.phone,
      })
      .from(contacts)
      .where(
        and(inArray(contacts.customerId, ids.slice(i, i + IN_CHUNK)), isNull(contacts.deletedAt)),
      )
      .all()) {
      byId.get(row.customerId)?.contacts.set(customerNameKey(row.name), {
        id: row.id,
        title: row.title,
        phone: row.phone,
      });
    }
  }
  return found;
}
