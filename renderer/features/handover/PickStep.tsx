import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/contract/team';
import { colleagueOptions } from './assignment';

/** Step 1: who leaves. Only active reps and managers other than you can be handed over. */
export function PickStep({
  candidates,
  value,
  onChange,
}: {
  candidates: User[];
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Select
        label={t('handover.pickLabel')}
        placeholder={t('handover.pickPlaceholder')}
        data={colleagueOptions(candidates, t('common.none'))}
        value={value}
        onChange={onChange}
        searchable
        allowDeselect={false}
        nothingFoundMessage={t('handover.pickEmpty')}
        data-autofocus
        comboboxProps={{ withinPortal: true }}
      />
      <Text size="sm" c="dimmed">
        {t('handover.pickHint')}
      </Text>
    </Stack>
  );
}
