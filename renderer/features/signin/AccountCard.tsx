import { Alert, Badge, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconInfoCircle,
  IconKey,
  IconLogout,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/queries';
import { useAppStatus, useCurrentUser } from '../../app/status';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ErrorState } from '../../components/ErrorState';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SignInPassword } from './SignInPassword';

/** Settings → Account: who is signed in, their password, switching user and signing out. */
export function AccountCard() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [dialog, setDialog] = useState<'password' | 'switch' | null>(null);
  const signOut = useStatusMutation('app.signOut');

  const confirmSignOut = () =>
    modals.openConfirmModal({
      title: t('signIn.signOut'),
      children: <Text size="sm">{t('signIn.signOutConfirm')}</Text>,
      labels: { confirm: t('signIn.signOut'), cancel: t('common.cancel') },
      onConfirm: () => signOut.mutate({}),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">{t('settings.youText', { name: me.name })}</Text>
        <Badge variant="light" color={me.hasPassword ? 'teal' : 'orange'}>
          {me.hasPassword ? t('signIn.passwordSet') : t('signIn.passwordNone')}
        </Badge>
      </Group>
      {!me.hasPassword && (
        <Alert variant="light" color="orange" icon={<IconAlertTriangle />}>
          <Text size="sm">{t('signIn.passwordNoneWarning')}</Text>
        </Alert>
      )}
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconKey size={16} />}
          onClick={() => setDialog('password')}
        >
          {me.hasPassword ? t('signIn.changePassword') : t('signIn.setPassword')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconUsers size={16} />}
          onClick={() => setDialog('switch')}
        >
          {t('signIn.switchUser')}
        </Button>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<IconLogout size={16} />}
          loading={signOut.isPending}
          onClick={confirmSignOut}
        >
          {t('signIn.signOut')}
        </Button>
      </Group>
      {signOut.isError && <ErrorState error={signOut.error} />}
      <Alert variant="light" color="gray" icon={<IconInfoCircle />}>
        <Text size="sm">{t('settings.scopeNote')}</Text>
      </Alert>

      <Modal
        opened={dialog === 'password'}
        onClose={() => setDialog(null)}
        title={me.hasPassword ? t('signIn.changePassword') : t('signIn.setPassword')}
      >
        {dialog === 'password' && (
          <ChangePasswordForm
            hasPassword={me.hasPassword}
            needsCurrent={me.hasPassword && !me.passwordTemporary}
            secondary={
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('common.cancel')}
              </Button>
            }
            onDone={() => {
              setDialog(null);
              notifications.show({ color: 'teal', message: t('signIn.changed') });
            }}
          />
        )}
      </Modal>
      <Modal
        opened={dialog === 'switch'}
        onClose={() => setDialog(null)}
        title={t('signIn.switchTitle')}
      >
        {dialog === 'switch' && <SwitchUser onClose={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}

function SwitchUser({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const status = useAppStatus();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const [next, setNext] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('signIn.switchText')}
      </Text>
      <Select
        label={t('signIn.person')}
        data={(users.data ?? [])
          .filter((u) => u.id !== me.id)
          .map((u) => ({ value: u.id, label: u.teamName ? `${u.name} · ${u.teamName}` : u.name }))}
        value={next}
        onChange={setNext}
        searchable
        data-autofocus
      />
      <SignInPassword
        userId={next}
        demoPassword={status.demoPassword}
        secondary={
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        }
        onSignedIn={onClose}
      />
    </Stack>
  );
}
