import type FullCalendar from '@fullcalendar/react';
import {
  Alert,
  ActionIcon,
  Box,
  Button,
  Drawer,
  Grid,
  Group,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import {
  IconChevronLeft,
  IconChevronRight,
  IconClipboardPlus,
  IconListCheck,
  IconPlus,
} from '@tabler/icons-react';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CalendarEvent } from '../../../shared/contract/visits';
import { defaultScope, scopes, type Scope } from '../../../shared/domain/people';
import {
  addDaysTo,
  firstDayOfWeek,
  isoWeek,
  isoWeekRange,
  weekStart,
} from '../../../shared/domain/time';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { localToday } from '../../components/dates';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { useErrorMessage } from '../../components/errors';
import { ScopeSwitch } from '../../components/ScopeSwitch';
import './calendar.css';
import { CalendarLegend } from './CalendarLegend';
import type { ColorBy } from './colors';
import { isOverlap } from './failures';
import { PlanVsActualBar, whoInput, type Who } from './PlanVsActual';
import { VISIT_TABLES } from './tables';
import { TeamWeekTable } from './TeamWeekTable';
import { justNow, nextWorkingDay, useNow } from './time';
import type { CalendarView, Landing } from './VisitCalendar';
import type { VisitDetail } from '../../../shared/contract/visits';
import type { PlanDraft } from './VisitPlanForm';

/**
 * FullCalendar loads only when a calendar view is shown (the team week does not need it), and
 * the forms and drawers when first opened: the page's own chunk stays small.
 */
const VisitCalendar = lazy(async () => ({
  default: (await import('./VisitCalendar')).VisitCalendar,
}));
const DayRoute = lazy(async () => ({ default: (await import('./DayRoute')).DayRoute }));
const NewEventModal = lazy(async () => ({
  default: (await import('./EventModals')).NewEventModal,
}));
const EditVisitModal = lazy(async () => ({
  default: (await import('./EventModals')).EditVisitModal,
}));
const MeetingModal = lazy(async () => ({ default: (await import('./EventModals')).MeetingModal }));
const SummaryModal = lazy(async () => ({
  default: (await import('./SummaryModals')).SummaryModal,
}));
const LogVisitModal = lazy(async () => ({
  default: (await import('./SummaryModals')).LogVisitModal,
}));
const VisitDrawer = lazy(async () => ({ default: (await import('./VisitDrawer')).VisitDrawer }));
const PlanWeekDrawer = lazy(async () => ({
  default: (await import('./PlanWeekDrawer')).PlanWeekDrawer,
}));

type Mode = 'day' | 'week' | 'month' | 'agenda' | 'team';
const fcView: Record<Exclude<Mode, 'team'>, CalendarView> = {
  day: 'timeGridDay',
  week: 'timeGridWeek',
  month: 'dayGridMonth',
  agenda: 'listWeek',
};
const modes = ['day', 'week', 'month', 'agenda', 'team'] as const;

type Dialog =
  | { kind: 'new'; draft: PlanDraft }
  | { kind: 'visit'; id: string }
  | { kind: 'edit'; visit: VisitDetail }
  | { kind: 'summary'; id: string }
  | { kind: 'log'; draft?: PlanDraft }
  | { kind: 'meeting'; id: string }
  | { kind: 'route'; ownerId: string; day: string }
  | { kind: 'suggest' };

function isMode(value: string | null): value is Mode {
  return !!value && (modes as readonly string[]).includes(value);
}

/** A date range in the user's language: "2026年11月22日至28日" / "Nov 22 – 28, 2026". */
function rangeTitle(from: string, to: string, language: string): string {
  const date = (day: string) => {
    const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
    return new Date(y, m - 1, d);
  };
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).formatRange(date(from), date(to));
}

