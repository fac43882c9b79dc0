import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconAddressBook,
  IconPencil,
  IconPlus,
  IconTrash,
  IconUserCircle,
} from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Contact, CustomerDetail } from '../../../shared/contract/customers';
import { useApiQuery } from '../../api/queries';
import { EditDeleteButtons } from '../../components/buttons';
import { DetailCrumbs, DetailQueryState } from '../../components/DetailPage';
import { formatDate, formatDateTime } from '../../components/format';
import { call } from '../../api/client';
import { useErrorMessage } from '../../components/errors';
import { CustomerVisitActions } from '../calendar/CustomerVisitActions';
import { useNow } from '../calendar/time';
import { CustomerDeals } from '../deals/CustomerDeals';
import { GradingCard } from '../grading/GradingCard';
import { CustomerReceivablesBadge } from '../receivables/CustomerReceivablesBadge';
import { ContactFormModal } from './ContactFormModal';
import { LastContact, LastVisit } from './LastContact';
import { UpcomingVisits } from './UpcomingVisits';
import { CustomerFollowUps } from '../followups/CustomerFollowUps';
import { CustomerTimeline } from '../timeline/CustomerTimeline';
import { CustomerFormModal } from './CustomerFormModal';
import { StatusBadge } from './StatusBadge';
import { useDeleteCustomer } from './useDeleteCustomer';

/** One customer: its fields and contacts; edit and delete from here. */
export function CustomerDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Visits too: a visit planned or summarised changes the upcoming list and the last contact.
  const now = useNow();
  const customer = useApiQuery('customers.get', { id, now }, [
    'customers',
    'contacts',
    'users',
    'teams',
    'visits',
  ]);
  const [editing, setEditing] = useState(false);
  const deleteCustomer = useDeleteCustomer(() => void navigate('/customers'));

  const crumbs = (
    <DetailCrumbs to="/customers" list={t('customers.title')} current={customer.data?.name} />
  );
  if (!customer.data) {
    return (
      <DetailQueryState
        query={customer}
        crumbs={crumbs}
        icon={<IconAddressBook />}
        notFound={t('customers.notFound')}
        backTo="/customers"
      />
    );
  }
  const c = customer.data;
  return (
    <Stack gap="lg">
      {crumbs}
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Group gap="sm">
            <Title order={2}>{c.name}</Title>
            <StatusBadge status={c.status} />
            <CustomerReceivablesBadge customerId={c.id} />
          </Group>
          <Group gap="lg">
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('customers.lastVisit')}
              </Text>
              <LastVisit on={c.lastVisitOn} overdueDays={c.overdueDays} grade={c.grade} />
            </Group>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('customers.lastContact')}
              </Text>
              <LastContact at={c.lastContactAt} />
            </Group>
          </Group>
          <Group gap={6}>
            {c.tags.map((tag) => (
              <Badge key={tag} variant="dot" color="gray">
                {tag}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="xs">
          <CustomerVisitActions customer={{ id: c.id, name: c.name }} ownerId={c.ownerId} />
          <EditDeleteButtons onEdit={() => setEditing(true)} onDelete={() => deleteCustomer(c)} />
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Details customer={c} />
          <CustomerDeals customerId={c.id} />
          <Contacts customer={c} />
        </Stack>
        <Stack gap="lg">
          <UpcomingVisits customer={c} />
          <GradingCard key={`${c.id}-${c.updatedAt}`} customer={c} />
          <CustomerFollowUps customerId={c.id} ownerId={c.ownerId} />
          <CustomerTimeline customerId={c.id} />
        </Stack>
      </SimpleGrid>
      {editing && <CustomerFormModal opened onClose={() => setEditing(false)} customer={c} />}
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.4 }}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

function Details({ customer: c }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const none = t('common.none');
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={4} mb="md">
        {t('customers.details')}
      </Title>
      <SimpleGrid cols={2} spacing="md" verticalSpacing="md">
        <Field label={t('customers.owner')}>{c.ownerName ?? t('customers.unassigned')}</Field>
        <Field label={t('customers.team')}>{c.ownerTeamName ?? none}</Field>
        <Field label={t('customers.phone')}>{c.phone ?? none}</Field>
        <Field label={t('customers.region')}>{c.region ?? none}</Field>
        <Field label={t('customers.industry')}>{c.industry ?? none}</Field>
        <Field label={t('customers.source')}>{c.source ?? none}</Field>
      </SimpleGrid>
      <Stack gap="md" mt="md">
        <Field label={t('customers.address')}>{c.address ?? none}</Field>
        <Field label={t('customers.notes')}>{c.notes ?? none}</Field>
        <Group gap="xl">
          <Field label={t('customers.created')}>{formatDate(c.createdAt, i18n.language)}</Field>
          <Field label={t('customers.updated')}>
            {formatDateTime(c.updatedAt, i18n.language)}
            {c.updatedByName ? ` · ${c.updatedByName}` : ''}
          </Field>
        </Group>
      </Stack>
    </Card>
  );
}

function Contacts({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const remove = (contact: Contact) =>
    modals.openConfirmModal({
      title: t('customers.deleteContact'),
      children: (
        <Text size="sm">{t('customers.deleteContactConfirm', { name: contact.name })}</Text>
      ),
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('contacts.delete', { id: contact.id }).then(
          () =>
            notifications.show({
              color: 'teal',
              message: t('customers.contactDeleted', { name: contact.name }),
            }),
          (error: unknown) => notifications.show({ color: 'red', message: message(error) }),
        ),
    });
  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-label={t('customers.contacts')}
    >
      <Group justify="space-between" mb="md">
        <Title order={4}>{t('customers.contacts')}</Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          onClick={() => setEditing('new')}
        >
          {t('customers.addContact')}
        </Button>
      </Group>
      {customer.contacts.length === 0 ? (
        <Group gap="xs" c="dimmed">
          <IconUserCircle size={18} />
          <Text size="sm">{t('customers.noContacts')}</Text>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={t('customers.contacts')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.contactName')}</Table.Th>
                <Table.Th>{t('customers.contactTitle')}</Table.Th>
                <Table.Th>{t('customers.contactRole')}</Table.Th>
                <Table.Th>{t('customers.contactPhone')}</Table.Th>
                <Table.Th w={72} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {customer.contacts.map((contact) => (
                <Table.Tr key={contact.id}>
                  <Table.Td fw={550}>{contact.name}</Table.Td>
                  <Table.Td>{contact.title ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    {contact.buyingRole ? (
                      <Badge variant="light" radius="sm">
                        {t(`buyingRoles.${contact.buyingRole}`)}
                      </Badge>
                    ) : (
                      t('common.none')
                    )}
                  </Table.Td>
                  <Table.Td className="tabular">{contact.phone ?? t('common.none')}</Table.Td>
                  <Table.Td>
                    <Group gap={2} wrap="nowrap" justify="flex-end">
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`${t('customers.editContact')} ${contact.name}`}
                        onClick={() => setEditing(contact)}
                      >
                        <IconPencil size={15} />
                      </ActionIcon>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`${t('customers.deleteContact')} ${contact.name}`}
                        onClick={() => remove(contact)}
                      >
                        <IconTrash size={15} />
                      </ActionIcon>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ContactFormModal
          customerId={customer.id}
          contact={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Card>
  );
}
