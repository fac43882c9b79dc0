import { useState } from 'react';

export type SortDirection = 'asc' | 'desc';
type Value = number | string | null;

/**
 * A small list sorted in the browser by one column (the scorecards hold one row per rep or per
 * open deal, never a long list): unscored (null) values sort last whichever the direction.
 */
export function useSorted<T, K extends string>(
  rows: readonly T[],
  columns: Record<K, (row: T) => Value>,
  initial: { key: K; direction: SortDirection },
  language: string,
) {
  const [sort, setSort] = useState(initial);
  const get = columns[sort.key];
  const sign = sort.direction === 'asc' ? 1 : -1;
  const sorted = [...rows].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return (x - y) * sign;
    return String(x).localeCompare(String(y), language) * sign;
  });
  const sortProps = (key: K) => ({
    active: sort.key === key,
    direction: sort.direction,
    onSort: () =>
      setSort((s) => ({
        key,
        direction: s.key === key && s.direction === 'asc' ? 'desc' : 'asc',
      })),
  });
  return { sorted, sortProps };
}
