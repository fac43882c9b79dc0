import { Badge, Button, Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMapPin, IconWriting } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitDetail } from '../../../shared/contract/visits';
import { useApiQuery } from '../../api/queries';
import { formatDay } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { formatMoney } from '../../components/money';
import { purposeColors } from './colors';
import { CustomerVisitActions } from './CustomerVisitActions';
import { SummaryModal } from './SummaryModals';
import { VISIT_TABLES } from './tables';
import { formatTimeRange, useNow } from './time';
import { EffectiveBadge, PurposeBadge, VisitStatusBadge } from './VisitBadges';

/**
 * A customer's recent visits with their summaries (visits.forCustomer), latest first: for the
 * deal page, so the deal's owner sees what was said at the customer lately.
 */
export function CustomerVisits({
  customer,
  ownerId,
  limit = 5,
}: {
  customer: { id: string; name: string };
  ownerId: string | null;
  limit?: number;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const visits = useApiQuery(
    'visits.forCustomer',
    { customerId: customer.id, limit, now },
    VISIT_TABLES,
    { placeholderData: (previous) => previous },
  );
  const [summarize, setSummarize] = useState<string | null>(null);
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('calendar.customer.visits')}
    >
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={4}>{t('calendar.customer.visits')}</Title>
        <CustomerVisitActions customer={customer} ownerId={ownerId} />
      </Group>
      {visits.isPending ? (
        <Stack gap={8}>
          <Skeleton height={44} />
          <Skeleton height={44} />
        </Stack>
      ) : visits.isError ? (
        <ErrorState error={visits.error} onRetry={() => void visits.refetch()} />
      ) : visits.data.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconMapPin size={18} />
          <Text size="sm">{t('calendar.customer.visitsEmpty')}</Text>
        </Group>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {visits.data.map((v) => (
            <VisitItem key={v.id} visit={v} onSummarize={() => setSummarize(v.id)} />
          ))}
        </Stack>
      )}
      {summarize && <SummaryModal visitId={summarize} onClose={() => setSummarize(null)} />}
    </Card>
  );
}

function VisitItem({ visit: v, onSummarize }: { visit: VisitDetail; onSummarize: () => void }) {
  const { t, i18n } = useTranslation();
  const text = v.outcome ?? v.goal;
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon size={28} radius="xl" variant="light" color={purposeColors[v.purpose]}>
        <IconMapPin size={15} />
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="wrap">
          <Text size="sm" fw={600} className="tabular">
            {formatDay(v.day, i18n.language, true)}{' '}
            {formatTimeRange(v.actualStartAt ?? v.startAt, v.actualEndAt ?? v.endAt, i18n.language)}
          </Text>
          <PurposeBadge purpose={v.purpose} />
          <VisitStatusBadge status={v.status} summaryDue={v.summaryDue} />
          <EffectiveBadge effective={v.effective} />
        </Group>
        {text && (
          <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {text}
          </Text>
        )}
        <Group gap={6}>
          {v.ownerName && (
            <Text size="xs" c="dimmed">
              {v.ownerName}
            </Text>
          )}
          {!!v.orderAmount && (
            <Badge
              size="xs"
              variant="light"
              color="grape"
              radius="sm"
              tt="none"
              className="tabular"
            >
              {t('calendar.timeline.order', { amount: formatMoney(v.orderAmount, i18n.language) })}
            </Badge>
          )}
          {!!v.collectionAmount && (
            <Badge
              size="xs"
              variant="light"
              color="green"
              radius="sm"
              tt="none"
              className="tabular"
            >
              {t('calendar.timeline.collection', {
                amount: formatMoney(v.collectionAmount, i18n.language),
              })}
            </Badge>
          )}
        </Group>
      </Stack>
      {v.summaryDue && (
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconWriting size={14} />}
          onClick={onSummarize}
        >
          {t('calendar.visit.writeSummary')}
        </Button>
      )}
    </Group>
  );
}
