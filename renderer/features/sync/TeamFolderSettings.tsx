import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAlertTriangle,
  IconFolderPlus,
  IconFolderShare,
  IconLogout,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncStatus } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import { ErrorState } from '../../components/ErrorState';
import { useErrorMessage, useFieldErrors } from '../../components/errors';
import { formatWhen } from './describe';
import { FolderField } from './FolderField';
import { JoinTeamForm } from './JoinTeam';
import { FolderFacts, StateIcon, useProblemText, useStateLabel } from './SyncIndicator';
import { refreshSync, showSyncStatus, syncNow, useSyncStatus } from './useSync';

/** Settings → Team folder: create or join one, or see the team's devices, sync now, leave. */
export function TeamFolderSettings() {
  const { t } = useTranslation();
  const status = useSyncStatus();
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      id="team-folder"
      data-testid="team-folder"
      style={{ scrollMarginTop: 72 }}
    >
      <Title order={4} mb="md">
        {t('sync.title')}
      </Title>
      {status.isPending ? (
        <Loader size="sm" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => void status.refetch()} />
      ) : status.data.state === 'off' ? (
        <TeamFolderOff />
      ) : (
        <TeamFolderOn status={status.data} />
      )}
    </Card>
  );
}

function TeamFolderOff() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<'create' | 'join' | null>(null);
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text fw={600}>{t('sync.settings.offTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('sync.settings.offText')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Choice
          icon={<IconFolderPlus size={20} />}
          title={t('sync.settings.createTitle')}
          text={t('sync.settings.createText')}
          active={choice === 'create'}
          onClick={() => setChoice('create')}
        />
        <Choice
          icon={<IconFolderShare size={20} />}
          title={t('sync.settings.joinTitle')}
          text={t('sync.settings.joinText')}
          active={choice === 'join'}
          onClick={() => setChoice('join')}
        />
      </SimpleGrid>
      {choice === 'create' && <CreateTeamFolder />}
      {choice === 'join' && <JoinTeamForm confirm autoFocus />}
    </Stack>
  );
}

