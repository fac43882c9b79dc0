import { Anchor, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarRepeat, IconWriting } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VisitEvent } from '../../../shared/contract/visits';
import type { Scope } from '../../../shared/domain/people';
import { useApiQuery } from '../../api/queries';
import { formatDay, localToday } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { NewEventModal } from '../calendar/EventModals';
import { SummaryModal } from '../calendar/SummaryModals';
import { VISIT_TABLES } from '../calendar/tables';
import { formatTimeRange, nextWorkingDay, useNow, wallTimeOf } from '../calendar/time';
import { PurposeBadge } from '../calendar/VisitBadges';

type Open = { kind: 'summary'; id: string } | { kind: 'reschedule'; visit: VisitEvent };

/**
 * Past visits that need something from the rep (visits.pending): summaries due, and missed
 * visits not yet rescheduled. Shown above the follow-ups; nothing when there are none.
 */
export function PendingVisits({ scope }: { scope: Scope }) {
  const now = useNow();
  const today = localToday();
  const pending = useApiQuery('visits.pending', { scope, now, today }, VISIT_TABLES, {
    placeholderData: (previous) => previous,
  });
  const [open, setOpen] = useState<Open | null>(null);
  if (pending.isError)
    return <ErrorState error={pending.error} onRetry={() => void pending.refetch()} />;
  if (!pending.data) return null;
  const { summaryDue, missed } = pending.data;
  return (
    <>
      {summaryDue.length > 0 && (
        <VisitGroup
          kind="summaryDue"
          visits={summaryDue}
          showOwner={scope !== 'mine'}
          onAction={(v) => setOpen({ kind: 'summary', id: v.id })}
        />
      )}
      {missed.length > 0 && (
        <VisitGroup
          kind="missed"
          visits={missed}
          showOwner={scope !== 'mine'}
          onAction={(v) => setOpen({ kind: 'reschedule', visit: v })}
        />
      )}
      {open?.kind === 'summary' && <SummaryModal visitId={open.id} onClose={() => setOpen(null)} />}
      {open?.kind === 'reschedule' && (
        <NewEventModal
          allowMeeting={false}
          onClose={() => setOpen(null)}
          draft={{
            day: nextWorkingDay(today),
            start: wallTimeOf(open.visit.startAt),
            end: wallTimeOf(open.visit.endAt),
            ownerId: open.visit.ownerId,
            customer: { id: open.visit.customerId, name: open.visit.customerName },
            purpose: open.visit.purpose,
          }}
        />
      )}
    </>
  );
}

function VisitGroup({
  kind,
  visits,
  showOwner,
  onAction,
}: {
  kind: 'summaryDue' | 'missed';
  visits: VisitEvent[];
  showOwner: boolean;
  onAction: (visit: VisitEvent) => void;
}) {
  const { t, i18n } = useTranslation();
  const title = t(`calendar.pending.${kind}`);
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-label={title}>
      <Stack
        gap={2}
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Group gap="xs">
          <Title order={4}>{title}</Title>
          <Badge
            color={kind === 'summaryDue' ? 'orange' : 'red'}
            variant="light"
            radius="sm"
            className="tabular"
          >
            {visits.length.toLocaleString(i18n.language)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`calendar.pending.${kind}Text`)}
        </Text>
      </Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={title} verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="34%">{t('followups.customer')}</Table.Th>
              <Table.Th>{t('calendar.visit.when')}</Table.Th>
              <Table.Th w={150}>{t('calendar.fields.purpose')}</Table.Th>
              {showOwner && <Table.Th w={110}>{t('calendar.fields.rep')}</Table.Th>}
              <Table.Th w={150} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visits.map((v) => (
              <Table.Tr key={v.id}>
                <Table.Td>
                  <Anchor
                    component={Link}
                    to={`/customers/${v.customerId}`}
                    size="sm"
                    fw={550}
                    truncate="end"
                    display="block"
                  >
                    {v.customerName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="tabular">
                    {formatDay(v.day, i18n.language)}{' '}
                    {formatTimeRange(v.startAt, v.endAt, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <PurposeBadge purpose={v.purpose} />
                </Table.Td>
                {showOwner && (
                  <Table.Td>
                    <Text size="sm">{v.ownerName ?? t('common.none')}</Text>
                  </Table.Td>
                )}
                <Table.Td ta="right">
                  <Button
                    size="compact-sm"
                    variant={kind === 'summaryDue' ? 'light' : 'default'}
                    leftSection={
                      kind === 'summaryDue' ? (
                        <IconWriting size={14} />
                      ) : (
                        <IconCalendarRepeat size={14} />
                      )
                    }
                    onClick={() => onAction(v)}
                    aria-label={`${
                      kind === 'summaryDue'
                        ? t('calendar.pending.writeSummary')
                        : t('calendar.pending.reschedule')
                    } ${v.customerName}`}
                  >
                    {kind === 'summaryDue'
                      ? t('calendar.pending.writeSummary')
                      : t('calendar.pending.reschedule')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
