import { Anchor, Badge, Card, Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { RepScoreRow, ScoreSummary } from '../../../shared/contract/scores';
import { dimensions, type Dimension } from '../../../shared/domain/intensity';
import { SortHeader } from '../../components/SortHeader';
import { formatAverage, textColor } from './bands';
import { ScoreCell } from './ScoreCell';
import { useSorted } from './useSorted';

type Column = 'name' | Dimension | 'avgTotal' | 'deals' | 'overClaimed' | 'stale' | 'unscored';

const numeric = { textAlign: 'center', fontVariantNumeric: 'tabular-nums' } as const;

/** A count that matters when it is not zero: coloured then, dimmed at zero. */
function Count({ n, color }: { n: number; color: string }) {
  const { i18n } = useTranslation();
  return (
    <Text size="sm" fw={n > 0 ? 700 : 400} c={n > 0 ? color : 'dimmed'}>
      {n.toLocaleString(i18n.language)}
    </Text>
  );
}

/** The weakest dimension, with its coaching hint on hover. */
export function WeakestBadge({ dimension }: { dimension: Dimension | null }) {
  const { t } = useTranslation();
  if (!dimension)
    return (
      <Text size="sm" c="dimmed">
        {t('common.none')}
      </Text>
    );
  return (
    <Tooltip label={t(`coaching.${dimension}`)} multiline w={300}>
      <Badge variant="light" color="gray" radius="sm">
        {t(`dimensions.${dimension}`)}
      </Badge>
    </Tooltip>
  );
}

/**
 * The team scorecard's table: a rep per row, each dimension's average coloured by band, the
 * average total, deals scored of open, the flags and the weakest dimension. A click on a row
 * opens the rep's scorecard. The last row is everyone in the table together.
 */
export function TeamTable({ rows, summary }: { rows: RepScoreRow[]; summary: ScoreSummary }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { sorted, sortProps } = useSorted<RepScoreRow, Column>(
    rows,
    {
      name: (r) => r.name,
      problem: (r) => r.averages.problem,
      power: (r) => r.averages.power,
      vision: (r) => r.averages.vision,
      value: (r) => r.averages.value,
      control: (r) => r.averages.control,
      avgTotal: (r) => r.avgTotal,
      deals: (r) => r.openDeals,
      overClaimed: (r) => r.overClaimed,
      stale: (r) => r.stale,
      unscored: (r) => r.unscored,
    },
    { key: 'name', direction: 'asc' },
    i18n.language,
  );
  const cells = (s: ScoreSummary) => (
    <>
      {dimensions.map((d) => (
        <ScoreCell key={d} value={s.averages[d]}>
          {formatAverage(s.averages[d], i18n.language)}
        </ScoreCell>
      ))}
      <ScoreCell value={s.avgTotal} total>
        {formatAverage(s.avgTotal, i18n.language, 0)}
      </ScoreCell>
      <Table.Td style={numeric}>
        {t('scorecards.team.scoredOfOpen', { scored: s.scoredDeals, open: s.openDeals })}
      </Table.Td>
      <Table.Td style={numeric}>
        <Count n={s.overClaimed} color={textColor('pink')} />
      </Table.Td>
      <Table.Td style={numeric}>
        <Count n={s.stale} color="var(--mantine-color-text)" />
      </Table.Td>
      <Table.Td style={numeric}>
        <Count n={s.unscored} color="var(--mantine-color-text)" />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <WeakestBadge dimension={s.weakest} />
      </Table.Td>
    </>
  );
  return (
    <Card withBorder radius="md" padding={0}>
      <Table.ScrollContainer minWidth={1040}>
        <Table
          verticalSpacing="xs"
          horizontalSpacing={8}
          aria-label={t('scorecards.team.table')}
          style={{ borderCollapse: 'separate', borderSpacing: 0 }}
        >
          <Table.Thead>
            <Table.Tr>
              <SortHeader label={t('scorecards.team.rep')} {...sortProps('name')} />
              {dimensions.map((d) => (
                <SortHeader key={d} label={t(`dimensions.${d}`)} align="center" {...sortProps(d)} />
              ))}
              <SortHeader
                label={t('scorecards.team.avgTotal')}
                align="center"
                {...sortProps('avgTotal')}
              />
              <SortHeader
                label={t('scorecards.team.deals')}
                align="center"
                {...sortProps('deals')}
              />
              <SortHeader
                label={t('flags.overClaimed')}
                align="center"
                {...sortProps('overClaimed')}
              />
              <SortHeader
                label={t('scorecards.team.stale')}
                align="center"
                {...sortProps('stale')}
              />
              <SortHeader
                label={t('scorecards.team.unscored')}
                align="center"
                {...sortProps('unscored')}
              />
              <Table.Th>{t('scorecards.team.weakest')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((r) => (
              <Table.Tr
                key={r.repId}
                style={{ cursor: 'pointer' }}
                onClick={() => void navigate(`/scorecards/${r.repId}`)}
              >
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={`/scorecards/${r.repId}`}
                      fw={600}
                      size="sm"
                      onClick={(e) => e.stopPropagation()}
                      style={{ whiteSpace: 'nowrap' }}
                    >
                      {r.name}
                    </Anchor>
                    {!r.active && (
                      <Badge size="xs" variant="outline" color="gray">
                        {t('scorecards.team.inactive')}
                      </Badge>
                    )}
                  </Group>
                  {r.teamName && (
                    <Text size="xs" c="dimmed">
                      {r.teamName}
                    </Text>
                  )}
                </Table.Td>
                {cells(r)}
              </Table.Tr>
            ))}
          </Table.Tbody>
          {rows.length > 1 && (
            <Table.Tfoot>
              <Table.Tr style={{ fontWeight: 700 }}>
                <Table.Td>
                  <Text size="sm" fw={700}>
                    {t('scorecards.team.everyone')}
                  </Text>
                </Table.Td>
                {cells(summary)}
              </Table.Tr>
            </Table.Tfoot>
          )}
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
