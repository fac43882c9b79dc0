import { Button, Group, Stack, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { PasswordField } from './PasswordField';

/**
 * The password of the person picked above it, and "Sign in" (decision 0022). A wrong password
 * shows on the field and keeps what was typed; a hold or a person without a password shows
 * as a message.
 */
export function SignInPassword({
  userId,
  demoPassword,
  secondary,
  onSignedIn,
}: {
  userId: string | null;
  demoPassword: string | null;
  /** A button on the left of "Sign in" (back, cancel). */
  secondary?: ReactNode;
  onSignedIn?: () => void;
}) {
  const { t } = useTranslation();
  const signIn = useStatusMutation('app.signIn');
  const fieldErrors = useFieldErrors();
  const [password, setPassword] = useState('');
  const { reset } = signIn;
  // Another person: the last one's answer no longer applies.
  useEffect(() => reset(), [userId, reset]);
  const fieldError = signIn.isError ? fieldErrors(signIn.error).password : undefined;

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (userId) signIn.mutate({ userId, password }, { onSuccess: () => onSignedIn?.() });
      }}
    >
      <Stack gap="sm">
        <PasswordField
          label={t('signIn.password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldError}
          disabled={!userId}
          autoComplete="current-password"
        />
        {demoPassword && (
          <Text size="xs" c="dimmed">
            {t('signIn.demoHint', { password: demoPassword })}
          </Text>
        )}
        {signIn.isError && !fieldError && <ErrorState error={signIn.error} />}
        <Group justify={secondary ? 'space-between' : 'flex-end'}>
          {secondary}
          <Button type="submit" disabled={!userId} loading={signIn.isPending}>
            {t('signIn.signIn')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
