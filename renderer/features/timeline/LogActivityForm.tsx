import {
  Button,
  Center,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconClock } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/contract/customers';
import { TIMELINE_BODY_MAX, timelineLogInput } from '../../../shared/contract/timeline';
import {
  activityCategories,
  defaultActivityCategory,
  loggableKinds,
  type ActivityCategory,
} from '../../../shared/domain/activities';
import { useApiMutation } from '../../api/queries';
import { LocalizedDates } from '../../components/LocalizedDates';
import { useErrorMessage, useFieldErrors } from '../../components/errors';
import { zodFormValidator } from '../../components/forms';
import { kindIcons } from './kinds';

type Kind = (typeof loggableKinds)[number];
/** `at` is the picker's local "YYYY-MM-DD HH:mm:ss", or null for "now" (taken when saved, so it never goes stale). */
type FormValues = {
  kind: Kind;
  category: ActivityCategory;
  contactId: string | null;
  at: string | null;
  body: string;
};

/** The timeline's "add" form: a call, message or note, logged in place. */
export function LogActivityForm({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const log = useApiMutation('timeline.log');
  const fieldErrors = useFieldErrors();
  const message = useErrorMessage();
  const toInput = (values: FormValues) => ({
    customerId: customer.id,
    kind: values.kind,
    category: values.category,
    contactId: values.contactId,
    ...(values.at ? { at: dayjs(values.at).toISOString() } : {}),
    body: values.body,
  });
  const form = useForm<FormValues>({
    initialValues: {
      kind: 'call',
      category: defaultActivityCategory(customer.status),
      contactId: null,
      at: null,
      body: '',
    },
    validate: zodFormValidator(timelineLogInput, t, toInput),
  });

  const submit = form.onSubmit((values) =>
    log.mutate(toInput(values), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('timeline.logged_toast') });
        // Keep kind, category and contact: several notes in a row are usually about the same thing.
        form.setFieldValue('body', '');
        form.setFieldValue('at', null);
      },
      onError: (error) => {
        const fields = fieldErrors(error);
        if (Object.keys(fields).length > 0) form.setErrors(fields);
        else notifications.show({ color: 'red', message: message(error) });
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('timeline.log')}>
      <Stack gap="xs">
        <SegmentedControl
          aria-label={t('timeline.kind')}
          size="xs"
          style={{ alignSelf: 'flex-start' }}
          data={loggableKinds.map((kind) => {
            const KindIcon = kindIcons[kind];
            return {
              value: kind,
              label: (
                <Center style={{ gap: 6 }}>
                  <KindIcon size={14} />
                  <span>{t(`timeline.kinds.${kind}`)}</span>
                </Center>
              ),
            };
          })}
          {...form.getInputProps('kind')}
        />
        <Textarea
          aria-label={t('timeline.body')}
          placeholder={t('timeline.bodyPlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={TIMELINE_BODY_MAX}
          {...form.getInputProps('body')}
        />
        <LocalizedDates>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
            <Select
              aria-label={t('timeline.category')}
              data={activityCategories.map((c) => ({
                value: c,
                label: t(`timeline.categories.${c}`),
              }))}
              allowDeselect={false}
              {...form.getInputProps('category')}
            />
            <Select
              aria-label={t('timeline.contact')}
              placeholder={t('timeline.noContact')}
              data={customer.contacts.map((c) => ({
                value: c.id,
                label: c.title ? `${c.name} · ${c.title}` : c.name,
              }))}
              clearable
              searchable
              {...form.getInputProps('contactId')}
            />
          </SimpleGrid>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <DateTimePicker
              aria-label={t('timeline.at')}
              placeholder={t('timeline.now')}
              leftSection={<IconClock size={16} />}
              valueFormat={i18n.language === 'zh-CN' ? 'M月D日 HH:mm' : 'MMM D, HH:mm'}
              maxDate={new Date()}
              clearable
              style={{ flex: 1, minWidth: 0 }}
              {...form.getInputProps('at')}
            />
            <Button type="submit" loading={log.isPending} style={{ flexShrink: 0 }}>
              {t('timeline.log')}
            </Button>
          </Group>
        </LocalizedDates>
      </Stack>
    </form>
  );
}
