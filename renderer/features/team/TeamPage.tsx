import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconArrowsExchange,
  IconKey,
  IconPencil,
  IconPlus,
  IconUserOff,
  IconUserCheck,
  IconUserShare,
  IconUsers,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team, User } from '../../../shared/contract/team';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { useErrorMessage } from '../../components/errors';
import { HandoverWizard } from '../handover/HandoverWizard';
import { ResetPasswordModal } from '../signin/ResetPasswordModal';
import { TeamFormModal } from './TeamFormModal';
import { UserFormModal } from './UserFormModal';

const roleColors = { admin: 'grape', manager: 'teal', rep: 'gray' } as const;

/** Teams and people: create, edit, deactivate. */
export function TeamPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const [teamFilter, setTeamFilter] = useState<string | null>(me.teamId);
  const [showInactive, setShowInactive] = useState(false);
  const users = useApiQuery(
    'team.listUsers',
    { includeInactive: showInactive, ...(teamFilter ? { teamId: teamFilter } : {}) },
    ['users', 'teams'],
  );
  const [teamForm, setTeamForm] = useState<Team | 'new' | null>(null);
  const [userForm, setUserForm] = useState<User | 'new' | null>(null);
  // The handover wizard: open with no one chosen (header) or with a rep chosen (row action).
  const [handover, setHandover] = useState<{ fromUserId?: string } | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  // The handler checks it again: a manager resets the people they see; only an admin an admin.
  // A rep sees the team and edits their own details; the rest is a manager's (core/permissions.ts).
  const manages = me.role !== 'rep';
  const mayReset = (user: User) =>
    me.role !== 'rep' && user.id !== me.id && (user.role !== 'admin' || me.role === 'admin');
  const message = useErrorMessage();

  const setActive = (user: User, active: boolean) => {
    const run = async () => {
      try {
        await call('team.setUserActive', { id: user.id, active });
        notifications.show({
          color: 'teal',
          message: t(active ? 'team.reactivated' : 'team.deactivated', { name: user.name }),
        });
      } catch (error) {
        notifications.show({ color: 'red', message: message(error) });
      }
    };
    if (active) {
      void run();
      return;
    }
    // Someone who still owns customers or follow-ups should be handed over, not just switched off.
    void call('handover.preview', { fromUserId: user.id }).then(
      (preview) => {
        const owned = preview.parts.reduce((sum, part) => sum + part.count, 0);
        modals.openConfirmModal({
          title: `${t('team.deactivate')} · ${user.name}`,
          children: (
            <Stack gap="xs">
              <Text size="sm">{t('team.deactivateConfirm', { name: user.name })}</Text>
              {owned > 0 && (
                <Alert color="yellow" variant="light" p="sm">
                  <Text size="sm">{t('team.stillOwns', { name: user.name, count: owned })}</Text>
                  <Button
                    size="xs"
                    mt="xs"
                    variant="light"
                    onClick={() => {
                      modals.closeAll();
                      setHandover({ fromUserId: user.id });
                    }}
                  >
                    {t('handover.handOver')}
                  </Button>
                </Alert>
              )}
            </Stack>
          ),
          labels: {
            confirm: owned > 0 ? t('team.deactivateAnyway') : t('team.deactivate'),
            cancel: t('common.cancel'),
          },
          confirmProps: { color: 'red' },
          onConfirm: () => void run(),
        });
      },
      (error: unknown) => notifications.show({ color: 'red', message: message(error) }),
    );
  };

  if (teams.isPending) return <PageLoader />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />;

  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={2}>{t('team.title')}</Title>
        {manages && (
          <Group gap="sm">
            <Button
              variant="default"
              leftSection={<IconArrowsExchange size={16} />}
              onClick={() => setHandover({})}
            >
              {t('handover.open')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} />}
              onClick={() => setTeamForm('new')}
            >
              {t('team.newTeam')}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setUserForm('new')}>
              {t('team.newUser')}
            </Button>
          </Group>
        )}
      </Group>

      <section aria-label={t('team.teams')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {teams.data.map((team) => (
            <Card
              key={team.id}
              withBorder
              radius="md"
              padding="md"
              style={{
                borderColor:
                  teamFilter === team.id ? 'var(--mantine-primary-color-filled)' : undefined,
                cursor: 'pointer',
              }}
              onClick={() => setTeamFilter(teamFilter === team.id ? null : team.id)}
            >
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={650} truncate>
                    {team.name}
                  </Text>
                  <Text size="sm" c="dimmed" truncate>
                    {team.managerName
                      ? `${t('team.manager')}：${team.managerName}`
                      : t('team.noManager')}
                  </Text>
                  {team.parentName && (
                    <Text size="xs" c="dimmed">
                      {t('team.parent')}：{team.parentName}
                    </Text>
                  )}
                </Stack>
                {manages && (
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`${t('team.editTeam')} ${team.name}`}
                    onClick={(e) => {
                      e.stopPropagation();
                      setTeamForm(team);
                    }}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                )}
              </Group>
              <Group gap={6} mt="sm">
                <IconUsers size={14} color="var(--mantine-color-dimmed)" />
                <Text size="xs" c="dimmed" className="tabular">
                  {t('team.membersCount', {
                    active: team.activeMemberCount,
                    total: team.memberCount,
                  })}
                </Text>
              </Group>
            </Card>
          ))}
        </SimpleGrid>
      </section>

      <Card withBorder radius="md" padding={0}>
        <Group
          p="sm"
          justify="space-between"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <Group gap="sm">
            <Title order={4} px="xs">
              {t('team.users')}
            </Title>
            <Select
              aria-label={t('team.team')}
              data={[
                { value: '', label: t('team.allTeams') },
                ...teams.data.map((team) => ({ value: team.id, label: team.name })),
              ]}
              value={teamFilter ?? ''}
              onChange={(v) => setTeamFilter(v || null)}
              allowDeselect={false}
              w={180}
            />
          </Group>
          <Switch
            label={t('team.showInactive')}
            checked={showInactive}
            onChange={(e) => setShowInactive(e.currentTarget.checked)}
          />
        </Group>
        {users.isError ? (
          <Stack p="md">
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          </Stack>
        ) : users.data?.length === 0 ? (
          <EmptyState
            icon={<IconUsers />}
            title={t('team.users')}
            text={t('team.emptyUsers')}
            action={
              manages ? (
                <Button onClick={() => setUserForm('new')}>{t('team.newUser')}</Button>
              ) : undefined
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('team.users')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('team.name')}</Table.Th>
                  <Table.Th>{t('team.role')}</Table.Th>
                  <Table.Th>{t('team.team')}</Table.Th>
                  <Table.Th>{t('team.phone')}</Table.Th>
                  <Table.Th>{t('team.email')}</Table.Th>
                  <Table.Th>{t('team.status')}</Table.Th>
                  <Table.Th w={160} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(users.data ?? []).map((user) => (
                  <Table.Tr key={user.id} opacity={user.active ? 1 : 0.6}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <Avatar size={28} radius="xl" color={roleColors[user.role]}>
                          {user.name.slice(0, 1)}
                        </Avatar>
                        <Text size="sm" fw={550}>
                          {user.name}
                          {user.id === me.id && (
                            <Text span c="dimmed" size="xs">
                              {' '}
                              ({t('team.you')})
                            </Text>
                          )}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={roleColors[user.role]} radius="sm">
                        {t(`roles.${user.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{user.teamName ?? t('common.none')}</Table.Td>
                    <Table.Td className="tabular">{user.phone ?? t('common.none')}</Table.Td>
                    <Table.Td>{user.email ?? t('common.none')}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Badge variant="dot" color={user.active ? 'teal' : 'gray'}>
                          {user.active ? t('team.active') : t('team.inactive')}
                        </Badge>
                        {!user.hasPassword && (
                          <Badge variant="light" color="orange" size="sm">
                            {t('signIn.passwordNone')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap" justify="flex-end">
                        {(manages || user.id === me.id) && (
                          <Tooltip label={t('team.editUser')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`${t('team.editUser')} ${user.name}`}
                              onClick={() => setUserForm(user)}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {user.active && mayReset(user) && (
                          <Tooltip label={t('signIn.resetPassword')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`${t('signIn.resetPassword')} ${user.name}`}
                              onClick={() => setResetting(user)}
                            >
                              <IconKey size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {manages && user.id !== me.id && user.active && user.role !== 'admin' && (
                          <Tooltip label={t('handover.handOver')}>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`${t('handover.handOver')} ${user.name}`}
                              onClick={() => setHandover({ fromUserId: user.id })}
                            >
                              <IconUserShare size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {manages && user.id !== me.id && (
                          <Tooltip
                            label={user.active ? t('team.deactivate') : t('team.reactivate')}
                          >
                            <ActionIcon
                              variant="subtle"
                              color={user.active ? 'red' : 'teal'}
                              aria-label={`${user.active ? t('team.deactivate') : t('team.reactivate')} ${user.name}`}
                              onClick={() => setActive(user, !user.active)}
                            >
                              {user.active ? (
                                <IconUserOff size={16} />
                              ) : (
                                <IconUserCheck size={16} />
                              )}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>

      {teamForm && (
        <TeamFormModal
          team={teamForm === 'new' ? undefined : teamForm}
          teams={teams.data}
          onClose={() => setTeamForm(null)}
        />
      )}
      {handover && (
        <HandoverWizard initialFromUserId={handover.fromUserId} onClose={() => setHandover(null)} />
      )}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
      {userForm && (
        <UserFormModal
          user={userForm === 'new' ? undefined : userForm}
          teams={teams.data}
          defaultTeamId={teamFilter ?? me.teamId}
          onClose={() => setUserForm(null)}
        />
      )}
    </Stack>
  );
}
