import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../shared/domain/people';
import { useStatusMutation } from '../../app/useStatusMutation';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { PasswordField } from './PasswordField';

/**
 * The signed-in person's new password, typed twice; the current one too once they have one.
 * What was typed stays on an error.
 */
export function ChangePasswordForm({
  hasPassword,
  needsCurrent,
  secondary,
  onDone,
}: {
  hasPassword: boolean;
  /** False for a one-time password the person has just signed in with. */
  needsCurrent: boolean;
  secondary?: ReactNode;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const change = useStatusMutation('app.changePassword');
  const fieldErrors = useFieldErrors();
  const form = useForm({
    initialValues: { current: '', next: '', repeat: '' },
    validate: {
      current: (value) => (needsCurrent && value === '' ? t('signIn.errors.currentWrong') : null),
      next: (value) =>
        [...value].length < PASSWORD_MIN ||
        [...value].length > PASSWORD_MAX ||
        value.trim() !== value
          ? t('validation.passwordShape')
          : null,
      repeat: (value, values) => (value !== values.next ? t('signIn.mismatch') : null),
    },
  });
  const submit = form.onSubmit((values) =>
    change.mutate(
      { ...(needsCurrent ? { current: values.current } : {}), next: values.next },
      { onSuccess: onDone, onError: (error) => form.setErrors(fieldErrors(error)) },
    ),
  );
  const fieldsFailed = change.isError && Object.keys(fieldErrors(change.error)).length > 0;
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        {needsCurrent && (
          <PasswordField
            label={t('signIn.current')}
            autoComplete="current-password"
            data-autofocus
            {...form.getInputProps('current')}
          />
        )}
        <PasswordField
          label={t('signIn.next')}
          autoComplete="new-password"
          data-autofocus={needsCurrent ? undefined : true}
          {...form.getInputProps('next')}
        />
        <PasswordField
          label={t('signIn.repeat')}
          autoComplete="new-password"
          {...form.getInputProps('repeat')}
        />
        {change.isError && !fieldsFailed && <ErrorState error={change.error} />}
        <Group justify={secondary ? 'space-between' : 'flex-end'}>
          {secondary}
          <Button type="submit" loading={change.isPending}>
            {hasPassword ? t('signIn.changePassword') : t('signIn.setPassword')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
