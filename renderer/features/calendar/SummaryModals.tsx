import { Center, Group, Loader, Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { formatDay } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { LocalizedDates } from '../../components/LocalizedDates';
import { LogVisitForm } from './LogVisitForm';
import { SummaryForm } from './SummaryForm';
import { VISIT_TABLES } from './tables';
import { formatTimeRange, useNow } from './time';
import type { PlanDraft } from './VisitPlanForm';
import { PurposeBadge } from './VisitBadges';

/** "Write summary" of one visit: loads it, then the summary form (拜访总结). */
export function SummaryModal({ visitId, onClose }: { visitId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  // Loaded once: a refresh after saving must not reset the form under the user.
  const visit = useApiQuery('visits.get', { id: visitId, now }, VISIT_TABLES, {
    staleTime: Infinity,
    refetchOnMount: 'always',
  });
  const v = visit.data;
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={<Text fw={650}>{t('calendar.summary.title')}</Text>}
    >
      <LocalizedDates>
        {v && (
          <Group gap={8} mb="md" wrap="wrap" preventGrowOverflow={false}>
            <Text size="sm" c="dimmed">
              {v.customerName} · {formatDay(v.day, i18n.language)}{' '}
              {formatTimeRange(v.startAt, v.endAt, i18n.language)}
              {v.ownerName ? ` · ${v.ownerName}` : ''}
            </Text>
            <PurposeBadge purpose={v.purpose} />
          </Group>
        )}
        {visit.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : visit.isError ? (
          <ErrorState error={visit.error} onRetry={() => void visit.refetch()} />
        ) : (
          <SummaryForm visit={visit.data} onDone={onClose} onCancel={onClose} />
        )}
      </LocalizedDates>
    </Modal>
  );
}

/** "Log an unplanned visit" (visits.log): from the calendar or a customer's page. */
export function LogVisitModal({ draft, onClose }: { draft?: PlanDraft; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={<Text fw={650}>{t('calendar.log.title')}</Text>}
    >
      <LocalizedDates>
        <Text size="sm" c="dimmed" mb="md">
          {t('calendar.log.subtitle')}
        </Text>
        <LogVisitForm draft={draft} onDone={onClose} onCancel={onClose} />
      </LocalizedDates>
    </Modal>
  );
}
