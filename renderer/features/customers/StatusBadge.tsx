import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../shared/domain/customers';

const colors: Record<CustomerStatus, string> = { prospect: 'blue', customer: 'teal', lost: 'gray' };

export function StatusBadge({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status]} radius="sm">
      {t(`customerStatus.${status}`)}
    </Badge>
  );
}
