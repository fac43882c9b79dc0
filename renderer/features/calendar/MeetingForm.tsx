import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../shared/contract/visits';
import { meetingKinds, type MeetingKind } from '../../../shared/domain/visits';
import { TIME_PATTERN } from '../../../shared/domain/time';
import { call } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { formatDay } from '../../components/dates';
import { useErrorMessage, useFieldErrors } from '../../components/errors';
import { minutesOf, userTimeZone } from './time';
import { WhenFields } from './WhenFields';

type Values = {
  kind: MeetingKind;
  title: string;
  attendeeIds: string[];
  day: string | null;
  start: string;
  end: string;
  location: string;
  notes: string;
};

/**
 * A meeting or coaching session (晨会 … 年度会议, 角色扮演) with its attendees. A coaching
 * session is how "every rep within two weeks" is kept (slide 43).
 */
export function MeetingForm({
  draft,
  meeting,
  onDone,
  onCancel,
}: {
  draft?: { day: string; start: string; end: string; kind?: MeetingKind; attendeeIds?: string[] };
  meeting?: MeetingDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const create = useApiMutation('meetings.create');
  const update = useApiMutation('meetings.update');
  const fieldErrors = useFieldErrors();
  const message = useErrorMessage();
  const [failure, setFailure] = useState<unknown>(null);
  const zone = meeting?.timeZone ?? userTimeZone();
  const local = (iso: string) =>
    new Date(iso).toLocaleTimeString('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
    });
  const form = useForm<Values>({
    initialValues: meeting
      ? {
          kind: meeting.kind,
          title: meeting.title,
          attendeeIds: meeting.attendeeIds,
          day: meeting.day,
          start: local(meeting.startAt),
          end: local(meeting.endAt),
          location: meeting.location ?? '',
          notes: meeting.notes ?? '',
        }
      : {
          kind: draft?.kind ?? 'weekly',
          title: '',
          attendeeIds: draft?.attendeeIds ?? [me.id],
          day: draft?.day ?? null,
          start: draft?.start ?? '09:00',
          end: draft?.end ?? '10:00',
          location: '',
          notes: '',
        },
    validate: {
      attendeeIds: (v) => (v.length > 0 ? null : t('validation.required')),
      day: (v) => (v ? null : t('validation.required')),
      start: (v) => (TIME_PATTERN.test(v) ? null : t('validation.time')),
      end: (v, values) =>
        !TIME_PATTERN.test(v)
          ? t('validation.time')
          : TIME_PATTERN.test(values.start) && minutesOf(v) <= minutesOf(values.start)
            ? t('visitErrors.endBeforeStart')
            : null,
    },
  });

  const submit = form.onSubmit((v) => {
    setFailure(null);
    const fields = {
      kind: v.kind,
      // A meeting without its own title is called by its kind ("周会").
      title: v.title.trim() || t(`meetingKind.${v.kind}`),
      attendeeIds: v.attendeeIds,
      day: v.day ?? '',
      start: v.start,
      end: v.end,
      timeZone: userTimeZone(),
      location: v.location,
      notes: v.notes,
      ...(meeting?.teamId ? { teamId: meeting.teamId } : {}),
    };
    const callbacks = {
      onSuccess: (saved: MeetingDetail) => {
        notifications.show({
          color: 'teal',
          message: t('calendar.meeting.saved_toast', {
            title: saved.title,
            day: formatDay(saved.day, i18n.language),
          }),
        });
        onDone();
      },
      onError: (error: Error) => {
        const errors = fieldErrors(error);
        form.setErrors(errors);
        setFailure(Object.keys(errors).length === 0 ? error : null);
      },
    };
    if (meeting)
      update.mutate({ id: meeting.id, expectedUpdatedAt: meeting.updatedAt, fields }, callbacks);
    else create.mutate(fields, callbacks);
  });

  const remove = () =>
    meeting &&
    modals.openConfirmModal({
      title: t('calendar.meeting.deleteTitle'),
      children: <Text size="sm">{t('calendar.meeting.deleteText', { title: meeting.title })}</Text>,
      labels: { confirm: t('common.delete'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('meetings.delete', { id: meeting.id }).then(
          () => {
            notifications.show({ color: 'teal', message: t('calendar.meeting.deleted_toast') });
            onDone();
          },
          (error: unknown) => notifications.show({ color: 'red', message: message(error) }),
        ),
    });

  return (
    <form onSubmit={submit} noValidate aria-label={t('calendar.meeting.title')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('calendar.fields.meetingKind')}
            withAsterisk
            allowDeselect={false}
            data={meetingKinds.map((k) => ({ value: k, label: t(`meetingKind.${k}`) }))}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('calendar.fields.meetingTitle')}
            placeholder={t(`meetingKind.${form.values.kind}`)}
            maxLength={120}
            {...form.getInputProps('title')}
          />
        </SimpleGrid>
        {form.values.kind === 'coaching' && (
          <Text size="xs" c="dimmed">
            {t('calendar.meeting.coachingHint')}
          </Text>
        )}
        <MultiSelect
          label={t('calendar.fields.attendees')}
          withAsterisk
          searchable
          hidePickedOptions
          data={(users.data ?? []).map((u) => ({
            value: u.id,
            label: u.teamName ? `${u.name} · ${u.teamName}` : u.name,
          }))}
          {...form.getInputProps('attendeeIds')}
        />
        <WhenFields
          day={form.getInputProps('day')}
          start={form.getInputProps('start')}
          end={form.getInputProps('end')}
        />
        <TextInput
          label={t('calendar.fields.location')}
          maxLength={200}
          {...form.getInputProps('location')}
        />
        <Textarea
          label={t('calendar.fields.notes')}
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('notes')}
        />
        {failure !== null && (
          <Alert color="red" variant="light" role="alert">
            {message(failure)}
          </Alert>
        )}
        <Group justify="space-between" mt="xs">
          <div>
            {meeting && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={remove}
              >
                {t('common.delete')}
              </Button>
            )}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {meeting ? t('common.save') : t('calendar.meeting.submit')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
