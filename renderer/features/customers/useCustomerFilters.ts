import { useSearchParams } from 'react-router';
import {
  customerSorts,
  type CustomerListInput,
  type CustomerSort,
} from '../../../shared/contract/customers';
import { customerStatuses, type CustomerStatus } from '../../../shared/domain/customers';
import { grades } from '../../../shared/domain/grading';
import { localToday } from '../../components/dates';
import { scopes, type Scope } from '../../../shared/domain/people';

export const PAGE_SIZE = 50;

const gradeFilters = [...grades, 'ungraded'] as const;
type GradeFilter = (typeof gradeFilters)[number];

function score(value: string | null): number | null {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : null;
}

type Filters = {
  scope: Scope;
  search: string;
  ownerId: string | null;
  teamId: string | null;
  status: CustomerStatus | null;
  region: string | null;
  grade: GradeFilter | null;
  relationship: number | null;
  attractiveness: number | null;
  overdue: boolean;
  staleGrade: boolean;
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
    grade: pick(params.get('grade'), gradeFilters),
    relationship: score(params.get('rel')),
    attractiveness: score(params.get('attr')),
    overdue: params.get('overdue') === '1',
    staleGrade: params.get('stale') === '1',
    sort: pick(params.get('sort'), customerSorts) ?? 'name',
    direction: params.get('dir') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
  const keys: Record<keyof Filters, string> = {
    scope: 'scope',
    search: 'q',
    ownerId: 'owner',
    teamId: 'team',
    status: 'status',
    region: 'region',
    grade: 'grade',
    relationship: 'rel',
    attractiveness: 'attr',
    overdue: 'overdue',
    staleGrade: 'stale',
    sort: 'sort',
    direction: 'dir',
    page: 'page',
  };

  const set = (patch: Partial<Filters>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(patch)) {
          const name = keys[key as keyof Filters];
          if (value === null || value === '' || value === undefined || value === false)
            next.delete(name);
          else next.set(name, value === true ? '1' : String(value));
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
    ...(filters.grade ? { grade: filters.grade } : {}),
    ...(filters.relationship ? { relationship: filters.relationship } : {}),
    ...(filters.attractiveness ? { attractiveness: filters.attractiveness } : {}),
    ...(filters.overdue ? { overdue: true } : {}),
    ...(filters.staleGrade ? { staleGrade: true } : {}),
    today: localToday(),
  };
  const filtered = Boolean(
    filters.search ||
    filters.ownerId ||
    filters.teamId ||
    filters.status ||
    filters.region ||
    filters.grade ||
    filters.relationship ||
    filters.attractiveness ||
    filters.overdue ||
    filters.staleGrade,
  );
  const clear = () =>
    set({
      search: '',
      ownerId: null,
      teamId: null,
      status: null,
      region: null,
      grade: null,
      relationship: null,
      attractiveness: null,
      overdue: false,
      staleGrade: false,
    });
  return {
    filters,
    set,
    query,
    filtered,
    clear,
    creating: params.get('new') === '1',
    params,
    setParams,
  };
}
