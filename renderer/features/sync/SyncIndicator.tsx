import {
  Anchor,
  Badge,
  Button,
  Code,
  Divider,
  Group,
  Loader,
  Popover,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCloudCheck,
  IconCloudLock,
  IconCloudOff,
  IconCloudUpload,
  IconHourglassHigh,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { SyncStateName, SyncStatus } from '../../../shared/contract/sync';
import { useErrorMessage } from '../../components/errors';
import { formatWhen } from './describe';
import { syncNow, useSyncOnFocus, useSyncStatus } from './useSync';

/** Each state's colour (a Mantine colour) and icon. */
export const stateLook: Record<
  Exclude<SyncStateName, 'off'>,
  { color: string; icon: typeof IconCloudCheck | null }
> = {
  synced: { color: 'teal', icon: IconCloudCheck },
  syncing: { color: 'blue', icon: null },
  pending: { color: 'blue', icon: IconCloudUpload },
  offline: { color: 'gray', icon: IconCloudOff },
  read_only: { color: 'yellow', icon: IconCloudLock },
  waiting: { color: 'yellow', icon: IconHourglassHigh },
  error: { color: 'red', icon: IconAlertTriangle },
};

/** The state's short label ("Synced", "3 changes to send"). */
export function useStateLabel(): (status: Pick<SyncStatus, 'state' | 'pendingChanges'>) => string {
  const { t } = useTranslation();
  return (status) =>
    status.state === 'pending'
      ? t('sync.state.pending', { count: status.pendingChanges })
      : t(`sync.state.${status.state}`);
}

export function StateIcon({ state, size = 18 }: { state: SyncStateName; size?: number }) {
  if (state === 'off') return null;
  const look = stateLook[state];
  if (!look.icon) return <Loader size={size - 4} color={look.color} />;
  const Icon = look.icon;
  return <Icon size={size} stroke={1.8} color={`var(--mantine-color-${look.color}-filled)`} />;
}

/** Problems in words: the known codes by their messages, others by what the main process said. */
export function useProblemText(
  devices: SyncStatus['devices'] = [],
): (problem: { code: string; message: string; deviceId?: string | null }) => string {
  const { t, i18n } = useTranslation();
  return (problem) => {
    const device = problem.deviceId ? devices.find((d) => d.deviceId === problem.deviceId) : null;
    if (problem.code === 'waiting' && device)
      return t('sync.problem.waitingFor', {
        device: device.userName ?? device.name ?? device.deviceId.slice(-8),
      });
    return i18n.exists(`sync.problem.${problem.code}`)
      ? t(`sync.problem.${problem.code}`)
      : problem.message;
  };
}

/** The header's team-folder state; a click shows the details. Nothing when there is no team folder. */
export function SyncIndicator() {
  const status = useSyncStatus();
  useSyncOnFocus(status.data !== undefined && status.data.state !== 'off');
  const [opened, setOpened] = useState(false);
  const label = useStateLabel();
  const { t } = useTranslation();
  const now = useMutation({ mutationFn: syncNow });
  const location = useLocation();
  useEffect(() => setOpened(false), [location.pathname, location.search]);

  if (!status.data || status.data.state === 'off') return null;
  const data = now.isPending ? { ...status.data, state: 'syncing' as const } : status.data;
  const text = label(data);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      width={380}
      position="bottom-end"
      shadow="md"
      trapFocus
    >
      <Popover.Target>
        <UnstyledButton
          onClick={() => setOpened((o) => !o)}
          aria-label={
            data.openConflicts > 0
              ? t('sync.indicatorLabelChanges', { state: text, count: data.openConflicts })
              : t('sync.indicatorLabel', { state: text })
          }
          data-testid="sync-indicator"
          data-state={data.state}
          px="sm"
          h={34}
          style={{ borderRadius: 'var(--mantine-radius-md)' }}
          className="sync-indicator"
        >
          <Group gap={6} wrap="nowrap">
            <StateIcon state={data.state} />
            <Text size="sm" c={data.state === 'offline' ? 'dimmed' : undefined} visibleFrom="md">
              {text}
            </Text>
            {data.openConflicts > 0 && (
              <Badge size="sm" color="orange" circle aria-hidden>
                {data.openConflicts}
              </Badge>
            )}
          </Group>
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <SyncDetails
          status={data}
          onSyncNow={() => now.mutate()}
          syncing={now.isPending}
          syncError={now.error}
          onNavigate={() => setOpened(false)}
        />
      </Popover.Dropdown>
    </Popover>
  );
}

