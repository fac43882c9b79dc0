import { Button } from '@mantine/core';
import { IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WeeklyPackDialog } from './WeeklyPackDialog';

/** Opens the weekly meeting pack dialog; the dialog mounts only while open. */
export function WeeklyPackButton({
  initial,
}: {
  initial?: { week?: string | undefined; teamId?: string | undefined };
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconPresentation size={16} />}
        onClick={() => setOpened(true)}
      >
        {t('exports.pack.button')}
      </Button>
      {opened && (
        <WeeklyPackDialog onClose={() => setOpened(false)} {...(initial ? { initial } : {})} />
      )}
    </>
  );
}
