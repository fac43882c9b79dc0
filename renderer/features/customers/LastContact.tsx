import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/grading';
import { daysSince, localToday } from '../../components/dates';

/** "Today", "12 d ago" or "Never", for a number of days since (null: never). */
function Ago({ days }: { days: number | null }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" c={days === null ? 'dimmed' : undefined} className="tabular">
      {days === null
        ? t('customers.never')
        : days <= 0
          ? t('customers.today')
          : t('customers.daysAgo', { count: days })}
    </Text>
  );
}

/** The latest contact of any kind (a done visit, call, message or note): "12 d ago". */
export function LastContact({ at }: { at: string | null }) {
  const { t } = useTranslation();
  return (
    <Tooltip withArrow multiline maw={300} label={t('customers.lastContactHint')}>
      <span>
        <Ago days={at ? daysSince(at) : null} />
      </span>
    </Tooltip>
  );
}

/**
 * The latest done visit, and a red "overdue" badge when the grade's visit frequency has
 * passed since it (domain.md §2: calls, messages and notes do not reset it).
 */
export function LastVisit({
  on,
  overdueDays,
  grade,
}: {
  /** YYYY-MM-DD, the visit's local day */
  on: string | null;
  overdueDays: number | null;
  grade: Grade | null;
}) {
  const { t } = useTranslation();
  const days = on
    ? Math.round(
        (Date.parse(`${localToday()}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / 86_400_000,
      )
    : null;
  return (
    <Group gap={6} wrap="nowrap">
      <Ago days={days} />
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
