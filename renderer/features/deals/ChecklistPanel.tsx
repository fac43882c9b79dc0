import { Card, Checkbox, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealDetail } from '../../../shared/contract/deals';
import { milestones } from '../../../shared/domain/milestones';
import { call } from '../../api/client';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';
import { textColor } from '../scores/bands';
import { useDealScores } from '../scores/queries';
import { useContradictionWords } from '../scores/contradictions';

/** Each milestone's exit criteria up to the current one, with who ticked what when. */
export function ChecklistPanel({ deal }: { deal: DealDetail }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const [busy, setBusy] = useState<string | null>(null);
  // A ticked item the latest intensity score contradicts says so under its label.
  const scores = useDealScores(deal.id);
  const words = useContradictionWords();
  const contradicted = new Map(
    (scores.data?.contradictions ?? []).map((c) => [c.criterion, words(c).short]),
  );
  const tick = async (criterion: string, checked: boolean) => {
    setBusy(criterion);
    try {
      await call('deals.check', {
        dealId: deal.id,
        criterion,
        checked,
        expectedMilestone: deal.milestone,
        today: localToday(),
      });
    } catch (error) {
      notifications.show({ color: 'red', message: message(error) });
    } finally {
      setBusy(null);
    }
  };
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
                checked={item.checked}
                disabled={busy !== null || deal.status === 'lost'}
                onChange={(e) => void tick(item.criterion, e.currentTarget.checked)}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
