import { and, asc, desc, eq, isNull, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type {
  Contact,
  CustomerDetail,
  CustomerRow,
  customerListInput,
} from '../../../shared/contract/customers';
import { customerNameKey } from '../../../shared/domain/customers';
import { likeContains } from '../../../shared/domain/text';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { contacts, customers, teams, users } from '../../db/schema';

export type CustomerQuery = z.output<typeof customerListInput>;

const owner = alias(users, 'owner');
const editor = alias(users, 'editor');

const rowColumns = {
  id: customers.id,
  name: customers.name,
  phone: customers.phone,
  industry: customers.industry,
  region: customers.region,
  status: customers.status,
  ownerId: customers.ownerId,
  ownerName: owner.name,
  updatedAt: customers.updatedAt,
};

const sortColumns = {
  name: customers.nameKey,
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  region: customers.region,
  status: customers.status,
  owner: owner.name,
} as const;

/** The WHERE of the customer list: scope, filters and search, all in SQL. */
function listConditions(query: CustomerQuery, currentUser: { id: string; teamId: string | null } | null): SQL | undefined {
  const conditions: (SQL | undefined)[] = [isNull(customers.deletedAt)];
  if (currentUser && query.scope === 'mine') conditions.push(eq(customers.ownerId, currentUser.id));
  if (currentUser && query.scope === 'team') {
    conditions.push(
      currentUser.teamId
        ? sql`${customers.ownerId} IN (SELECT id FROM users WHERE team_id = ${currentUser.teamId})`
        : eq(customers.ownerId, currentUser.id),
    );
  }
  if (query.teamId) conditions.push(sql`${customers.ownerId} IN (SELECT id FROM users WHERE team_id = ${query.teamId})`);
  if (query.ownerId) conditions.push(eq(customers.ownerId, query.ownerId));
  if (query.status) conditions.push(eq(customers.status, query.status));
  if (query.region) conditions.push(eq(customers.region, query.region));
  const needle = customerNameKey(query.search);
  if (needle) {
    const pattern = likeContains(needle);
    const raw = likeContains(query.search.trim());
    conditions.push(
      sql`(${customers.nameKey} LIKE ${pattern} ESCAPE '\\' OR ${customers.phone} LIKE ${raw} ESCAPE '\\' OR ${customers.id} IN (SELECT customer_id FROM contacts WHERE deleted_at IS NULL AND (name LIKE ${raw} ESCAPE '\\' OR phone LIKE ${raw} ESCAPE '\\')))`,
    );
  }
  return and(...conditions);
}

/**
 * One page of the customer list and the total that matches. Without a search the page
 * walks an index and a second query counts; a search must scan anyway, so it counts in
 * the same pass with a window function instead of scanning twice.
 */
export function listCustomers(
  db: Db,
  query: CustomerQuery,
  currentUser: { id: string; teamId: string | null } | null,
): { rows: CustomerRow[]; total: number } {
  const where = listConditions(query, currentUser);
  const order = query.direction === 'desc' ? desc : asc;
  const searching = customerNameKey(query.search) !== '';
  const found = db
    .select({ ...rowColumns, total: searching ? sql<number>`count(*) OVER ()` : sql<number>`0` })
    .from(customers)
    .leftJoin(owner, eq(owner.id, customers.ownerId))
    .where(where)
    .orderBy(order(sortColumns[query.sort]), asc(customers.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const count = () => db.select({ n: sql<number>`count(*)` }).from(customers).where(where).get()?.n ?? 0;
  const total = searching && (found.length > 0 || query.page === 1) ? (found[0]?.total ?? 0) : count();
  return { rows: found.map(({ total: _unused, ...row }) => row), total };
}

/** Distinct regions and industries in use, for the list's filters. */
export function customerFacets(db: Db): { regions: string[]; industries: string[] } {
  const distinct = (column: typeof customers.region | typeof customers.industry) =>
    db
      .selectDistinct({ value: column })
      .from(customers)
      .where(and(isNull(customers.deletedAt), isNotNull(column), ne(column, '')))
      .orderBy(asc(column))
      .all()
      .map((r) => r.value as string);
  return { regions: distinct(customers.region), industries: distinct(customers.industry) };
}

export function listContacts(db: Db, customerId: string): Contact[] {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      title: contacts.title,
      phone: contacts.phone,
      email: contacts.email,
      buyingRole: contacts.buyingRole,
      notes: contacts.notes,
    })
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.name))
    .all();
}

/** One live customer with owner, team, last editor and contacts. */
export function getCustomer(db: Db, id: string): CustomerDetail | undefined {
  const row = db
    .select({
      ...rowColumns,
      address: customers.address,
      source: customers.source,
      notes: customers.notes,
      tags: customers.tags,
      ownerTeamName: teams.name,
      createdAt: customers.createdAt,
      updatedByName: editor.name,
    })
    .from(customers)
    .leftJoin(owner, eq(owner.id, customers.ownerId))
    .leftJoin(teams, eq(teams.id, owner.teamId))
    .leftJoin(editor, eq(editor.id, customers.updatedBy))
    .where(and(eq(customers.id, id), isNull(customers.deletedAt)))
    .get();
  if (!row) return undefined;
  return { ...row, tags: parseTags(row.tags), contacts: listContacts(db, id) };
}

function parseTags(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** A live customer whose name folds to the same key, if any (the uniqueness rule of domain.md §2). */
export function findNameClash(db: Db, name: string, exceptId?: string): { id: string; name: string } | undefined {
  return db
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(
      and(
        eq(customers.nameKey, customerNameKey(name)),
        isNull(customers.deletedAt),
        exceptId ? ne(customers.id, exceptId) : undefined,
      ),
    )
    .get();
}

/** A customer row including deleted ones (for restore). */
export function getCustomerRecord(db: Db, id: string) {
  return db.select().from(customers).where(eq(customers.id, id)).get();
}
