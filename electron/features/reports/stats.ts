import { sql, type SQL } from 'drizzle-orm';

/** The median of a column of a (materialised) CTE, as a scalar subquery; NULL when empty. */
export function medianSql(table: string, column: string): SQL {
  const t = sql.identifier(table);
  const c = sql.identifier(column);
  const n = sql`(SELECT count(*) FROM ${t} WHERE ${c} IS NOT NULL)`;
  return sql`(SELECT avg(${c}) FROM (SELECT ${c} FROM ${t} WHERE ${c} IS NOT NULL ORDER BY ${c}
    LIMIT 2 - ${n} % 2 OFFSET (${n} - 1) / 2))`;
}

/** Days and averages are shown with one decimal. */
export function oneDecimal(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

/**
 * The median of values given as (value, how many) pairs in ascending order: the middle value,
 * or the mean of the two middle ones; null when there are none.
 */
export function medianOfCounts(counts: readonly (readonly [number, number])[]): number | null {
  const n = counts.reduce((sum, [, c]) => sum + c, 0);
  if (n === 0) return null;
  const at = (position: number) => {
    let seen = 0;
    for (const [value, c] of counts) {
      seen += c;
      if (seen >= position) return value;
    }
    return counts[counts.length - 1]?.[0] ?? 0;
  };
  return (at(Math.floor((n + 1) / 2)) + at(Math.floor((n + 2) / 2))) / 2;
}
