import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { daysBetween } from '../../../shared/domain/grading';
import { formatDay } from '../../components/dates';

/** A due date with how it stands against today: red when overdue, orange today. */
export function DueLabel({ dueOn, today }: { dueOn: string; today: string }) {
  const { t, i18n } = useTranslation();
  const days = daysBetween(today, dueOn);
  const relative =
    days < 0
      ? t('followups.overdueDays', { count: -days })
      : days === 0
        ? t('followups.dueToday')
        : days === 1
          ? t('followups.dueTomorrow')
          : t('followups.inDays', { count: days });
  const color = days < 0 ? 'red' : days === 0 ? 'orange' : 'gray';
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
        {formatDay(dueOn, i18n.language, dueOn.slice(0, 4) !== today.slice(0, 4))}
      </Text>
      <Badge size="sm" variant="light" color={color} style={{ flexShrink: 0 }}>
        {relative}
      </Badge>
    </Group>
  );
}
