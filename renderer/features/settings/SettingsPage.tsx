import {
  Alert,
  Button,
  Card,
  Code,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { useAppStatus, useCurrentUser } from '../../app/status';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ErrorState } from '../../components/ErrorState';
import { BackupSettings } from '../backup/BackupSettings';
import { ProductsCard } from '../deals/ProductsCard';
import { StalledDaysCard } from '../deals/StalledDaysCard';
import { FrequencyRulesCard } from '../grading/FrequencyRulesCard';
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
  const me = useCurrentUser();
  const preferences = useStatusMutation('app.setPreferences');
  const switchUser = useStatusMutation('app.setCurrentUser');
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const [nextUser, setNextUser] = useState<string | null>(null);
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

      <Section title={t('settings.you')}>
        <Stack gap="md">
          <Text size="sm">{t('settings.youText', { name: me.name })}</Text>
          <Group align="flex-end">
            <Select
              label={t('settings.switchUser')}
              placeholder={t('settings.switchUserPlaceholder')}
              data={(users.data ?? [])
                .filter((u) => u.id !== me.id)
                .map((u) => ({
                  value: u.id,
                  label: u.teamName ? `${u.name} · ${u.teamName}` : u.name,
                }))}
              value={nextUser}
              onChange={setNextUser}
              searchable
              w={280}
            />
            <Button
              variant="default"
              disabled={!nextUser}
              loading={switchUser.isPending}
              onClick={() =>
                nextUser &&
                switchUser.mutate({ userId: nextUser }, { onSuccess: () => setNextUser(null) })
              }
            >
              {t('settings.switchUser')}
            </Button>
          </Group>
          {switchUser.isError && <ErrorState error={switchUser.error} />}
          <Alert variant="light" color="gray" icon={<IconInfoCircle />}>
            <Text size="sm">{t('settings.scopeNote')}</Text>
          </Alert>
        </Stack>
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
