import {
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../shared/contract/customers';
import { gradeIsStale, grades, quadrantGrade, type Grade } from '../../../shared/domain/grading';
import { useApiMutation } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { localToday } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { useFieldErrors } from '../../components/errors';
import { formatDate } from '../../components/format';
import { GradeBadge } from './GradeBadge';

type Values = {
  relationship: string;
  attractiveness: string;
  override: Grade | 'none';
  overrideReason: string;
};

const scores = ['1', '2', '3', '4', '5'];

/**
 * Grading on the customer page (domain.md §2): two 1–5 scores give the quadrant's grade;
 * a manager may override it with a reason. Saving marks the grade reviewed today.
 */
export function GradingCard({ customer }: { customer: CustomerDetail }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const save = useApiMutation('customers.setGrading');
  const fieldErrors = useFieldErrors();
  const form = useForm<Values>({
    initialValues: {
      relationship: customer.relationship ? String(customer.relationship) : '',
      attractiveness: customer.attractiveness ? String(customer.attractiveness) : '',
      override: customer.gradeOverride ?? 'none',
      overrideReason: customer.gradeOverrideReason ?? '',
    },
    validate: {
      relationship: (v) => (v ? null : t('validation.required')),
      attractiveness: (v) => (v ? null : t('validation.required')),
      overrideReason: (v, values) =>
        values.override !== 'none' && !v.trim() ? t('validation.reasonRequired') : null,
    },
  });
  const { relationship, attractiveness, override } = form.getValues();
  const quadrant = quadrantGrade(
    relationship ? Number(relationship) : null,
    attractiveness ? Number(attractiveness) : null,
  );
  const today = localToday();
  const stale = customer.grade !== null && gradeIsStale(customer.gradeReviewedOn, today);
  const canOverride = me.role !== 'rep';

  const submit = form.onSubmit((values) =>
    save.mutate(
      {
        id: customer.id,
        relationship: Number(values.relationship),
        attractiveness: Number(values.attractiveness),
        override: values.override === 'none' ? null : values.override,
        overrideReason: values.override === 'none' ? null : values.overrideReason,
        today,
      },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'teal',
            message: t('grading.saved', {
              grade: saved.grade ? t(`grades.${saved.grade}`) : t('grades.ungraded'),
            }),
          }),
        onError: (error) => form.setErrors(fieldErrors(error)),
      },
    ),
  );

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={t('grading.title')}>
      <Group justify="space-between" mb="md">
        <Title order={4}>{t('grading.title')}</Title>
        <Group gap="xs">
          <GradeBadge grade={customer.grade} overrideReason={customer.gradeOverrideReason} />
          {stale && (
            <Tooltip label={t('grading.staleHint')}>
              <Badge
                color="yellow"
                variant="light"
                radius="sm"
                leftSection={<IconAlertTriangle size={12} />}
              >
                {t('grading.stale')}
              </Badge>
            </Tooltip>
          )}
        </Group>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {!customer.grade && (
            <Text size="sm" c="dimmed">
              {t('grading.notGradedText')}
            </Text>
          )}
          <ScoreInput
            label={t('grading.relationship')}
            value={relationship}
            onChange={(v) => form.setFieldValue('relationship', v)}
            error={form.errors.relationship ? String(form.errors.relationship) : undefined}
          />
          <ScoreInput
            label={t('grading.attractiveness')}
            value={attractiveness}
            onChange={(v) => form.setFieldValue('attractiveness', v)}
            error={form.errors.attractiveness ? String(form.errors.attractiveness) : undefined}
          />
          <Text size="sm" c="dimmed">
            {quadrant ? t('grading.quadrant', { grade: t(`grades.${quadrant}`) }) : '\u00a0'}
          </Text>
          <Select
            label={t('grading.override')}
            data={[
              { value: 'none', label: t('grading.overrideNone') },
              ...grades.map((g) => ({ value: g, label: t(`grades.${g}`) })),
            ]}
            allowDeselect={false}
            disabled={!canOverride}
            description={canOverride ? undefined : t('grading.overrideHint')}
            {...form.getInputProps('override')}
          />
          {override !== 'none' && (
            <Textarea
              label={t('grading.overrideReason')}
              withAsterisk
              autosize
              minRows={2}
              disabled={!canOverride}
              {...form.getInputProps('overrideReason')}
            />
          )}
          {save.isError && Object.keys(fieldErrors(save.error)).length === 0 && (
            <ErrorState error={save.error} />
          )}
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed">
              {customer.gradeReviewedOn
                ? t('grading.reviewedOn', {
                    date: formatDate(customer.gradeReviewedOn, i18n.language),
                  })
                : t('grading.neverReviewed')}
            </Text>
            <Button type="submit" size="sm" loading={save.isPending}>
              {t('grading.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function ScoreInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          1 {t('grading.scoreLow')} · 5 {t('grading.scoreHigh')}
        </Text>
      </Group>
      <SegmentedControl
        fullWidth
        aria-label={label}
        value={value}
        onChange={onChange}
        data={scores}
      />
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}
