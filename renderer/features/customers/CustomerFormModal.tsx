import {
  Autocomplete,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { customerFields, type CustomerDetail } from '../../../shared/contract/customers';
import { customerStatuses, type CustomerStatus } from '../../../shared/domain/customers';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';

type FormValues = {
  name: string;
  status: CustomerStatus;
  ownerId: string | null;
  phone: string;
  industry: string;
  region: string;
  address: string;
  source: string;
  tags: string[];
  notes: string;
};

function initialValues(customer: CustomerDetail | undefined, ownerId: string): FormValues {
  return {
    name: customer?.name ?? '',
    status: customer?.status ?? 'prospect',
    ownerId: customer ? customer.ownerId : ownerId,
    phone: customer?.phone ?? '',
    industry: customer?.industry ?? '',
    region: customer?.region ?? '',
    address: customer?.address ?? '',
    source: customer?.source ?? '',
    tags: customer?.tags ?? [],
    notes: customer?.notes ?? '',
  };
}

/**
 * Create or edit a customer. Validation runs on the same zod schema as the main process;
 * an error from the call (a name clash, say) lands on its field and nothing typed is lost.
 */
export function CustomerFormModal({
  opened,
  onClose,
  customer,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  customer?: CustomerDetail;
  onCreated?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const facets = useApiQuery('customers.facets', {}, ['customers']);
  const create = useApiMutation('customers.create');
  const update = useApiMutation('customers.update');
  const fieldErrors = useFieldErrors();
  const form = useForm<FormValues>({
    initialValues: initialValues(customer, me.id),
    validate: zodFormValidator(customerFields, t),
  });
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;
  const unplacedError = failure && Object.keys(fieldErrors(failure)).length === 0 ? failure : null;

  const close = () => {
    create.reset();
    update.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    const onError = (error: Error) => form.setErrors(fieldErrors(error));
    if (customer) {
      update.mutate(
        { id: customer.id, fields: values },
        {
          onSuccess: (saved) => {
            notifications.show({
              color: 'teal',
              message: t('customers.saved_toast', { name: saved.name }),
            });
            close();
          },
          onError,
        },
      );
    } else {
      create.mutate(values, {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('customers.created_toast', { name: saved.name }),
          });
          form.setValues(initialValues(undefined, me.id));
          close();
          onCreated?.(saved.id);
        },
        onError,
      });
    }
  });

  const ownerOptions = (users.data ?? []).map((u) => ({
    value: u.id,
    label: u.teamName ? `${u.name} · ${u.teamName}` : u.name,
  }));
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{customer ? t('customers.editTitle') : t('customers.newTitle')}</Text>}
      size="lg"
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('customers.name')}
            withAsterisk
            data-autofocus
            {...form.getInputProps('name')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('customers.status')}
            </Text>
            <SegmentedControl
              {...form.getInputProps('status')}
              data={customerStatuses.map((s) => ({ value: s, label: t(`customerStatus.${s}`) }))}
              aria-label={t('customers.status')}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('customers.owner')}
              data={ownerOptions}
              searchable
              clearable
              placeholder={t('customers.unassigned')}
              {...form.getInputProps('ownerId')}
            />
            <TextInput label={t('customers.phone')} {...form.getInputProps('phone')} />
            <Autocomplete
              label={t('customers.industry')}
              data={facets.data?.industries ?? []}
              {...form.getInputProps('industry')}
            />
            <Autocomplete
              label={t('customers.region')}
              data={facets.data?.regions ?? []}
              {...form.getInputProps('region')}
            />
          </SimpleGrid>
          <TextInput label={t('customers.address')} {...form.getInputProps('address')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('customers.source')} {...form.getInputProps('source')} />
            <TagsInput
              label={t('customers.tags')}
              placeholder={t('customers.tagsPlaceholder')}
              clearable
              {...form.getInputProps('tags')}
            />
          </SimpleGrid>
          <Textarea
            label={t('customers.notes')}
            autosize
            minRows={2}
            maxRows={6}
            {...form.getInputProps('notes')}
          />
          {unplacedError && <ErrorState error={unplacedError} />}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {customer ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
