import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/contract/team';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';

/** Team → reset a person's password: confirm, then the one-time password, shown once. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useMutation({ mutationFn: () => call('team.resetPassword', { userId: user.id }) });
  return (
    <Modal opened onClose={onClose} title={t('signIn.resetTitle', { name: user.name })}>
      {reset.data ? (
        <Stack gap="md">
          <Text size="sm">{t('signIn.resetDone', { name: user.name })}</Text>
          <Group justify="center" gap="sm">
            <Code fz="xl" px="md" py="xs" aria-label={t('signIn.password')}>
              {reset.data.temporaryPassword}
            </Code>
            <CopyButton value={reset.data.temporaryPassword}>
              {({ copied, copy }) => (
                <Button variant="light" size="xs" onClick={copy}>
                  {copied ? t('signIn.copied') : t('signIn.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Text size="sm">{t('signIn.resetText', { name: user.name })}</Text>
          {reset.isError && <ErrorState error={reset.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" loading={reset.isPending} onClick={() => reset.mutate()}>
              {t('signIn.resetConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
