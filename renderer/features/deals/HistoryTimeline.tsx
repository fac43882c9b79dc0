import { Badge, Card, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconBolt, IconFlag, IconTrophy, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DealDetail, HistoryEntry } from '../../../shared/contract/deals';
import { milestoneIndex } from '../../../shared/domain/milestones';
import { formatDateTime } from '../../components/format';
import { columnName, dealColumn } from './columns';

function icon(entry: HistoryEntry) {
  if (entry.toStatus === 'won') return <IconTrophy size={12} />;
  if (entry.toStatus === 'lost') return <IconX size={12} />;
  if (entry.forced) return <IconBolt size={12} />;
  if (
    entry.fromMilestone &&
    milestoneIndex(entry.toMilestone) < milestoneIndex(entry.fromMilestone)
  )
    return <IconArrowBackUp size={12} />;
  return <IconFlag size={12} />;
}

/** Stage history as a timeline, newest first, with the days spent in each stage left. */
export function HistoryTimeline({ deal }: { deal: DealDetail }) {
  const { t, i18n } = useTranslation();
  const entries = [...deal.history].reverse();
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('deals.history.title')}
    >
      <Title order={4} mb="sm">
        {t('deals.history.title')}
      </Title>
      {entries.length === 0 && (
        <Text c="dimmed" size="sm">
          {t('deals.history.empty')}
        </Text>
      )}
      <Timeline active={0} bulletSize={22} lineWidth={2}>
        {entries.map((e, i) => {
          const to = columnName(t, dealColumn({ milestone: e.toMilestone, status: e.toStatus }));
          const from =
            e.fromMilestone && e.fromStatus
              ? columnName(t, dealColumn({ milestone: e.fromMilestone, status: e.fromStatus }))
              : null;
          return (
            <Timeline.Item
              key={e.id}
              bullet={icon(e)}
              color={
                e.forced
                  ? 'orange'
                  : e.toStatus === 'lost'
                    ? 'red'
                    : e.toStatus === 'won'
                      ? 'teal'
                      : undefined
              }
              title={
                <Text size="sm" fw={600}>
                  {from
                    ? t('deals.history.moved', { from, to })
                    : t('deals.history.entered', { milestone: to })}
                  {i === 0 && deal.status === 'open' && (
                    <Badge ml={6} size="xs" variant="light">
                      {t('deals.card.daysInStage', { count: deal.daysInStage })}
                    </Badge>
                  )}
                </Text>
              }
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at, i18n.language)}
                {e.byName ? ` · ${t('deals.history.by', { name: e.byName })}` : ''}
                {e.daysInPreviousStage !== null
                  ? ` · ${from ?? ''} ${t('deals.history.days', { count: e.daysInPreviousStage })}`
                  : ''}
              </Text>
              {e.forced && (
                <Text size="xs" c="orange.7" mt={2}>
                  {t('deals.history.forced', { reason: e.reason ?? '' })}
                </Text>
              )}
              {!e.forced && e.reason && (
                <Text size="xs" mt={2}>
                  {e.reason}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}
