import { Badge, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { formatDay, localToday } from '../../components/dates';
import { formatMoney } from '../../components/money';

/** What the badge reads: a collection, a split or a deal reopened elsewhere refreshes it. */
export const CUSTOMER_RECEIVABLES_TABLES = ['receivables', 'collections', 'deals'] as const;

/**
 * "逾期应收 ¥x" on the customer page header when the customer owes money past its due
 * date, and "预收款 ¥x" when it holds unallocated receipts; nothing at all otherwise (a header full of green "all paid" badges says nothing).
 */
export function CustomerReceivablesBadge({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const today = localToday();
  const summary = useApiQuery(
    'receivables.forCustomer',
    { customerId, today },
    CUSTOMER_RECEIVABLES_TABLES,
  );
  const data = summary.data;
  if (!data) return null;
  // Money paid while nothing was owed: said on the header so nobody asks the customer twice.
  const receipt =
    data.unallocated > 0 ? (
      <Tooltip withArrow multiline maw={320} label={t('receivables.unallocatedTooltip')}>
        <Badge color="teal" variant="light" className="tabular">
          {t('receivables.unallocated', { amount: formatMoney(data.unallocated, i18n.language) })}
        </Badge>
      </Tooltip>
    ) : null;
  if (data.overdueBalance <= 0) return receipt;
  const oldestOverdue = data.open.find((r) => r.overdue);
  return (
    <>
      <Tooltip
        withArrow
        multiline
        maw={320}
        label={t('receivables.badgeTooltip', {
          count: data.overdueCount,
          date: oldestOverdue ? formatDay(oldestOverdue.dueOn, i18n.language, true) : '',
          open: formatMoney(data.openBalance, i18n.language),
        })}
      >
        <Badge
          color="red"
          variant="light"
          leftSection={<IconAlertTriangle size={12} />}
          className="tabular"
        >
          {t('receivables.badge', { amount: formatMoney(data.overdueBalance, i18n.language) })}
        </Badge>
      </Tooltip>
      {receipt}
    </>
  );
}
