import { Button, Group } from '@mantine/core';
import { IconCalendarPlus, IconClipboardPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/status';
import { localToday } from '../../components/dates';
import { NewEventModal } from './EventModals';
import { LogVisitModal } from './SummaryModals';
import { justNow, nextWorkingDay } from './time';

/** "Plan visit" and "Log visit" for one customer (its page, the deal page). */
export function CustomerVisitActions({
  customer,
  ownerId,
}: {
  customer: { id: string; name: string };
  /** The customer's owner: who visits by default (else the current user). */
  ownerId: string | null;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [open, setOpen] = useState<'plan' | 'log' | null>(null);
  // A rep plans and logs their own visits; a manager plans or logs for the customer's owner.
  const rep = me.role === 'rep' ? me.id : (ownerId ?? me.id);
  return (
    <Group gap="xs">
      <Button
        variant="light"
        leftSection={<IconCalendarPlus size={16} />}
        onClick={() => setOpen('plan')}
      >
        {t('calendar.customer.planVisit')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconClipboardPlus size={16} />}
        onClick={() => setOpen('log')}
      >
        {t('calendar.customer.logVisit')}
      </Button>
      {open === 'plan' && (
        <NewEventModal
          allowMeeting={false}
          onClose={() => setOpen(null)}
          draft={{
            day: nextWorkingDay(localToday()),
            start: '09:00',
            end: '10:00',
            ownerId: rep,
            customer,
            customerFixed: true,
          }}
        />
      )}
      {open === 'log' && (
        <LogVisitModal
          onClose={() => setOpen(null)}
          draft={{ ...justNow(), ownerId: rep, customer, customerFixed: true }}
        />
      )}
    </Group>
  );
}
