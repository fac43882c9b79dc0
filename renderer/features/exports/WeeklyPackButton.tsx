import { Button } from '@mantine/core';
import { IconPresentation } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../app/status';
import { WeeklyPackDialog } from './WeeklyPackDialog';

/**
 * Opens the weekly meeting pack dialog; the dialog mounts only while open. Not offered to a rep:
 * the pack is a team's meeting, made by its manager (docs/data-scope.md).
 */
export function WeeklyPackButton({
  initial,
}: {
  initial?: { week?: string | undefined; teamId?: string | undefined };
}) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (useCurrentUser().role === 'rep') return null;
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
