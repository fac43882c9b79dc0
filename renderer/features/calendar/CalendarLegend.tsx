import { Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencilExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { visitPurposes, visitStatuses } from '../../../shared/domain/visits';
import { purposeColors, statusColors, type ColorBy } from './colors';

function Swatch({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={5} wrap="nowrap">
      <span
        aria-hidden
        style={{
          width: 10,
          height: 10,
          borderRadius: 3,
          background: `var(--mantine-color-${color}-filled)`,
        }}
      />
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Group>
  );
}

/** What the colours and the small marks on events mean. */
export function CalendarLegend({ colorBy }: { colorBy: ColorBy }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" mt="xs" px={4} wrap="wrap" aria-label={t('calendar.legend')}>
      {colorBy === 'purpose'
        ? visitPurposes.map((p) => (
            <Swatch key={p} color={purposeColors[p]} label={t(`visitPurpose.${p}`)} />
          ))
        : visitStatuses.map((s) => (
            <Swatch key={s} color={statusColors[s]} label={t(`visitStatus.${s}`)} />
          ))}
      <Swatch color="yellow" label={t('calendar.legendMeeting')} />
      <Swatch color="pink" label={t('meetingKind.coaching')} />
      <Group gap={5} wrap="nowrap">
        <IconPencilExclamation size={13} color="var(--mantine-color-orange-filled)" />
        <Text size="xs" c="dimmed">
          {t('calendar.markers.summaryDue')}
        </Text>
      </Group>
      <Group gap={5} wrap="nowrap">
        <IconAlertTriangle size={13} color="var(--mantine-color-red-filled)" />
        <Text size="xs" c="dimmed">
          {t('calendar.markers.conflict')}
        </Text>
      </Group>
      <Group gap={5} wrap="nowrap">
        <IconCircleCheck size={13} />
        <Text size="xs" c="dimmed">
          {t('calendar.markers.effective')}
        </Text>
      </Group>
    </Group>
  );
}
