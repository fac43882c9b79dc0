import { Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DealDetail } from '../../../shared/contract/deals';
import { milestones } from '../../../shared/domain/milestones';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { textColor } from '../scores/bands';
import { useDealScores } from '../scores/queries';
import { useContradictionWords } from '../scores/contradictions';
import { useChecklistTick } from './useChecklistTick';

/** Each milestone's exit criteria up to the current one, with who ticked what when. */
export function ChecklistPanel({ deal }: { deal: DealDetail }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  // The box answers the click at once; a refused tick falls back, with the reason.
  const ticks = useChecklistTick(deal, localToday(), {
    onError: (error) => notifications.show({ color: 'red', message: message(error) }),
  });
  // A ticked item the latest intensity score contradicts says so under its label.
  const scores = useDealScores(deal.id);
  const words = useContradictionWords();
  const contradicted = new Map(
    (scores.data?.contradictions ?? []).map((c) => [c.criterion, words(c).short]),
  );
  const groups = milestones
    .map((m) => ({ m, items: deal.checklist.filter((i) => i.milestone === m) }))
    .filter((g) => g.items.length > 0);
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('deals.checklist.title')}
    >
      <Title order={4} mb="sm">
        {t('deals.checklist.title')}
      </Title>
      <Stack gap="md">
        {groups.map(({ m, items }) => (
          <Stack key={m} gap={6}>
            <Text size="sm" fw={650} c={m === deal.milestone ? undefined : 'dimmed'}>
              {m} {t(`milestones.${m}`)}
              {m === deal.milestone && deal.status === 'open'
                ? ` · ${t('deals.checklist.current')}`
                : ''}
            </Text>
            {items.map((item) => (
              <Checkbox
                key={item.criterion}
                label={t(`criteria.${item.criterion}`)}
                description={
                  item.checked && item.checkedAt ? (
                    <>
                      {t('deals.checklist.ticked', {
                        name: item.checkedByName ?? '',
                        when: formatDateTime(item.checkedAt, i18n.language),
                      })}
                      {contradicted.has(item.criterion) && (
                        <Text component="span" size="xs" display="block" c={textColor('yellow')}>
                          <IconAlertTriangle
                            size={12}
                            style={{ verticalAlign: -2, marginInlineEnd: 4 }}
                          />
                          {contradicted.get(item.criterion)}
                        </Text>
                      )}
                    </>
                  ) : undefined
                }
                checked={ticks.checkedOf(item.criterion, item.checked)}
                disabled={deal.status === 'lost'}
                onChange={(e) => ticks.tick(item.criterion, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
