import { ActionIcon, Group, SegmentedControl } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportPeriod } from '../../../shared/contract/reports';
import { LocalizedDates } from '../../components/LocalizedDates';
import { shiftPeriod, type PeriodKindParam } from './params';

const kinds: PeriodKindParam[] = ['week', 'month', 'quarter', 'year', 'custom'];

/** Week, month, quarter or year holding a date (with previous/next), or a custom range. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: ReportPeriod;
  onChange: (period: ReportPeriod) => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const anchor = value.kind === 'custom' ? value.from : value.date;
  return (
    <LocalizedDates>
      <Group gap="xs" wrap="wrap">
        <SegmentedControl
          aria-label={t('reportsui.period.label')}
          value={value.kind}
          onChange={(k) =>
            onChange(
              k === 'custom'
                ? {
                    kind: 'custom',
                    from: value.kind === 'custom' ? value.from : anchor,
                    to: value.kind === 'custom' ? value.to : anchor,
                  }
                : { kind: k as Exclude<PeriodKindParam, 'custom'>, date: anchor },
            )
          }
          data={kinds.map((k) => ({ value: k, label: t(`reportsui.period.kinds.${k}`) }))}
        />
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('reportsui.period.previous')}
          onClick={() => onChange(shiftPeriod(value, -1))}
        >
          <IconChevronLeft size={16} />
        </ActionIcon>
        {value.kind === 'custom' ? (
          <DatePickerInput
            type="range"
            aria-label={t('reportsui.period.range')}
            value={[value.from, value.to]}
            onChange={([from, to]) => {
              if (from && to) onChange({ kind: 'custom', from, to });
            }}
            valueFormat={zh ? 'YYYY年M月D日' : 'MMM D, YYYY'}
            w={260}
          />
        ) : (
          <DatePickerInput
            aria-label={t('reportsui.period.date')}
            value={value.date}
            onChange={(date) => {
              if (date) onChange({ kind: value.kind, date });
            }}
            valueFormat={zh ? 'YYYY年M月D日' : 'MMM D, YYYY'}
            w={160}
          />
        )}
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('reportsui.period.next')}
          onClick={() => onChange(shiftPeriod(value, 1))}
        >
          <IconChevronRight size={16} />
        </ActionIcon>
      </Group>
    </LocalizedDates>
  );
}