function Choice({
  icon,
  title,
  text,
  active,
  onClick,
}: {
  icon: React.ReactNode;
  title: string;
  text: string;
  active: boolean;
  onClick: () => void;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="button"
      type="button"
      onClick={onClick}
      aria-pressed={active}
      style={{
        textAlign: 'left',
        cursor: 'pointer',
        borderColor: active ? 'var(--mantine-primary-color-filled)' : undefined,
        boxShadow: active ? '0 0 0 1px var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon size={36} radius="md" variant="light">
          {icon}
        </ThemeIcon>
        <Stack gap={4}>
          <Text fw={600}>{title}</Text>
          <Text size="sm" c="dimmed">
            {text}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

function CreateTeamFolder() {
  const { t } = useTranslation();
  const fieldErrors = useFieldErrors();
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: (input: { folder: string; name: string }) => call('sync.createTeam', input),
    onSuccess: (status) => {
      showSyncStatus(status);
      notifications.show({
        color: 'teal',
        message: t('sync.settings.created_toast', { name: status.team?.name ?? name }),
      });
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  const submit = () => {
    const missing: Record<string, string> = {};
    if (!name.trim()) missing.name = t('validation.required');
    if (!folder.trim()) missing.folder = t('validation.required');
    setErrors(missing);
    if (Object.keys(missing).length === 0)
      create.mutate({ folder: folder.trim(), name: name.trim() });
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <TextInput
          label={t('sync.settings.teamName')}
          placeholder={t('sync.settings.teamNamePlaceholder')}
          withAsterisk
          autoFocus
          maxLength={80}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
        />
        <FolderField value={folder} onChange={setFolder} error={errors.folder} />
        {create.isError && Object.keys(fieldErrors(create.error)).length === 0 && (
          <ErrorState error={create.error} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('sync.settings.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TeamFolderOn({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const label = useStateLabel();
  const problemText = useProblemText(status.devices);
  const message = useErrorMessage();
  const now = useMutation({ mutationFn: syncNow });
  const leave = () =>
    modals.openConfirmModal({
      title: t('sync.settings.leaveConfirmTitle'),
      children: <Text size="sm">{t('sync.settings.leaveConfirmText')}</Text>,
      labels: { confirm: t('sync.settings.leave'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          showSyncStatus(await call('sync.leave', {}));
          await refreshSync();
          notifications.show({ color: 'teal', message: t('sync.settings.left_toast') });
        } catch (error) {
          notifications.show({ color: 'red', message: message(error) });
        }
      },
    });
  const shown = now.isPending ? { ...status, state: 'syncing' as const } : status;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={650} size="lg">
            {t('sync.settings.onTitle', { name: status.team?.name ?? '' })}
          </Text>
          <Group gap={6} wrap="nowrap">
            <StateIcon state={shown.state} size={18} />
            <Text size="sm" fw={600} data-testid="team-folder-state">
              {label(shown)}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {t(`sync.stateText.${shown.state}`)}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button
            variant="light"
            leftSection={<IconRefresh size={16} />}
            loading={now.isPending}
            onClick={() => now.mutate()}
          >
            {t('sync.syncNow')}
          </Button>
          <Button
            variant="subtle"
            color="red"
            leftSection={<IconLogout size={16} />}
            onClick={leave}
          >
            {t('sync.settings.leave')}
          </Button>
        </Group>
      </Group>
      {now.isError && <ErrorState error={now.error} />}
      {status.problems.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle />}
          title={t('sync.problems')}
        >
          <Stack gap={4}>
            {status.problems.map((p, i) => (
              <Text size="sm" key={`${p.code}-${i}`}>
                {problemText(p)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <FolderFacts status={status} Fact={Fact} testId="team-folder-path" />
        <Fact label={t('sync.openChanges')}>
          <Anchor component={Link} to="/team-changes" size="sm">
            {status.openConflicts > 0
              ? t('sync.changes.toLookAt', { count: status.openConflicts })
              : t('sync.changes.none')}
          </Anchor>
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('sync.interval', { seconds: Math.round(status.intervalMs / 1000) })}
      </Text>

      <Stack gap="xs">
        <Text fw={600}>{t('sync.devices')}</Text>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" aria-label={t('sync.devices')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sync.device.name')}</Table.Th>
                <Table.Th>{t('sync.device.user')}</Table.Th>
                <Table.Th>{t('sync.device.lastSeen')}</Table.Th>
                <Table.Th ta="right">{t('sync.device.batches')}</Table.Th>
                <Table.Th>{t('sync.device.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...status.devices]
                .sort((a, b) => Number(b.thisDevice) - Number(a.thisDevice))
                .map((d) => (
                  <Table.Tr key={d.deviceId}>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm">{d.name ?? d.deviceId.slice(-8)}</Text>
                        {d.thisDevice && (
                          <Badge size="xs" variant="light">
                            {t('sync.device.you')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.userName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" className="tabular">
                        {d.lastSeenAt ? formatWhen(d.lastSeenAt, language) : t('sync.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" className="tabular">
                        {d.thisDevice ? '—' : d.appliedSeq} / {d.lastSeq ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {d.problem ? (
                        <Text size="sm" c="orange">
                          {problemText({ code: d.problem, message: d.problem })}
                          {d.waitingSince
                            ? ` (${t('sync.device.since', { time: formatWhen(d.waitingSince, language) })})`
                            : ''}
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('sync.device.ok')}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>

      {status.strays.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('sync.strays')}</Text>
          <Text size="sm" c="dimmed">
            {t('sync.straysText')}
          </Text>
          <Stack gap={4}>
            {status.strays.map((s) => (
              <Group key={s.path} gap="xs" wrap="nowrap">
                <Badge
                  size="sm"
                  variant="light"
                  color={s.kind === 'conflicted_copy' ? 'orange' : 'gray'}
                >
                  {t(`sync.strayKind.${s.kind}`)}
                </Badge>
                <Code style={{ wordBreak: 'break-all' }}>{s.path}</Code>
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{children}</div>
    </Stack>
  );
}
