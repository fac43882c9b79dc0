import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconCalendarCog, IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { targetMetrics, type TargetMetric } from '../../../shared/domain/targets';
import type { TargetScopeInput } from '../../../shared/contract/targets';
import type { Visibility } from '../../../shared/contract/team';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { localToday } from '../../components/dates';
import { DecomposeModal } from './DecomposeModal';
import { TargetGrid } from './TargetGrid';
import { TargetOverview } from './TargetOverview';
import { WorkingCalendar } from './WorkingCalendar';
import { readTargetScope, scopeParam, targetTables, unassignedSentence } from './shared';

/**
 * Targets 销售目标 (domain.md §6): the metric and year, the overview of who has what and what is
 * unassigned between levels, and the chosen scope's grid with its decomposition.
 */
export function TargetsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canEdit = user.role !== 'rep';
  const [params, setParams] = useSearchParams();
  const thisYear = Number(localToday().slice(0, 4));
  const metric = (targetMetrics as readonly string[]).includes(params.get('metric') ?? '')
    ? (params.get('metric') as TargetMetric)
    : 'sales';
  const year = Number(params.get('year')) || thisYear;
  const visible = useApiQuery('team.visibility', {}, ['teams', 'users']);
  const scope = readTargetScope(params.get('scope'), defaultScope(user, visible.data));
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) next.set(k, v);
    setParams(next, { replace: true });
  };
  const overview = useApiQuery('targets.overview', { metric, year }, targetTables, {
    placeholderData: (p) => p,
  });
  const years = [thisYear - 1, thisYear, thisYear + 1, year]
    .filter((y, i, all) => all.indexOf(y) === i)
    .sort()
    .map(String);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('targets.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('targets.subtitle')}
          </Text>
        </div>
        <Group gap="sm">
          <Select
            aria-label={t('targets.year')}
            data={years}
            value={String(year)}
            onChange={(v) => v && set({ year: v })}
            allowDeselect={false}
            w={100}
          />
        </Group>
      </Group>
      <SegmentedControl
        aria-label={t('targets.metric')}
        value={metric}
        onChange={(v) => set({ metric: v })}
        data={targetMetrics.map((m) => ({ value: m, label: t(`targets.metrics.${m}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {!canEdit && (
        <Alert variant="light" color="gray" py={6}>
          {t('targetsui.readOnly')}
        </Alert>
      )}
      {overview.isPending || visible.isPending ? (
        <PageLoader />
      ) : overview.isError ? (
        <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />
      ) : visible.isError ? (
        <ErrorState error={visible.error} onRetry={() => void visible.refetch()} />
      ) : (
        <>
          <Card withBorder radius="md" padding="md">
            <Group justify="space-between" mb="xs">
              <Text fw={600}>{t('targets.overview.title')}</Text>
              <Text size="xs" c="dimmed">
                {t('targetsui.overviewHint')}
              </Text>
            </Group>
            <TargetOverview
              overview={overview.data}
              visible={visible.data}
              selected={scope}
              onSelect={(s) => set({ scope: scopeParam(s) })}
            />
          </Card>
          <ScopeGrid metric={metric} year={year} scope={scope} canEdit={canEdit} />
        </>
      )}
    </Stack>
  );
}

/**
 * The grid a user lands on: the company's with the company view, else a rep's own line, or the
 * first team a manager may read (docs/data-scope.md).
 */
function defaultScope(user: { id: string; role: string }, visible: Visibility | undefined) {
  if (!visible || visible.company) return { type: 'company' } as const;
  const team = visible.teamIds?.[0];
  if (user.role !== 'rep' && team) return { type: 'team', id: team } as const;
  return { type: 'rep', id: user.id } as const;
}

function ScopeGrid({
  metric,
  year,
  scope,
  canEdit,
}: {
  metric: TargetMetric;
  year: number;
  scope: TargetScopeInput;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [decompose, setDecompose] = useState(false);
  const [calendar, setCalendar] = useState(false);
  const grid = useApiQuery('targets.grid', { metric, year, scope }, targetTables, {
    placeholderData: (p) => p,
  });
  if (grid.isPending) return <PageLoader />;
  if (grid.isError) return <ErrorState error={grid.error} onRetry={() => void grid.refetch()} />;
  const g = grid.data;
  const childLabel =
    g.scope.type === 'company' ? t('targets.overview.teams') : t('targets.overview.reps');
  const own =
    g.scope.type === 'rep' || g.total.childrenSum === null
      ? null
      : unassignedSentence(
          t,
          g.scope.name,
          childLabel,
          g.total.value,
          g.total.childrenSum,
          g.money,
          i18n.language,
        );
  const parent = g.parent
    ? unassignedSentence(
        t,
        g.parent.scope.name,
        g.parent.scope.type === 'company'
          ? t('targets.overview.teams')
          : t('targets.overview.reps'),
        g.parent.value,
        g.parent.childrenSum,
        g.money,
        i18n.language,
      )
    : null;
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3}>
            {t('targetsui.grid', {
              name: g.scope.type === 'company' ? t('targets.scopes.company') : g.scope.name,
              year: g.year,
            })}
          </Title>
          <Group gap="xs">
            <Button
              variant="default"
              leftSection={<IconCalendarCog size={16} />}
              onClick={() => setCalendar(true)}
            >
              {t('targetsui.calendarButton')}
            </Button>
            {canEdit && (
              <Button onClick={() => setDecompose(true)}>{t('targetsui.decomposeButton')}</Button>
            )}
          </Group>
        </Group>
        {own && (
          <Text size="sm" c={g.total.unassigned ? 'yellow.8' : 'teal'} fw={500}>
            {own}
          </Text>
        )}
        {parent && (
          <Text size="sm" c="dimmed">
            {t('targetsui.partOf', { name: g.parent?.scope.name ?? '', sentence: parent })}
          </Text>
        )}
        {g.total.value === null && g.quarters.every((q) => q.value === null) ? (
          <EmptyState
            icon={<IconTarget />}
            title={t('targets.noTarget')}
            text={t('targets.empty')}
            action={
              canEdit ? (
                <Button onClick={() => setDecompose(true)}>{t('targetsui.decomposeButton')}</Button>
              ) : undefined
            }
          />
        ) : (
          <>
            {canEdit && (
              <Text size="xs" c="dimmed">
                {t('targetsui.editHint')}
              </Text>
            )}
            <TargetGrid grid={g} scope={scope} canEdit={canEdit} />
          </>
        )}
      </Stack>
      {decompose && (
        <DecomposeModal opened onClose={() => setDecompose(false)} grid={g} scope={scope} />
      )}
      {calendar && (
        <WorkingCalendar opened onClose={() => setCalendar(false)} year={year} canEdit={canEdit} />
      )}
    </Card>
  );
}
