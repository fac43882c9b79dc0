import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/grading';
import { daysSince } from '../../components/dates';

/** "12 d ago", and a red "overdue" badge when the grade's visit frequency has passed. */
export function LastContact({
  at,
  overdueDays,
  grade,
}: {
  at: string | null;
  overdueDays: number | null;
  grade: Grade | null;
}) {
  const { t } = useTranslation();
  const days = at ? daysSince(at) : null;
  return (
    <Group gap={6} wrap="nowrap">
      <Tooltip withArrow multiline maw={300} label={t('customers.lastContactHint')}>
        <Text size="sm" c={at ? undefined : 'dimmed'} className="tabular">
          {days === null
            ? t('customers.never')
            : days <= 0
              ? t('customers.today')
              : t('customers.daysAgo', { count: days })}
        </Text>
      </Tooltip>
      {overdueDays !== null && grade && (
        <Tooltip label={t('customers.overdueHint', { grade: t(`grades.${grade}`) })}>
          <Badge color="red" variant="light" radius="sm" size="sm">
            {t('customers.overdueBy', { count: overdueDays })}
          </Badge>
        </Tooltip>
      )}
    </Group>
  );
}
