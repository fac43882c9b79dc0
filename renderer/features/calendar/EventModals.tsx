import { Center, Loader, Modal, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconMapPin, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitDetail } from '../../../shared/contract/visits';
import { useApiQuery } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { LocalizedDates } from '../../components/LocalizedDates';
import { MeetingForm } from './MeetingForm';
import { VISIT_TABLES } from './tables';
import { VisitPlanForm, type PlanDraft } from './VisitPlanForm';

/**
 * A new calendar event from a clicked slot: a visit plan by default, or a meeting instead
 * (meeting kinds and coaching) — one switch at the top.
 */
export function NewEventModal({
  draft,
  onClose,
  allowMeeting = true,
}: {
  draft: PlanDraft;
  onClose: () => void;
  allowMeeting?: boolean;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'visit' | 'meeting'>('visit');
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Text fw={650}>
          {kind === 'visit' ? t('calendar.plan.title') : t('calendar.meeting.newTitle')}
        </Text>
      }
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <LocalizedDates>
        <Stack gap="md">
          {allowMeeting && (
            <SegmentedControl
              aria-label={t('calendar.plan.kind')}
              value={kind}
              onChange={(v) => setKind(v as 'visit' | 'meeting')}
              data={[
                {
                  value: 'visit',
                  label: (
                    <Center style={{ gap: 6 }}>
                      <IconMapPin size={15} />
                      <span>{t('calendar.plan.kindVisit')}</span>
                    </Center>
                  ),
                },
                {
                  value: 'meeting',
                  label: (
                    <Center style={{ gap: 6 }}>
                      <IconUsers size={15} />
                      <span>{t('calendar.plan.kindMeeting')}</span>
                    </Center>
                  ),
                },
              ]}
            />
          )}
          {kind === 'visit' ? (
            <VisitPlanForm draft={draft} onDone={onClose} onCancel={onClose} />
          ) : (
            <MeetingForm draft={draft} onDone={onClose} onCancel={onClose} />
          )}
        </Stack>
      </LocalizedDates>
    </Modal>
  );
}

/** Edits a visit's plan. */
export function EditVisitModal({ visit, onClose }: { visit: VisitDetail; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{t('calendar.plan.editTitle')}</Text>}
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <LocalizedDates>
        <VisitPlanForm visit={visit} onDone={onClose} onCancel={onClose} />
      </LocalizedDates>
    </Modal>
  );
}

/** Opens a meeting: loads it, then the same form to edit or delete it. */
export function MeetingModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const meeting = useApiQuery('meetings.get', { id }, VISIT_TABLES);
  return (
    <Modal
      opened
      onClose={onClose}
      title={<Text fw={650}>{meeting.data?.title ?? t('calendar.meeting.title')}</Text>}
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <LocalizedDates>
        {meeting.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : meeting.isError ? (
          <ErrorState error={meeting.error} onRetry={() => void meeting.refetch()} />
        ) : (
          <MeetingForm meeting={meeting.data} onDone={onClose} onCancel={onClose} />
        )}
      </LocalizedDates>
    </Modal>
  );
}
