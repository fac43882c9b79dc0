import {
  Anchor,
  Button,
  Divider,
  Group,
  NumberInput,
  Radio,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DatePickerInput, TimePicker } from '@mantine/dates';
import {
  useForm,
  type FormRulesRecord,
  type GetInputPropsReturnType,
  type UseFormReturnType,
} from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconClock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SummaryFields, VisitDetail } from '../../../shared/contract/visits';
import { TIME_PATTERN } from '../../../shared/domain/time';
import {
  summaryStatuses,
  visitPurposes,
  type SummaryStatus,
  type VisitPurpose,
} from '../../../shared/domain/visits';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { formatDay, localToday } from '../../components/dates';
import { useFieldErrors } from '../../components/errors';
import { fenToYuan, formatMoney, yuanToFen } from '../../components/money';
import { FailureAlert } from './FailureAlert';
import { isOverlap } from './failures';
import { VISIT_TABLES } from './tables';
import { minutesOf, nextWorkingDay, userTimeZone } from './time';
import { WhenFields } from './WhenFields';

type NextKind = 'none' | 'visit' | 'followUp';

export type SummaryValues = {
  status: SummaryStatus;
  actualStart: string;
  actualEnd: string;
  outcome: string;
  problemsHandled: string;
  orderAmount: number | string;
  collectionAmount: number | string;
  collectionReceivableId: string | null;
  competitorInfo: string;
  customerFeedback: string;
  customerNews: string;
  learnings: string;
  effective: 'yes' | 'no' | null;
  nextAction: string;
  next: NextKind;
  nextDay: string | null;
  nextStart: string;
  nextEnd: string;
  nextPurpose: VisitPurpose;
  nextGoal: string;
  followUpDue: string | null;
  followUpText: string;
};

const wall = (iso: string, zone: string) =>
  new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone });

/** The summary's starting values: a visit's own (when rewriting it), else the plan's times. */
export function summaryInitialValues(
  visit: Pick<VisitDetail, 'day' | 'startAt' | 'endAt' | 'timeZone' | 'purpose'> &
    Partial<VisitDetail>,
): SummaryValues {
  const zone = visit.timeZone;
  const done = visit.status && visit.status !== 'planned';
  const nextDay = nextWorkingDay(visit.day < localToday() ? localToday() : visit.day);
  return {
    status: done && visit.status !== 'planned' ? (visit.status ?? 'done') : 'done',
    actualStart: wall(visit.actualStartAt ?? visit.startAt, zone),
    actualEnd: wall(visit.actualEndAt ?? visit.endAt, zone),
    outcome: visit.outcome ?? '',
    problemsHandled: visit.problemsHandled ?? '',
    orderAmount: visit.orderAmount != null ? fenToYuan(visit.orderAmount) : '',
    collectionAmount: visit.collectionAmount != null ? fenToYuan(visit.collectionAmount) : '',
    collectionReceivableId: visit.collection?.receivableId ?? null,
    competitorInfo: visit.competitorInfo ?? '',
    customerFeedback: visit.customerFeedback ?? '',
    customerNews: visit.customerNews ?? '',
    learnings: visit.learnings ?? '',
    effective: visit.effective === true ? 'yes' : visit.effective === false ? 'no' : null,
    nextAction: visit.nextAction ?? '',
    next: 'none',
    nextDay,
    nextStart: wall(visit.startAt, zone),
    nextEnd: wall(visit.endAt, zone),
    nextPurpose: visit.purpose,
    nextGoal: '',
    followUpDue: nextDay,
    followUpText: '',
  };
}

