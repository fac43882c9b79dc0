import { Alert, Button, Group, Progress as Bar, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconFileSpreadsheet,
  IconFolderOpen,
} from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/queries';
import { useErrorMessage } from '../../components/errors';
import { folderOf } from './helpers';
import type { ExportState } from './useExport';

const MARK = '\u0001';

/** A sentence holding a path, which may wrap after each folder separator (not mid-name). */
function BreakablePath({ text, path }: { text: string; path: string }) {
  const [before = '', after = ''] = text.split(MARK);
  const parts = path.split(/(?<=[\\/])/);
  return (
    <>
      {before}
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
      {after}
    </>
  );
}

/** The label of each progress report: `done` steps of 3 are finished. */
const steps = ['data', 'build', 'save', 'done'] as const;

/**
 * What an export is doing, in the same words everywhere (the weekly pack dialog and every
 * "Export to Excel" button): a bar while it runs, then the file and its folder (with "Open
 * folder" where the host can show it), or the error with what to do about it.
 */
export function ExportStatus({
  state,
  onRetry,
}: {
  state: ExportState;
  /** Offered with an error; the dialog leaves it out (its Export button is right there). */
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const reveal = useApiMutation('exports.reveal');
  if (state.status === 'idle') return null;
  if (state.status === 'running') {
    const p = state.progress;
    const counted = p !== null && p.total > 0;
    const label = counted
      ? t(`exports.progress.${steps[Math.min(p.done, steps.length - 1)]}`)
      : t('exports.progress.start');
    return (
      <Stack gap={6} role="status" aria-live="polite">
        <Text size="sm">{label}</Text>
        <Bar
          value={counted ? Math.max(8, (p.done / p.total) * 100) : 100}
          animated
          size="lg"
          radius="xl"
          aria-label={label}
          transitionDuration={200}
        />
      </Stack>
    );
  }
  if (state.status === 'failed')
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertTriangle />}
        title={t('exports.failed')}
        role="alert"
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{message(state.error)}</Text>
          {onRetry && (
            <Button size="xs" variant="default" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
        </Stack>
      </Alert>
    );
  const { file } = state;
  const folder = folderOf(file);
  const shown = reveal.data;
  return (
    <Stack gap="sm" role="status" aria-label={t('exports.result.title')}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size={36} radius="xl" color="teal" variant="light">
          <IconCircleCheck size={22} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm">
            {t('exports.result.title')}
          </Text>
          <Group gap={6} wrap="nowrap">
            <IconFileSpreadsheet size={16} style={{ flexShrink: 0 }} />
            <Text size="sm" fw={500} data-testid="export-file" style={{ overflowWrap: 'anywhere' }}>
              {file.fileName}
            </Text>
          </Group>
          <Text size="xs" c="dimmed" data-testid="export-folder">
            <BreakablePath text={t('exports.result.folder', { folder: MARK })} path={folder} />
          </Text>
          {(file.keptExisting !== null || file.replaced) && (
            <Text size="xs" data-testid="export-name-note" style={{ overflowWrap: 'anywhere' }}>
              {file.keptExisting !== null
                ? t('exports.result.keptExisting', { name: file.keptExisting })
                : t('exports.result.replaced')}
            </Text>
          )}
        </Stack>
      </Group>
      {file.canReveal && (
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconFolderOpen size={14} />}
            loading={reveal.isPending}
            onClick={() => reveal.mutate({ path: file.path })}
          >
            {t('exports.result.reveal')}
          </Button>
        </Group>
      )}
      {(reveal.isError || shown?.shown === false) && (
        <Text size="xs" c="red">
          {reveal.isError ? message(reveal.error) : t('exports.result.revealFailed', { folder })}
        </Text>
      )}
    </Stack>
  );
}
