import { Anchor, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowBigUpLines, IconBulb, IconTargetArrow } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RepScoreRow, ScoreSummary } from '../../../shared/contract/scores';
import { dimensions } from '../../../shared/domain/intensity';
import { formatAverage } from './bands';

/** Items joined the way the language lists them ("A, B and C" / "A、B和C"). */
function Joined({
  items,
  language,
}: {
  items: { key: string; node: ReactNode }[];
  language: string;
}) {
  const parts = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).formatToParts(
    items.map((i) => i.key),
  );
  let next = 0;
  return (
    <>
      {parts.map((part, i) =>
        part.type === 'element' ? (
          <Fragment key={i}>{items[next++]?.node}</Fragment>
        ) : (
          <Fragment key={i}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}

function Line({ icon, color, children }: { icon: ReactNode; color: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon size={22} radius="xl" variant="light" color={color}>
        {icon}
      </ThemeIcon>
      <Text size="sm" style={{ flex: 1 }} pt={1}>
        {children}
      </Text>
    </Group>
  );
}

/**
 * The coaching summary above the team table, in sentences: how scored the pipeline is, who
 * over-claims (probability well above the score), and which dimension each rep is weakest
 * in, grouped by dimension, with the hint for the team's weakest.
 */
export function TeamSummary({ rows, summary }: { rows: RepScoreRow[]; summary: ScoreSummary }) {
  const { t, i18n } = useTranslation();
  const repLink = (r: RepScoreRow, label: string) => ({
    key: r.repId,
    node: (
      <Anchor component={Link} to={`/scorecards/${r.repId}`} size="sm" fw={600}>
        {label}
      </Anchor>
    ),
  });
  const overClaimers = rows
    .filter((r) => r.overClaimed > 0)
    .sort((a, b) => b.overClaimed - a.overClaimed);
  const byWeakest = dimensions
    .map((d) => ({ d, reps: rows.filter((r) => r.weakest === d) }))
    .filter((g) => g.reps.length > 0);

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={10}>
        <Line icon={<IconBulb size={14} />} color="teal">
          {summary.scoredDeals === 0
            ? t('scorecards.team.overviewNone', { open: summary.openDeals })
            : t('scorecards.team.overview', {
                open: summary.openDeals,
                scored: summary.scoredDeals,
                avg: formatAverage(summary.avgTotal, i18n.language, 0),
              })}{' '}
          {summary.weakest &&
            t('scorecards.team.teamWeakest', {
              dimension: t(`dimensions.${summary.weakest}`),
              hint: t(`coaching.${summary.weakest}`),
            })}
        </Line>
        <Line icon={<IconArrowBigUpLines size={14} />} color="pink">
          {overClaimers.length === 0 ? (
            t('scorecards.team.nobodyOverClaims')
          ) : (
            <>
              {t('scorecards.team.overClaimers')}{' '}
              <Joined
                language={i18n.language}
                items={overClaimers.map((r) =>
                  repLink(
                    r,
                    t('scorecards.team.nameCount', { name: r.name, count: r.overClaimed }),
                  ),
                )}
              />
            </>
          )}
        </Line>
        {byWeakest.length > 0 && (
          <Line icon={<IconTargetArrow size={14} />} color="yellow">
            {t('scorecards.team.weakestBy')}{' '}
            {byWeakest.map((g, i) => (
              <Fragment key={g.d}>
                {i > 0 && t('scorecards.team.groupSeparator')}
                <Text span size="sm" fw={700}>
                  {t(`dimensions.${g.d}`)}
                </Text>
                {t('scorecards.team.groupColon')}
                <Joined language={i18n.language} items={g.reps.map((r) => repLink(r, r.name))} />
              </Fragment>
            ))}
          </Line>
        )}
      </Stack>
    </Paper>
  );
}
