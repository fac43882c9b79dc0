import { useSearchParams } from 'react-router';
import { customerSorts, type CustomerListInput, type CustomerSort } from '../../../shared/contract/customers';
import { customerStatuses, type CustomerStatus } from '../../../shared/domain/customers';
import { scopes, type Scope } from '../../../shared/domain/people';

export const PAGE_SIZE = 50;

type Filters = {
  scope: Scope;
  search: string;
  ownerId: string | null;
  teamId: string | null;
  status: CustomerStatus | null;
  region: string | null;
  sort: CustomerSort;
  direction: 'asc' | 'desc';
  page: number;
};

function pick<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * The list's filters live in the address, so going back from a customer returns to the
 * same page, search and sort.
 */
export function useCustomerFilters(defaultScope: Scope) {
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    scope: pick(params.get('scope'), scopes) ?? defaultScope,
    search: params.get('q') ?? '',
    ownerId: params.get('owner'),
    teamId: params.get('team'),
    status: pick(params.get('status'), customerStatuses),
    region: params.get('region'),
    sort: pick(params.get('sort'), customerSorts) ?? 'name',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const keys: Record<keyof Filters, string> = { scope: 'scope', search: 'q', ownerId: 'owner', teamId: 'team', status: 'status', region: 'region', sort: 'sort', direction: 'dir', page: 'page' };

  const set = (patch: Partial<Filters>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          const name = keys[key as keyof Filters];
          if (value === null || value === '' || value === undefined) next.delete(name);
          else next.set(name, String(value));
        }
        // Any change but paging starts again from the first page.
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const query: CustomerListInput = {
    scope: filters.scope,
    search: filters.search,
    sort: filters.sort,
    direction: filters.direction,
    page: filters.page,
    pageSize: PAGE_SIZE,
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.region ? { region: filters.region } : {}),
  };
  const filtered = Boolean(filters.search || filters.ownerId || filters.teamId || filters.status || filters.region);
  const clear = () => set({ search: '', ownerId: null, teamId: null, status: null, region: null });
  return { filters, set, query, filtered, clear, creating: params.get('new') === '1', params, setParams };
}
