import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPencilExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { VisitPurpose, VisitStatus } from '../../../shared/domain/visits';
import { purposeColors, statusColors } from './colors';

export function PurposeBadge({ purpose }: { purpose: VisitPurpose }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" radius="sm" color={purposeColors[purpose]} tt="none">
      {t(`visitPurpose.${purpose}`)}
    </Badge>
  );
}

/** Status, with "summary due" when a planned visit's time has passed. */
export function VisitStatusBadge({
  status,
  summaryDue = false,
}: {
  status: VisitStatus;
  summaryDue?: boolean;
}) {
  const { t } = useTranslation();
  if (summaryDue)
    return (
      <Badge
        size="sm"
        variant="light"
        radius="sm"
        color="orange"
        tt="none"
        leftSection={<IconPencilExclamation size={12} />}
      >
        {t('calendar.markers.summaryDue')}
      </Badge>
    );
  return (
    <Badge
      size="sm"
      variant={status === 'planned' ? 'outline' : 'light'}
      radius="sm"
      color={statusColors[status]}
      tt="none"
    >
      {t(`visitStatus.${status}`)}
    </Badge>
  );
}

export function EffectiveBadge({ effective }: { effective: boolean | null }) {
  const { t } = useTranslation();
  if (effective === null) return null;
  return (
    <Badge size="sm" variant="dot" radius="sm" color={effective ? 'teal' : 'gray'} tt="none">
      {effective ? t('calendar.markers.effective') : t('calendar.markers.notEffective')}
    </Badge>
  );
}

export function ConflictBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('calendar.markers.conflictHint')} withArrow>
      <Badge
        size="sm"
        variant="light"
        radius="sm"
        color="red"
        tt="none"
        leftSection={<IconAlertTriangle size={12} />}
      >
        {t('calendar.markers.conflict')}
      </Badge>
    </Tooltip>
  );
}
