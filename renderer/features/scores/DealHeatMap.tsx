import { Anchor, Badge, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ScoredDeal } from '../../../shared/contract/scores';
import { dimensions, type Dimension } from '../../../shared/domain/intensity';
import { milestoneIndex } from '../../../shared/domain/milestones';
import { SortHeader } from '../../components/SortHeader';
import { formatMoney } from '../../components/money';
import { columnColor, columnTitle } from '../deals/columns';
import { ScoreCell } from './ScoreCell';
import { CalibrationText, ScoreFlags } from './ScoreFlags';
import { useSorted } from './useSorted';

type Column = 'title' | 'milestone' | 'amount' | Dimension | 'total' | 'gap';

/**
 * A rep's open deals as a heat map: a row per deal, the five dimensions and the total coloured
 * by band (blank when never scored), the milestone's probability beside the score and the
 * flags. Sorted weakest total first, so the deals to talk about come up top.
 */
export function DealHeatMap({ deals }: { deals: ScoredDeal[] }) {
  const { t, i18n } = useTranslation();
  const { sorted, sortProps } = useSorted<ScoredDeal, Column>(
    deals,
    {
      title: (d) => d.title,
      milestone: (d) => milestoneIndex(d.milestone),
      amount: (d) => d.amount,
      problem: (d) => d.points?.problem ?? null,
      power: (d) => d.points?.power ?? null,
      vision: (d) => d.points?.vision ?? null,
      value: (d) => d.points?.value ?? null,
      control: (d) => d.points?.control ?? null,
      total: (d) => d.calibration.total,
      gap: (d) => d.calibration.gap,
    },
    { key: 'total', direction: 'asc' },
    i18n.language,
  );
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={1040}>
        <Table
          verticalSpacing="xs"
          horizontalSpacing={8}
          aria-label={t('scorecards.rep.dealsTitle')}
          style={{ borderCollapse: 'separate', borderSpacing: 0 }}
        >
          <Table.Thead>
            <Table.Tr>
              <SortHeader label={t('scorecards.rep.deal')} {...sortProps('title')} />
              <SortHeader label={t('deals.fields.milestone')} {...sortProps('milestone')} />
              <SortHeader label={t('deals.column.amount')} align="right" {...sortProps('amount')} />
              {dimensions.map((d) => (
                <SortHeader key={d} label={t(`dimensions.${d}`)} align="center" {...sortProps(d)} />
              ))}
              <SortHeader
                label={t('scorecards.rep.total')}
                align="center"
                {...sortProps('total')}
              />
              <SortHeader
                label={t('scorecards.rep.calibration')}
                align="center"
                {...sortProps('gap')}
              />
              <Table.Th>{t('scorecards.rep.flags')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td maw={240}>
                  <Group gap={4} wrap="nowrap">
                    <Anchor component={Link} to={`/deals/${d.id}`} fw={600} size="sm" lineClamp={1}>
                      {d.title}
                    </Anchor>
                    {d.isKey && (
                      <Tooltip label={t('deals.card.key')}>
                        <IconStarFilled
                          size={12}
                          color="var(--mantine-color-yellow-6)"
                          aria-label={t('deals.card.key')}
                          style={{ flexShrink: 0 }}
                        />
                      </Tooltip>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed" truncate>
                    {d.customerName}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={columnTitle(t, d.milestone)}>
                    <Badge variant="light" color={columnColor[d.milestone]}>
                      {d.milestone}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                <Table.Td ta="right" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(d.amount, i18n.language)}
                </Table.Td>
                {dimensions.map((dim) => {
                  const p = d.points?.[dim] ?? null;
                  return (
                    <ScoreCell key={dim} value={p}>
                      {p ?? '—'}
                    </ScoreCell>
                  );
                })}
                <ScoreCell value={d.calibration.total} total>
                  {d.calibration.total ?? '—'}
                </ScoreCell>
                <Table.Td>
                  <Group justify="center">
                    <CalibrationText
                      probability={d.calibration.probability}
                      total={d.calibration.total}
                      size="sm"
                    />
                  </Group>
                </Table.Td>
                <Table.Td miw={120}>
                  <Group gap={4}>
                    <ScoreFlags deal={{ ...d.calibration, scoredAt: d.scoredAt }} />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
