import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Collapse,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconChecklist, IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { FollowUp, FollowUpGroup } from '../../../shared/contract/followups';
import type { Scope } from '../../../shared/domain/people';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { localToday } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ScopeSwitch } from '../../components/ScopeSwitch';
import { DueLabel } from './DueLabel';
import { PendingVisits } from './PendingVisits';
import { useCompleteFollowUp } from './useCompleteFollowUp';

const PAGE = 100;
const groupColors: Record<FollowUpGroup, string> = {
  overdue: 'red',
  today: 'orange',
  upcoming: 'blue',
  later: 'gray',
};

/**
 * "My follow-ups": open to-dos grouped overdue / today / next 14 days / later, against
 * the user's own calendar date. Reps see theirs; managers can widen to the team.
 */
export function FollowUpsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [scope, setScope] = useState<Scope>('mine');
  const [limit, setLimit] = useState(PAGE);
  const [showLater, setShowLater] = useState(false);
  const today = localToday();
  const list = useApiQuery(
    'followUps.list',
    { scope, today, limit },
    ['follow_ups', 'customers', 'users'],
    { placeholderData: (previous) => previous },
  );
  const groups = list.data;
  const empty =
    groups &&
    groups.overdue.total + groups.today.total + groups.upcoming.total + groups.later.total === 0;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('followups.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('followups.subtitle')}
          </Text>
        </div>
        {me.role !== 'rep' && <ScopeSwitch value={scope} onChange={setScope} />}
      </Group>

      <PendingVisits scope={scope} />

      {list.isPending ? (
        <Stack>
          <Skeleton height={120} radius="md" />
          <Skeleton height={120} radius="md" />
        </Stack>
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : empty || !groups ? (
        <Card withBorder radius="md">
          <EmptyState
            icon={<IconChecklist />}
            title={t('followups.emptyTitle')}
            text={scope === 'mine' ? t('followups.emptyText') : t('followups.emptyTeamText')}
            action={
              <Group gap="sm" justify="center">
                {scope === 'mine' && me.role !== 'rep' && (
                  <Button variant="default" onClick={() => setScope('team')}>
                    {t('followups.showTeam')}
                  </Button>
                )}
                <Button component={Link} to="/customers" variant="light">
                  {t('followups.goToCustomers')}
                </Button>
              </Group>
            }
          />
        </Card>
      ) : (
        <>
          {(['overdue', 'today', 'upcoming'] as const).map((name) =>
            groups[name].total > 0 ? (
              <GroupCard
                key={name}
                name={name}
                group={groups[name]}
                today={today}
                showOwner={scope !== 'mine'}
                onMore={() => setLimit((l) => l + PAGE)}
              />
            ) : null,
          )}
          {groups.later.total > 0 && (
            <Stack gap="sm">
              <Button
                variant="subtle"
                color="gray"
                style={{ alignSelf: 'flex-start' }}
                leftSection={
                  showLater ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />
                }
                onClick={() => setShowLater((v) => !v)}
                aria-expanded={showLater}
              >
                {showLater
                  ? t('followups.hideLater')
                  : t('followups.showLater', { count: groups.later.total })}
              </Button>
              <Collapse expanded={showLater}>
                <GroupCard
                  name="later"
                  group={groups.later}
                  today={today}
                  showOwner={scope !== 'mine'}
                  onMore={() => setLimit((l) => l + PAGE)}
                />
              </Collapse>
            </Stack>
          )}
        </>
      )}
    </Stack>
  );
}

function GroupCard({
  name,
  group,
  today,
  showOwner,
  onMore,
}: {
  name: FollowUpGroup;
  group: { rows: FollowUp[]; total: number };
  today: string;
  showOwner: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const title = t(`followups.groups.${name}`);
  return (
    <Card withBorder radius="md" padding={0} component="section" aria-label={title}>
      <Group
        gap="xs"
        px="md"
        py="sm"
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      >
        <Title order={4}>{title}</Title>
        <Badge color={groupColors[name]} variant="light" radius="sm" className="tabular">
          {t('followups.groupCount', { count: group.total })}
        </Badge>
      </Group>
      <Table.ScrollContainer minWidth={560}>
        {/* Fixed columns, so the groups' tables line up one under another. */}
        <Table aria-label={title} verticalSpacing="xs" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={48} />
              <Table.Th w="34%">{t('followups.customer')}</Table.Th>
              <Table.Th>{t('followups.text')}</Table.Th>
              <Table.Th w={230}>{t('followups.dueOn')}</Table.Th>
              {showOwner && <Table.Th w={110}>{t('followups.owner')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.rows.map((f) => (
              <FollowUpRow key={f.id} followUp={f} today={today} showOwner={showOwner} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {group.total > group.rows.length && (
        <Group
          justify="space-between"
          px="md"
          py="xs"
          style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
        >
          <Text size="sm" c="dimmed" className="tabular">
            {t('followups.moreHidden', { shown: group.rows.length, total: group.total })}
          </Text>
          <Button size="compact-sm" variant="subtle" onClick={onMore}>
            {t('followups.showMore')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function FollowUpRow({
  followUp,
  today,
  showOwner,
}: {
  followUp: FollowUp;
  today: string;
  showOwner: boolean;
}) {
  const { t } = useTranslation();
  const complete = useCompleteFollowUp();
  const [ticked, setTicked] = useState(false);
  return (
    <Table.Tr style={{ opacity: ticked ? 0.55 : 1 }}>
      <Table.Td>
        <Checkbox
          aria-label={t('followups.complete', { text: followUp.text })}
          checked={ticked}
          disabled={ticked}
          onChange={() => {
            setTicked(true);
            void complete(followUp).then((ok) => {
              if (!ok) setTicked(false);
            });
          }}
        />
      </Table.Td>
      <Table.Td>
        <Anchor
          component={Link}
          to={`/customers/${followUp.customerId}`}
          size="sm"
          fw={550}
          truncate="end"
          display="block"
        >
          {followUp.customerName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text
          size="sm"
          td={ticked ? 'line-through' : undefined}
          style={{ wordBreak: 'break-word' }}
        >
          {followUp.text}
        </Text>
      </Table.Td>
      <Table.Td>
        <DueLabel dueOn={followUp.dueOn} today={today} />
      </Table.Td>
      {showOwner && (
        <Table.Td>
          <Text size="sm">{followUp.ownerName ?? t('common.none')}</Text>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
