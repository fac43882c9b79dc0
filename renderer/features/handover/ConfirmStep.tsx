import { Alert, Avatar, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HandoverPreview } from '../../../shared/contract/handover';
import type { User } from '../../../shared/contract/team';
import type { HandoverRouting } from '../../../shared/domain/handover';
import { ErrorState } from '../../components/ErrorState';
import { receiverTotals } from './assignment';

/** Step 4: who receives how many customers, what follows them, and the deactivation. */
export function ConfirmStep({
  preview,
  routing,
  receivers,
  error,
}: {
  preview: HandoverPreview;
  routing: HandoverRouting;
  receivers: User[];
  error: unknown;
}) {
  const { t } = useTranslation();
  const name = preview.user.name;
  const nameOf = (id: string) => receivers.find((u) => u.id === id)?.name ?? id;
  const totals = [...receiverTotals(preview, routing)]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const followUps = preview.parts.find((p) => p.part === 'followUps')?.count ?? 0;
  return (
    <Stack gap="md">
      <Title order={4}>{t('handover.summaryTitle')}</Title>
      {totals.length > 0 && (
        <Card withBorder radius="md" padding={0}>
          <Table aria-label={t('handover.summaryTitle')} verticalSpacing={8}>
            <Table.Tbody>
              {totals.map(([userId, n]) => (
                <Table.Tr key={userId}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text size="sm" c="dimmed">
                        {name}
                      </Text>
                      <IconArrowRight size={14} color="var(--mantine-color-dimmed)" />
                      <Avatar size={24} radius="xl" color="teal">
                        {nameOf(userId).slice(0, 1)}
                      </Avatar>
                      <Text size="sm" fw={600}>
                        {nameOf(userId)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td ta="right" className="tabular">
                    {t('handover.summaryReceives', { count: n })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {followUps > 0 && (
        <Text size="sm">{t('handover.summaryFollowUps', { count: followUps })}</Text>
      )}
      <Text size="sm" c="dimmed">
        {t('handover.creditNote', { name })}
      </Text>
      <Alert color="orange" variant="light" icon={<IconAlertTriangle />}>
        {t('handover.summaryDeactivate', { name })}
      </Alert>
      {error ? <ErrorState error={error} /> : null}
    </Stack>
  );
}
