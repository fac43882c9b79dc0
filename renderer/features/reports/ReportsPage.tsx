import {
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { reportNames } from '../../../shared/contract/reports';
import { WeeklyPackButton } from '../exports/WeeklyPackButton';
import { reportIcons } from './icons';

/** The ten reports of domain.md §7, each with what it answers. */
export function ReportsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('reportsui.title')}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('reportsui.subtitle')}
          </Text>
        </div>
        <WeeklyPackButton />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {reportNames.map((name) => {
          const Icon = reportIcons[name];
          return (
            <UnstyledButton key={name} component={Link} to={`/reports/${name}`}>
              <Card withBorder radius="md" padding="md" h="100%">
                <Stack gap={6}>
                  <ThemeIcon variant="light" size="lg" radius="md">
                    <Icon size={20} stroke={1.7} />
                  </ThemeIcon>
                  <Text fw={600}>{t(`reportsui.names.${name}`)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`reportsui.descriptions.${name}`)}
                  </Text>
                </Stack>
              </Card>
            </UnstyledButton>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}
