import { QueryClient, useMutation, useQuery, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Input, MethodName, Output } from '../../shared/contract';
import { call, onTablesChanged } from './client';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false },
  },
});

/**
 * A query of one contract method. `tables` names what it reads, so a commit touching
 * any of them refreshes it by itself (engineering.md §3: no manual refresh).
 */
export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  tables: readonly string[],
  options: Omit<UseQueryOptions<Output<M>>, 'queryKey' | 'queryFn' | 'meta'> = {},
) {
  return useQuery<Output<M>>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    meta: { tables },
    ...options,
  });
}

/** A mutation of one contract method; refreshing follows from the tables-changed event. */
export function useApiMutation<M extends MethodName>(method: M) {
  return useMutation<Output<M>, Error, Input<M>>({ mutationFn: (input) => call(method, input) });
}

/** Invalidates every query that reads a changed table. Mount once, near the root. */
export function useTablesChangedRefresh(): void {
  useEffect(
    () =>
      onTablesChanged((tables) => {
        void queryClient.invalidateQueries({
          predicate: (query) => {
            const read = (query.meta?.tables ?? []) as readonly string[];
            return read.some((t) => tables.includes(t));
          },
        });
      }),
    [],
  );
}
