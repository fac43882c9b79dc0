import { and, asc, desc, eq, inArray, isNull, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type {
  Contact,
  CustomerDetail,
  CustomerRow,
  customerListInput,
  GradingMatrix,
  UpcomingVisit,
} from '../../../shared/contract/customers';
import { UPCOMING_VISITS_MAX } from '../../../shared/contract/customers';
import { customerNameKey, parseTags } from '../../../shared/domain/customers';
import {
  GRADE_STALE_DAYS,
  addDays,
  grades,
  type FrequencyRules,
} from '../../../shared/domain/grading';
import { likeContains } from '../../../shared/domain/text';
import type { z } from 'zod';
import type { Db } from '../../db/connection';
import { contacts, customers, teams, users, visits } from '../../db/schema';
import { contactColumns } from '../contacts/contacts.repo';
import { ownerCondition, seesOwner, type Visibility } from '../team/visibility';

export type CustomerQuery = z.output<typeof customerListInput>;

/** What the list's derived figures depend on besides the query: who asks, the rules, today. */
export type ListContext = {
  currentUser: { id: string; teamId: string | null } | null;
  /** What the asker may read (docs/data-scope.md): every list and count is narrowed to it. */
  visible: Visibility;
  rules: FrequencyRules;
  /** YYYY-MM-DD */
  today: string;
  /** ISO instant: which planned visits are still to come (the context's clock). */
  now?: string;
};

const owner = alias(users, 'owner');
const editor = alias(users, 'editor');

/** The grade's visit frequency in days (NULL: no rule), as SQL. */
function ruleDays(rules: FrequencyRules): SQL<number | null> {
  return sql<number | null>`(CASE ${customers.grade} ${sql.join(
    grades.map((g) => sql`WHEN ${g} THEN ${rules[g]}`),
    sql` `,
  )} END)`;
}

/**
 * Days past the grade's visit frequency, NULL when not overdue (超期未拜访, domain.md §2):
 * counted from the latest done visit (`last_visit_on`), or from the day the customer was
 * created when it was never visited. Calls, messages and notes do not reset it; the last
 * contact is shown beside it as its own figure.
 */
export function overdueDaysSql({
  rules,
  today,
}: Pick<ListContext, 'rules' | 'today'>): SQL<number | null> {
  const since = sql`CAST(julianday(${today}) - julianday(coalesce(${customers.lastVisitOn}, substr(${customers.createdAt}, 1, 10))) AS INTEGER)`;
  const rule = ruleDays(rules);
  return sql<
    number | null
  >`(CASE WHEN ${rule} IS NOT NULL AND ${since} > ${rule} THEN ${since} - ${rule} END)`;
}

/** Key first, then potential, ordinary, ignore, ungraded: the grade as a sort key. */
export const gradeOrder = sql`(CASE ${customers.grade} WHEN 'key' THEN 1 WHEN 'potential' THEN 2 WHEN 'ordinary' THEN 3 WHEN 'ignore' THEN 4 ELSE 5 END)`;

const baseColumns = {
  id: customers.id,
  name: customers.name,
  phone: customers.phone,
  industry: customers.industry,
  region: customers.region,
  status: customers.status,
  ownerId: customers.ownerId,
  ownerName: owner.name,
  updatedAt: customers.updatedAt,
  grade: customers.grade,
  relationship: customers.relationship,
  attractiveness: customers.attractiveness,
  gradeReviewedOn: customers.gradeReviewedOn,
  lastContactAt: customers.lastContactAt,
  lastVisitOn: customers.lastVisitOn,
};

function rowColumns(list: ListContext) {
  return { ...baseColumns, overdueDays: overdueDaysSql(list) };
}

const sortColumns = {
  name: customers.nameKey,
  updatedAt: customers.updatedAt,
  createdAt: customers.createdAt,
  region: customers.region,
  status: customers.status,
  owner: owner.name,
  grade: gradeOrder,
  lastContact: sql`coalesce(${customers.lastContactAt}, '')`,
  lastVisit: sql`coalesce(${customers.lastVisitOn}, '')`,
} as const;

type ScopeQuery = Pick<CustomerQuery, 'scope' | 'teamId' | 'ownerId'> & Partial<CustomerQuery>;

/** The WHERE of the customer list: scope, filters and search, all in SQL. */
function listConditions(query: ScopeQuery, list: ListContext): SQL | undefined {
  const { currentUser } = list;
  const conditions: (SQL | undefined)[] = [
    isNull(customers.deletedAt),
    ownerCondition(list.visible, customers.ownerId, true),
  ];
  if (currentUser && query.scope === 'mine') conditions.push(eq(customers.ownerId, currentUser.id));
  if (currentUser && query.scope === 'team') {
    conditions.push(
      currentUser.teamId
        ? sql`${customers.ownerId} IN (SELECT id FROM users WHERE team_id = ${currentUser.teamId})`
        : eq(customers.ownerId, currentUser.id),
    );
  }
  if (query.teamId)
    conditions.push(
      sql`${customers.ownerId} IN (SELECT id FROM users WHERE team_id = ${query.teamId})`,
    );
  if (query.ownerId) conditions.push(eq(customers.ownerId, query.ownerId));
  if (query.status) conditions.push(eq(customers.status, query.status));
  if (query.region) conditions.push(eq(customers.region, query.region));
  if (query.grade)
    conditions.push(
      query.grade === 'ungraded' ? isNull(customers.grade) : eq(customers.grade, query.grade),
    );
  if (query.relationship) conditions.push(eq(customers.relationship, query.relationship));
  if (query.attractiveness) conditions.push(eq(customers.attractiveness, query.attractiveness));
  if (query.overdue) conditions.push(sql`${overdueDaysSql(list)} IS NOT NULL`);
  if (query.staleGrade) {
    conditions.push(
      sql`${customers.grade} IS NOT NULL AND (${customers.gradeReviewedOn} IS NULL OR ${customers.gradeReviewedOn} < ${addDays(list.today, -GRADE_STALE_DAYS)})`,
    );
  }
  const needle = customerNameKey(query.search ?? '');
  if (needle) {
    const pattern = likeContains(needle);
    const raw = likeContains((query.search ?? '').trim());
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
  list: ListContext,
): { rows: CustomerRow[]; total: number } {
  const where = listConditions(query, list);
  const order = query.direction === 'desc' ? desc : asc;
  const searching = customerNameKey(query.search) !== '';
  const found = db
    .select({
      ...rowColumns(list),
      total: searching ? sql<number>`count(*) OVER ()` : sql<number>`0`,
    })
    .from(customers)
    .leftJoin(owner, eq(owner.id, customers.ownerId))
    .where(where)
    .orderBy(order(sortColumns[query.sort]), asc(customers.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .all();
  const count = () =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(customers)
      .where(where)
      .get()?.n ?? 0;
  const total =
    searching && (found.length > 0 || query.page === 1) ? (found[0]?.total ?? 0) : count();
  return { rows: found.map(({ total: _unused, ...row }) => row), total };
}

/** A customer as the Excel export writes it: the list's row plus its tags and owner's team. */
export type CustomerExportRow = CustomerRow & { tags: string[]; ownerTeamName: string | null };

/**
 * Every customer matching the list's filters, in the list's order, without paging: the Excel
 * export of the list (issue 8). One query; paging fields of the query are ignored.
 */
export function listAllCustomers(
  db: Db,
  query: CustomerQuery,
  list: ListContext,
): CustomerExportRow[] {
  const order = query.direction === 'desc' ? desc : asc;
  return db
    .select({ ...rowColumns(list), tags: customers.tags, ownerTeamName: teams.name })
    .from(customers)
    .leftJoin(owner, eq(owner.id, customers.ownerId))
    .leftJoin(teams, eq(teams.id, owner.teamId))
    .where(listConditions(query, list))
    .orderBy(order(sortColumns[query.sort]), asc(customers.id))
    .all()
    .map((row) => ({ ...row, tags: parseTags(row.tags) }));
}

/** Distinct regions and industries in use, for the list's filters. */
export function customerFacets(
  db: Db,
  visible: Visibility,
): { regions: string[]; industries: string[] } {
  const distinct = (column: typeof customers.region | typeof customers.industry) =>
    db
      .selectDistinct({ value: column })
      .from(customers)
      .where(
        and(
          isNull(customers.deletedAt),
          ownerCondition(visible, customers.ownerId, true),
          isNotNull(column),
          ne(column, ''),
        ),
      )
      .orderBy(asc(column))
      .all()
      .map((r) => r.value as string);
  return { regions: distinct(customers.region), industries: distinct(customers.industry) };
}

export function listContacts(db: Db, customerId: string): Contact[] {
  return db
    .select(contactColumns)
    .from(contacts)
    .where(and(eq(contacts.customerId, customerId), isNull(contacts.deletedAt)))
    .orderBy(asc(contacts.name))
    .all();
}

/** One live customer with owner, team, last editor and contacts. */
export function getCustomer(
  db: Db,
  id: string,
  list: Omit<ListContext, 'currentUser' | 'now'> & { now: string },
): CustomerDetail | undefined {
  const row = db
    .select({
      ...rowColumns({ ...list, currentUser: null }),
      gradeOverride: customers.gradeOverride,
      gradeOverrideReason: customers.gradeOverrideReason,
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
  // Out of scope reads exactly like a customer that does not exist (docs/data-scope.md).
  if (!row || !seesOwner(list.visible, row.ownerId)) return undefined;
  return {
    ...row,
    tags: parseTags(row.tags),
    contacts: listContacts(db, id),
    upcomingVisits: upcomingVisits(db, id, list.now),
  };
}

/** A day in ms: no visit lasts longer (it ends on the day it starts). */
const DAY_MS = 86_400_000;

/**
 * The customer's planned visits that have not ended by `now`, earliest first. A range on
 * visits_customer_idx (customer_id, start_at) from a day before `now`: a visit that started
 * earlier has ended, so the read stays a few index entries on the largest file.
 */
export function upcomingVisits(db: Db, customerId: string, now: string): UpcomingVisit[] {
  const from = new Date(new Date(now).getTime() - DAY_MS).toISOString();
  return db
    .select({
      id: visits.id,
      day: visits.day,
      startAt: visits.startAt,
      endAt: visits.endAt,
      purpose: visits.purpose,
      ownerId: visits.ownerId,
      ownerName: owner.name,
      goal: visits.goal,
    })
    .from(visits)
    .leftJoin(owner, eq(owner.id, visits.ownerId))
    .where(
      and(
        eq(visits.customerId, customerId),
        sql`${visits.startAt} >= ${from}`,
        sql`${visits.endAt} > ${now}`,
        eq(visits.status, 'planned'),
        isNull(visits.deletedAt),
      ),
    )
    .orderBy(asc(visits.startAt), asc(visits.id))
    .limit(UPCOMING_VISITS_MAX)
    .all();
}

/** A live customer whose name folds to the same key, if any (the uniqueness rule of domain.md §2). */
export function findNameClash(
  db: Db,
  name: string,
  exceptId?: string,
): { id: string; name: string } | undefined {
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

/** Counts per relationship × attractiveness cell and per grade, for the grading matrix. */
export function gradingMatrix(db: Db, query: ScopeQuery, list: ListContext): GradingMatrix {
  const where = listConditions(query, list);
  const cells = db
    .select({
      relationship: customers.relationship,
      attractiveness: customers.attractiveness,
      count: sql<number>`count(*)`,
    })
    .from(customers)
    .where(and(where, isNotNull(customers.relationship), isNotNull(customers.attractiveness)))
    .groupBy(customers.relationship, customers.attractiveness)
    .all()
    .map((c) => ({
      relationship: c.relationship ?? 0,
      attractiveness: c.attractiveness ?? 0,
      count: c.count,
    }));
  const totals = db
    .select({
      total: sql<number>`count(*)`,
      ungraded: sql<number>`sum(${customers.grade} IS NULL)`,
      overridden: sql<number>`sum(${customers.gradeOverride} IS NOT NULL)`,
      stale: sql<number>`sum(${customers.grade} IS NOT NULL AND (${customers.gradeReviewedOn} IS NULL OR ${customers.gradeReviewedOn} < ${addDays(list.today, -GRADE_STALE_DAYS)}))`,
      key: sql<number>`sum(${customers.grade} = 'key')`,
      potential: sql<number>`sum(${customers.grade} = 'potential')`,
      ordinary: sql<number>`sum(${customers.grade} = 'ordinary')`,
      ignore: sql<number>`sum(${customers.grade} = 'ignore')`,
    })
    .from(customers)
    .where(where)
    .get();
  const n = (v: number | null | undefined) => v ?? 0;
  return {
    cells,
    grades: {
      key: n(totals?.key),
      potential: n(totals?.potential),
      ordinary: n(totals?.ordinary),
      ignore: n(totals?.ignore),
    },
    ungraded: n(totals?.ungraded),
    overridden: n(totals?.overridden),
    stale: n(totals?.stale),
    total: n(totals?.total),
  };
}

/** The live customers among `ids` the asker may see (bulk actions skip the others, as if deleted). */
export function liveCustomerIds(db: Db, ids: string[], visible: Visibility): string[] {
  return db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        inArray(customers.id, ids),
        isNull(customers.deletedAt),
        ownerCondition(visible, customers.ownerId, true),
      ),
    )
    .all()
    .map((r) => r.id);
}
