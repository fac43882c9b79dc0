import { Badge, Group, Paper, SimpleGrid, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreSummary } from '../../../shared/contract/scores';
import { formatMoney } from '../../components/money';
import { bandColor, formatAverage, textColor, totalBand } from './bands';

function Stat({
  label,
  value,
  caption,
  color,
  help,
}: {
  label: string;
  value: ReactNode;
  caption?: ReactNode;
  color?: string;
  help?: string;
}) {
  const card = (
    <Paper withBorder radius="md" p="sm" h="100%">
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text fw={750} fz={24} lh={1.3} className="tabular" c={color}>
        {value}
      </Text>
      {caption && (
        <Text size="xs" c="dimmed" component="div">
          {caption}
        </Text>
      )}
    </Paper>
  );
  return help ? (
    <Tooltip label={help} multiline w={280}>
      {card}
    </Tooltip>
  ) : (
    card
  );
}

/**
 * The figures of a set of open deals (a rep's, a team's): average intensity, how many are
 * scored, the calibration flags, and the intensity-weighted forecast beside the
 * milestone-weighted amount.
 */
export function ScoreStats({ summary }: { summary: ScoreSummary }) {
  const { t, i18n } = useTranslation();
  const band = totalBand(summary.avgTotal);
  const flagColor = (n: number, color: string) => (n > 0 ? color : undefined);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
      <Stat
        label={t('scorecards.stats.avgTotal')}
        value={
          <Group gap={6} align="center" wrap="nowrap">
            <span
              style={{
                color: band ? textColor(bandColor[band]) : undefined,
              }}
            >
              {formatAverage(summary.avgTotal, i18n.language, 0)}
            </span>
            {band && (
              <Badge size="sm" variant="light" color={bandColor[band]}>
                {t(`bands.${band}`)}
              </Badge>
            )}
          </Group>
        }
        caption={t('scorecards.stats.outOf')}
      />
      <Stat
        label={t('scorecards.stats.scored')}
        value={`${summary.scoredDeals.toLocaleString(i18n.language)} / ${summary.openDeals.toLocaleString(i18n.language)}`}
        caption={t('scorecards.stats.scoredCaption')}
      />
      <Stat
        label={t('flags.overClaimed')}
        value={summary.overClaimed.toLocaleString(i18n.language)}
        color={flagColor(summary.overClaimed, textColor('pink'))}
        caption={t('scorecards.stats.overClaimedCaption')}
      />
      <Stat
        label={t('flags.stale')}
        value={summary.stale.toLocaleString(i18n.language)}
        caption={t('scorecards.stats.staleCaption')}
      />
      <Stat
        label={t('flags.unscored')}
        value={summary.unscored.toLocaleString(i18n.language)}
        caption={t('scorecards.stats.unscoredCaption')}
      />
      <Stat
        label={t('scorecards.stats.forecast')}
        value={formatMoney(summary.intensityWeighted, i18n.language)}
        caption={t('scorecards.stats.forecastCaption', {
          weighted: formatMoney(summary.weighted, i18n.language),
        })}
        help={t('scorecards.stats.forecastHelp')}
      />
    </SimpleGrid>
  );
}
