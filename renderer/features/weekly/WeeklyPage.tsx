import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconBell, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { localToday } from '../../components/dates';
import { formatDateTime } from '../../components/format';
import { ReviewPanel } from './ReviewPanel';
import { localTime, readWeek, statusColor, weeklyTables } from './week';
import { WeekNav } from './WeekNav';
import { WeeklyFigures } from './WeeklyFigures';
import { WrittenFields } from './WrittenFields';

/**
 * A rep's weekly report 销售周报 for an ISO week (default: this week, the current user): the
 * figures filled in for them, what they write, submit; a manager reviews or returns it.
 */
export function WeeklyPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const week = readWeek(params.get('week'));
  const userId = params.get('user') ?? undefined;
  const own = !userId || userId === me.id;
  const today = localToday();
  const report = useApiQuery(
    'weekly.get',
    { week, today, ...(userId ? { userId } : {}) },
    weeklyTables,
  );
  const reminder = useApiQuery('weekly.reminder', { today, now: localTime() }, ['weekly_reports'], {
    enabled: own,
  });
  const manager = me.role !== 'rep';
  const setWeek = (w: string) => {
    const next = new URLSearchParams(params);
    next.set('week', w);
    setParams(next);
  };
  const r = report.data;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>
            {own || !r ? t('weekly.title') : t('weeklyui.reportOf', { name: r.userName })}
          </Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t('weekly.subtitle')}
          </Text>
        </div>
        {manager && (
          <Button
            component={Link}
            to={`/weekly/team?week=${week}`}
            variant="default"
            leftSection={<IconUsersGroup size={16} />}
          >
            {t('weeklyui.teamReports')}
          </Button>
        )}
      </Group>
      <Group justify="space-between" wrap="wrap">
        <WeekNav week={week} onChange={setWeek} />
        {r && (
          <Group gap="xs">
            <Badge size="lg" variant="light" color={statusColor[r.status]}>
              {t(`weekly.status.${r.status}`)}
            </Badge>
            {r.returned && (
              <Badge size="lg" variant="light" color="orange">
                {t('weekly.returnedBadge')}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {own && reminder.data?.remind && reminder.data.week !== week && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconBell />}
          title={t('weekly.reminder.title')}
        >
          <Group justify="space-between">
            <Text size="sm">{t('weekly.reminder.body', { week: reminder.data.week })}</Text>
            <Anchor component={Link} to={`/weekly?week=${reminder.data.week}`} size="sm">
              {t('weekly.reminder.open')}
            </Anchor>
          </Group>
        </Alert>
      )}
      {own && reminder.data?.remind && reminder.data.week === week && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconBell />}
          title={t('weekly.reminder.title')}
        >
          {t('weekly.reminder.body', { week: reminder.data.week })}
        </Alert>
      )}
      {report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        r && (
          <>
            {r.reviewComment && (r.returned || r.status === 'reviewed') && (
              <Alert
                color={r.returned ? 'orange' : 'teal'}
                variant="light"
                title={
                  r.returned
                    ? t('weekly.returnedBy', { name: r.reviewedByName ?? '', comment: '' })
                    : t('weekly.reviewedBy', {
                        name: r.reviewedByName ?? '',
                        at: r.reviewedAt ? formatDateTime(r.reviewedAt, i18n.language) : '',
                      })
                }
              >
                {r.reviewComment}
              </Alert>
            )}
            {!r.reviewComment && r.status === 'reviewed' && (
              <Text size="sm" c="dimmed">
                {t('weekly.reviewedBy', {
                  name: r.reviewedByName ?? '',
                  at: r.reviewedAt ? formatDateTime(r.reviewedAt, i18n.language) : '',
                })}
              </Text>
            )}
            <WeeklyFigures figures={r.figures} frozen={r.figuresFrozen} />
            <WrittenFields
              key={`${r.userId}:${r.week}:${r.updatedAt ?? ''}`}
              report={r}
              own={own}
            />
            {r.canReview && r.status === 'submitted' && r.id && <ReviewPanel report={r} />}
          </>
        )
      )}
    </Stack>
  );
}
