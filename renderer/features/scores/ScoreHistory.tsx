import { Anchor, Badge, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreEntry } from '../../../shared/contract/scores';
import { dimensions, scoreBand } from '../../../shared/domain/intensity';
import { formatDateTime } from '../../components/format';
import { bandColor } from './bands';

const SHOWN = 3;

/** Every scoring of a deal, newest first: total, change, who and when, the five points, the note. */
export function ScoreHistory({ history }: { history: ScoreEntry[] }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const newest = [...history].reverse();
  const shown = all ? newest : newest.slice(0, SHOWN);
  return (
    <Stack gap="xs">
      <Title order={5}>{t('scorecards.history.title', { count: history.length })}</Title>
      <Timeline bulletSize={14} lineWidth={2} active={-1}>
        {shown.map((entry) => {
          const previous = history[history.indexOf(entry) - 1];
          const delta = previous ? entry.total - previous.total : null;
          return (
            <Timeline.Item
              key={entry.id}
              title={
                <Group gap="xs" wrap="wrap">
                  <Badge
                    color={bandColor[scoreBand(entry.total)]}
                    variant="light"
                    className="tabular"
                  >
                    {entry.total}
                  </Badge>
                  {delta !== null && delta !== 0 && (
                    <Text size="xs" fw={600} c={delta > 0 ? 'teal' : 'red'} className="tabular">
                      {delta > 0 ? `+${delta}` : delta}
                    </Text>
                  )}
                  <Text size="sm" fw={600}>
                    {formatDateTime(entry.scoredAt, i18n.language)}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {entry.scoredByName ?? t('common.none')}
                  </Text>
                </Group>
              }
            >
              <Text size="xs" c="dimmed" className="tabular">
                {dimensions.map((d) => `${t(`dimensions.${d}`)} ${entry.points[d]}`).join(' · ')}
              </Text>
              {entry.note && (
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.note}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
      {history.length > SHOWN && (
        <Anchor component="button" type="button" size="sm" onClick={() => setAll((v) => !v)}>
          {all
            ? t('scorecards.history.fewer')
            : t('scorecards.history.all', { count: history.length })}
        </Anchor>
      )}
    </Stack>
  );
}
