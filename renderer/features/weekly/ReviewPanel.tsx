import { Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WeeklyReport } from '../../../shared/contract/weekly';
import { useApiMutation } from '../../api/queries';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';

/** A manager marks a submitted report reviewed (comment optional) or returns it (comment required). */
export function ReviewPanel({ report }: { report: WeeklyReport }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const review = useApiMutation('weekly.review');
  const back = useApiMutation('weekly.return');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!report.id || !report.updatedAt) return null;
  const base = { id: report.id, expectedUpdatedAt: report.updatedAt, today: localToday() };
  const fail = (e: unknown) => notifications.show({ message: message(e), color: 'red' });
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text fw={600}>{t('weeklyui.reviewTitle')}</Text>
        <Textarea
          label={t('weekly.actions.comment')}
          value={comment}
          onChange={(e) => {
            setComment(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group justify="flex-end">
          <Button
            variant="default"
            color="orange"
            loading={back.isPending}
            onClick={() => {
              if (!comment.trim()) return setError(t('weekly.actions.returnComment'));
              back.mutate(
                { ...base, comment: comment.trim() },
                {
                  onSuccess: () =>
                    notifications.show({
                      message: t('weekly.returnedToast', { name: report.userName }),
                      color: 'teal',
                    }),
                  onError: fail,
                },
              );
            }}
          >
            {t('weekly.actions.return')}
          </Button>
          <Button
            loading={review.isPending}
            onClick={() =>
              review.mutate(
                { ...base, comment: comment.trim() || null },
                {
                  onSuccess: () =>
                    notifications.show({ message: t('weekly.reviewedToast'), color: 'teal' }),
                  onError: fail,
                },
              )
            }
          >
            {t('weekly.actions.review')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
