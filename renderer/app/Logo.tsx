import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The wordmark: three rising bars, the team's pace. */
export function Logo({ size = 28 }: { size?: number }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--mantine-color-teal-7)" />
        <rect x="7" y="17" width="4.5" height="8" rx="1.5" fill="#fff" opacity="0.7" />
        <rect x="13.75" y="12" width="4.5" height="13" rx="1.5" fill="#fff" opacity="0.85" />
        <rect x="20.5" y="7" width="4.5" height="18" rx="1.5" fill="#fff" />
      </svg>
      <Text fw={700} size="lg" style={{ letterSpacing: 0.2 }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
