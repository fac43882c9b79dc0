import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Stack,
  Switch,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowBackUp,
  IconBan,
  IconCheck,
  IconCopy,
  IconGitMerge,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SyncConflictView } from '../../../shared/contract/sync';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { useErrorMessage } from '../../components/errors';
import { PageLoader } from '../../components/PageLoader';
import { describeConflict, formatWhen, rowLink, type Names } from './describe';
import { refreshSync, syncTables } from './useSync';

/**
 * "Changes from the team": values of yours that a teammate's concurrent change replaced, clashes
 * to merge, and teammates' changes not applied because their author may not make them.
 */
export function ChangesPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const conflicts = useApiQuery('sync.conflicts', { all }, syncTables);
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const names: Names = useMemo(
    () => ({ users: new Map((users.data ?? []).map((u) => [u.id, u.name])) }),
    [users.data],
  );

  return (
    <Stack gap="lg" maw={880}>
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={2}>{t('sync.changes.title')}</Title>
          <Text size="sm" c="dimmed" maw={620}>
            {t('sync.changes.text')}
          </Text>
        </Stack>
        <Switch
          label={t('sync.changes.showResolved')}
          checked={all}
          onChange={(event) => setAll(event.currentTarget.checked)}
        />
      </Group>
      {conflicts.isPending ? (
        <PageLoader />
      ) : conflicts.isError ? (
        <ErrorState error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      ) : conflicts.data.length === 0 ? (
        <Card withBorder radius="md">
          <EmptyState
            icon={<IconUsersGroup size={28} />}
            title={t('sync.changes.emptyTitle')}
            text={t('sync.changes.emptyText')}
          />
        </Card>
      ) : (
        <Stack gap="sm" role="list" aria-label={t('sync.changes.title')}>
          {conflicts.data.map((c) => (
            <ConflictCard key={c.id} conflict={c} names={names} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function ConflictCard({ conflict, names }: { conflict: SyncConflictView; names: Names }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const sentence = describeConflict(t, i18n.language, conflict, names);
  const act = useMutation({
    mutationFn: async (action: 'restore' | 'keep') => {
      if (action === 'restore') await call('sync.restoreMine', { id: conflict.id });
      else await call('sync.dismiss', { id: conflict.id });
      return action;
    },
    onSuccess: async (action) => {
      await refreshSync();
      notifications.show({
        color: 'teal',
        message: t(
          action === 'restore' ? 'sync.changes.restored_toast' : 'sync.changes.kept_toast',
        ),
      });
    },
    onError: (error) => notifications.show({ color: 'red', message: message(error) }),
  });
  const resolved = conflict.resolvedAt !== null;
  const link = rowLink(conflict.table, conflict.rowId);
  const otherLink = conflict.otherRowId ? rowLink(conflict.table, conflict.otherRowId) : null;
  const duplicate = conflict.kind === 'duplicate';
  const refused = conflict.kind === 'refused';

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      role="listitem"
      data-testid="team-change"
      data-conflict-id={conflict.id}
      style={{ opacity: resolved ? 0.7 : 1 }}
    >
      <Group wrap="nowrap" align="flex-start" gap="md">
        <ThemeIcon
          size={36}
          radius="xl"
          variant="light"
          color={resolved ? 'gray' : refused ? 'red' : duplicate ? 'grape' : 'orange'}
        >
          {refused ? (
            <IconBan size={18} />
          ) : duplicate ? (
            <IconCopy size={18} />
          ) : (
            <IconGitMerge size={18} />
          )}
        </ThemeIcon>
        <Stack gap={8} style={{ flex: 1, minWidth: 0 }}>
          {refused && (
            <Badge variant="light" color="red" w="fit-content">
              {t('sync.changes.notApplied')}
            </Badge>
          )}
          <Text size="sm" style={{ lineHeight: 1.55 }}>
            {sentence}
          </Text>
          <Group gap="md" wrap="wrap">
            {link && (
              <Anchor component={Link} to={link} size="sm">
                {duplicate ? t('sync.changes.openFirst') : t('sync.changes.open')}
              </Anchor>
            )}
            {otherLink && (
              <Anchor component={Link} to={otherLink} size="sm">
                {t('sync.changes.openSecond')}
              </Anchor>
            )}
            <Text size="xs" c="dimmed">
              {t('sync.changes.detected', { at: formatWhen(conflict.detectedAt, i18n.language) })}
            </Text>
          </Group>
        </Stack>
        {resolved ? (
          <Badge variant="light" color="gray" leftSection={<IconCheck size={12} />}>
            {t(`sync.changes.resolved.${refused ? 'seen' : (conflict.resolution ?? 'dismissed')}`)}
          </Badge>
        ) : duplicate || refused ? (
          <Button
            size="xs"
            variant="default"
            loading={act.isPending}
            onClick={() => act.mutate('keep')}
          >
            {t('sync.changes.handled')}
          </Button>
        ) : (
          <Stack gap={6} style={{ flexShrink: 0 }}>
            <Button
              size="xs"
              leftSection={<IconArrowBackUp size={14} />}
              loading={act.isPending && act.variables === 'restore'}
              disabled={act.isPending}
              onClick={() => act.mutate('restore')}
            >
              {t('sync.changes.restore')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={act.isPending && act.variables === 'keep'}
              disabled={act.isPending}
              onClick={() => act.mutate('keep')}
            >
              {t('sync.changes.keep')}
            </Button>
          </Stack>
        )}
      </Group>
    </Card>
  );
}
