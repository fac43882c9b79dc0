import { Alert, Button, FileButton, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../shared/contract/bridge';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../../shared/contract/imports';
import { useErrorMessage } from '../../components/errors';
import { ImportProgress } from './ImportProgress';

const ACCEPT =
  '.xlsx,.xls,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,text/csv';
const MB = Math.round(MAX_IMPORT_BYTES / 1024 / 1024);

/** Step 1: drop or choose a file. Obvious mistakes (a .docx, a 200 MB file) are caught before sending. */
export function FileStep({
  onFile,
  busy,
  progress,
  error,
}: {
  onFile: (file: File) => void;
  busy: boolean;
  progress: Progress | null;
  error: unknown;
}) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const message = useErrorMessage();
  const problem = refused ?? (error !== null && !busy ? message(error) : null);

  const take = (file: File | null | undefined) => {
    if (!file || busy) return;
    if (!/\.(xlsx|xls|csv)$/i.test(file.name))
      return setRefused(t('imports.file.unsupported', { name: file.name }));
    if (file.size > MAX_IMPORT_BYTES)
      return setRefused(t('imports.file.tooLarge', { name: file.name, mb: MB }));
    setRefused(null);
    onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    take(event.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md">
      <Paper
        radius="md"
        p="xl"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        style={{
          border: `2px dashed ${dragging ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-default-border)'}`,
          background: dragging ? 'var(--mantine-primary-color-light)' : undefined,
          transition: 'background 120ms, border-color 120ms',
        }}
      >
        {busy ? (
          <ImportProgress progress={progress} />
        ) : (
          <Stack align="center" gap="sm" py="lg" ta="center">
            <ThemeIcon size={56} radius="xl" variant="light">
              <IconFileSpreadsheet size={30} />
            </ThemeIcon>
            <Text fw={600}>{dragging ? t('imports.file.dropHere') : t('imports.file.drop')}</Text>
            <FileButton onChange={take} accept={ACCEPT}>
              {(props) => (
                <Button {...props} leftSection={<IconUpload size={16} />} variant="light">
                  {t('imports.file.choose')}
                </Button>
              )}
            </FileButton>
            <Text size="sm" c="dimmed" maw={460}>
              {t('imports.file.hint', { mb: MB, rows: MAX_IMPORT_ROWS })}
            </Text>
          </Stack>
        )}
      </Paper>
      {problem && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
          {problem}
        </Alert>
      )}
    </Stack>
  );
}
