import { Badge, Card, Checkbox, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../../shared/contract/followups';
import { useApiQuery } from '../../api/queries';
import { localToday } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { AddFollowUpForm } from './AddFollowUpForm';
import { DueLabel } from './DueLabel';
import { useCompleteFollowUp } from './useCompleteFollowUp';

/** The customer's open follow-ups, each done with one click, and an inline "add". */
export function CustomerFollowUps({
  customerId,
  ownerId,
}: {
  customerId: string;
  ownerId: string | null;
}) {
  const { t } = useTranslation();
  const list = useApiQuery('followUps.forCustomer', { customerId }, [
    'follow_ups',
    'customers',
    'users',
  ]);
  const today = localToday();

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('followups.panelTitle')}
    >
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('followups.panelTitle')}</Title>
        {list.data && list.data.length > 0 && (
          <Badge variant="light" radius="sm" className="tabular">
            {list.data.length}
          </Badge>
        )}
      </Group>
      <Stack gap="sm">
        {list.isPending ? (
          <Stack gap={8}>
            <Skeleton height={22} />
            <Skeleton height={22} width="70%" />
          </Stack>
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.length === 0 ? (
          <Group gap="xs" c="dimmed">
            <IconChecklist size={18} />
            <Text size="sm">{t('followups.noneOpen')}</Text>
          </Group>
        ) : (
          <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {list.data.map((f) => (
              <FollowUpItem key={f.id} followUp={f} today={today} />
            ))}
          </Stack>
        )}
        <AddFollowUpForm key={ownerId ?? ''} customerId={customerId} ownerId={ownerId} />
      </Stack>
    </Card>
  );
}

function FollowUpItem({ followUp, today }: { followUp: FollowUp; today: string }) {
  const { t } = useTranslation();
  const complete = useCompleteFollowUp();
  // Ticked at once; the row leaves when the list refreshes, or unticks if the call failed.
  const [ticked, setTicked] = useState(false);
  return (
    <Group component="li" gap="sm" wrap="nowrap" align="flex-start">
      <Checkbox
        mt={2}
        aria-label={t('followups.complete', { text: followUp.text })}
        checked={ticked}
        disabled={ticked}
        onChange={() => {
          setTicked(true);
          void complete(followUp).then((ok) => {
            if (!ok) setTicked(false);
          });
        }}
      />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Text
          size="sm"
          td={ticked ? 'line-through' : undefined}
          style={{ wordBreak: 'break-word' }}
        >
          {followUp.text}
        </Text>
        <Group gap="xs">
          <DueLabel dueOn={followUp.dueOn} today={today} />
          {followUp.ownerName && (
            <Text size="xs" c="dimmed">
              {followUp.ownerName}
            </Text>
          )}
        </Group>
      </Stack>
    </Group>
  );
}