/** Client-side checks that mirror the contract's, so the user sees them before sending. */
export function summaryValidate(t: (key: string) => string, withActualTimes: boolean) {
  const money = (v: number | string) =>
    v === '' ? null : Number(v) < 0 || yuanToFen(v) === null ? t('validation.range') : null;
  const time = (v: string) => (TIME_PATTERN.test(v) ? null : t('validation.time'));
  return {
    actualStart: (v: string, values: SummaryValues) =>
      withActualTimes && values.status === 'done' ? time(v) : null,
    actualEnd: (v: string, values: SummaryValues) =>
      !withActualTimes || values.status !== 'done'
        ? null
        : (time(v) ??
          (TIME_PATTERN.test(values.actualStart) && minutesOf(v) <= minutesOf(values.actualStart)
            ? t('visitErrors.endBeforeStart')
            : null)),
    orderAmount: money,
    collectionAmount: money,
    effective: (v: SummaryValues['effective'], values: SummaryValues) =>
      values.status === 'done' && v === null ? t('visitErrors.effectiveRequired') : null,
    nextDay: (v: string | null, values: SummaryValues) =>
      values.next === 'visit' && !v ? t('validation.required') : null,
    nextEnd: (v: string, values: SummaryValues) =>
      values.next !== 'visit'
        ? null
        : (time(v) ??
          (TIME_PATTERN.test(values.nextStart) && minutesOf(v) <= minutesOf(values.nextStart)
            ? t('visitErrors.endBeforeStart')
            : null)),
    followUpDue: (v: string | null, values: SummaryValues) =>
      values.next === 'followUp' && !v ? t('validation.required') : null,
    followUpText: (v: string, values: SummaryValues) =>
      values.next === 'followUp' && !v.trim() && !values.nextAction.trim()
        ? t('validation.required')
        : null,
  };
}

/** The form's values as the contract's summary (money in fen, the next step in one piece). */
export function toSummary(
  v: SummaryValues,
  withActualTimes: boolean,
  allowOverlap: boolean,
  /** The title a new order's won deal gets (in the user's language). */
  orderTitle?: string,
): SummaryFields {
  const done = v.status === 'done';
  const fen = (x: number | string) => (x === '' ? null : yuanToFen(x));
  const collection = done ? fen(v.collectionAmount) : null;
  return {
    status: v.status,
    ...(withActualTimes && done ? { actualStart: v.actualStart, actualEnd: v.actualEnd } : {}),
    outcome: v.outcome,
    problemsHandled: done ? v.problemsHandled : null,
    orderAmount: done ? fen(v.orderAmount) : null,
    ...(orderTitle ? { orderTitle } : {}),
    collectionAmount: collection,
    ...(collection && v.collectionReceivableId
      ? { collectionReceivableId: v.collectionReceivableId }
      : {}),
    competitorInfo: done ? v.competitorInfo : null,
    customerFeedback: done ? v.customerFeedback : null,
    customerNews: done ? v.customerNews : null,
    learnings: done ? v.learnings : null,
    effective: done ? v.effective === 'yes' : null,
    nextAction: v.nextAction,
    next:
      v.next === 'visit'
        ? {
            kind: 'visit',
            day: v.nextDay ?? '',
            start: v.nextStart,
            end: v.nextEnd,
            timeZone: userTimeZone(),
            purpose: v.nextPurpose,
            goal: v.nextGoal,
            allowOverlap,
          }
        : v.next === 'followUp'
          ? {
              kind: 'followUp',
              dueOn: v.followUpDue ?? '',
              text: v.followUpText.trim() || v.nextAction.trim(),
            }
          : null,
  };
}

type Form = UseFormReturnType<SummaryValues, SummaryValues, FormRulesRecord<SummaryValues>>;

/**
 * The summary's fields (拜访总结): result, money, what was learned, and the next step. Used to
 * summarise a planned visit and to log an unplanned one.
 */
