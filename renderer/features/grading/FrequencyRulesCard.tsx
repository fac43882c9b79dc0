import { Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrequencyRules } from '../../../shared/domain/grading';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { DaysInput } from '../../components/DaysInput';
import { SaveRow } from '../../components/buttons';
import { ErrorState } from '../../components/ErrorState';
import { GradeBadge } from './GradeBadge';

const order = ['key', 'potential', 'ordinary', 'ignore'] as const;

/** The golden triangle's frequency (频率): how often each grade must be contacted. Team-wide. */
export function FrequencyRulesCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const settings = useApiQuery('settings.get', {}, ['settings']);
  const save = useApiMutation('settings.setFrequencyRules');
  const [rules, setRules] = useState<FrequencyRules | null>(null);
  useEffect(() => {
    if (settings.data) setRules(settings.data.frequencyRules);
  }, [settings.data]);
  const readOnly = me.role === 'rep';

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('grading.frequencyTitle')}
    >
      <Title order={4}>{t('grading.frequencyTitle')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('grading.frequencyText')}
      </Text>
      {settings.isError && (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      )}
      {rules && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {order.map((grade) => {
              const days = rules[grade];
              return (
                <Group key={grade} gap="sm" wrap="nowrap" align="center">
                  <div style={{ width: 96 }}>
                    <GradeBadge grade={grade} />
                  </div>
                  <DaysInput
                    label={t(`grades.${grade}`)}
                    value={days}
                    onChange={(v) => setRules({ ...rules, [grade]: v })}
                    disabled={days === null || readOnly}
                  />
                  <Checkbox
                    label={t('grading.noRule')}
                    checked={days === null}
                    disabled={readOnly}
                    onChange={(e) =>
                      setRules({ ...rules, [grade]: e.currentTarget.checked ? null : 30 })
                    }
                  />
                </Group>
              );
            })}
          </SimpleGrid>
          {!readOnly && (
            <SaveRow mutation={save} value={rules} saved={t('grading.frequencySaved')} />
          )}
        </Stack>
      )}
    </Card>
  );
}
