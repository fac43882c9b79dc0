import { Button, Group, TextInput } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';

/** True in the Electron app (a folder dialog exists); the browser host asks for a typed path. */
const hasDialog = typeof window !== 'undefined' && window.pacer !== undefined;

/**
 * A team folder's path: typed (a share may be mounted anywhere), or picked with the system's
 * folder dialog where the host has one.
 */
export function FolderField({
  value,
  onChange,
  error,
  label,
  description,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: React.ReactNode;
  label?: string;
  description?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState(hasDialog);
  const [choosing, setChoosing] = useState(false);
  const choose = async () => {
    setChoosing(true);
    try {
      const chosen = await call('sync.chooseFolder', {});
      if (!chosen.supported) setDialog(false);
      if (chosen.path) onChange(chosen.path);
    } finally {
      setChoosing(false);
    }
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        label={label ?? t('sync.settings.folder')}
        description={description}
        placeholder={t('sync.settings.folderPlaceholder')}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        error={error}
        withAsterisk
        data-autofocus={autoFocus || undefined}
        autoFocus={autoFocus}
        spellCheck={false}
        style={{ flex: 1 }}
        leftSection={<IconFolder size={16} />}
      />
      {dialog && (
        <Button variant="default" loading={choosing} onClick={() => void choose()}>
          {t('sync.settings.choose')}
        </Button>
      )}
    </Group>
  );
}
