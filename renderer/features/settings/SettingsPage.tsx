import { Card, Code, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAppStatus } from '../../app/status';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ErrorState } from '../../components/ErrorState';
import { BackupSettings } from '../backup/BackupSettings';
import { ProductsCard } from '../deals/ProductsCard';
import { StalledDaysCard } from '../deals/StalledDaysCard';
import { FrequencyRulesCard } from '../grading/FrequencyRulesCard';
import { AccountCard } from '../signin/AccountCard';
import { TeamFolderSettings } from '../sync/TeamFolderSettings';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={4} mb="md">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {children}
    </Group>
  );
}

/** Language and theme for this device, who is using it, and facts about the database. */
export function SettingsPage() {
  const { t } = useTranslation();
  const status = useAppStatus();
  const preferences = useStatusMutation('app.setPreferences');
  const [params] = useSearchParams();
  const section = params.get('section');
  useEffect(() => {
    if (section) document.getElementById(section)?.scrollIntoView({ block: 'start' });
  }, [section]);

  return (
    <Stack gap="lg" maw={880}>
      <Title order={2}>{t('settings.title')}</Title>
      <Section title={t('settings.appearance')}>
        <Stack gap="md">
          <Row label={t('settings.language')}>
            <SegmentedControl
              aria-label={t('settings.language')}
              value={status.language ?? 'system'}
              onChange={(value) =>
                preferences.mutate({
                  language: value === 'system' ? null : (value as 'zh-CN' | 'en'),
                })
              }
              data={[
                { value: 'system', label: t('settings.languageSystem') },
                { value: 'zh-CN', label: '简体中文' },
                { value: 'en', label: 'English' },
              ]}
            />
          </Row>
          <Row label={t('settings.theme')}>
            <SegmentedControl
              aria-label={t('settings.theme')}
              value={status.theme}
              onChange={(value) =>
                preferences.mutate({ theme: value as 'system' | 'light' | 'dark' })
              }
              data={[
                { value: 'system', label: t('settings.themeSystem') },
                { value: 'light', label: t('settings.themeLight') },
                { value: 'dark', label: t('settings.themeDark') },
              ]}
            />
          </Row>
          {preferences.isError && <ErrorState error={preferences.error} />}
        </Stack>
      </Section>

      <Section title={t('signIn.account')}>
        <AccountCard />
      </Section>

      <TeamFolderSettings />
      <BackupSettings />

      <FrequencyRulesCard />
      <StalledDaysCard />
      <ProductsCard />

      <Section title={t('settings.about')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('settings.databasePath')}
            </Text>
            <Code style={{ wordBreak: 'break-all' }}>{status.databasePath}</Code>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('settings.deviceId')}
            </Text>
            <Code>{status.deviceId}</Code>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('settings.schemaVersion')}
            </Text>
            <Text size="sm">{status.schemaVersion}</Text>
          </Stack>
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('settings.appVersion')}
            </Text>
            <Text size="sm">{status.appVersion}</Text>
          </Stack>
        </SimpleGrid>
      </Section>
    </Stack>
  );
}
