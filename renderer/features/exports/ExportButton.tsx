import { Button, CloseButton, Popover } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Input } from '../../../shared/contract';
import { ExportStatus } from './ExportStatus';
import { useExport } from './useExport';

/** A table export without its language: the button writes the workbook in the app's language. */
export type TableExport =
  Input<'exports.table'> extends infer T
    ? T extends unknown
      ? Omit<T, 'language'>
      : never
    : never;

/**
 * "Export to Excel" for a table as the screen shows it (a report, the customer list, the
 * board as a list): the same button in the same place on each screen. Progress, the saved
 * file and errors show in a popover under it, so the screen stays usable.
 */
export function ExportButton({ table }: { table: TableExport }) {
  const { t, i18n } = useTranslation();
  const { state, run } = useExport('exports.table');
  const [open, setOpen] = useState(false);
  const running = state.status === 'running';
  const start = () => {
    setOpen(true);
    run({
      ...table,
      language: i18n.language === 'zh-CN' ? 'zh-CN' : 'en',
    } as Input<'exports.table'>);
  };
  return (
    <Popover
      opened={open && state.status !== 'idle'}
      onChange={(next) => !running && setOpen(next)}
      onDismiss={() => !running && setOpen(false)}
      position="bottom-end"
      width={380}
      shadow="md"
      withArrow
      trapFocus={false}
      returnFocus
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconFileSpreadsheet size={16} />}
          loading={running}
          onClick={start}
        >
          {t('exports.toExcel')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('exports.toExcel')} pr={36}>
        {!running && (
          <CloseButton
            size="sm"
            aria-label={t('common.close')}
            onClick={() => setOpen(false)}
            pos="absolute"
            top={8}
            right={8}
          />
        )}
        <ExportStatus state={state} onRetry={start} />
      </Popover.Dropdown>
    </Popover>
  );
}
