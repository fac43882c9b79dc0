import { inArray, sql, type SQL } from 'drizzle-orm';
import type { DayRange } from '../../../shared/domain/periods';
import type { Db } from '../../db/connection';
import { teamAt } from '../team/team.memberships';
import type { Scoped, ScopeRowRef } from './scope';

export type Measures<K extends string> = Record<K, number>;

/** One credited group: the rep's team on the credit day, the rep, the chart bucket, the sums. */
export type Group<K extends string> = {
  team: string | null;
  owner: string | null;
  bucket: string | null;
} & Measures<K>;

/** The team every event of a rep in a day range is credited to, when it does not change. */
type Stability = Map<string, { changes: boolean; team: string | null }>;

/**
 * Each user's team over a range of credit days: the team on the first day, and whether it
 * changes within the range (a membership starts or ends inside it: `teamAt` can only change
 * on such a day). One small query over the users.
 */
function stabilityOver(db: Db, range: DayRange): Stability {
  return new Map(
    db
      .all<{ id: string; team: string | null; changes: number }>(
        sql`SELECT u.id AS id, ${teamAt(sql`u.id`, range.from)} AS team,
          EXISTS (SELECT 1 FROM team_memberships m WHERE m.user_id = u.id AND m.deleted_at IS NULL
            AND ((m.from_day > ${range.from} AND m.from_day <= ${range.to})
              OR (m.to_day > ${range.from} AND m.to_day <= ${range.to}))) AS changes
        FROM users u`,
      )
      .map((u) => [u.id, { team: u.team, changes: u.changes === 1 }]),
  );
}

const STABLE = '*';

/**
 * Runs an event query and credits it (issue 7: the rep's team on the event's day). `inner`
 * must select `owner` (a user id), `day` (the day whose team gets the credit, within
 * `creditDays`), `bucket` (the chart bucket, or NULL) and each measure, best already grouped
 * by day and owner. A rep whose team does not change over `creditDays` is credited with that
 * team once; only a rep who changed team has `teamAt` looked up per day. The answer is
 * grouped by team, rep and bucket — a few hundred rows — and keeps only the scope's team.
 */
export function creditedGroups<K extends string>(
  db: Db,
  scoped: Scoped,
  measures: readonly K[],
  inner: SQL,
  creditDays: DayRange,
): Group<K>[] {
  const sums = sql.join(
    measures.map((m) => sql`coalesce(sum(i.${sql.identifier(m)}), 0) AS ${sql.identifier(m)}`),
    sql`, `,
  );
  const stability = scoped.scope.type === 'rep' ? new Map() : stabilityOver(db, creditDays);
  const changers = [...stability].filter(([, s]) => s.changes).map(([id]) => id);
  const team =
    changers.length === 0
      ? sql`${STABLE}`
      : sql`CASE WHEN ${inArray(sql`i.owner`, changers)} THEN ${teamAt(sql`i.owner`, sql`i.day`)} ELSE ${STABLE} END`;
  const rows = db.all<Group<K>>(sql`
    SELECT i.owner AS owner, ${team} AS team, i.bucket AS bucket, ${sums}
    FROM (${inner}) AS i
    GROUP BY i.owner, 2, i.bucket`);
  const out: Group<K>[] = [];
  for (const row of rows) {
    const credited =
      row.team === STABLE
        ? row.owner === null
          ? null
          : (stability.get(row.owner)?.team ?? null)
        : row.team;
    if (scoped.keeps(credited)) out.push({ ...row, team: credited });
  }
  return out;
}

/** Sums of measures: for the scope, per bucket and per row one level down. */
export type Tally<K extends string> = {
  total: Measures<K>;
  byBucket: Map<string, Measures<K>>;
  byRow: Map<string, Measures<K>>;
};

export function zeroOf<K extends string>(measures: readonly K[]): Measures<K> {
  return Object.fromEntries(measures.map((m) => [m, 0])) as Measures<K>;
}

function addInto<K extends string>(
  map: Map<string, Measures<K>>,
  key: string,
  measures: readonly K[],
  g: Measures<K>,
) {
  let acc = map.get(key);
  if (!acc) map.set(key, (acc = zeroOf(measures)));
  for (const m of measures) acc[m] += Number(g[m]);
}

/** Adds credited groups up into the scope's total, its buckets and its rows. */
export function tally<K extends string>(
  scoped: Scoped,
  measures: readonly K[],
  groups: readonly Group<K>[],
): Tally<K> {
  const total = zeroOf(measures);
  const byBucket = new Map<string, Measures<K>>();
  const byRow = new Map<string, Measures<K>>();
  for (const g of groups) {
    for (const m of measures) total[m] += Number(g[m]);
    if (g.bucket !== null) addInto(byBucket, g.bucket, measures, g);
    const key = scoped.rowKey(g.team, g.owner);
    if (key !== null) addInto(byRow, key, measures, g);
  }
  return { total, byBucket, byRow };
}

/** Credited groups of one query, added up. */
export function creditedTally<K extends string>(
  db: Db,
  scoped: Scoped,
  measures: readonly K[],
  inner: SQL,
  creditDays: DayRange,
): Tally<K> {
  return tally(scoped, measures, creditedGroups(db, scoped, measures, inner, creditDays));
}

/** The scope's rows (zeros included) for the row keys that have data in any of the tallies. */
export function rowsOf(
  scoped: Scoped,
  ...tallies: { byRow: Map<string, unknown> }[]
): ScopeRowRef[] {
  return scoped.rows(tallies.flatMap((t) => [...t.byRow.keys()]));
}

/** A row's measures, or zeros. */
export function rowOf<K extends string>(
  t: Tally<K>,
  key: string,
  measures: readonly K[],
): Measures<K> {
  return t.byRow.get(key) ?? zeroOf(measures);
}

/** a / b, or null when b is 0. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** `count(CASE WHEN cond THEN 1 END)` as a summable 0/1 total. */
export const countIf = (condition: SQL) =>
  sql`coalesce(sum(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
