import { Anchor, Breadcrumbs, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportPeriod, ReportScope } from '../../../shared/contract/reports';
import { useApiQuery } from '../../api/queries';
import { reportSearch, scopeParam } from './params';

type Step = { type: 'company' | 'team' | 'rep'; id: string | null; name: string };

/** Teams and users for the scope trail and picker. */
export function usePeople() {
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const users = useApiQuery('team.listUsers', { includeInactive: false }, ['teams', 'users']);
  // Only what the user may read (docs/data-scope.md): the picker and the trail offer no more.
  const visible = useApiQuery('team.visibility', {}, ['teams', 'users']);
  const v = visible.data;
  const teamIds = v?.teamIds ? new Set(v.teamIds) : null;
  const userIds = v?.userIds ? new Set(v.userIds) : null;
  return {
    company: v?.company ?? false,
    teams: (teams.data ?? []).filter((x) => v && (teamIds === null || teamIds.has(x.id))),
    users: (users.data ?? []).filter((x) => v && (userIds === null || userIds.has(x.id))),
  };
}

/** Company → team (→ its parents) → rep, each a link to the same report at that level. */
export function ScopeTrail({
  scope,
  name,
  period,
}: {
  scope: ReportScope;
  name: string | null;
  period: ReportPeriod;
}) {
  const { t } = useTranslation();
  const { company, teams, users } = usePeople();
  const steps: Step[] = company
    ? [{ type: 'company', id: null, name: t('reportsui.scope.company') }]
    : [];
  const teamChain = (teamId: string | null) => {
    const chain: Step[] = [];
    let current = teams.find((x) => x.id === teamId);
    const seen = new Set<string>();
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      chain.unshift({ type: 'team', id: current.id, name: current.name });
      current = teams.find((x) => x.id === current?.parentId);
    }
    return chain;
  };
  if (scope.type === 'team') {
    const chain = teamChain(scope.id);
    steps.push(
      ...(chain.length ? chain : [{ type: 'team' as const, id: scope.id, name: name ?? '' }]),
    );
  } else if (scope.type === 'rep') {
    const user = users.find((u) => u.id === scope.id);
    steps.push(...teamChain(user?.teamId ?? null));
    steps.push({ type: 'rep', id: scope.id, name: name ?? user?.name ?? '' });
  }
  return (
    <nav aria-label={t('reportsui.scope.trail')}>
      <Breadcrumbs separatorMargin={6}>
        {steps.map((s, i) =>
          i === steps.length - 1 ? (
            <Text key={`${s.type}:${s.id}`} fw={600} size="sm" aria-current="page">
              {s.name}
            </Text>
          ) : (
            <Anchor
              key={`${s.type}:${s.id}`}
              component={Link}
              to={{ search: reportSearch(period, s) }}
              size="sm"
            >
              {s.name}
            </Anchor>
          ),
        )}
      </Breadcrumbs>
    </nav>
  );
}

/** Picks the scope directly: the company, any team or any rep. */
export function ScopePicker({
  scope,
  onChange,
}: {
  scope: ReportScope;
  onChange: (scope: ReportScope) => void;
}) {
  const { t } = useTranslation();
  const { company, teams, users } = usePeople();
  const data = [
    ...(company ? [{ value: 'company', label: t('reportsui.scope.company') }] : []),
    {
      group: t('reportsui.kinds.team'),
      items: teams.map((x) => ({ value: `team:${x.id}`, label: x.name })),
    },
    {
      group: t('reportsui.kinds.rep'),
      items: users
        .filter((u) => u.role === 'rep' || u.role === 'manager')
        .map((u) => ({ value: `rep:${u.id}`, label: u.name })),
    },
  ];
  return (
    <Select
      aria-label={t('reportsui.scope.label')}
      data={data}
      value={scopeParam(scope)}
      onChange={(v) => {
        if (!v || v === 'company') return onChange({ type: 'company' });
        const [type, id] = String(v).split(':');
        if ((type === 'team' || type === 'rep') && id) onChange({ type, id });
      }}
      searchable
      allowDeselect={false}
      w={200}
    />
  );
}
