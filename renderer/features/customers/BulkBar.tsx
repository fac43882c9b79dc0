import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarCheck, IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';

/** Bulk actions on the selected customers: reassign to a colleague, mark grades reviewed. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const reassign = useApiMutation('customers.reassign');
  const review = useApiMutation('customers.markReviewed');
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const [choosing, setChoosing] = useState(false);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const fail = (error: Error) => notifications.show({ color: 'red', message: message(error) });

  return (
    <Group
      px="sm"
      py={8}
      gap="sm"
      bg="var(--mantine-primary-color-light)"
      role="toolbar"
      aria-label={t('customers.selected', { count: ids.length })}
    >
      <Text size="sm" fw={600}>
        {t('customers.selected', { count: ids.length })}
      </Text>
      <Button
        size="xs"
        variant="white"
        leftSection={<IconUserShare size={14} />}
        onClick={() => setChoosing(true)}
      >
        {t('customers.reassign')}
      </Button>
      <Button
        size="xs"
        variant="white"
        leftSection={<IconCalendarCheck size={14} />}
        loading={review.isPending}
        onClick={() =>
          review.mutate(
            { ids, today: localToday() },
            {
              onSuccess: ({ count }) => {
                notifications.show({
                  color: 'teal',
                  message: t('customers.markedReviewed', { count }),
                });
                onDone();
              },
              onError: fail,
            },
          )
        }
      >
        {t('customers.markReviewed')}
      </Button>
      <Button size="xs" variant="subtle" onClick={onDone}>
        {t('customers.clearSelection')}
      </Button>
      <Modal
        opened={choosing}
        onClose={() => setChoosing(false)}
        title={<Text fw={650}>{t('customers.reassignTitle', { count: ids.length })}</Text>}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack>
          <Select
            label={t('customers.reassignTo')}
            data={(users.data ?? []).map((u) => ({
              value: u.id,
              label: u.teamName ? `${u.name} · ${u.teamName}` : u.name,
            }))}
            value={ownerId}
            onChange={setOwnerId}
            searchable
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setChoosing(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!ownerId}
              loading={reassign.isPending}
              onClick={() =>
                ownerId &&
                reassign.mutate(
                  { ids, ownerId },
                  {
                    onSuccess: ({ count }) => {
                      const name = users.data?.find((u) => u.id === ownerId)?.name ?? '';
                      notifications.show({
                        color: 'teal',
                        message: t('customers.reassigned', { count, name }),
                      });
                      setChoosing(false);
                      onDone();
                    },
                    onError: fail,
                  },
                )
              }
            >
              {t('customers.reassign')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
