import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconPlus } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_TEXT_MAX, followUpCreateInput } from '../../../shared/contract/followups';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { formatDay } from '../../components/dates';
import { LocalizedDates } from '../../components/LocalizedDates';
import { useFieldErrors, useErrorMessage } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';

type FormValues = { text: string; dueOn: string | null; ownerId: string | null };

/**
 * The inline "add follow-up" of the customer page: what, when (tomorrow unless picked),
 * and who (the customer's owner, else me).
 */
export function AddFollowUpForm({
  customerId,
  ownerId,
}: {
  customerId: string;
  ownerId: string | null;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const create = useApiMutation('followUps.create');
  const fieldErrors = useFieldErrors();
  const message = useErrorMessage();
  const toInput = (values: FormValues) => ({
    customerId,
    ownerId: values.ownerId,
    dueOn: values.dueOn ?? '',
    text: values.text,
  });
  const blank = (): FormValues => ({
    text: '',
    dueOn: dayjs().add(1, 'day').format('YYYY-MM-DD'),
    ownerId: ownerId ?? me.id,
  });
  const form = useForm<FormValues>({
    initialValues: blank(),
    validate: zodFormValidator(followUpCreateInput, t, toInput),
  });

  const submit = form.onSubmit((values) =>
    create.mutate(toInput(values), {
      onSuccess: (created) => {
        notifications.show({
          color: 'teal',
          message: t('followups.added_toast', { date: formatDay(created.dueOn, i18n.language) }),
        });
        form.setValues(blank());
        form.resetDirty();
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        if (Object.keys(fields).length > 0) form.setErrors(fields);
        else notifications.show({ color: 'red', message: message(error) });
      },
    }),
  );

  const options = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  return (
    <form onSubmit={submit} noValidate aria-label={t('followups.add')}>
      <LocalizedDates>
        <Stack gap="xs">
          <TextInput
            aria-label={t('followups.text')}
            placeholder={t('followups.textPlaceholder')}
            maxLength={FOLLOW_UP_TEXT_MAX}
            {...form.getInputProps('text')}
          />
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <DatePickerInput
              aria-label={t('followups.dueOn')}
              leftSection={<IconCalendar size={16} />}
              valueFormat={i18n.language === 'zh-CN' ? 'M月D日 ddd' : 'ddd, MMM D'}
              style={{ flex: 1, minWidth: 0 }}
              {...form.getInputProps('dueOn')}
            />
            <Select
              aria-label={t('followups.owner')}
              data={options}
              searchable
              allowDeselect={false}
              style={{ flex: 1, minWidth: 0 }}
              {...form.getInputProps('ownerId')}
            />
            <Button
              type="submit"
              variant="light"
              leftSection={<IconPlus size={16} />}
              loading={create.isPending}
              style={{ flexShrink: 0 }}
            >
              {t('followups.addShort')}
            </Button>
          </Group>
        </Stack>
      </LocalizedDates>
    </form>
  );
}
