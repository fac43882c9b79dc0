import { Button, Card, Group, List, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyReport } from '../../../shared/contract/weekly';
import { useApiMutation } from '../../api/queries';
import { localToday, formatDay } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';

const fields = ['competition', 'abnormalCustomers', 'nextWeekPlan', 'helpNeeded'] as const;
type Written = Record<(typeof fields)[number], string>;

/** What the rep writes (domain.md §8), editable while a draft; save or submit. */
export function WrittenFields({ report, own }: { report: WeeklyReport; own: boolean }) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const save = useApiMutation('weekly.save');
  const submit = useApiMutation('weekly.submit');
  const [values, setValues] = useState<Written>(() => ({
    competition: report.competition ?? '',
    abnormalCustomers: report.abnormalCustomers ?? '',
    nextWeekPlan: report.nextWeekPlan ?? '',
    helpNeeded: report.helpNeeded ?? '',
  }));
  const editable = report.canEdit && report.status === 'draft';
  const input = () => ({
    week: report.week,
    today: localToday(),
    expectedUpdatedAt: report.updatedAt,
    ...(own ? {} : { userId: report.userId }),
    competition: values.competition.trim() || null,
    abnormalCustomers: values.abnormalCustomers.trim() || null,
    nextWeekPlan: values.nextWeekPlan.trim() || null,
    helpNeeded: values.helpNeeded.trim() || null,
  });
  const fail = (e: unknown) => notifications.show({ message: message(e), color: 'red' });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text fw={600}>{t('weeklyui.whatsWritten')}</Text>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {fields.map((f) =>
            editable ? (
              <Textarea
                key={f}
                label={t(`weekly.fields.${f}`)}
                description={
                  f === 'nextWeekPlan' && report.nextWeekPlanSuggested
                    ? t('weekly.fields.nextWeekPlanSuggested')
                    : undefined
                }
                value={values[f]}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValues((all) => ({ ...all, [f]: v }));
                }}
                autosize
                minRows={4}
                maxRows={12}
                maxLength={4000}
              />
            ) : (
              <div key={f}>
                <Text size="sm" fw={500}>
                  {t(`weekly.fields.${f}`)}
                </Text>
                <Text
                  size="sm"
                  c={values[f] ? undefined : 'dimmed'}
                  style={{ whiteSpace: 'pre-wrap' }}
                >
                  {values[f] || t('weeklyui.notWritten')}
                </Text>
              </div>
            ),
          )}
        </SimpleGrid>
        <div>
          <Text size="sm" fw={500}>
            {t('weeklyui.nextWeekVisits')}
          </Text>
          {report.nextWeekVisits.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('weeklyui.noVisitsPlanned')}
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {report.nextWeekVisits.map((v) => (
                <List.Item key={v.id}>
                  {formatDay(v.day, i18n.language)} · {v.customerName} ·{' '}
                  {t(`visitPurpose.${v.purpose}`)}
                  {v.goal ? ` — ${v.goal}` : ''}
                </List.Item>
              ))}
            </List>
          )}
        </div>
        {editable && (
          <Group justify="flex-end">
            <Button
              variant="default"
              loading={save.isPending}
              onClick={() =>
                save.mutate(input(), {
                  onSuccess: () =>
                    notifications.show({ message: t('weekly.saved'), color: 'teal' }),
                  onError: fail,
                })
              }
            >
              {t('weekly.actions.save')}
            </Button>
            <Button
              loading={submit.isPending}
              onClick={() =>
                submit.mutate(input(), {
                  onSuccess: () =>
                    notifications.show({ message: t('weekly.submittedToast'), color: 'teal' }),
                  onError: fail,
                })
              }
            >
              {t('weekly.actions.submit')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