export function SummaryFieldsSection({
  form,
  customerId,
  withActualTimes,
  withStatus = true,
  order = null,
}: {
  form: Form;
  customerId: string | null;
  withActualTimes: boolean;
  /** The won deal this visit's order already made (rewriting a summary). */
  order?: VisitDetail['order'];
  /** Off when logging an unplanned visit: it happened, so it is done. */
  withStatus?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const done = form.values.status === 'done';
  const today = localToday();
  const receivables = useApiQuery(
    'receivables.forCustomer',
    { customerId: customerId ?? '', today },
    VISIT_TABLES,
    { enabled: !!customerId && done },
  );
  const open = receivables.data?.open ?? [];
  const nothingOwed = receivables.isSuccess && open.length === 0;
  const collectionOn =
    form.values.collectionAmount !== '' && Number(form.values.collectionAmount) > 0;
  const orderOn = form.values.orderAmount !== '' && Number(form.values.orderAmount) > 0;
  // What each figure feeds, said where it is typed (decision 0019).
  const orderFeeds = order
    ? t('calendar.summary.orderFeedsExisting', { title: order.title })
    : t('calendar.summary.orderFeedsNew');
  const collectionFeeds = !nothingOwed
    ? t('calendar.summary.collectionFeeds')
    : orderOn
      ? t('calendar.summary.collectionFeedsOrder')
      : t('calendar.summary.collectionFeedsUnallocated');
  const area = { autosize: true, minRows: 2, maxRows: 6, maxLength: 2000 };
  return (
    <Stack gap="sm">
      {withStatus && (
        <SegmentedControl
          aria-label={t('calendar.summary.status')}
          fullWidth
          data={summaryStatuses.map((s) => ({ value: s, label: t(`visitStatus.${s}`) }))}
          {...form.getInputProps('status')}
        />
      )}
      {done && (
        <>
          {withActualTimes && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TimeOnly
                label={t('calendar.summary.actualStart')}
                input={form.getInputProps('actualStart')}
              />
              <TimeOnly
                label={t('calendar.summary.actualEnd')}
                input={form.getInputProps('actualEnd')}
              />
            </SimpleGrid>
          )}
          <Radio.Group
            label={t('calendar.summary.effective')}
            description={t('calendar.summary.effectiveHint')}
            withAsterisk
            {...form.getInputProps('effective')}
            onChange={(v) => form.setFieldValue('effective', v as 'yes' | 'no')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="yes" label={t('calendar.summary.effectiveYes')} />
              <Radio value="no" label={t('calendar.summary.effectiveNo')} />
            </Group>
          </Radio.Group>
        </>
      )}
      <Textarea
        label={done ? t('calendar.summary.outcome') : t('calendar.summary.whatHappened')}
        {...area}
        {...form.getInputProps('outcome')}
      />
      {done && (
        <>
          <Textarea
            label={t('calendar.summary.problemsHandled')}
            {...area}
            {...form.getInputProps('problemsHandled')}
          />
          <Divider label={t('calendar.summary.money')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput
              label={t('calendar.summary.orderAmount')}
              min={0}
              allowNegative={false}
              decimalScale={2}
              thousandSeparator=","
              prefix="¥"
              description={orderFeeds}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('orderAmount')}
            />
            <NumberInput
              label={t('calendar.summary.collectionAmount')}
              min={0}
              allowNegative={false}
              decimalScale={2}
              thousandSeparator=","
              prefix="¥"
              description={collectionFeeds}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              {...form.getInputProps('collectionAmount')}
            />
          </SimpleGrid>
          {order && (
            <Anchor component={Link} to={`/deals/${order.dealId}`} size="sm">
              {t('calendar.summary.orderLink', { title: order.title })}
            </Anchor>
          )}
          {collectionOn && open.length > 0 && (
            <Select
              label={t('calendar.summary.receivable')}
              description={t('calendar.summary.receivableHint')}
              allowDeselect={false}
              data={open.map((r) => ({
                value: r.id,
                label: t('calendar.summary.receivableOption', {
                  deal: r.dealTitle,
                  due: formatDay(r.dueOn, i18n.language, true),
                  balance: formatMoney(r.balance, i18n.language),
                }),
              }))}
              value={form.values.collectionReceivableId ?? open[0]?.id ?? null}
              onChange={(v) => form.setFieldValue('collectionReceivableId', v)}
            />
          )}
          <Divider label={t('calendar.summary.market')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Textarea
              label={t('calendar.summary.competitorInfo')}
              {...area}
              {...form.getInputProps('competitorInfo')}
            />
            <Textarea
              label={t('calendar.summary.customerFeedback')}
              {...area}
              {...form.getInputProps('customerFeedback')}
            />
            <Textarea
              label={t('calendar.summary.customerNews')}
              {...area}
              {...form.getInputProps('customerNews')}
            />
            <Textarea
              label={t('calendar.summary.learnings')}
              {...area}
              {...form.getInputProps('learnings')}
            />
          </SimpleGrid>
        </>
      )}
      <Divider label={t('calendar.summary.next')} labelPosition="left" />
      <TextInput
        label={t('calendar.summary.nextAction')}
        placeholder={t('calendar.summary.nextActionPlaceholder')}
        maxLength={500}
        {...form.getInputProps('nextAction')}
      />
      <SegmentedControl
        aria-label={t('calendar.summary.nextStep')}
        data={(['none', 'visit', 'followUp'] as const).map((k) => ({
          value: k,
          label: t(`calendar.summary.nextKinds.${k}`),
        }))}
        {...form.getInputProps('next')}
      />
      {form.values.next === 'visit' && (
        <Stack gap="sm">
          <WhenFields
            day={form.getInputProps('nextDay')}
            start={form.getInputProps('nextStart')}
            end={form.getInputProps('nextEnd')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('calendar.fields.purpose')}
              allowDeselect={false}
              data={visitPurposes.map((p) => ({ value: p, label: t(`visitPurpose.${p}`) }))}
              {...form.getInputProps('nextPurpose')}
            />
            <TextInput
              label={t('calendar.fields.goal')}
              maxLength={500}
              {...form.getInputProps('nextGoal')}
            />
          </SimpleGrid>
        </Stack>
      )}
      {form.values.next === 'followUp' && (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DatePickerInput
            label={t('calendar.summary.followUpDue')}
            withAsterisk
            valueFormat={i18n.language === 'zh-CN' ? 'M月D日 ddd' : 'ddd, MMM D'}
            {...form.getInputProps('followUpDue')}
          />
          <TextInput
            label={t('calendar.summary.followUpText')}
            placeholder={form.values.nextAction || undefined}
            maxLength={300}
            {...form.getInputProps('followUpText')}
          />
        </SimpleGrid>
      )}
    </Stack>
  );
}

/** A time picker on its own: the summary's actual times fall on the visit's day. */
function TimeOnly({ label, input }: { label: string; input: GetInputPropsReturnType }) {
  const { t } = useTranslation();
  return (
    <TimePicker
      label={label}
      format="24h"
      withDropdown
      minutesStep={5}
      leftSection={<IconClock size={16} />}
      hoursInputLabel={t('calendar.fields.hours')}
      minutesInputLabel={t('calendar.fields.minutes')}
      {...input}
    />
  );
}

/** Summarises a planned visit (or rewrites its summary). */
export function SummaryForm({
  visit,
  onDone,
  onCancel,
}: {
  visit: VisitDetail;
  onDone: (saved: VisitDetail) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const summarize = useApiMutation('visits.summarize');
  const fieldErrors = useFieldErrors();
  const [failure, setFailure] = useState<unknown>(null);
  const form = useForm<SummaryValues>({
    initialValues: summaryInitialValues(visit),
    validate: summaryValidate(t, true),
  });
  const send = (v: SummaryValues, allowOverlap: boolean) => {
    setFailure(null);
    summarize.mutate(
      {
        id: visit.id,
        expectedUpdatedAt: visit.updatedAt,
        summary: toSummary(
          v,
          true,
          allowOverlap,
          t('calendar.summary.orderTitle', { day: formatDay(visit.day, i18n.language, true) }),
        ),
        today: localToday(),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('calendar.summary.saved_toast', { customer: saved.customerName }),
          });
          onDone(saved);
        },
        onError: (error) => {
          const errors = mapSummaryErrors(fieldErrors(error));
          form.setErrors(errors);
          setFailure(Object.keys(errors).length === 0 || isOverlap(error) ? error : null);
        },
      },
    );
  };
  return (
    <form
      onSubmit={form.onSubmit((v) => send(v, false))}
      noValidate
      aria-label={t('calendar.summary.title')}
    >
      <Stack gap="sm">
        <SummaryFieldsSection
          form={form}
          customerId={visit.customerId}
          withActualTimes
          order={visit.order}
        />
        <FailureAlert
          failure={failure}
          pending={summarize.isPending}
          onAnyway={() => send(form.getValues(), true)}
        />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={summarize.isPending}>
            {t('calendar.summary.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The contract's field paths (`summary.orderAmount`, `summary.next.day`) → the form's fields. */
export function mapSummaryErrors(errors: Record<string, string>): Record<string, string> {
  const names: Record<string, string> = {
    'next.day': 'nextDay',
    'next.start': 'nextStart',
    'next.end': 'nextEnd',
    'next.dueOn': 'followUpDue',
    'next.text': 'followUpText',
  };
  return Object.fromEntries(
    Object.entries(errors).map(([field, text]) => {
      const bare = field.replace(/^(summary|plan)\./, '');
      return [names[bare] ?? bare, text];
    }),
  );
}
