import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/contract/customers';
import { formatDay } from '../../components/dates';
import { EditVisitModal } from '../calendar/EventModals';
import { SummaryModal } from '../calendar/SummaryModals';
import { formatTimeRange } from '../calendar/time';
import { PurposeBadge } from '../calendar/VisitBadges';
import { VisitDrawer } from '../calendar/VisitDrawer';
import type { VisitDetail } from '../../../shared/contract/visits';

/** The customer's planned visits still to come, each opening the visit itself. */
export function UpcomingVisits({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [summarize, setSummarize] = useState<string | null>(null);
  const [editing, setEditing] = useState<VisitDetail | null>(null);
  const visits = customer.upcomingVisits;
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('customers.upcoming.title')}
    >
      <Title order={4} mb="sm">
        {t('customers.upcoming.title')}
      </Title>
      {visits.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconCalendarEvent size={18} />
          <Text size="sm">{t('customers.upcoming.none')}</Text>
        </Group>
      ) : (
        <Stack gap={8} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {visits.map((v) => (
            <Group component="li" key={v.id} gap="sm" wrap="nowrap" align="flex-start">
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  fw={600}
                  ta="left"
                  onClick={() => setOpen(v.id)}
                >
                  {formatDay(v.day, i18n.language, true)}{' '}
                  {formatTimeRange(v.startAt, v.endAt, i18n.language)}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {[v.ownerName, v.goal].filter(Boolean).join(' · ')}
                </Text>
              </Stack>
              <PurposeBadge purpose={v.purpose} />
            </Group>
          ))}
        </Stack>
      )}
      {open && (
        <VisitDrawer
          visitId={open}
          onClose={() => setOpen(null)}
          actions={{
            onSummarize: (visit) => {
              setOpen(null);
              setSummarize(visit.id);
            },
            onEdit: (visit) => {
              setOpen(null);
              setEditing(visit);
            },
          }}
        />
      )}
      {summarize && <SummaryModal visitId={summarize} onClose={() => setSummarize(null)} />}
      {editing && <EditVisitModal visit={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
