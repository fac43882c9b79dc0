import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconNotebook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { WeeklyListStatus } from '../../../shared/contract/weekly';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { formatDateTime } from '../../components/format';
import { WeeklyPackButton } from '../exports/WeeklyPackButton';
import { readWeek, statusColor, weeklyTables } from './week';
import { WeekNav } from './WeekNav';

/** What needs the manager first: reports to review, then who has not written one. */
const listOrder: WeeklyListStatus[] = ['submitted', 'missing', 'draft', 'reviewed'];

/** A manager's list for a week: who has submitted, who has not; each row opens the report. */
export function WeeklyListPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const week = readWeek(params.get('week'));
  const teamId = params.get('team') ?? undefined;
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const list = useApiQuery('weekly.list', { week, ...(teamId ? { teamId } : {}) }, weeklyTables, {
    placeholderData: (p) => p,
  });
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next);
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('weekly.listTitle')}</Title>
          <Text c="dimmed" size="sm">
            {t('weeklyui.teamReports')}
          </Text>
        </div>
        <Group gap="sm">
          <WeeklyPackButton initial={{ week: params.has('week') ? week : undefined, teamId }} />
          <Button component={Link} to={`/weekly?week=${week}`} variant="default">
            {t('weeklyui.myReport')}
          </Button>
        </Group>
      </Group>
      <Group justify="space-between" wrap="wrap">
        <WeekNav week={week} onChange={(w) => set('week', w)} />
        <Select
          aria-label={t('weeklyui.team')}
          placeholder={t('common.all')}
          data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={teamId ?? null}
          onChange={(v) => set('team', v)}
          clearable
          w={180}
        />
      </Group>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Group gap="xs">
            {(['missing', 'draft', 'submitted', 'reviewed'] as const).map((s) => (
              <Badge key={s} size="lg" variant="light" color={statusColor[s]}>
                {t(`weekly.counts.${s}`, { count: list.data.counts[s] })}
              </Badge>
            ))}
          </Group>
          {list.data.rows.length === 0 ? (
            <EmptyState
              icon={<IconNotebook />}
              title={t('weeklyui.noReps')}
              text={t('weekly.subtitle')}
            />
          ) : (
            <Card withBorder radius="md" padding="md">
              <Table.ScrollContainer minWidth={640}>
                <Table highlightOnHover aria-label={t('weekly.listTitle')} verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('weeklyui.rep')}</Table.Th>
                      <Table.Th>{t('weeklyui.team')}</Table.Th>
                      <Table.Th>{t('weeklyui.status')}</Table.Th>
                      <Table.Th>{t('weeklyui.submittedAt')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {[...list.data.rows]
                      .sort(
                        (a, b) =>
                          listOrder.indexOf(a.status) - listOrder.indexOf(b.status) ||
                          a.name.localeCompare(b.name, i18n.language),
                      )
                      .map((row) => (
                        <Table.Tr key={row.userId}>
                          <Table.Td>
                            <Anchor
                              component={Link}
                              to={`/weekly?week=${week}&user=${row.userId}`}
                              size="sm"
                              fw={500}
                            >
                              {row.name}
                            </Anchor>
                          </Table.Td>
                          <Table.Td>{row.teamName ?? ''}</Table.Td>
                          <Table.Td>
                            <Group gap={4}>
                              <Badge variant="light" color={statusColor[row.status]}>
                                {t(`weekly.status.${row.status}`)}
                              </Badge>
                              {row.returned && (
                                <Badge variant="light" color="orange">
                                  {t('weekly.returnedBadge')}
                                </Badge>
                              )}
                            </Group>
                          </Table.Td>
                          <Table.Td>
                            {row.submittedAt ? formatDateTime(row.submittedAt, i18n.language) : ''}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          )}
        </>
      )}
    </Stack>
  );
}
