import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconGauge } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { DealDetail } from '../../../shared/contract/deals';
import type { DealScores } from '../../../shared/contract/scores';
import { TOTAL_MAX, scoreBand } from '../../../shared/domain/intensity';
import { ErrorState } from '../../components/ErrorState';
import { bandColor, textColor } from './bands';
import { useDealScores } from './queries';
import { useContradictionWords } from './contradictions';
import { ScoreFlags } from './ScoreFlags';
import { ScoreHistory } from './ScoreHistory';
import { ScoreModal } from './ScoreModal';

const ScoreTrend = lazy(async () => ({ default: (await import('./ScoreCharts')).ScoreTrend }));
const ScoreRadar = lazy(async () => ({ default: (await import('./ScoreCharts')).ScoreRadar }));

/** "Score" opens the dialog; `?score=1` (the board card's "Score…") opens it at once. */
function useScoring(): [boolean, (open: boolean) => void] {
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState(() => params.get('score') === '1');
  return [
    open,
    (next) => {
      setOpen(next);
      if (!next && params.has('score'))
        setParams(
          (p) => {
            const rest = new URLSearchParams(p);
            rest.delete('score');
            return rest;
          },
          { replace: true },
        );
    },
  ];
}

/**
 * The deal page's sales intensity score: the latest total beside the milestone's probability
 * (盈率校准) with its flags, the ticked criteria the score contradicts, the trend of every
 * scoring and the latest five dimensions, and the history. Only open deals are scored.
 */
export function ScorePanel({ deal }: { deal: DealDetail }) {
  const { t } = useTranslation();
  const scores = useDealScores(deal.id);
  const [scoring, setScoring] = useScoring();
  const open = deal.status === 'open';
  const latest = scores.data?.latest ?? null;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('scorecards.panel.title')}
    >
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('scorecards.panel.title')}</Title>
        {open && (
          <Button
            size="xs"
            leftSection={<IconGauge size={14} />}
            disabled={!scores.data}
            onClick={() => setScoring(true)}
          >
            {latest ? t('scorecards.panel.rescore') : t('scorecards.panel.score')}
          </Button>
        )}
      </Group>
      {scores.isPending ? (
        <Stack gap="xs">
          <Skeleton h={40} />
          <Skeleton h={160} />
        </Stack>
      ) : scores.isError ? (
        <ErrorState error={scores.error} onRetry={() => void scores.refetch()} />
      ) : (
        <ScoreBody data={scores.data} open={open} />
      )}
      {scoring && open && scores.data && (
        <ScoreModal
          deal={{
            id: deal.id,
            title: deal.title,
            probability: scores.data.calibration.probability,
          }}
          latest={latest}
          onClose={() => setScoring(false)}
        />
      )}
    </Card>
  );
}

function ScoreBody({ data, open }: { data: DealScores; open: boolean }) {
  const { t } = useTranslation();
  const words = useContradictionWords();
  const latest = data.latest;
  const cal = data.calibration;
  if (!latest)
    return (
      <Stack gap={6}>
        {open && (
          <Group gap={6}>
            <ScoreFlags deal={{ ...cal, scoredAt: null }} size="sm" />
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {open ? t('scorecards.panel.emptyOpen') : t('scorecards.panel.emptyClosed')}
        </Text>
      </Stack>
    );
  const band = scoreBand(latest.total);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Group gap="xs" align="baseline" wrap="nowrap">
          <Text fz={40} fw={800} lh={1} className="tabular" c={textColor(bandColor[band])}>
            {latest.total}
          </Text>
          <Text size="sm" c="dimmed">
            /{TOTAL_MAX}
          </Text>
          <Badge color={bandColor[band]} variant="light">
            {t(`bands.${band}`)}
          </Badge>
        </Group>
        <Stack gap={4} align="flex-end">
          <Text size="sm" className="tabular">
            {t('scorecards.panel.calibration', {
              probability: cal.probability,
              total: latest.total,
            })}
          </Text>
          <Group gap={6}>
            <ScoreFlags deal={{ ...cal, scoredAt: latest.scoredAt }} size="sm" />
          </Group>
        </Stack>
      </Group>
      {data.contradictions.length > 0 && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('scorecards.panel.contradictions', { count: data.contradictions.length })}
        >
          <List size="sm" spacing={6}>
            {data.contradictions.map((c) => {
              const w = words(c);
              return (
                <List.Item key={c.criterion}>
                  <Text size="sm">{w.says}</Text>
                  <Text size="xs" c="dimmed">
                    {w.needs}
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: data.history.length > 1 ? 2 : 1 }} spacing="md">
        {data.history.length > 1 && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('scorecards.panel.trend')}
            </Text>
            <Suspense fallback={<Skeleton h={200} />}>
              <ScoreTrend history={data.history} />
            </Suspense>
          </Stack>
        )}
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('scorecards.panel.radar')}
          </Text>
          <Suspense fallback={<Skeleton h={200} />}>
            <ScoreRadar
              height={200}
              label={t('scorecards.panel.radar')}
              series={[
                { label: t('scorecards.panel.latest'), values: latest.points, color: 'teal' },
              ]}
            />
          </Suspense>
        </Stack>
      </SimpleGrid>
      <ScoreHistory history={data.history} />
    </Stack>
  );
}
