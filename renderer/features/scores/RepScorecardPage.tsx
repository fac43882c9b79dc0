import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconBulb, IconGauge } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { DimensionAverages, ScoreSummary } from '../../../shared/contract/scores';
import { dimensions } from '../../../shared/domain/intensity';
import { useApiQuery } from '../../api/queries';
import { DetailCrumbs, DetailQueryState } from '../../components/DetailPage';
import { EmptyState } from '../../components/EmptyState';
import { localToday } from '../../components/dates';
import { formatAverage, heatStyle, pointsBand, textColor } from './bands';
import { scoreTables } from './queries';
import { DealHeatMap } from './DealHeatMap';
import { ScoreStats } from './ScoreStats';

const ScoreRadar = lazy(async () => ({ default: (await import('./ScoreCharts')).ScoreRadar }));

/** Each dimension's average, the rep's beside the team's, with the difference. */
function Averages({ rep, team }: { rep: DimensionAverages; team: DimensionAverages | null }) {
  const { t, i18n } = useTranslation();
  return (
    <Table verticalSpacing={6} highlightOnHover={false} aria-label={t('scorecards.rep.averages')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th />
          <Table.Th ta="center">{t('scorecards.rep.repColumn')}</Table.Th>
          {team && <Table.Th ta="center">{t('scorecards.rep.teamColumn')}</Table.Th>}
          {team && <Table.Th ta="center">{t('scorecards.rep.diff')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {dimensions.map((d) => {
          const mine = rep[d];
          const theirs = team?.[d] ?? null;
          const diff = mine !== null && theirs !== null ? mine - theirs : null;
          return (
            <Table.Tr key={d}>
              <Table.Td fw={600}>{t(`dimensions.${d}`)}</Table.Td>
              <Table.Td ta="center" className="tabular" style={heatStyle(pointsBand(mine))}>
                {formatAverage(mine, i18n.language)}
              </Table.Td>
              {team && (
                <Table.Td ta="center" className="tabular" c="dimmed">
                  {formatAverage(theirs, i18n.language)}
                </Table.Td>
              )}
              {team && (
                <Table.Td
                  ta="center"
                  className="tabular"
                  fw={600}
                  c={diff === null || Math.abs(diff) < 0.05 ? 'dimmed' : diff > 0 ? 'teal' : 'red'}
                >
                  {diff === null
                    ? t('common.none')
                    : `${diff > 0 ? '+' : ''}${formatAverage(diff, i18n.language)}`}
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** The weakest dimension and what to do about it (slide 43). */
function Coaching({ summary }: { summary: ScoreSummary }) {
  const { t } = useTranslation();
  if (!summary.weakest)
    return (
      <Text size="sm" c="dimmed">
        {t('scorecards.rep.noWeakest')}
      </Text>
    );
  return (
    <Stack gap={6}>
      <Group gap="xs">
        <IconBulb size={18} color={textColor('yellow')} />
        <Text size="sm" fw={700}>
          {t('scorecards.rep.weakest', { dimension: t(`dimensions.${summary.weakest}`) })}
        </Text>
      </Group>
      <Text size="sm">{t(`coaching.${summary.weakest}`)}</Text>
    </Stack>
  );
}

/**
 * A rep's scorecard: the open deals as a heat map of the five dimensions, the rep's averages
 * against the team's (radar and table), the weakest dimension with its coaching hint, the
 * calibration flags, and the intensity-weighted forecast beside the milestone-weighted one.
 */
export function RepScorecardPage() {
  const { repId = '' } = useParams();
  const { t } = useTranslation();
  const card = useApiQuery('scores.rep', { repId, today: localToday() }, scoreTables);
  const crumbs = (
    <DetailCrumbs to="/scorecards" list={t('scorecards.title')} current={card.data?.rep.name} />
  );
  if (!card.data)
    return (
      <DetailQueryState
        query={card}
        crumbs={crumbs}
        icon={<IconGauge />}
        notFound={t('scoreErrors.repGone')}
        backTo="/scorecards"
      />
    );
  const { rep, team, deals } = card.data;
  return (
    <Stack gap="md">
      {crumbs}
      <Group gap="sm" align="baseline">
        <Title order={2}>{rep.name}</Title>
        {rep.teamName && (
          <Text c="dimmed" size="sm">
            {rep.teamName}
          </Text>
        )}
        {!rep.active && (
          <Badge variant="outline" color="gray">
            {t('scorecards.team.inactive')}
          </Badge>
        )}
      </Group>
      <ScoreStats summary={rep} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="md" padding="md">
          <Text size="sm" fw={700} mb={4}>
            {t('scorecards.rep.radarTitle')}
          </Text>
          <Suspense fallback={<Skeleton h={280} />}>
            <ScoreRadar
              height={280}
              label={t('scorecards.rep.radarTitle')}
              series={[
                { label: rep.name, values: rep.averages, color: 'teal' },
                ...(team
                  ? [
                      {
                        label: rep.teamName ?? t('scorecards.rep.teamColumn'),
                        values: team.averages,
                        color: 'gray',
                        dashed: true,
                      },
                    ]
                  : []),
              ]}
            />
          </Suspense>
        </Card>
        <Card withBorder radius="md" padding="md">
          <Stack gap="md">
            <Coaching summary={rep} />
            <Averages rep={rep.averages} team={team?.averages ?? null} />
          </Stack>
        </Card>
      </SimpleGrid>
      <Stack gap={4}>
        <Title order={4}>{t('scorecards.rep.dealsTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('scorecards.rep.dealsText')}
        </Text>
      </Stack>
      {deals.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyState
            icon={<IconGauge />}
            title={t('scorecards.rep.emptyTitle')}
            text={t('scorecards.rep.emptyText')}
          />
        </Card>
      ) : (
        <DealHeatMap deals={deals} />
      )}
    </Stack>
  );
}
