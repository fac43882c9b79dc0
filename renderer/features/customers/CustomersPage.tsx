import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Checkbox,
  Chip,
  CloseButton,
  Group,
  Menu,
  Pagination,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  IconAddressBook,
  IconDots,
  IconPencil,
  IconPlus,
  IconSearch,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { CustomerRow, CustomerSort } from '../../../shared/contract/customers';
import { customerStatuses } from '../../../shared/domain/customers';
import { grades } from '../../../shared/domain/grading';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { ScopeSwitch } from '../../components/ScopeSwitch';
import { SortHeader } from '../../components/SortHeader';
import { formatDate } from '../../components/format';
import { defaultScope } from '../../../shared/domain/people';
import { GradeBadge } from '../grading/GradeBadge';
import { ExportButton } from '../exports/ExportButton';
import { ImportCustomersButton } from '../imports/ImportCustomersButton';
import { BulkBar } from './BulkBar';
import { LastContact, LastVisit } from './LastContact';
import { CustomerFormModal } from './CustomerFormModal';
import { StatusBadge } from './StatusBadge';
import { PAGE_SIZE, useCustomerFilters } from './useCustomerFilters';
import { useDeleteCustomer } from './useDeleteCustomer';

/** The customer list: search, scope, filters and sort run in SQL, fifty rows a page. */
export function CustomersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { filters, set, query, filtered, clear, creating, setParams } = useCustomerFilters(
    defaultScope(me.role),
  );
  const list = useApiQuery('customers.list', query, ['customers', 'contacts', 'users'], {
    placeholderData: (previous) => previous,
  });
  const users = useApiQuery('team.listUsers', { includeInactive: true }, ['users', 'teams']);
  const teams = useApiQuery('team.listTeams', {}, ['teams', 'users']);
  const facets = useApiQuery('customers.facets', {}, ['customers']);
  const [searchText, setSearchText] = useState(filters.search);
  const pushSearch = useDebouncedCallback((value: string) => set({ search: value }), 250);
  const deleteCustomer = useDeleteCustomer();
  const [editing, setEditing] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const pageIds = list.data?.rows.map((r) => r.id) ?? [];
  const allSelected = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const closeCreate = () =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.delete('new');
      return next;
    });
  const openCreate = () =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      next.set('new', '1');
      return next;
    });

  const sortProps = (column: CustomerSort) => ({
    active: filters.sort === column,
    direction: filters.direction,
    onSort: () =>
      set({
        sort: column,
        direction: filters.sort === column && filters.direction === 'asc' ? 'desc' : 'asc',
      }),
  });

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, filters.page * PAGE_SIZE);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('customers.title')}</Title>
          <Text c="dimmed" size="sm" className="tabular">
            {list.data ? t('customers.count', { count: total }) : '\u00a0'}
          </Text>
        </div>
        <Group gap="sm">
          <ScopeSwitch value={filters.scope} onChange={(scope) => set({ scope })} />
          <ExportButton table={{ table: 'customers', query }} />
          <ImportCustomersButton />
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
            {t('customers.new')}
          </Button>
        </Group>
      </Group>

      <Card withBorder padding={0} radius="md">
        <Group
          p="sm"
          gap="sm"
          wrap="wrap"
          style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
        >
          <TextInput
            aria-label={t('customers.searchPlaceholder')}
            placeholder={t('customers.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={searchText}
            onChange={(e) => {
              setSearchText(e.currentTarget.value);
              pushSearch(e.currentTarget.value);
            }}
            w={{ base: '100%', sm: 280 }}
          />
          <Select
            aria-label={t('customers.filterStatus')}
            placeholder={t('customers.filterStatus')}
            data={customerStatuses.map((s) => ({ value: s, label: t(`customerStatus.${s}`) }))}
            value={filters.status}
            onChange={(status) => set({ status: status as typeof filters.status })}
            clearable
            w={140}
          />
          <Select
            aria-label={t('customers.filterOwner')}
            placeholder={t('customers.filterOwner')}
            data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            value={filters.ownerId}
            onChange={(ownerId) => set({ ownerId })}
            searchable
            clearable
            w={150}
          />
          <Select
            aria-label={t('customers.filterTeam')}
            placeholder={t('customers.filterTeam')}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={filters.teamId}
            onChange={(teamId) => set({ teamId })}
            clearable
            w={150}
          />
          <Select
            aria-label={t('customers.filterRegion')}
            placeholder={t('customers.filterRegion')}
            data={facets.data?.regions ?? []}
            value={filters.region}
            onChange={(region) => set({ region })}
            searchable
            clearable
            w={130}
          />
          <Select
            aria-label={t('customers.filterGrade')}
            placeholder={t('customers.filterGrade')}
            data={[...grades, 'ungraded' as const].map((g) => ({
              value: g,
              label: t(`grades.${g}`),
            }))}
            value={filters.grade}
            onChange={(grade) => set({ grade: grade as typeof filters.grade })}
            clearable
            w={130}
          />
          <Chip
            checked={filters.overdue}
            onChange={(overdue) => set({ overdue })}
            color="red"
            variant="light"
          >
            {t('customers.filterOverdue')}
          </Chip>
          <Chip
            checked={filters.staleGrade}
            onChange={(staleGrade) => set({ staleGrade })}
            color="yellow"
            variant="light"
          >
            {t('customers.filterStale')}
          </Chip>
          {(filters.relationship || filters.attractiveness) && (
            <Badge
              variant="light"
              size="lg"
              radius="sm"
              pr={4}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('common.clearFilters')}
                  onClick={() => set({ relationship: null, attractiveness: null })}
                />
              }
            >
              {[
                filters.relationship && `${t('grading.relationshipShort')} ${filters.relationship}`,
                filters.attractiveness &&
                  `${t('grading.attractivenessShort')} ${filters.attractiveness}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Badge>
          )}
          {filtered && (
            <Button
              variant="subtle"
              size="sm"
              onClick={() => {
                setSearchText('');
                clear();
              }}
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>

        {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />}
        {list.isError ? (
          <Stack p="md">
            <ErrorState error={list.error} onRetry={() => void list.refetch()} />
          </Stack>
        ) : list.data && list.data.rows.length === 0 ? (
          filtered ? (
            <EmptyState
              icon={<IconSearch />}
              title={t('customers.noMatchTitle')}
              text={t('customers.noMatchText')}
              action={
                <Button
                  variant="light"
                  onClick={() => {
                    setSearchText('');
                    clear();
                  }}
                >
                  {t('common.clearFilters')}
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<IconAddressBook />}
              title={t('customers.emptyTitle')}
              text={t('customers.emptyText')}
              action={
                <Button onClick={openCreate} leftSection={<IconPlus size={16} />}>
                  {t('customers.new')}
                </Button>
              }
            />
          )
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table stickyHeader aria-label={t('customers.title')} aria-busy={list.isFetching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={t('customers.selectAll')}
                      checked={allSelected}
                      indeterminate={!allSelected && pageIds.some((id) => selected.has(id))}
                      onChange={() =>
                        setSelected(allSelected ? new Set() : new Set([...selected, ...pageIds]))
                      }
                    />
                  </Table.Th>
                  <SortHeader label={t('customers.name')} {...sortProps('name')} />
                  <SortHeader label={t('customers.grade')} {...sortProps('grade')} />
                  <SortHeader label={t('customers.status')} {...sortProps('status')} />
                  <SortHeader label={t('customers.region')} {...sortProps('region')} />
                  <SortHeader label={t('customers.owner')} {...sortProps('owner')} />
                  <SortHeader label={t('customers.lastVisit')} {...sortProps('lastVisit')} />
                  <SortHeader label={t('customers.lastContact')} {...sortProps('lastContact')} />
                  <SortHeader label={t('customers.updated')} {...sortProps('updatedAt')} />
                  <Table.Th w={48} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data
                  ? list.data.rows.map((row) => (
                      <CustomerTableRow
                        key={row.id}
                        row={row}
                        selected={selected.has(row.id)}
                        onSelect={() => toggle(row.id)}
                        onOpen={() => void navigate(`/customers/${row.id}`)}
                        onEdit={() => setEditing(row.id)}
                        onDelete={() => deleteCustomer(row)}
                      />
                    ))
                  : Array.from({ length: 8 }, (_, i) => (
                      <Table.Tr key={i}>
                        {Array.from({ length: 10 }, (__, j) => (
                          <Table.Td key={j}>
                            <Skeleton h={14} />
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {total > 0 && (
          <Group
            justify="space-between"
            p="sm"
            style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
          >
            <Text size="sm" c="dimmed" className="tabular">
              {t('common.showing', { from, to, total })}
            </Text>
            <Pagination
              total={pages}
              value={Math.min(filters.page, pages)}
              onChange={(page) => set({ page })}
              size="sm"
            />
          </Group>
        )}
      </Card>

      {creating && (
        <CustomerFormModal
          opened
          onClose={closeCreate}
          onCreated={(id) => void navigate(`/customers/${id}`)}
        />
      )}
      {editing && <EditCustomer id={editing} onClose={() => setEditing(null)} />}
    </Stack>
  );
}

function CustomerTableRow({
  row,
  selected,
  onSelect,
  onOpen,
  onEdit,
  onDelete,
}: {
  row: CustomerRow;
  selected: boolean;
  onSelect: () => void;
  onOpen: () => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table.Tr
      style={{ cursor: 'pointer' }}
      onClick={onOpen}
      bg={selected ? 'var(--mantine-primary-color-light)' : undefined}
    >
      <Table.Td onClick={(e) => e.stopPropagation()}>
        <Checkbox
          aria-label={t('customers.selectRow', { name: row.name })}
          checked={selected}
          onChange={onSelect}
        />
      </Table.Td>
      <Table.Td maw={320}>
        <Text
          component={Link}
          to={`/customers/${row.id}`}
          fw={550}
          size="sm"
          truncate="end"
          display="block"
          c="var(--mantine-color-text)"
          style={{ textDecoration: 'none' }}
          onClick={(e) => e.stopPropagation()}
        >
          {row.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <GradeBadge grade={row.grade} />
      </Table.Td>
      <Table.Td>
        <StatusBadge status={row.status} />
      </Table.Td>
      <Table.Td>{row.region ?? t('common.none')}</Table.Td>
      <Table.Td>
        {row.ownerName ?? (
          <Badge variant="outline" color="gray">
            {t('customers.unassigned')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <LastVisit on={row.lastVisitOn} overdueDays={row.overdueDays} grade={row.grade} />
      </Table.Td>
      <Table.Td>
        <LastContact at={row.lastContactAt} />
      </Table.Td>
      <Table.Td className="tabular" c="dimmed">
        {formatDate(row.updatedAt, i18n.language)}
      </Table.Td>
      <Table.Td onClick={(e) => e.stopPropagation()}>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`${t('common.edit')} ${row.name}`}
            >
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item leftSection={<IconPencil size={14} />} onClick={onEdit}>
              {t('common.edit')}
            </Menu.Item>
            <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={onDelete}>
              {t('common.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}

function EditCustomer({ id, onClose }: { id: string; onClose: () => void }) {
  const customer = useApiQuery('customers.get', { id }, [
    'customers',
    'contacts',
    'users',
    'teams',
  ]);
  if (!customer.data) return null;
  return <CustomerFormModal opened onClose={onClose} customer={customer.data} />;
}
