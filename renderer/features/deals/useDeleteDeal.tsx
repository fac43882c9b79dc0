import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/errors';

/** Confirm, soft-delete, and offer Undo in the toast (which restores the deal). */
export function useDeleteDeal(
  onDeleted?: () => void,
): (deal: { id: string; title: string }) => void {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const restore = async (deal: { id: string; title: string }, toastId: string) => {
    try {
      await call('deals.restore', { id: deal.id });
      notifications.update({
        id: toastId,
        message: t('deals.page.restored_toast', { title: deal.title }),
        color: 'teal',
        autoClose: 3000,
      });
    } catch (error) {
      notifications.update({ id: toastId, message: message(error), color: 'red', autoClose: 6000 });
    }
  };
  return (deal) =>
    modals.openConfirmModal({
      title: t('deals.page.deleteTitle', { title: deal.title }),
      children: <Text size="sm">{t('deals.page.deleteText')}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await call('deals.delete', { id: deal.id });
        } catch (error) {
          notifications.show({ color: 'red', message: message(error) });
          return;
        }
        onDeleted?.();
        const toastId = `deal-deleted-${deal.id}`;
        notifications.show({
          id: toastId,
          autoClose: 8000,
          message: (
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">{t('deals.page.deleted_toast', { title: deal.title })}</Text>
              <Button size="compact-sm" variant="light" onClick={() => void restore(deal, toastId)}>
                {t('common.undo')}
              </Button>
            </Group>
          ),
        });
      },
    });
}
