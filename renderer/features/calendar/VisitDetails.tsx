import { Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitDetail } from '../../../shared/contract/visits';
import { formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';

/** A labelled value of a visit's details. */
export function DetailField({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

/** A visit's summary as read back: what happened, the money, what was learned, what next. */
export function SummaryView({ visit }: { visit: VisitDetail }) {
  const { t, i18n } = useTranslation();
  const money = (fen: number | null) => (fen ? formatMoney(fen, i18n.language) : null);
  const texts: [string, string | null][] = [
    [
      visit.status === 'done' ? t('calendar.summary.outcome') : t('calendar.summary.whatHappened'),
      visit.outcome,
    ],
    [t('calendar.summary.problemsHandled'), visit.problemsHandled],
    [t('calendar.summary.competitorInfo'), visit.competitorInfo],
    [t('calendar.summary.customerFeedback'), visit.customerFeedback],
    [t('calendar.summary.customerNews'), visit.customerNews],
    [t('calendar.summary.learnings'), visit.learnings],
    [t('calendar.summary.nextAction'), visit.nextAction],
  ];
  const order = money(visit.orderAmount);
  const collected = money(visit.collectionAmount);
  return (
    <Stack gap="sm">
      {(order || collected) && (
        <SimpleGrid cols={2} spacing="sm">
          {order && (
            <DetailField label={t('calendar.summary.orderAmount')}>
              <span className="tabular">{order}</span>
            </DetailField>
          )}
          {collected && (
            <DetailField label={t('calendar.summary.collectionAmount')}>
              <span className="tabular">{collected}</span>
              {visit.collection && (
                <>
                  {' · '}
                  <Anchor component={Link} to={`/deals/${visit.collection.dealId}`} size="sm">
                    {visit.collection.dealTitle}
                  </Anchor>
                </>
              )}
            </DetailField>
          )}
        </SimpleGrid>
      )}
      {texts
        .filter(([, text]) => !!text)
        .map(([label, text]) => (
          <DetailField key={label} label={label}>
            {text}
          </DetailField>
        ))}
      {visit.summarizedAt && (
        <Group gap={6}>
          <Text size="xs" c="dimmed">
            {t('calendar.summary.writtenBy', {
              name: visit.summarizedByName ?? t('common.none'),
              at: formatDateTime(visit.summarizedAt, i18n.language),
            })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
