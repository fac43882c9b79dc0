import {
  Anchor,
  Badge,
  Card,
  Group,
  Progress,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconStar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { ScopeSwitch, useScope } from '../../components/ScopeSwitch';
import { localToday } from '../../components/dates';
import { columnColor, columnTitle } from './columns';
import { formatMoney } from '../../components/money';
import { dealCardTables } from './tables';

/** The manager's review of key opportunities: pain, cause, vision and next step per deal. */
export function KeyDealsPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [scope, setScope] = useScope();
  const list = useApiQuery('deals.keyList', { scope, today: localToday() }, dealCardTables);
  return (
    <Stack gap="md">
      <Title order={2}>{t('deals.keyList.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('deals.keyList.text')}
      </Text>
      <Group>
        <ScopeSwitch value={scope} onChange={setScope} />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<IconStar />}
          title={t('deals.keyList.emptyTitle')}
          text={t('deals.keyList.emptyText')}
        />
      ) : (
        <Card withBorder radius="md" padding={0}>
          <Table.ScrollContainer minWidth={1000}>
            <Table highlightOnHover verticalSpacing="sm" aria-label={t('deals.keyList.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deals.fields.customer')}</Table.Th>
                  <Table.Th>{t('deals.fields.title')}</Table.Th>
                  <Table.Th>{t('deals.fields.owner')}</Table.Th>
                  <Table.Th>{t('deals.fields.milestone')}</Table.Th>
                  <Table.Th ta="right">{t('deals.column.amount')}</Table.Th>
                  <Table.Th ta="right">{t('deals.column.weighted')}</Table.Th>
                  <Table.Th ta="right">{t('deals.keyList.days')}</Table.Th>
                  <Table.Th>{t('deals.fields.nextStep')}</Table.Th>
                  <Table.Th>{t('deals.keyList.brief')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((d) => (
                  <Table.Tr
                    key={d.id}
                    style={{ cursor: 'pointer' }}
                    onClick={() => void navigate(`/deals/${d.id}`)}
                  >
                    <Table.Td>{d.customerName}</Table.Td>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/deals/${d.id}`}
                        fw={600}
                        size="sm"
                        onClick={(e) => e.stopPropagation()}
                      >
                        {d.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{d.ownerName ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={columnColor[d.milestone]}>
                        {columnTitle(t, d.milestone)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{formatMoney(d.amount, i18n.language)}</Table.Td>
                    <Table.Td ta="right">{formatMoney(d.weighted, i18n.language)}</Table.Td>
                    <Table.Td ta="right">
                      {d.daysInStage}{' '}
                      {d.stalled && (
                        <Badge size="xs" color="orange" variant="light">
                          {t('deals.card.stalled')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td maw={240}>
                      <Text size="sm" lineClamp={2}>
                        {d.nextStep ?? t('common.none')}
                      </Text>
                    </Table.Td>
                    <Table.Td w={110}>
                      <Tooltip
                        label={t('deals.brief.completeness', {
                          filled: d.briefFilled,
                          total: d.briefTotal,
                        })}
                      >
                        <Stack gap={2}>
                          <Text size="xs">
                            {t('deals.brief.completeness', {
                              filled: d.briefFilled,
                              total: d.briefTotal,
                            })}
                          </Text>
                          <Progress
                            value={(d.briefFilled / d.briefTotal) * 100}
                            color={
                              d.briefFilled === d.briefTotal
                                ? 'teal'
                                : d.briefFilled >= 5
                                  ? 'yellow'
                                  : 'red'
                            }
                            size="sm"
                          />
                        </Stack>
                      </Tooltip>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </Stack>
  );
}
