import { Badge, Card, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeeklyFigures as Figures } from '../../../shared/contract/weekly';
import { formatMoney } from '../../components/money';
import { formatDay } from '../../components/dates';
import { formatCount, percent } from '../reports/fields';

const metrics = ['sales', 'collections', 'newCustomers', 'visits', 'effectiveVisits'] as const;
const money = new Set<string>(['sales', 'collections']);

/** The figures filled in automatically: read-only, live for a draft, frozen once submitted. */
export function WeeklyFigures({ figures, frozen }: { figures: Figures; frozen: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stats: [string, string][] = [
    [t('weekly.figures.sales'), formatMoney(figures.sales, lang)],
    [t('weekly.figures.collections'), formatMoney(figures.collections, lang)],
    [t('weekly.figures.newCustomers'), formatCount(figures.newCustomers, lang)],
    [t('weekly.figures.visitsPlanned'), formatCount(figures.visits.planned, lang)],
    [t('weekly.figures.visitsDone'), formatCount(figures.visits.done, lang)],
    [t('weekly.figures.visitsEffective'), formatCount(figures.visits.effective, lang)],
    [t('weekly.figures.completionRate'), percent(figures.visits.completionRate, lang)],
    [t('weekly.figures.effectiveRate'), percent(figures.visits.effectiveRate, lang)],
    [t('weekly.figures.dealsAdvanced'), formatCount(figures.deals.advanced, lang)],
    [t('weekly.figures.dealsWon'), formatCount(figures.deals.won, lang)],
    [t('weekly.figures.dealsLost'), formatCount(figures.deals.lost, lang)],
  ];
  const show = (m: string, n: number | null) =>
    n === null
      ? t('weekly.figures.noTarget')
      : money.has(m)
        ? formatMoney(n, lang)
        : formatCount(n, lang);
  return (
    <Card withBorder radius="md" padding="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('weekly.figures.title')}</Text>
        <Badge variant="light" color={frozen ? 'gray' : 'blue'}>
          {frozen
            ? t('weekly.figures.frozen')
            : t('weekly.figures.live', { day: formatDay(figures.asOf, lang) })}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 6 }} spacing="xs" mb="md">
        {stats.map(([label, value]) => (
          <div key={label}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={700}>{value}</Text>
          </div>
        ))}
      </SimpleGrid>
      <Text fw={600} size="sm" mb={4}>
        {t('weekly.figures.attainment')}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label={t('weekly.figures.attainment')} verticalSpacing={4} striped="even">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              <Table.Th ta="right">
                {t('weekly.figures.week')} · {t('weekly.figures.actual')}
              </Table.Th>
              <Table.Th ta="right">{t('weekly.figures.target')}</Table.Th>
              <Table.Th ta="right">{t('weekly.figures.rate')}</Table.Th>
              <Table.Th ta="right">
                {t('weekly.figures.monthToDate')} · {t('weekly.figures.actual')}
              </Table.Th>
              <Table.Th ta="right">{t('weekly.figures.target')}</Table.Th>
              <Table.Th ta="right">{t('weekly.figures.rate')}</Table.Th>
              <Table.Th ta="right">{t('weekly.figures.timeProgress')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {metrics.map((m) => {
              const a = figures.attainment[m];
              return (
                <Table.Tr key={m}>
                  <Table.Td fw={500}>{t(`reportsui.f.${m}`)}</Table.Td>
                  <Table.Td ta="right">{show(m, a.week.actual)}</Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {show(m, a.week.target)}
                  </Table.Td>
                  <Table.Td ta="right" c={a.week.behind ? 'red' : undefined}>
                    {percent(a.week.attainment, lang)}
                  </Table.Td>
                  <Table.Td ta="right">{show(m, a.monthToDate.actual)}</Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {show(m, a.monthToDate.target)}
                  </Table.Td>
                  <Table.Td ta="right">
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Text size="sm" c={a.monthToDate.behind ? 'red' : undefined}>
                        {percent(a.monthToDate.attainment, lang)}
                      </Text>
                      {a.monthToDate.behind && (
                        <Badge size="xs" color="red" variant="light">
                          {t('weekly.figures.behind')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" c="dimmed">
                    {percent(a.monthToDate.timeProgress, lang)}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