function SyncDetails({
  status,
  onSyncNow,
  syncing,
  syncError,
  onNavigate,
}: {
  status: SyncStatus;
  onSyncNow: () => void;
  syncing: boolean;
  syncError: Error | null;
  onNavigate: () => void;
}) {
  const { t, i18n } = useTranslation();
  const label = useStateLabel();
  const problemText = useProblemText(status.devices);
  const message = useErrorMessage();
  const language = i18n.language;
  const others = status.devices.filter((d) => !d.thisDevice);
  // The state's sentence already says "offline" or "read-only": list only what it does not.
  const problems = status.problems.filter((p) => p.code !== status.state);
  return (
    <Stack gap="sm" data-testid="sync-details">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('sync.title')}
          </Text>
          <Text fw={650}>{status.team?.name ?? '—'}</Text>
        </Stack>
        <Group gap={6} wrap="nowrap">
          <StateIcon state={status.state} size={16} />
          <Text size="sm" fw={600}>
            {label(status)}
          </Text>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t(`sync.stateText.${status.state}`)}
      </Text>
      {problems.length > 0 && (
        <Stack gap={4}>
          {problems.map((p, i) => (
            <Group key={`${p.code}-${i}`} gap={6} wrap="nowrap" align="flex-start">
              <IconAlertTriangle
                size={16}
                color="var(--mantine-color-orange-filled)"
                style={{ flexShrink: 0, marginTop: 2 }}
              />
              <Text size="sm">{problemText(p)}</Text>
            </Group>
          ))}
        </Stack>
      )}
      <Divider />
      <Stack gap={6}>
        <FolderFacts status={status} Fact={Fact} />
      </Stack>
      {others.length > 0 && (
        <>
          <Divider label={t('sync.devices')} labelPosition="left" />
          <Stack gap={4}>
            {others.map((d) => (
              <Group key={d.deviceId} justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" truncate>
                  {d.userName ?? d.name ?? d.deviceId.slice(-6)}
                  {d.userName && d.name ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      · {d.name}
                    </Text>
                  ) : null}
                </Text>
                <Text size="xs" c={d.problem ? 'orange' : 'dimmed'} style={{ flexShrink: 0 }}>
                  {d.problem
                    ? problemText({ code: d.problem, message: d.problem })
                    : d.lastSeenAt
                      ? formatWhen(d.lastSeenAt, language)
                      : t('sync.never')}
                </Text>
              </Group>
            ))}
          </Stack>
        </>
      )}
      {syncError && (
        <Text size="sm" c="red">
          {message(syncError)}
        </Text>
      )}
      <Divider />
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={2}>
          <Anchor component={Link} to="/team-changes" size="sm" onClick={onNavigate}>
            {status.openConflicts > 0
              ? t('sync.openChangesCount', { count: status.openConflicts })
              : t('sync.openChanges')}
          </Anchor>
          <Anchor
            component={Link}
            to="/settings?section=team-folder"
            size="sm"
            c="dimmed"
            onClick={onNavigate}
          >
            {t('sync.settingsLink')}
          </Anchor>
        </Stack>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconRefresh size={14} />}
          loading={syncing}
          onClick={onSyncNow}
        >
          {t('sync.syncNow')}
        </Button>
      </Group>
    </Stack>
  );
}

type FactLayout = (props: { label: string; children: React.ReactNode }) => React.ReactNode;

/** The folder, the last sync and the changes to send, each laid out by `Fact` (a row here, a cell in Settings). */
export function FolderFacts({
  status,
  Fact: Layout,
  testId,
}: {
  status: SyncStatus;
  Fact: FactLayout;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Layout label={t('sync.folder')}>
        <Code style={{ wordBreak: 'break-all' }} data-testid={testId}>
          {status.team?.folder ?? '—'}
        </Code>
      </Layout>
      <Layout label={t('sync.lastSync')}>
        <Text size="sm" className="tabular">
          {status.lastSuccessAt ? formatWhen(status.lastSuccessAt, i18n.language) : t('sync.never')}
        </Text>
      </Layout>
      <Layout label={t('sync.pendingChanges')}>
        <Text size="sm" className="tabular">
          {status.pendingChanges}
        </Text>
      </Layout>
    </>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="md" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
        {label}
      </Text>
      {children}
    </Group>
  );
}
