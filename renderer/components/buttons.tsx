import { Button, Group } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { UseMutationResult } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from './errors';

/** A card's right-aligned Save: runs the mutation and says how it went in a toast. */
export function SaveRow<V>({
  mutation,
  value,
  saved,
}: {
  mutation: UseMutationResult<unknown, Error, V>;
  value: V;
  /** The toast on success, already translated. */
  saved: string;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <Group justify="flex-end">
      <Button
        loading={mutation.isPending}
        onClick={() =>
          mutation.mutate(value, {
            onSuccess: () => notifications.show({ color: 'teal', message: saved }),
            onError: (error) => notifications.show({ color: 'red', message: message(error) }),
          })
        }
      >
        {t('common.save')}
      </Button>
    </Group>
  );
}

/** The Edit and Delete buttons of a record page's header. */
export function EditDeleteButtons({
  onEdit,
  onDelete,
}: {
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
        {t('common.delete')}
      </Button>
    </Group>
  );
}
