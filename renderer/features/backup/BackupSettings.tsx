import { Button, Card, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupEntry } from '../../../shared/contract/backup';
import { call } from '../../api/client';
import { queryClient, useApiMutation, useApiQuery } from '../../api/queries';
import { useAppStatus } from '../../app/status';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { useErrorMessage } from '../../components/errors';
import { formatDateTime } from '../../components/format';

/** 1.2 MB, in the user's language. */
function formatBytes(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(language, { maximumFractionDigits: digits })} ${units[unit]}`;
}

const fileName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * Settings → Backups: the daily copies of this database (electron/backup/backups.ts), "back
 * up now", and restoring one, which replaces the database at a restart (the current file is
 * kept beside it).
 */
export function BackupSettings() {
  const { t, i18n } = useTranslation();
  const status = useAppStatus();
  const message = useErrorMessage();
  const list = useApiQuery('backup.list', {}, []);
  const backUp = useApiMutation('backup.now');
  const [chosen, setChosen] = useState<BackupEntry | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [restoreError, setRestoreError] = useState<unknown>(null);
  const language = i18n.language;

  const backUpNow = () =>
    backUp.mutate(
      {},
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('backup.made') });
          void queryClient.invalidateQueries({ queryKey: ['backup.list'] });
        },
        onError: (error) => notifications.show({ color: 'red', message: message(error) }),
      },
    );

  const restore = async (backup: BackupEntry) => {
    setRestoring(true);
    setRestoreError(null);
    try {
      await call('backup.restore', { name: backup.name });
      // Electron relaunches (this call may never answer); the browser host reopens in place.
      await call('app.restart', {});
      window.location.reload();
    } catch (error) {
      setRestoreError(error);
      setRestoring(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('backup.title')}>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <Stack gap={4}>
          <Title order={4}>{t('backup.title')}</Title>
          {list.data && (
            <Text size="sm" c="dimmed">
              {t('backup.text', { folder: list.data.folder, keep: list.data.keep })}
            </Text>
          )}
        </Stack>
        <Button
          variant="default"
          leftSection={<IconDatabaseExport size={16} />}
          loading={backUp.isPending}
          onClick={backUpNow}
        >
          {t('backup.now')}
        </Button>
      </Group>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.backups.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('backup.none')}
        </Text>
      )}
      {list.data && list.data.backups.length > 0 && (
        <Table.ScrollContainer minWidth={420} mah={360}>
          <Table verticalSpacing="xs" aria-label={t('backup.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('backup.when')}</Table.Th>
                <Table.Th ta="right">{t('backup.size')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.backups.map((backup) => (
                <Table.Tr key={backup.name} data-backup={backup.name}>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(backup.at, language)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm">{formatBytes(backup.bytes, language)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconRestore size={14} />}
                      onClick={() => {
                        setRestoreError(null);
                        setChosen(backup);
                      }}
                    >
                      {t('backup.restore')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <Modal
        opened={chosen !== null}
        onClose={() => !restoring && setChosen(null)}
        title={t('backup.restoreTitle')}
        centered
      >
        {chosen && (
          <Stack gap="md">
            <Text size="sm">
              {t('backup.restoreText', {
                time: formatDateTime(chosen.at, language),
                file: fileName(status.databasePath),
              })}
            </Text>
            <Code style={{ wordBreak: 'break-all' }}>{chosen.name}</Code>
            {restoreError !== null && <ErrorState error={restoreError} />}
            <Group justify="flex-end">
              <Button variant="default" disabled={restoring} onClick={() => setChosen(null)}>
                {t('common.cancel')}
              </Button>
              <Button color="red" loading={restoring} onClick={() => void restore(chosen)}>
                {t('backup.restoreConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Card>
  );
}
