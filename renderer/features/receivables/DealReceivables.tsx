import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCash, IconLock, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DealReceivables as DealReceivablesData } from '../../../shared/contract/receivables';
import type { ReceivableView } from '../../../shared/contract/receivables';
import { useApiQuery } from '../../api/queries';
import { formatDay, localToday } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { CollectionsList } from './CollectionsList';
import { formatMoney } from '../../components/money';
import { RecordCollectionModal } from './RecordCollectionModal';
import { SplitModal } from './SplitModal';

/** What the card reads: any collection, split or deal move refreshes it by itself. */
const DEAL_RECEIVABLES_TABLES = ['receivables', 'collections', 'deals', 'users'] as const;

/**
 * "应收与回款" on the deal page: a won deal's instalments (due, amount, collected,
 * balance, overdue), recording collections against them, splitting into instalments, and
 * the collections so far. An open deal shows when receivables start instead.
 */
export function DealReceivables({ dealId }: { dealId: string }) {
  const { t } = useTranslation();
  const today = localToday();
  const query = useApiQuery('receivables.forDeal', { dealId, today }, DEAL_RECEIVABLES_TABLES);
  const [recording, setRecording] = useState<ReceivableView | null>(null);
  const [splitting, setSplitting] = useState(false);
  const data = query.data;

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('receivables.title')}
    >
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('receivables.title')}</Title>
        {data?.canCollect && (
          <Button variant="default" size="xs" onClick={() => setSplitting(true)}>
            {t('receivables.split')}
          </Button>
        )}
      </Group>
      {query.isPending ? (
        <Stack gap="xs">
          <Skeleton height={14} width="50%" />
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Stack>
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : data && data.receivables.length === 0 ? (
        <Empty won={data.canCollect} />
      ) : data ? (
        <Body data={data} onRecord={setRecording} />
      ) : null}
      {recording && (
        <RecordCollectionModal
          receivable={recording}
          today={today}
          onClose={() => setRecording(null)}
        />
      )}
      {splitting && data && (
        <SplitModal data={data} today={today} onClose={() => setSplitting(false)} />
      )}
    </Card>
  );
}

function Empty({ won }: { won: boolean }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap={6} py="md" ta="center">
      <ThemeIcon size={44} radius="xl" variant="light" color={won ? 'blue' : 'gray'}>
        <IconReceipt size={22} />
      </ThemeIcon>
      <Text fw={600}>{t(won ? 'receivables.emptyTitle' : 'receivables.notWonTitle')}</Text>
      <Text size="sm" c="dimmed" maw={420}>
        {t(won ? 'receivables.emptyText' : 'receivables.notWonText')}
      </Text>
    </Stack>
  );
}

function Body({
  data,
  onRecord,
}: {
  data: DealReceivablesData;
  onRecord: (r: ReceivableView) => void;
}) {
  const { t, i18n } = useTranslation();
  const money = (fen: number) => formatMoney(fen, i18n.language);
  return (
    <Stack gap="md">
      {!data.canCollect && (
        <Alert color="gray" icon={<IconLock size={16} />}>
          {t('receivables.frozen')}
        </Alert>
      )}
      <Text size="sm" c="dimmed" className="tabular">
        {t('receivables.summary', {
          total: money(data.total),
          collected: money(data.collected),
          balance: money(data.balance),
        })}
      </Text>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs" aria-label={t('receivables.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('receivables.dueOn')}</Table.Th>
              <Table.Th ta="right">{t('receivables.amount')}</Table.Th>
              <Table.Th ta="right">{t('receivables.collected')}</Table.Th>
              <Table.Th ta="right">{t('receivables.balance')}</Table.Th>
              {data.canCollect && <Table.Th w={44} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.receivables.map((r, i) => {
              const label = `${t('receivables.record')} · ${t('receivables.instalment', { n: i + 1 })}`;
              return (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm">{t('receivables.instalment', { n: i + 1 })}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDay(r.dueOn, i18n.language, true)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {money(r.amount)}
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {money(r.collected)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" className="tabular" fw={r.balance > 0 ? 600 : undefined}>
                      {money(r.balance)}
                    </Text>
                    {r.overdue ? (
                      <Badge color="red" variant="light" size="sm">
                        {t('receivables.overdue')}
                      </Badge>
                    ) : r.balance === 0 ? (
                      <Badge color="teal" variant="light" size="sm">
                        {t('receivables.paid')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  {data.canCollect && (
                    <Table.Td ta="right">
                      {r.balance > 0 && (
                        <Tooltip label={label} withArrow>
                          <ActionIcon
                            variant="light"
                            aria-label={label}
                            onClick={() => onRecord(r)}
                          >
                            <IconCash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <CollectionsList data={data} />
    </Stack>
  );
}
