import { Alert, Button, Group, Progress as Bar, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../shared/contract/bridge';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { FolderField } from './FolderField';
import { restartApp, useSyncProgress } from './useSync';

/** A join's progress: copying the snapshot (no numbers), then applying later batches (counted). */
export function JoinProgress({ progress }: { progress: Progress | null }) {
  const { t } = useTranslation();
  const counted = progress !== null && progress.total > 0 && !progress.task.endsWith('snapshot');
  let label = t('sync.join.progress');
  if (progress?.task.endsWith('snapshot')) label = t('sync.join.progressSnapshot');
  else if (counted)
    label = t('sync.join.progressChanges', { done: progress.done, total: progress.total });
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Text size="sm" className="tabular">
        {label}
      </Text>
      <Bar
        value={counted ? (progress.done / progress.total) * 100 : 100}
        animated={!counted}
        size="lg"
        radius="xl"
        aria-label={label}
        transitionDuration={200}
      />
    </Stack>
  );
}

/**
 * "Join a team folder": a folder, then the join (with progress), then a restart that opens
 * the team's data. `confirm` asks first, where the join replaces data someone has been using.
 */
export function JoinTeamForm({
  confirm,
  autoFocus,
  actions,
}: {
  confirm: boolean;
  autoFocus?: boolean;
  /** Rendered left of the Join button (a Back button). */
  actions?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const [folder, setFolder] = useState('');
  const [missing, setMissing] = useState(false);
  const { progress, reset } = useSyncProgress();
  const [joined, setJoined] = useState<string | null>(null);
  const join = useMutation({
    mutationFn: async (input: { folder: string }) => {
      reset();
      const result = await call('sync.joinTeam', input);
      setJoined(result.teamName);
      await restartApp();
    },
  });
  const run = () => join.mutate({ folder: folder.trim() });
  const submit = () => {
    if (!folder.trim()) {
      setMissing(true);
      return;
    }
    if (!confirm) return run();
    modals.openConfirmModal({
      title: t('sync.settings.joinConfirmTitle'),
      children: <Text size="sm">{t('sync.settings.joinConfirmText')}</Text>,
      labels: { confirm: t('sync.settings.joinConfirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'orange' },
      onConfirm: run,
    });
  };

  const busy = join.isPending || joined !== null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <FolderField
          value={folder}
          onChange={(value) => {
            setFolder(value);
            setMissing(false);
          }}
          error={missing ? t('validation.required') : undefined}
          description={t('sync.join.folderHint')}
          autoFocus={autoFocus}
        />
        {joined !== null ? (
          <Alert color="teal" variant="light" icon={<IconCheck />}>
            <Text size="sm">{t('sync.join.restarting', { name: joined })}</Text>
          </Alert>
        ) : (
          join.isPending && <JoinProgress progress={progress} />
        )}
        {join.isError && <ErrorState error={join.error} />}
        <Group justify={actions ? 'space-between' : 'flex-end'}>
          {actions}
          <Button type="submit" loading={busy} color={confirm ? 'orange' : undefined}>
            {t('sync.settings.join')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
