import { Badge, Group, Text, Tooltip, type MantineSize } from '@mantine/core';
import { IconArrowBigUpLines, IconClockExclamation, IconGaugeOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DealCard } from '../../../shared/contract/deals';
import { daysSinceScored } from '../../../shared/domain/intensity';
import { localToday } from '../../components/dates';
import { bandColor, textColor, totalBand } from './bands';

export type FlagSubject = {
  probability: number;
  total: number | null;
  scoredAt: string | null;
  overClaimed: boolean;
  stale: boolean;
  unscored: boolean;
};

/** A board card's (or deal page's) calibration fields, as the flags take them. */
export function cardFlags(card: DealCard): FlagSubject {
  return {
    probability: card.probability,
    total: card.scoreTotal,
    scoredAt: card.scoredAt,
    overClaimed: card.overClaimed,
    stale: card.staleScore,
    unscored: card.unscored,
  };
}

/** 虚高 / 评分过期 / 未评分 as small badges, each explaining itself on hover. */
export function ScoreFlags({ deal, size = 'xs' }: { deal: FlagSubject; size?: MantineSize }) {
  const { t } = useTranslation();
  const icon = size === 'xs' ? 10 : 12;
  const days = deal.scoredAt ? daysSinceScored(deal.scoredAt, localToday()) : 0;
  return (
    <>
      {deal.overClaimed && (
        <Tooltip
          label={t('flagHelp.overClaimed', { probability: deal.probability, total: deal.total })}
          multiline
          w={260}
        >
          <Badge
            size={size}
            color="pink"
            variant="light"
            leftSection={<IconArrowBigUpLines size={icon} />}
          >
            {t('flags.overClaimed')}
          </Badge>
        </Tooltip>
      )}
      {deal.stale && (
        <Tooltip label={t('flagHelp.stale', { days })}>
          <Badge
            size={size}
            color="gray"
            variant="light"
            leftSection={<IconClockExclamation size={icon} />}
          >
            {t('flags.stale')}
          </Badge>
        </Tooltip>
      )}
      {deal.unscored && (
        <Tooltip label={t('flagHelp.unscored')}>
          <Badge
            size={size}
            color="gray"
            variant="default"
            leftSection={<IconGaugeOff size={icon} />}
          >
            {t('flags.unscored')}
          </Badge>
        </Tooltip>
      )}
    </>
  );
}

/**
 * Calibration (盈率校准) in two numbers: the milestone's probability beside the intensity total,
 * e.g. "50% · 32", the total in its band's colour.
 */
export function CalibrationText({
  probability,
  total,
  size = 'xs',
}: {
  probability: number;
  total: number | null;
  size?: MantineSize;
}) {
  const { t } = useTranslation();
  const band = totalBand(total);
  return (
    <Tooltip
      label={
        total === null
          ? t('scorecards.calibration.unscored', { probability })
          : t('scorecards.calibration.help', { probability, total })
      }
    >
      <Group
        gap={4}
        wrap="nowrap"
        className="tabular"
        aria-label={
          total === null
            ? t('scorecards.calibration.unscored', { probability })
            : t('scorecards.calibration.help', { probability, total })
        }
      >
        <Text size={size} c="dimmed" fw={600}>
          {probability}%
        </Text>
        <Text size={size} c="dimmed">
          ·
        </Text>
        <Text size={size} fw={700} c={band ? textColor(bandColor[band]) : 'dimmed'}>
          {total ?? '—'}
        </Text>
      </Group>
    </Tooltip>
  );
}
