import {
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm, type FormRulesRecord, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitDetail, VisitPlanFields } from '../../../shared/contract/visits';
import { TIME_PATTERN } from '../../../shared/domain/time';
import { visitPurposes, type VisitPurpose } from '../../../shared/domain/visits';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { formatDay } from '../../components/dates';
import { useFieldErrors } from '../../components/errors';
import { CustomerPicker } from '../../components/CustomerPicker';
import { FailureAlert } from './FailureAlert';
import { isOverlap } from './failures';
import { minutesOf, userTimeZone } from './time';
import { WhenFields } from './WhenFields';

/** What a new visit starts from: a clicked slot, a suggestion, a customer page. */
export type PlanDraft = {
  day: string;
  start: string;
  end: string;
  ownerId?: string;
  customer?: { id: string; name: string };
  /** The customer cannot be changed (planned from the customer's page). */
  customerFixed?: boolean;
  purpose?: VisitPurpose;
  goal?: string;
};

export type PlanValues = {
  ownerId: string | null;
  customerId: string | null;
  contactIds: string[];
  day: string | null;
  start: string;
  end: string;
  purpose: VisitPurpose;
  area: string;
  goal: string;
};
type PlanForm = UseFormReturnType<PlanValues, PlanValues, FormRulesRecord<PlanValues>>;

/** Who visits when: what an overlap depends on. */
const whenOf = (v: PlanValues) => [v.ownerId, v.day, v.start, v.end].join('|');

/** The wall-clock time of an instant in a zone, as the form edits it (HH:mm). */
export function wallTime(iso: string, zone: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  });
}

function initialValues(meId: string, draft?: PlanDraft, visit?: VisitDetail): PlanValues {
  return visit
    ? {
        ownerId: visit.ownerId,
        customerId: visit.customerId,
        contactIds: visit.contacts.map((c) => c.id),
        day: visit.day,
        start: wallTime(visit.startAt, visit.timeZone),
        end: wallTime(visit.endAt, visit.timeZone),
        purpose: visit.purpose,
        area: visit.area ?? '',
        goal: visit.goal ?? '',
      }
    : {
        ownerId: draft?.ownerId ?? meId,
        customerId: draft?.customer?.id ?? null,
        contactIds: [],
        day: draft?.day ?? null,
        start: draft?.start ?? '09:00',
        end: draft?.end ?? '10:00',
        purpose: draft?.purpose ?? 'info',
        area: '',
        goal: draft?.goal ?? '',
      };
}

/** A plan form: initial values from a draft or a visit, and the contract's checks up front. */
export function usePlanForm(draft?: PlanDraft, visit?: VisitDetail): PlanForm {
  const { t } = useTranslation();
  const me = useCurrentUser();
  return useForm<PlanValues>({
    initialValues: initialValues(me.id, draft, visit),
    validate: {
      customerId: (v) => (v ? null : t('validation.required')),
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
}

/** The plan's values as the contract's fields, in the user's time zone. */
export function toPlanFields(v: PlanValues): VisitPlanFields {
  return {
    customerId: v.customerId ?? '',
    contactIds: v.contactIds,
    day: v.day ?? '',
    start: v.start,
    end: v.end,
    timeZone: userTimeZone(),
    purpose: v.purpose,
    area: v.area,
    goal: v.goal,
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
  };
}

/** The plan's fields: rep (for managers), customer, contacts, when, purpose, area, goal. */
export function PlanFieldsSection({
  form,
  draft,
  visit,
  withGoal = true,
}: {
  form: PlanForm;
  draft?: PlanDraft;
  visit?: VisitDetail;
  withGoal?: boolean;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams'], {
    enabled: me.role !== 'rep',
  });
  const customerId = form.values.customerId;
  const customer = useApiQuery(
    'customers.get',
    { id: customerId ?? '' },
    ['customers', 'contacts', 'users', 'teams'],
    { enabled: !!customerId },
  );
  const current = customer.data?.id === customerId ? customer.data : undefined;
  // The area starts as the customer's region, until the user types one.
  const region = current ? (current.region ?? '') : undefined;
  const [areaTyped, setAreaTyped] = useState(!!visit);
  const { setFieldValue } = form;
  useEffect(() => {
    if (region !== undefined && !areaTyped) setFieldValue('area', region);
  }, [region, areaTyped, setFieldValue]);
  const contacts = current?.contacts ?? [];

  return (
    <Stack gap="sm">
      {me.role !== 'rep' && (
        <Select
          label={t('calendar.fields.rep')}
          withAsterisk
          searchable
          allowDeselect={false}
          data={(users.data ?? []).map((u) => ({
            value: u.id,
            label: u.teamName ? `${u.name} · ${u.teamName}` : u.name,
          }))}
          {...form.getInputProps('ownerId')}
        />
      )}
      <CustomerPicker
        label={t('calendar.fields.customer')}
        placeholder={t('calendar.fields.customerSearch')}
        value={customerId}
        onChange={(id) => {
          form.setFieldValue('customerId', id);
          form.setFieldValue('contactIds', []);
          setAreaTyped(false);
        }}
        error={form.errors.customerId as string | undefined}
        {...(visit
          ? { fixed: { id: visit.customerId, name: visit.customerName } }
          : draft?.customer && draft.customerFixed
            ? { fixed: draft.customer }
            : draft?.customer
              ? { known: draft.customer }
              : {})}
      />
      <MultiSelect
        label={t('calendar.fields.contacts')}
        placeholder={
          customerId && current && contacts.length === 0
            ? t('calendar.fields.noContacts')
            : undefined
        }
        disabled={contacts.length === 0}
        searchable
        data={contacts.map((c) => ({
          value: c.id,
          label: c.title ? `${c.name} · ${c.title}` : c.name,
        }))}
        {...form.getInputProps('contactIds')}
      />
      <WhenFields
        day={form.getInputProps('day')}
        start={form.getInputProps('start')}
        end={form.getInputProps('end')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('calendar.fields.purpose')}
          withAsterisk
          allowDeselect={false}
          data={visitPurposes.map((p) => ({ value: p, label: t(`visitPurpose.${p}`) }))}
          {...form.getInputProps('purpose')}
        />
        <TextInput
          label={t('calendar.fields.area')}
          placeholder={t('calendar.fields.areaPlaceholder')}
          maxLength={100}
          {...form.getInputProps('area')}
          onChange={(event) => {
            setAreaTyped(true);
            form.setFieldValue('area', event.currentTarget.value);
          }}
        />
      </SimpleGrid>
      {withGoal && (
        <Textarea
          label={t('calendar.fields.goal')}
          placeholder={t('calendar.fields.goalPlaceholder')}
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('goal')}
        />
      )}
    </Stack>
  );
}

/** The contract's field paths (`fields.end`, `plan.customerId`) → the plan form's fields. */
export function planErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, text]) => [field.replace(/^(fields|plan)\./, ''), text]),
  );
}

