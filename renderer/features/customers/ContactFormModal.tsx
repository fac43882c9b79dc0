import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { contactFields } from '../../../shared/contract/contacts';
import type { Contact } from '../../../shared/contract/customers';
import { buyingRoles, type BuyingRole } from '../../../shared/domain/customers';
import { useApiMutation } from '../../api/queries';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';

type Values = {
  name: string;
  title: string;
  phone: string;
  email: string;
  buyingRole: BuyingRole | null;
  notes: string;
};

/** Add or edit a contact: name, title, phone, e-mail, buying role (决策角色), notes. */
export function ContactFormModal({
  customerId,
  contact,
  onClose,
}: {
  customerId: string;
  contact?: Contact;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useApiMutation('contacts.create');
  const update = useApiMutation('contacts.update');
  const fieldErrors = useFieldErrors();
  const form = useForm<Values>({
    initialValues: {
      name: contact?.name ?? '',
      title: contact?.title ?? '',
      phone: contact?.phone ?? '',
      email: contact?.email ?? '',
      buyingRole: contact?.buyingRole ?? null,
      notes: contact?.notes ?? '',
    },
    validate: zodFormValidator(contactFields, t),
  });
  const failure = create.error ?? update.error;
  const unplaced = failure && Object.keys(fieldErrors(failure)).length === 0 ? failure : null;
  const done = (saved: Contact) => {
    notifications.show({
      color: 'teal',
      message: t('customers.contactSaved', { name: saved.name }),
    });
    onClose();
  };
  const onError = (error: Error) =>
    form.setErrors(
      Object.fromEntries(
        Object.entries(fieldErrors(error)).map(([k, v]) => [k.replace(/^fields\./, ''), v]),
      ),
    );
  return (
    <Modal
      opened
      onClose={onClose}
      title={
        <Text fw={650}>{contact ? t('customers.editContact') : t('customers.addContact')}</Text>
      }
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={form.onSubmit((fields) =>
          contact
            ? update.mutate({ id: contact.id, fields }, { onSuccess: done, onError })
            : create.mutate({ customerId, fields }, { onSuccess: done, onError }),
        )}
      >
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label={t('customers.contactName')}
              withAsterisk
              data-autofocus
              {...form.getInputProps('name')}
            />
            <TextInput label={t('customers.contactTitle')} {...form.getInputProps('title')} />
            <TextInput label={t('customers.contactPhone')} {...form.getInputProps('phone')} />
            <TextInput label={t('customers.contactEmail')} {...form.getInputProps('email')} />
          </SimpleGrid>
          <Select
            label={t('customers.contactRole')}
            placeholder={t('customers.contactNoRole')}
            data={buyingRoles.map((r) => ({ value: r, label: t(`buyingRoles.${r}`) }))}
            clearable
            {...form.getInputProps('buyingRole')}
          />
          <Textarea
            label={t('customers.contactNotes')}
            autosize
            minRows={2}
            {...form.getInputProps('notes')}
          />
          {unplaced && <ErrorState error={unplaced} />}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {contact ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
