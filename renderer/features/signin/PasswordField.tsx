import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's PasswordInput with its show/hide button named in the user's language. */
export function PasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
      // Mantine marks the inner input data-invalid only; assistive technology reads aria-invalid.
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}

/** A person's first password (a new team, a newcomer): the rule under the field. */
export function NewPasswordField(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <PasswordField
      label={t('signIn.password')}
      description={t('signIn.passwordHint')}
      withAsterisk
      autoComplete="new-password"
      {...props}
    />
  );
}
