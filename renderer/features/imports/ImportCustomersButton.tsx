import { Button } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportWizard } from './ImportWizard';

/** Opens the customer import wizard (Excel or CSV); the wizard mounts only while open. */
export function ImportCustomersButton() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileImport size={16} />}
        onClick={() => setOpened(true)}
      >
        {t('imports.button')}
      </Button>
      {opened && <ImportWizard onClose={() => setOpened(false)} />}
    </>
  );
}
