import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/errors';

/** A follow-up's text short enough for a toast. */
function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * One click completes a follow-up; the toast offers Undo, which reopens it. Lists
 * refresh by themselves from the tables-changed signal. Resolves false when it failed.
 */
export function useCompleteFollowUp(): (followUp: {
  id: string;
  text: string;
}) => Promise<boolean> {
  const { t } = useTranslation();
  const message = useErrorMessage();

  const reopen = async (followUp: { id: string; text: string }, toastId: string) => {
    try {
      await call('followUps.reopen', { id: followUp.id });
      notifications.update({
        id: toastId,
        color: 'blue',
        message: t('followups.reopened_toast', { text: short(followUp.text) }),
        autoClose: 3000,
      });
    } catch (error) {
      notifications.update({ id: toastId, color: 'red', message: message(error), autoClose: 6000 });
    }
  };

  return async (followUp) => {
    try {
      await call('followUps.complete', { id: followUp.id });
    } catch (error) {
      notifications.show({ color: 'red', message: message(error) });
      return false;
    }
    const toastId = `follow-up-done-${followUp.id}`;
    notifications.show({
      id: toastId,
      color: 'teal',
      autoClose: 8000,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{t('followups.completed_toast', { text: short(followUp.text) })}</Text>
          <Button size="compact-sm" variant="light" onClick={() => void reopen(followUp, toastId)}>
            {t('common.undo')}
          </Button>
        </Group>
      ),
    });
    return true;
  };
}
