import { ActionIcon, Button, Group, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isoWeekRange } from '../../../shared/domain/time';
import { formatDay } from '../../components/dates';
import { currentWeek, shiftWeek } from './week';

/** Previous / this / next ISO week, with the week's dates. */
export function WeekNav({ week, onChange }: { week: string; onChange: (week: string) => void }) {
  const { t, i18n } = useTranslation();
  const range = isoWeekRange(week);
  return (
    <Group gap="xs" wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('weeklyui.previousWeek')}
        onClick={() => onChange(shiftWeek(week, -1))}
      >
        <IconChevronLeft size={16} />
      </ActionIcon>
      <Text fw={600} size="sm" miw={220} ta="center">
        {range
          ? t('weekly.weekOf', {
              week,
              from: formatDay(range.from, i18n.language),
              to: formatDay(range.to, i18n.language),
            })
          : week}
      </Text>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('weeklyui.nextWeek')}
        onClick={() => onChange(shiftWeek(week, 1))}
      >
        <IconChevronRight size={16} />
      </ActionIcon>
      {week !== currentWeek() && (
        <Button variant="subtle" size="xs" onClick={() => onChange(currentWeek())}>
          {t('weeklyui.thisWeek')}
        </Button>
      )}
    </Group>
  );
}
