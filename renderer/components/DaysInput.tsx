import { NumberInput, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A whole number of days, 1–365, as team settings take them; empty gives null. */
export function DaysInput({
  label,
  value,
  onChange,
  disabled,
  readOnly,
}: {
  label: string;
  value: number | null;
  onChange: (days: number | null) => void;
  disabled?: boolean;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <NumberInput
      aria-label={label}
      value={value ?? ''}
      onChange={(v) => onChange(typeof v === 'number' ? v : null)}
      min={1}
      max={365}
      allowDecimal={false}
      disabled={disabled}
      readOnly={readOnly}
      rightSection={
        <Text size="xs" c="dimmed">
          {t('common.days')}
        </Text>
      }
      rightSectionWidth={36}
      w={110}
    />
  );
}
