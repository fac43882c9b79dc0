import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { formatDay, localToday } from '../../components/dates';
import { columnColor, columnTitle, dealColumn } from './columns';
import { DealFormModal } from './DealFormModal';
import { formatMoney } from '../../components/money';
import { dealTables } from './tables';

/** The customer's deals on the customer page, with "new deal". */
export function CustomerDeals({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const deals = useApiQuery('deals.forCustomer', { customerId, today: localToday() }, dealTables);
  const customer = useApiQuery('customers.get', { id: customerId }, ['customers', 'contacts']);
  const [creating, setCreating] = useState(false);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('nav.deals')}>
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('nav.deals')}</Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setCreating(true)}
        >
          {t('deals.newDeal')}
        </Button>
      </Group>
      {deals.isPending && <PageLoader />}
      {deals.isError && <ErrorState error={deals.error} onRetry={() => void deals.refetch()} />}
      {deals.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('deals.empty.text')}
        </Text>
      )}
      {deals.data && deals.data.length > 0 && (
        <Table verticalSpacing={6} aria-label={t('nav.deals')}>
          <Table.Tbody>
            {deals.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>
                  <Stack gap={0}>
                    <Anchor component={Link} to={`/deals/${d.id}`} size="sm" fw={600}>
                      {d.isKey ? '★ ' : ''}
                      {d.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {d.ownerName ?? ''} ·{' '}
                      {formatDay(d.closedOn ?? d.expectedCloseOn, i18n.language, true)}
                    </Text>
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={columnColor[dealColumn(d)]}>
                    {columnTitle(t, dealColumn(d))}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{formatMoney(d.amount, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {creating && (
        <DealFormModal
          onClose={() => setCreating(false)}
          customer={{
            id: customerId,
            name: customer.data?.name ?? '',
            ownerId: customer.data?.ownerId ?? null,
          }}
        />
      )}
    </Card>
  );
}
