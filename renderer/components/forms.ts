import type { TFunction } from 'i18next';
import type { z } from 'zod';

/**
 * Validates a form with the same zod schema the main process parses, so the user sees
 * the message before the call is even made (the main process still checks again).
 */
export function zodFormValidator<S extends z.ZodType>(
  schema: S,
  t: TFunction,
  toInput: (values: never) => unknown = (v) => v,
) {
  return (values: unknown): Record<string, string> => {
    const parsed = schema.safeParse((toInput as (v: unknown) => unknown)(values));
    if (parsed.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.map(String).join('.');
      if (!errors[field])
        errors[field] = issue.message.startsWith('validation.')
          ? t(issue.message)
          : t('validation.invalid');
    }
    return errors;
  };
}
