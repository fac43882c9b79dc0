import { Anchor, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCalendarExclamation,
  IconCashBanknote,
  IconChecklist,
  IconClockPause,
  IconFilter,
  IconGauge,
  IconListCheck,
  IconNotebook,
  IconRoute,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReportName, ReportOf, ReportScope } from '../../../shared/contract/reports';
import { isoWeek } from '../../../shared/domain/time';
import { useApiQuery } from '../../api/queries';
import { useNow } from '../calendar/time';
import { VISIT_TABLES } from '../calendar/tables';
import { useCurrentUser } from '../../app/status';
import { ErrorState } from '../../components/ErrorState';
import { localToday } from '../../components/dates';
import { formatMoney } from '../../components/money';
import { percent } from '../reports/fields';
import { AttainmentFigures } from '../reports/KeyFigures';
import { reportSearch } from '../reports/params';
import { reportTables } from '../reports/tables';
import { scoreTables } from '../scores/queries';
import { WeeklyPackButton } from '../exports/WeeklyPackButton';
import { localTime } from '../weekly/week';
import { GettingStarted } from './GettingStarted';
import { Tile } from './Tile';

/** One report's figures for the dashboard, and the link to the whole report. */
function useReport<N extends ReportName>(report: N, kind: 'week' | 'month', scope: ReportScope) {
  const today = localToday();
  const period = { kind, date: today } as const;
  const query = useApiQuery('reports.run', { report, period, scope, today }, reportTables);
  return {
    data: query.data as ReportOf<N> | undefined,
    query,
    href: `/reports/${report}${reportSearch(period, scope)}`,
  };
}

/**
 * The home screen (工作台): for a manager, the team against its targets and what needs them
 * now; for a rep, their targets, today's route and their to-dos. Every tile opens the report
 * or list behind it.
 */
export function DashboardPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const rep = me.role === 'rep';
  const scope: ReportScope = rep
    ? { type: 'rep', id: me.id }
    : me.role === 'manager' && me.teamId
      ? { type: 'team', id: me.teamId }
      : { type: 'company' };
  const attainment = useReport('attainment', 'month', scope);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('dashboard.hello', { name: me.name })}</Title>
          <Text c="dimmed" size="sm">
            {rep ? t('dashboard.repSubtitle') : t('dashboard.subtitle')}
          </Text>
        </div>
        <WeeklyPackButton />
      </Group>
      <GettingStarted />
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{rep ? t('dashboard.myTargets') : t('dashboard.attainment')}</Text>
          <Anchor component={Link} to={attainment.href} size="sm">
            {t('dashboard.openReport')}
          </Anchor>
        </Group>
        {attainment.query.isError ? (
          <ErrorState
            error={attainment.query.error}
            onRetry={() => void attainment.query.refetch()}
          />
        ) : attainment.data ? (
          <AttainmentFigures figures={attainment.data.keyFigures} />
        ) : (
          <Skeleton h={120} />
        )}
      </Card>
      {rep ? <RepTiles scope={scope} /> : <ManagerTiles scope={scope} />}
    </Stack>
  );
}