/**
 * The visit plan (拜访计划): who visits which customer when, whom they meet, why, where, and
 * the goal. Creates a visit, or edits a visit's plan. An overlap with another visit of the
 * rep is shown with "plan anyway".
 */
export function VisitPlanForm({
  draft,
  visit,
  onDone,
  onCancel,
}: {
  draft?: PlanDraft;
  visit?: VisitDetail;
  onDone: (saved: VisitDetail) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const create = useApiMutation('visits.create');
  const update = useApiMutation('visits.update');
  const fieldErrors = useFieldErrors();
  // The failure of the last send, and for which rep and times it was sent: an overlap warning
  // holds only while the form still asks for those times.
  const [failed, setFailed] = useState<{ error: unknown; when: string } | null>(null);
  const form = usePlanForm(draft, visit);
  const failure =
    failed && (!isOverlap(failed.error) || failed.when === whenOf(form.values))
      ? failed.error
      : null;
  const setFailure = (error: unknown, v: PlanValues) =>
    setFailed(error === null ? null : { error, when: whenOf(v) });

  const send = (v: PlanValues, allowOverlap: boolean) => {
    setFailure(null, v);
    const fields = toPlanFields(v);
    const callbacks = {
      onSuccess: (saved: VisitDetail) => {
        notifications.show({
          color: 'teal',
          message: t(visit ? 'calendar.plan.saved_toast' : 'calendar.plan.created_toast', {
            customer: saved.customerName,
            day: formatDay(saved.day, i18n.language),
          }),
        });
        onDone(saved);
      },
      onError: (error: Error) => {
        const errors = planErrors(fieldErrors(error));
        form.setErrors(errors);
        setFailure(Object.keys(errors).length === 0 || isOverlap(error) ? error : null, v);
      },
    };
    if (visit)
      update.mutate(
        { id: visit.id, expectedUpdatedAt: visit.updatedAt, fields, allowOverlap },
        callbacks,
      );
    else create.mutate({ ...fields, allowOverlap }, callbacks);
  };
  const pending = create.isPending || update.isPending;

  return (
    <form
      onSubmit={form.onSubmit((v) => send(v, false))}
      noValidate
      aria-label={t('calendar.plan.title')}
    >
      <Stack gap="sm">
        <PlanFieldsSection form={form} draft={draft} visit={visit} />
        <FailureAlert
          failure={failure}
          pending={pending}
          onAnyway={() => send(form.getValues(), true)}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {visit ? t('common.save') : t('calendar.plan.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
