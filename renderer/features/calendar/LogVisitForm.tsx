import { Button, Divider, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VisitDetail } from '../../../shared/contract/visits';
import { useApiMutation } from '../../api/queries';
import { formatDay, localToday } from '../../components/dates';
import { useFieldErrors } from '../../components/errors';
import { FailureAlert } from './FailureAlert';
import { isOverlap } from './failures';
import {
  mapSummaryErrors,
  SummaryFieldsSection,
  summaryInitialValues,
  summaryValidate,
  toSummary,
  type SummaryValues,
} from './SummaryForm';
import { justNow } from './time';
import {
  PlanFieldsSection,
  planErrors,
  toPlanFields,
  usePlanForm,
  type PlanDraft,
} from './VisitPlanForm';

/**
 * Logs a visit that happened without a plan (visits.log): where and when, then its summary,
 * in one step. It counts as done, not as planned, in plan vs actual.
 */
export function LogVisitForm({
  draft,
  onDone,
  onCancel,
}: {
  draft?: PlanDraft;
  onDone: (saved: VisitDetail) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const log = useApiMutation('visits.log');
  const fieldErrors = useFieldErrors();
  const [failure, setFailure] = useState<unknown>(null);
  const start: PlanDraft = draft ?? justNow();
  const plan = usePlanForm({ purpose: 'service', ...start });
  const summary = useForm<SummaryValues>({
    initialValues: summaryInitialValues({
      day: start.day,
      // Any zone works here: only the next visit's default times are read from these.
      startAt: `${start.day}T${start.start}:00Z`,
      endAt: `${start.day}T${start.end}:00Z`,
      timeZone: 'UTC',
      purpose: start.purpose ?? 'service',
    }),
    validate: summaryValidate(t, false),
  });

  const send = (allowOverlap: boolean) => {
    const planCheck = plan.validate();
    const summaryCheck = summary.validate();
    if (planCheck.hasErrors || summaryCheck.hasErrors) return;
    setFailure(null);
    log.mutate(
      {
        plan: toPlanFields(plan.getValues()),
        summary: toSummary(
          { ...summary.getValues(), status: 'done' },
          false,
          allowOverlap,
          t('calendar.summary.orderTitle', {
            day: formatDay(plan.getValues().day ?? start.day, i18n.language, true),
          }),
        ),
        allowOverlap,
        today: localToday(),
      },
      {
        onSuccess: (saved) => {
          notifications.show({
            color: 'teal',
            message: t('calendar.log.saved_toast', { customer: saved.customerName }),
          });
          onDone(saved);
        },
        onError: (error) => {
          const errors = fieldErrors(error);
          const planSide = Object.fromEntries(
            Object.entries(errors).filter(([k]) => !k.startsWith('summary.')),
          );
          const summarySide = Object.fromEntries(
            Object.entries(errors).filter(([k]) => k.startsWith('summary.')),
          );
          plan.setErrors(planErrors(planSide));
          summary.setErrors(mapSummaryErrors(summarySide));
          setFailure(Object.keys(errors).length === 0 || isOverlap(error) ? error : null);
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send(false);
      }}
      noValidate
      aria-label={t('calendar.log.title')}
    >
      <Stack gap="sm">
        <PlanFieldsSection form={plan} draft={draft} withGoal={false} />
        <Divider label={t('calendar.log.whatHappened')} labelPosition="left" />
        <SummaryFieldsSection
          form={summary}
          customerId={plan.values.customerId}
          withActualTimes={false}
          withStatus={false}
        />
        <FailureAlert failure={failure} pending={log.isPending} onAnyway={() => send(true)} />
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={log.isPending}>
            {t('calendar.log.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