function WeekPlanTile({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const execution = useReport('execution', 'week', scope);
  const k = execution.data?.keyFigures;
  return (
    <Tile
      to={execution.href}
      title={t('dashboard.weekPlan')}
      icon={<IconListCheck size={18} />}
      loading={!k}
      value={k ? percent(k.planCompletionRate, i18n.language) : undefined}
      text={k ? t('dashboard.plannedDone', { done: k.plannedDone, planned: k.planned }) : undefined}
    >
      {k && (
        <Text size="xs" c="dimmed">
          {t('dashboard.effectiveOf', { effective: k.effective, done: k.done })}
        </Text>
      )}
    </Tile>
  );
}

/** Visits whose summary is due and missed visits not yet rescheduled (issue 6), as on My follow-ups. */
function PendingVisitsTile({ scope }: { scope: ReportScope }) {
  const { t } = useTranslation();
  const now = useNow();
  const listScope = scope.type === 'company' ? 'all' : scope.type === 'team' ? 'team' : 'mine';
  const pending = useApiQuery(
    'visits.pending',
    { scope: listScope, now, today: localToday() },
    VISIT_TABLES,
    { placeholderData: (previous) => previous },
  );
  const p = pending.data;
  return (
    <Tile
      to="/follow-ups"
      title={t('dashboard.pendingVisits')}
      icon={<IconCalendarExclamation size={18} />}
      color="orange"
      loading={!p}
      value={p ? p.summaryDue.length : undefined}
      text={p ? t('dashboard.pendingVisitsText', { count: p.missed.length }) : undefined}
    />
  );
}

function ManagerTiles({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const today = localToday();
  const funnel = useReport('funnel', 'month', scope);
  const stalled = useReport('stalled', 'month', scope);
  const abnormal = useReport('abnormalCustomers', 'month', scope);
  const teamId = scope.type === 'team' ? scope.id : undefined;
  const awaiting = useApiQuery('weekly.awaitingReview', teamId ? { teamId } : {}, [
    'weekly_reports',
    'users',
  ]);
  const scores = useApiQuery(
    'scores.team',
    { scope: teamId ? 'team' : 'all', today, ...(teamId ? { teamId } : {}) },
    scoreTables,
  );
  const f = funnel.data?.keyFigures;
  const s = stalled.data?.keyFigures;
  const a = abnormal.data?.keyFigures;
  const week = awaiting.data?.oldestWeek ?? isoWeek(today);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <Tile
        to={funnel.href}
        title={t('dashboard.funnel')}
        icon={<IconFilter size={18} />}
        loading={!f}
        value={f ? formatMoney(f.openWeighted, lang) : undefined}
        text={f ? t('dashboard.openDeals', { count: f.openDeals }) : undefined}
      >
        {f && (
          <Text size="xs" c="dimmed">
            {t('dashboard.winRate', { value: percent(f.winRate, lang) })}
          </Text>
        )}
      </Tile>
      <WeekPlanTile scope={scope} />
      <PendingVisitsTile scope={scope} />
      <Tile
        to={stalled.href}
        title={t('dashboard.stalled')}
        icon={<IconClockPause size={18} />}
        color="orange"
        loading={!s}
        value={s?.stalledDeals}
        text={
          s ? t('dashboard.stalledText', { amount: formatMoney(s.stalledAmount, lang) }) : undefined
        }
      />
      <Tile
        to="/scorecards"
        title={t('dashboard.overClaimed')}
        icon={<IconGauge size={18} />}
        color="red"
        loading={!scores.data}
        value={scores.data?.summary.overClaimed}
        text={t('dashboard.overClaimedText')}
      />
      <Tile
        to={abnormal.href}
        title={t('dashboard.abnormal')}
        icon={<IconAlertTriangle size={18} />}
        color="orange"
        loading={!a}
        value={a?.overdueVisit}
        text={t('dashboard.abnormalText')}
      />
      <Tile
        to={abnormal.href}
        title={t('dashboard.overdueCollections')}
        icon={<IconCashBanknote size={18} />}
        color="red"
        loading={!a}
        value={a ? formatMoney(a.overdueBalance, lang) : undefined}
        text={a ? t('dashboard.overdueCollectionsText', { count: a.overdueCollection }) : undefined}
      />
      <Tile
        to={`/weekly/team?week=${week}`}
        title={t('dashboard.awaitingReview')}
        icon={<IconNotebook size={18} />}
        color="blue"
        loading={!awaiting.data}
        value={awaiting.data?.count}
        text={
          awaiting.data?.oldestWeek
            ? t('dashboard.oldestWeek', { week: awaiting.data.oldestWeek })
            : t('dashboard.nothingWaiting')
        }
      />
    </SimpleGrid>
  );
}

function RepTiles({ scope }: { scope: ReportScope }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const today = localToday();
  // One instant per visit of the page: a fresh one each render would be a new query each time.
  const [now] = useState(() => new Date().toISOString());
  const route = useApiQuery('visits.route', { ownerId: me.id, day: today, now }, [
    'visits',
    'customers',
  ]);
  const followUps = useApiQuery('followUps.list', { scope: 'mine', today, limit: 1 }, [
    'follow_ups',
    'customers',
  ]);
  const scores = useApiQuery('scores.rep', { repId: me.id, today }, scoreTables);
  const reminder = useApiQuery('weekly.reminder', { today, now: localTime() }, ['weekly_reports']);
  const stops = route.data ?? [];
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      <Tile
        to="/calendar"
        title={t('dashboard.todayRoute')}
        icon={<IconRoute size={18} />}
        loading={!route.data}
        value={t('dashboard.stops', { count: stops.length })}
      >
        {stops.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('dashboard.noVisitsToday')}
          </Text>
        ) : (
          <List size="sm" type="ordered" spacing={2} mt={4}>
            {stops.slice(0, 5).map((v) => (
              <List.Item key={v.id}>
                {new Date(v.startAt).toLocaleTimeString(i18n.language, {
                  hour: '2-digit',
                  minute: '2-digit',
                })}{' '}
                {v.customerName}
              </List.Item>
            ))}
          </List>
        )}
      </Tile>
      <Tile
        to="/follow-ups"
        title={t('dashboard.followUps')}
        icon={<IconChecklist size={18} />}
        color="orange"
        loading={!followUps.data}
        value={
          followUps.data ? followUps.data.overdue.total + followUps.data.today.total : undefined
        }
        text={
          followUps.data
            ? t('dashboard.followUpsText', {
                overdue: followUps.data.overdue.total,
                today: followUps.data.today.total,
              })
            : undefined
        }
      />
      <Tile
        to={`/scorecards/${me.id}`}
        title={t('dashboard.needScore')}
        icon={<IconGauge size={18} />}
        color="red"
        loading={!scores.data}
        value={scores.data ? scores.data.rep.unscored + scores.data.rep.stale : undefined}
        text={
          scores.data
            ? t('dashboard.needScoreText', {
                unscored: scores.data.rep.unscored,
                stale: scores.data.rep.stale,
              })
            : undefined
        }
      />
      <WeekPlanTile scope={scope} />
      <PendingVisitsTile scope={scope} />
      <Tile
        to={`/weekly?week=${reminder.data?.week ?? isoWeek(today)}`}
        title={t('dashboard.weeklyReport')}
        icon={<IconNotebook size={18} />}
        color={reminder.data?.remind ? 'orange' : 'blue'}
        loading={!reminder.data}
        value={reminder.data ? t(`weekly.status.${reminder.data.status}`) : undefined}
        text={reminder.data?.week}
      />
    </SimpleGrid>
  );
}
