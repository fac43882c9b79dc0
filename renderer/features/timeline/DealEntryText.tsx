import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineEntry } from '../../../shared/contract/timeline';
import type { Milestone } from '../../../shared/domain/milestones';
import { formatMoney } from '../../components/money';

/** "M2 合格经办人": the key keeps the board's column names recognisable in both languages. */
function useMilestoneLabel(): (m: Milestone) => string {
  const { t } = useTranslation();
  return (m) => `${m} ${t(`milestones.${m}`)}`;
}

/** What a deal move says: created, moved from → to, won, lost or reopened. */
function useMoveHeadline(): (entry: TimelineEntry) => string {
  const { t } = useTranslation();
  const label = useMilestoneLabel();
  return (entry) => {
    const move = entry.move;
    if (!move) return '';
    if (move.toStatus === 'won') return t('timeline.deal.won');
    if (move.toStatus === 'lost') return t('timeline.deal.lost');
    if (!move.fromMilestone) return t('timeline.deal.created', { to: label(move.toMilestone) });
    if (move.fromStatus && move.fromStatus !== 'open')
      return t('timeline.deal.reopened', { to: label(move.toMilestone) });
    return t('timeline.deal.moved', {
      from: label(move.fromMilestone),
      to: label(move.toMilestone),
    });
  };
}

/** The text of a deal move or a collection on the timeline: what happened, on which deal (a link). */
export function DealEntryText({ entry }: { entry: TimelineEntry }) {
  const { t, i18n } = useTranslation();
  const moveHeadline = useMoveHeadline();
  const collection = entry.kind === 'collection';
  const headline = collection
    ? t('timeline.deal.collected', { amount: formatMoney(entry.amount ?? 0, i18n.language) })
    : moveHeadline(entry);
  const detail = collection
    ? entry.body
    : entry.body && t('timeline.deal.reason', { reason: entry.body });
  return (
    <Stack gap={2} mt={2}>
      <Text size="sm" fw={500} className={collection ? 'tabular' : undefined}>
        {headline}
        {collection && !entry.deal && ` · ${t('timeline.deal.unallocated')}`}
        {entry.deal && (
          <>
            {' · '}
            <Anchor component={Link} to={`/deals/${entry.deal.id}`} size="sm" fw={400}>
              {entry.deal.title}
            </Anchor>
          </>
        )}
      </Text>
      {detail && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {detail}
        </Text>
      )}
    </Stack>
  );
}
