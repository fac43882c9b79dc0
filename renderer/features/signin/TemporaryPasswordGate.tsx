import { Button, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/status';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After signing in with a manager's one-time password, the person chooses their own before
 * anything else (or signs out): the dialog cannot be dismissed.
 */
export function TemporaryPasswordGate() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const signOut = useStatusMutation('app.signOut');
  return (
    <Modal
      opened={me.passwordTemporary}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title={t('signIn.temporaryTitle')}
      centered
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('signIn.temporaryText')}
        </Text>
        <ChangePasswordForm
          hasPassword
          needsCurrent={false}
          secondary={
            <Button
              variant="subtle"
              color="gray"
              loading={signOut.isPending}
              onClick={() => signOut.mutate({})}
            >
              {t('signIn.signOut')}
            </Button>
          }
          onDone={() => undefined}
        />
      </Stack>
    </Modal>
  );
}
