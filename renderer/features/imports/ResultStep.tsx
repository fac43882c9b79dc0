import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportResult } from '../../../shared/contract/imports';

/** Step 4's end: what the import did, in numbers. */
export function ResultStep({ result }: { result: ImportResult }) {
  const { t, i18n } = useTranslation();
  const lines: [string, number][] = [
    [t('imports.result.created'), result.created],
    [t('imports.result.updated'), result.updated],
    [t('imports.result.unchanged'), result.unchanged],
    [t('imports.result.skipped'), result.skipped],
    [t('imports.result.invalid'), result.invalid],
    [t('imports.result.contacts'), result.contactsCreated],
  ];
  return (
    <Stack gap="md" py="sm">
      <Group gap="sm">
        <ThemeIcon size={40} radius="xl" color="teal" variant="light">
          <IconCircleCheck size={24} />
        </ThemeIcon>
        <Title order={4}>{t('imports.result.title')}</Title>
      </Group>
      <SimpleGrid
        cols={{ base: 2, sm: 3 }}
        spacing="sm"
        role="list"
        aria-label={t('imports.result.title')}
      >
        {lines.map(([label, value]) => (
          <Paper
            key={label}
            withBorder
            radius="md"
            p="sm"
            role="listitem"
            aria-label={`${label}: ${value}`}
          >
            <Text size="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text fz={24} fw={700} className="tabular" c={value === 0 ? 'dimmed' : undefined}>
              {value.toLocaleString(i18n.language)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
