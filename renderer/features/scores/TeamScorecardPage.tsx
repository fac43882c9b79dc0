import { Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconGauge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { ScopeSwitch, useScope } from '../../components/ScopeSwitch';
import { localToday } from '../../components/dates';
import { scoreTables } from './queries';
import { ScoreStats } from './ScoreStats';
import { TeamSummary } from './TeamSummary';
import { TeamTable } from './TeamTable';

/**
 * The team scorecard (销售强度评分): the manager's weekly coaching screen. One row per rep with
 * the five dimensions' averages over their open deals, who over-claims, whose scores are stale
 * or missing, and each rep's weakest dimension; a row opens the rep's scorecard.
 */
export function TeamScorecardPage() {
  const { t } = useTranslation();
  const [scope, setScope] = useScope();
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users'], {
    enabled: scope === 'all',
  });
  const board = useApiQuery(
    'scores.team',
    { scope, today: localToday(), ...(scope === 'all' && teamId ? { teamId } : {}) },
    scoreTables,
    { placeholderData: (previous) => previous },
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('scorecards.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('scorecards.team.text')}
          </Text>
        </div>
        <Group gap="sm">
          <ScopeSwitch value={scope} onChange={setScope} />
          {scope === 'all' && (
            <Select
              aria-label={t('scorecards.team.teamFilter')}
              placeholder={t('scorecards.team.anyTeam')}
              data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
              value={teamId}
              onChange={setTeamId}
              clearable
              w={160}
            />
          )}
        </Group>
      </Group>
      {board.isPending ? (
        <PageLoader />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : board.data.rows.length === 0 ? (
        <EmptyState
          icon={<IconGauge />}
          title={t('scorecards.team.emptyTitle')}
          text={t('scorecards.team.emptyText')}
        />
      ) : (
        <>
          <TeamSummary rows={board.data.rows} summary={board.data.summary} />
          <ScoreStats summary={board.data.summary} />
          <TeamTable rows={board.data.rows} summary={board.data.summary} />
          <Text size="xs" c="dimmed">
            {t('scorecards.team.legend')}
          </Text>
        </>
      )}
    </Stack>
  );
}
