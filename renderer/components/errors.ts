import { useTranslation } from 'react-i18next';
import { ApiFailure } from '../api/client';

/** Turns any thrown error into a sentence in the user's language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  return (error) => {
    if (error instanceof ApiFailure) {
      const { key, params, message } = error.error;
      if (key && i18n.exists(key)) return t(key, { ...params, message });
      return message;
    }
    return error instanceof Error ? error.message : String(error);
  };
}

/** Per-field messages of a failed call, translated, for `form.setErrors`. */
export function useFieldErrors(): (error: unknown) => Record<string, string> {
  const { t } = useTranslation();
  return (error) => {
    if (!(error instanceof ApiFailure) || !error.error.fields) return {};
    return Object.fromEntries(
      Object.entries(error.error.fields).map(([field, key]) => [
        field.replace(/^fields\./, ''),
        t(key, error.error.params ?? {}),
      ]),
    );
  };
}
