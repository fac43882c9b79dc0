import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grade } from '../../../shared/domain/grading';

export const gradeColors: Record<Grade, string> = {
  key: 'orange',
  potential: 'blue',
  ordinary: 'teal',
  ignore: 'gray',
};

/** A customer's grade; an overridden grade says so on hover. */
export function GradeBadge({
  grade,
  overrideReason,
}: {
  grade: Grade | null;
  overrideReason?: string | null;
}) {
  const { t } = useTranslation();
  if (!grade) {
    return (
      <Badge variant="outline" color="gray" radius="sm">
        {t('grades.ungraded')}
      </Badge>
    );
  }
  const badge = (
    <Badge variant={overrideReason ? 'filled' : 'light'} color={gradeColors[grade]} radius="sm">
      {t(`grades.${grade}`)}
    </Badge>
  );
  return overrideReason ? (
    <Tooltip label={t('grading.overridden', { reason: overrideReason })}>{badge}</Tooltip>
  ) : (
    badge
  );
}
