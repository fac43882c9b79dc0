import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/errors';

/** Confirm, soft-delete, and offer Undo in the toast (which restores the customer). */
export function useDeleteCustomer(
  onDeleted?: () => void,
): (customer: { id: string; name: string }) => void {
  const { t } = useTranslation();
  const message = useErrorMessage();

  const restore = async (customer: { id: string; name: string }, toastId: string) => {
    try {
      await call('customers.restore', { id: customer.id });
      notifications.update({
        id: toastId,
        message: t('customers.restored_toast', { name: customer.name }),
        color: 'teal',
        autoClose: 3000,
        loading: false,
      });
    } catch (error) {
      notifications.update({
        id: toastId,
        message: message(error),
        color: 'red',
        autoClose: 6000,
        loading: false,
      });
    }
  };

  return (customer) =>
    modals.openConfirmModal({
      title: t('customers.deleteConfirmTitle', { name: customer.name }),
      children: <Text size="sm">{t('customers.deleteConfirmText')}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('customers.delete', { id: customer.id });
        } catch (error) {
          notifications.show({ color: 'red', message: message(error) });
          return;
        }
        onDeleted?.();
        const toastId = `deleted-${customer.id}`;
        notifications.show({
          id: toastId,
          autoClose: 8000,
          message: (
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">{t('customers.deleted_toast', { name: customer.name })}</Text>
              <Button
                size="compact-sm"
                variant="light"
                onClick={() => void restore(customer, toastId)}
              >
                {t('common.undo')}
              </Button>
            </Group>
          ),
        });
      },
    });
}
