import { SimpleGrid } from '@mantine/core';
import { DatePickerInput, TimePicker } from '@mantine/dates';
import { IconCalendar, IconClock } from '@tabler/icons-react';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** Day, start and end of a visit or meeting: a local day and 24-hour times (the contract's shape). */
export function WhenFields({
  day,
  start,
  end,
  dayLabel,
  startLabel,
  endLabel,
}: {
  /** `form.getInputProps(...)` of the day (YYYY-MM-DD), the start and the end (HH:mm). */
  day: GetInputPropsReturnType;
  start: GetInputPropsReturnType;
  end: GetInputPropsReturnType;
  dayLabel?: string;
  startLabel?: string;
  endLabel?: string;
}) {
  const { t, i18n } = useTranslation();
  const presets = Array.from({ length: 27 }, (_, i) => {
    const minutes = 7 * 60 + i * 30;
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  });
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      <DatePickerInput
        label={dayLabel ?? t('calendar.fields.day')}
        withAsterisk
        leftSection={<IconCalendar size={16} />}
        valueFormat={i18n.language === 'zh-CN' ? 'M月D日 ddd' : 'ddd, MMM D'}
        {...day}
      />
      <TimePicker
        label={startLabel ?? t('calendar.fields.start')}
        withAsterisk
        format="24h"
        withDropdown
        minutesStep={5}
        presets={presets}
        leftSection={<IconClock size={16} />}
        hoursInputLabel={t('calendar.fields.hours')}
        minutesInputLabel={t('calendar.fields.minutes')}
        {...start}
      />
      <TimePicker
        label={endLabel ?? t('calendar.fields.end')}
        withAsterisk
        format="24h"
        withDropdown
        minutesStep={5}
        presets={presets}
        leftSection={<IconClock size={16} />}
        hoursInputLabel={t('calendar.fields.hours')}
        minutesInputLabel={t('calendar.fields.minutes')}
        {...end}
      />
    </SimpleGrid>
  );
}
