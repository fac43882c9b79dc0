import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamSettings } from '../../../shared/contract/settings';
import { milestoneProbability } from '../../../shared/domain/milestones';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { DaysInput } from '../../components/DaysInput';
import { SaveRow } from '../../components/buttons';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';

type StalledDays = TeamSettings['stalledDays'];
const open = ['M1', 'M2', 'M3', 'M4', 'M5'] as const;

/** Stalled thresholds per milestone in Settings: managers edit, reps read. */
export function StalledDaysCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const settings = useApiQuery('settings.get', {}, ['settings']);
  const save = useApiMutation('settings.setStalledDays');
  const [days, setDays] = useState<StalledDays | null>(null);
  useEffect(() => {
    if (settings.data) setDays(settings.data.stalledDays);
  }, [settings.data]);
  const readOnly = me.role === 'rep';

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('deals.stalled.title')}
    >
      <Title order={4}>{t('deals.stalled.title')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {readOnly
          ? `${t('deals.stalled.text')} ${t('deals.stalled.readOnly')}`
          : t('deals.stalled.text')}
      </Text>
      {settings.isPending && <PageLoader />}
      {settings.isError && (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {days && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {open.map((m) => (
              <Group key={m} gap="sm" wrap="nowrap" justify="space-between">
                <Text size="sm">
                  {m} {t(`milestones.${m}`)}{' '}
                  <Text span c="dimmed" size="xs">
                    {milestoneProbability[m]}%
                  </Text>
                </Text>
                <DaysInput
                  label={`${m} ${t(`milestones.${m}`)}`}
                  value={days[m]}
                  onChange={(v) => setDays({ ...days, [m]: v ?? 0 })}
                  readOnly={readOnly}
                />
              </Group>
            ))}
          </SimpleGrid>
          {!readOnly && <SaveRow mutation={save} value={days} saved={t('deals.stalled.saved')} />}
        </Stack>
      )}
    </Card>
  );
}