/**
 * The calendar (日程): visits and meetings by day, week, month or agenda, and for managers
 * the team's week (reps × days). Plan by clicking a slot, move by dragging, summarise after
 * the visit; plan vs actual of the visible week on top.
 */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const manager = me.role !== 'rep';
  const message = useErrorMessage();
  const today = localToday();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const requested = params.get('view');
  const [mode, setModeState] = useState<Mode>(
    isMode(requested) && (requested !== 'team' || manager) ? requested : manager ? 'team' : 'week',
  );
  const [lastView, setLastView] = useState<CalendarView>(
    mode === 'team' ? 'timeGridWeek' : fcView[mode],
  );
  const [anchor, setAnchor] = useState(() => {
    const date = params.get('date');
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today;
  });
  const [range, setRange] = useState<{ from: string; to: string; title: string } | null>(null);
  // A link may name the scope and the reps (?scope=all&reps=id,id): a rep's calendar from elsewhere.
  const [scope, setScope] = useState<Scope>(() => {
    const asked = params.get('scope');
    return manager && (scopes as readonly string[]).includes(asked ?? '')
      ? (asked as Scope)
      : defaultScope(me.role);
  });
  const [ownerIds, setOwnerIds] = useState<string[]>(() =>
    manager ? (params.get('reps')?.split(',').filter(Boolean) ?? []) : [],
  );
  const [colorBy, setColorBy] = useState<ColorBy>('purpose');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [routeOwner, setRouteOwner] = useState(me.id);
  const calendarRef = useRef<FullCalendar | null>(null);
  const firstDay = firstDayOfWeek(i18n.language);
  const who: Who = useMemo(() => ({ scope, ownerIds }), [scope, ownerIds]);

  const remember = useCallback(
    (next: { view?: Mode; date?: string }) =>
      setParams(
        (p) => {
          const copy = new URLSearchParams(p);
          if (next.view) copy.set('view', next.view);
          if (next.date) copy.set('date', next.date);
          return copy;
        },
        { replace: true },
      ),
    [setParams],
  );
  const setMode = (next: Mode) => {
    setModeState(next);
    remember({ view: next });
    if (next !== 'team') {
      setLastView(fcView[next]);
      calendarRef.current?.getApi().changeView(fcView[next], anchor);
    }
  };

  // The team table's week follows the language's first day; the calendar reports its own range.
  const teamDays = useMemo(() => {
    const start = weekStart(anchor, firstDay);
    return Array.from({ length: 7 }, (_, i) => addDaysTo(start, i));
  }, [anchor, firstDay]);
  const visible =
    mode === 'team'
      ? { from: teamDays[0] ?? anchor, to: teamDays[6] ?? anchor }
      : (range ?? { from: anchor, to: anchor });
  const title =
    mode === 'team' || !range ? rangeTitle(visible.from, visible.to, i18n.language) : range.title;

  // Plan vs actual counts ISO weeks: the one the visible range mostly covers.
  const weekDay =
    mode === 'day'
      ? visible.from
      : mode === 'month'
        ? visible.from <= today && today <= visible.to
          ? today
          : anchor
        : addDaysTo(visible.from, 3);
  const week = isoWeek(weekDay);
  const planWeek = isoWeekRange(week) ?? { from: visible.from, to: visible.to };

  const events = useApiQuery(
    'calendar.range',
    { from: visible.from, to: visible.to, ...whoInput(who), meetings: true, now },
    VISIT_TABLES,
    { enabled: mode !== 'team' && !!range, placeholderData: (previous) => previous },
  );
  const users = useApiQuery(
    'team.listUsers',
    scope === 'team' && me.teamId ? { teamId: me.teamId } : {},
    ['users', 'teams'],
    { enabled: manager && scope !== 'mine' },
  );

  // Past a few reps side by side a time grid's columns hold only "+N": point to the team week.
  const repsInView =
    ownerIds.length > 0
      ? ownerIds.length
      : (users.data?.filter((u) => u.role === 'rep' && u.active).length ?? 0);
  const manyReps = manager && scope !== 'mine' && repsInView > 3 ? repsInView : 0;

  const shift = (direction: -1 | 1) => {
    if (mode === 'team') {
      const next = addDaysTo(anchor, 7 * direction);
      setAnchor(next);
      remember({ date: next });
      return;
    }
    const api = calendarRef.current?.getApi();
    if (direction < 0) api?.prev();
    else api?.next();
  };
  const goToday = () => {
    setAnchor(today);
    remember({ date: today });
    calendarRef.current?.getApi().today();
  };

  const planDraft = (slot?: Partial<Landing>, ownerId?: string): PlanDraft => ({
    day: slot?.day ?? (today < visible.from ? visible.from : nextWorkingDay(today)),
    start: slot?.start ?? '09:00',
    end: slot?.end ?? '10:00',
    ownerId: ownerId ?? (ownerIds.length === 1 ? ownerIds[0] : me.id),
  });

  const open = (event: CalendarEvent) =>
    setDialog(
      event.type === 'visit' ? { kind: 'visit', id: event.id } : { kind: 'meeting', id: event.id },
    );

  const move = (event: CalendarEvent, to: Landing, revert: () => void) => {
    if (event.type !== 'visit') {
      revert();
      return;
    }
    const send = (allowOverlap: boolean) =>
      call('visits.move', {
        id: event.id,
        expectedUpdatedAt: event.updatedAt,
        ...to,
        // The calendar draws the visit at its own zone's wall time: it lands in that zone too.
        timeZone: event.timeZone,
        allowOverlap,
      }).then(
        () =>
          notifications.show({
            color: 'teal',
            message: t('calendar.moved_toast', { customer: event.customerName }),
          }),
        (error: unknown) => {
          if (isOverlap(error) && !allowOverlap) {
            modals.openConfirmModal({
              title: t('calendar.plan.overlapTitle'),
              children: <Text size="sm">{message(error)}</Text>,
              labels: { confirm: t('calendar.moveAnyway'), cancel: t('common.cancel') },
              confirmProps: { color: 'orange' },
              onConfirm: () => void send(true),
              onCancel: revert,
            });
            return;
          }
          revert();
          notifications.show({ color: 'red', message: message(error) });
        },
      );
    void send(false);
  };

  useHotkeys([['mod+shift+V', () => setDialog({ kind: 'new', draft: planDraft() })]]);

  const visitActions = {
    onSummarize: (v: { id: string }) => setDialog({ kind: 'summary', id: v.id }),
    onEdit: (v: VisitDetail) => setDialog({ kind: 'edit', visit: v }),
    onRoute: (v: { ownerId: string; day: string }) =>
      setDialog({ kind: 'route', ownerId: v.ownerId, day: v.day }),
  };

  const showRouteAside = mode === 'day';
  const routeDay = visible.from;
  const routeFor = ownerIds.length === 1 ? (ownerIds[0] ?? routeOwner) : routeOwner;

  return (
    <Stack gap="md" className="pc-page">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={2}>{t('calendar.title')}</Title>
          <Text c="dimmed" size="sm">
            {manager ? t('calendar.subtitleManager') : t('calendar.subtitle')}
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconListCheck size={16} />}
            onClick={() => setDialog({ kind: 'suggest' })}
          >
            {t('calendar.suggest.open')}
          </Button>
          <Button
            variant="default"
            leftSection={<IconClipboardPlus size={16} />}
            onClick={() => setDialog({ kind: 'log', draft: { ...justNow(), ownerId: me.id } })}
          >
            {t('calendar.log.open')}
          </Button>
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setDialog({ kind: 'new', draft: planDraft() })}
          >
            {t('calendar.plan.open')}
          </Button>
        </Group>
      </Group>

      <Paper withBorder radius="md" p="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('calendar.previous')}
              onClick={() => shift(-1)}
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
            <Button variant="default" onClick={goToday}>
              {t('calendar.today')}
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              aria-label={t('calendar.next')}
              onClick={() => shift(1)}
            >
              <IconChevronRight size={18} />
            </ActionIcon>
            <Text fw={650} size="lg" ml="xs" className="tabular" data-testid="calendar-title">
              {title}
            </Text>
          </Group>
          <SegmentedControl
            aria-label={t('calendar.viewLabel')}
            value={mode}
            onChange={(v) => setMode(v as Mode)}
            data={modes
              .filter((m) => m !== 'team' || manager)
              .map((m) => ({ value: m, label: t(`calendar.views.${m}`) }))}
          />
        </Group>
        {(manager || mode !== 'team') && (
          <Group gap="sm" mt="sm" wrap="wrap">
            {manager && (
              <>
                <ScopeSwitch
                  value={scope}
                  onChange={(s: Scope) => {
                    setScope(s);
                    setOwnerIds([]);
                  }}
                />
                {scope !== 'mine' && (
                  <MultiSelect
                    aria-label={t('calendar.reps')}
                    placeholder={ownerIds.length === 0 ? t('calendar.allReps') : undefined}
                    data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                    value={ownerIds}
                    onChange={setOwnerIds}
                    searchable
                    clearable
                    hidePickedOptions
                    maxDropdownHeight={280}
                    w={320}
                    size="sm"
                  />
                )}
              </>
            )}
            <Select
              aria-label={t('calendar.colorBy')}
              size="sm"
              w={200}
              allowDeselect={false}
              value={colorBy}
              onChange={(v) => v && setColorBy(v as ColorBy)}
              data={[
                { value: 'purpose', label: t('calendar.colorByPurpose') },
                { value: 'status', label: t('calendar.colorByStatus') },
              ]}
            />
          </Group>
        )}
      </Paper>

      <PlanVsActualBar
        week={week}
        from={planWeek.from}
        to={planWeek.to}
        who={who}
        withTable={manager}
      />

      {mode === 'team' ? (
        <TeamWeekTable
          days={teamDays}
          who={who}
          colorBy={colorBy}
          planWeek={planWeek}
          onOpenVisit={(id) => setDialog({ kind: 'visit', id })}
          onOpenMeeting={(id) => setDialog({ kind: 'meeting', id })}
          onOpenRoute={(ownerId, day) => setDialog({ kind: 'route', ownerId, day })}
          onPlan={(ownerId, day) => setDialog({ kind: 'new', draft: planDraft({ day }, ownerId) })}
        />
      ) : (
        <Grid gap="md">
          {manyReps > 0 && (mode === 'week' || mode === 'day') && (
            <Grid.Col span={12}>
              <Alert color="blue" variant="light" py="xs">
                <Group justify="space-between" gap="xs">
                  <Text size="sm">{t('calendar.team.manyReps', { count: manyReps })}</Text>
                  <Button size="xs" variant="light" onClick={() => setMode('team')}>
                    {t('calendar.team.openTeamWeek')}
                  </Button>
                </Group>
              </Alert>
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, lg: showRouteAside ? 8 : 12 }}>
            <Paper withBorder radius="md" p="xs" className="pc-calendar">
              {events.isError && (
                <Box mb="xs">
                  <ErrorState error={events.error} onRetry={() => void events.refetch()} />
                </Box>
              )}
              <Box h="calc(100vh - 330px)" mih={560}>
                <Suspense fallback={<PageLoader />}>
                  <VisitCalendar
                    calendarRef={calendarRef}
                    initialView={lastView}
                    initialDate={anchor}
                    events={events.data?.events ?? []}
                    colorBy={colorBy}
                    showOwner={scope !== 'mine'}
                    onRange={(r) => {
                      setRange({ from: r.from, to: r.to, title: r.title });
                      setAnchor(r.date);
                      remember({ date: r.date });
                      setModeState((m) => {
                        const reported = (Object.entries(fcView).find(
                          ([, v]) => v === r.view,
                        )?.[0] ?? m) as Mode;
                        return m === 'team' ? m : reported;
                      });
                    }}
                    onSelect={(slot) => setDialog({ kind: 'new', draft: planDraft(slot) })}
                    onOpen={open}
                    onMove={move}
                  />
                </Suspense>
              </Box>
              <CalendarLegend colorBy={colorBy} />
            </Paper>
          </Grid.Col>
          {showRouteAside && (
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <Paper withBorder radius="md" p="md">
                <Suspense fallback={<PageLoader />}>
                  <DayRoute
                    ownerId={routeFor}
                    day={routeDay}
                    onChange={(next) => {
                      setRouteOwner(next.ownerId);
                      if (ownerIds.length === 1) setOwnerIds([next.ownerId]);
                      if (next.day !== routeDay) calendarRef.current?.getApi().gotoDate(next.day);
                    }}
                    onOpenVisit={(v) => setDialog({ kind: 'visit', id: v.id })}
                  />
                </Suspense>
              </Paper>
            </Grid.Col>
          )}
        </Grid>
      )}

      <Suspense fallback={null}>
        {dialog?.kind === 'new' && (
          <NewEventModal draft={dialog.draft} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'visit' && (
          <VisitDrawer visitId={dialog.id} onClose={() => setDialog(null)} actions={visitActions} />
        )}
        {dialog?.kind === 'edit' && (
          <EditVisitModal visit={dialog.visit} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'summary' && (
          <SummaryModal visitId={dialog.id} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'log' && (
          <LogVisitModal draft={dialog.draft} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'meeting' && (
          <MeetingModal id={dialog.id} onClose={() => setDialog(null)} />
        )}
        {dialog?.kind === 'route' && (
          <Drawer
            opened
            onClose={() => setDialog(null)}
            position="right"
            size="md"
            withCloseButton
            closeButtonProps={{ 'aria-label': t('common.close') }}
          >
            <DayRoute
              ownerId={dialog.ownerId}
              day={dialog.day}
              onChange={(next) => setDialog({ kind: 'route', ...next })}
              onOpenVisit={(v) => setDialog({ kind: 'visit', id: v.id })}
            />
          </Drawer>
        )}
        {dialog?.kind === 'suggest' && (
          <PlanWeekDrawer
            from={planWeek.from}
            to={planWeek.to}
            initialOwnerId={ownerIds.length === 1 ? (ownerIds[0] ?? me.id) : me.id}
            onClose={() => setDialog(null)}
            onOpenPlan={(draft) => setDialog({ kind: 'new', draft })}
          />
        )}
      </Suspense>
    </Stack>
  );
}
