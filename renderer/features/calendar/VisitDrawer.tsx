import {
  Anchor,
  Button,
  Center,
  Divider,
  Drawer,
  Group,
  Loader,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconRoute, IconTrash, IconWriting } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitDetail } from '../../../shared/contract/visits';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { formatDay } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { useErrorMessage } from '../../components/errors';
import { VISIT_TABLES } from './tables';
import { formatTimeRange, useNow, zoneSuffix } from './time';
import { ConflictBadge, EffectiveBadge, PurposeBadge, VisitStatusBadge } from './VisitBadges';
import { DetailField, SummaryView } from './VisitDetails';

export type VisitActions = {
  onSummarize: (visit: VisitDetail) => void;
  onEdit: (visit: VisitDetail) => void;
  onRoute?: (visit: VisitDetail) => void;
};

/** One visit, opened from the calendar: its plan, its summary, and what can be done with it. */
export function VisitDrawer({
  visitId,
  onClose,
  actions,
}: {
  visitId: string;
  onClose: () => void;
  actions: VisitActions;
}) {
  const { t } = useTranslation();
  const now = useNow();
  const visit = useApiQuery('visits.get', { id: visitId, now }, VISIT_TABLES, {
    placeholderData: (previous) => previous,
  });
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="md"
      title={<Text fw={650}>{t('calendar.visit.title')}</Text>}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {visit.isPending ? (
        <Center py="xl">
          <Loader size="sm" />
        </Center>
      ) : visit.isError ? (
        <ErrorState error={visit.error} onRetry={() => void visit.refetch()} />
      ) : (
        <VisitBody visit={visit.data} now={now} actions={actions} onClose={onClose} />
      )}
    </Drawer>
  );
}

function VisitBody({
  visit: v,
  now,
  actions,
  onClose,
}: {
  visit: VisitDetail;
  now: string;
  actions: VisitActions;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const started = v.startAt <= now;
  const summarized = v.status !== 'planned';
  const remove = () =>
    modals.openConfirmModal({
      title: t('calendar.visit.deleteTitle'),
      children: (
        <Text size="sm">{t('calendar.visit.deleteText', { customer: v.customerName })}</Text>
      ),
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('visits.delete', { id: v.id }).then(
          () => {
            onClose();
            const id = notifications.show({
              color: 'teal',
              message: (
                <Group gap="sm" justify="space-between" wrap="nowrap">
                  <Text size="sm">
                    {t('calendar.visit.deleted_toast', { customer: v.customerName })}
                  </Text>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => {
                      notifications.hide(id);
                      void call('visits.restore', { id: v.id }).catch((error: unknown) =>
                        notifications.show({ color: 'red', message: message(error) }),
                      );
                    }}
                  >
                    {t('common.undo')}
                  </Button>
                </Group>
              ),
            });
          },
          (error: unknown) => notifications.show({ color: 'red', message: message(error) }),
        ),
    });

  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Title order={3}>
          <Anchor component={Link} to={`/customers/${v.customerId}`} inherit>
            {v.customerName}
          </Anchor>
        </Title>
        <Group gap={6}>
          <PurposeBadge purpose={v.purpose} />
          <VisitStatusBadge status={v.status} summaryDue={v.summaryDue} />
          <EffectiveBadge effective={v.effective} />
          {v.conflict && <ConflictBadge />}
          {!v.planned && (
            <Text size="xs" c="dimmed">
              {t('calendar.visit.unplanned')}
            </Text>
          )}
        </Group>
      </Stack>
      <Stack gap="sm">
        <DetailField label={t('calendar.visit.when')}>
          <span className="tabular">
            {formatDay(v.day, i18n.language, true)}{' '}
            {formatTimeRange(v.startAt, v.endAt, i18n.language, v.timeZone)}
            {zoneSuffix(v.timeZone, v.startAt, i18n.language)}
          </span>
          {v.actualStartAt && v.actualEndAt && (
            <Text size="xs" c="dimmed" className="tabular">
              {t('calendar.visit.actual', {
                time: formatTimeRange(v.actualStartAt, v.actualEndAt, i18n.language, v.timeZone),
              })}
            </Text>
          )}
        </DetailField>
        <DetailField label={t('calendar.fields.rep')}>
          {v.ownerName ?? t('common.none')}
        </DetailField>
        {v.area && <DetailField label={t('calendar.fields.area')}>{v.area}</DetailField>}
        {v.contacts.length > 0 && (
          <DetailField label={t('calendar.fields.contacts')}>
            {v.contacts.map((c) => (c.title ? `${c.name} · ${c.title}` : c.name)).join('、')}
          </DetailField>
        )}
        {v.goal && <DetailField label={t('calendar.fields.goal')}>{v.goal}</DetailField>}
      </Stack>
      <Group gap="xs">
        <Tooltip label={t('calendar.visit.notStarted')} disabled={started} withArrow>
          <Button
            leftSection={<IconWriting size={16} />}
            disabled={!started}
            variant={summarized ? 'default' : 'filled'}
            onClick={() => actions.onSummarize(v)}
          >
            {summarized ? t('calendar.visit.editSummary') : t('calendar.visit.writeSummary')}
          </Button>
        </Tooltip>
        {!summarized && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} />}
            onClick={() => actions.onEdit(v)}
          >
            {t('calendar.visit.editPlan')}
          </Button>
        )}
        {actions.onRoute && (
          <Button
            variant="default"
            leftSection={<IconRoute size={16} />}
            onClick={() => actions.onRoute?.(v)}
          >
            {t('calendar.route.open')}
          </Button>
        )}
        <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={remove}>
          {t('common.delete')}
        </Button>
      </Group>
      {summarized && (
        <>
          <Divider label={t('calendar.summary.title')} labelPosition="left" />
          <SummaryView visit={v} />
        </>
      )}
    </Stack>
  );
}
