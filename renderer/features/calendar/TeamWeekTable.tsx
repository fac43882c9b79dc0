import { Badge, Paper, Popover, ScrollArea, Skeleton, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconPlus, IconRoute, IconUsers } from '@tabler/icons-react';
import { memo, useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CoachingRow,
  MeetingEvent,
  PlanRow,
  VisitEvent,
} from '../../../shared/contract/visits';
import {
  visitPurposes,
  visitStatuses,
  type VisitPurpose,
  type VisitStatus,
} from '../../../shared/domain/visits';
import { useApiQuery } from '../../api/queries';
import { localToday } from '../../components/dates';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { eventColor, eventPalette, type ColorBy } from './colors';
import { formatRate, whoInput, type Who } from './PlanVsActual';
import { VISIT_TABLES } from './tables';
import { foreignZoneLabel, formatTime, isWeekend, useNow, zoneSuffix } from './time';

/** The words every chip's label uses, translated once per render rather than per chip. */
type ChipWords = {
  purpose: Record<VisitPurpose, string>;
  status: Record<VisitStatus, string>;
  conflict: string;
  summaryDue: string;
};

type RepRow = {
  id: string;
  name: string;
  teamName: string | null;
  coaching: CoachingRow | null;
  plan: PlanRow | null;
};

/** A day as the table's column head: "周一 11/23" / "Mon 11/23". */
function dayHead(day: string, language: string): { weekday: string; date: string } {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d);
  return {
    weekday: date.toLocaleDateString(language, { weekday: 'short' }),
    date: date.toLocaleDateString(language, { month: 'numeric', day: 'numeric' }),
  };
}

/**
 * The team calendar (reps × days of the week): each cell a rep's visits that day as compact
 * chips, empty working days marked, conflicts flagged, with each rep's plan vs actual and
 * coaching coverage (slide 43). A table rather than resource columns: those are premium in
 * FullCalendar (docs/decisions/0013).
 */
export function TeamWeekTable({
  days,
  who,
  colorBy,
  planWeek,
  onOpenVisit,
  onOpenMeeting,
  onOpenRoute,
  onPlan,
}: {
  days: string[];
  who: Who;
  colorBy: ColorBy;
  planWeek: { from: string; to: string };
  onOpenVisit: (id: string) => void;
  onOpenMeeting: (id: string) => void;
  onOpenRoute: (ownerId: string, day: string) => void;
  onPlan: (ownerId: string, day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const today = localToday();
  const from = days[0] ?? today;
  const to = days[days.length - 1] ?? today;
  const range = useApiQuery(
    'calendar.range',
    { from, to, ...whoInput(who), meetings: true, now },
    VISIT_TABLES,
    { placeholderData: (previous) => previous },
  );
  const coaching = useApiQuery('meetings.coaching', { scope: who.scope, today }, VISIT_TABLES);
  const plan = useApiQuery(
    'visits.planVsActual',
    { ...planWeek, ...whoInput(who), now },
    VISIT_TABLES,
    { placeholderData: (previous) => previous },
  );

  const { reps, cells, meetingsByRep } = useMemo(() => {
    const events = range.data?.events ?? [];
    const byRep = new Map<string, RepRow>();
    const add = (id: string, name: string, teamName: string | null) => {
      if (!byRep.has(id)) byRep.set(id, { id, name, teamName, coaching: null, plan: null });
      return byRep.get(id)!;
    };
    for (const c of coaching.data ?? []) add(c.repId, c.name, null).coaching = c;
    for (const p of plan.data?.rows ?? []) {
      const row = add(p.ownerId, p.name, p.teamName);
      row.plan = p;
      row.teamName = p.teamName;
    }
    const visits = new Map<string, VisitEvent[]>();
    const meetings = new Map<string, MeetingEvent[]>();
    for (const e of events) {
      if (e.type === 'visit') {
        add(e.ownerId, e.ownerName ?? '', null);
        const key = `${e.ownerId}|${e.day}`;
        (visits.get(key) ?? visits.set(key, []).get(key)!).push(e);
      } else {
        for (const id of e.attendeeIds) {
          const key = `${id}|${e.day}`;
          (meetings.get(key) ?? meetings.set(key, []).get(key)!).push(e);
        }
      }
    }
    for (const list of visits.values()) list.sort((a, b) => a.startAt.localeCompare(b.startAt));
    const picked = new Set(who.ownerIds);
    const rows = [...byRep.values()]
      .filter((r) => picked.size === 0 || picked.has(r.id))
      .sort((a, b) => a.name.localeCompare(b.name, i18n.language));
    return { reps: rows, cells: visits, meetingsByRep: meetings };
  }, [range.data, coaching.data, plan.data, who.ownerIds, i18n.language]);

  const words = useMemo<ChipWords>(
    () => ({
      purpose: Object.fromEntries(visitPurposes.map((p) => [p, t(`visitPurpose.${p}`)])) as Record<
        VisitPurpose,
        string
      >,
      status: Object.fromEntries(visitStatuses.map((s) => [s, t(`visitStatus.${s}`)])) as Record<
        VisitStatus,
        string
      >,
      conflict: t('calendar.markers.conflict'),
      summaryDue: t('calendar.markers.summaryDue'),
    }),
    [t],
  );

  if (range.isError) return <ErrorState error={range.error} onRetry={() => void range.refetch()} />;
  if (range.isPending)
    return (
      <Paper withBorder radius="md" p="md">
        <Skeleton height={28} mb="sm" />
        <Skeleton height={72} mb="xs" />
        <Skeleton height={72} mb="xs" />
        <Skeleton height={72} />
      </Paper>
    );
  if (reps.length === 0)
    return (
      <Paper withBorder radius="md">
        <EmptyState
          icon={<IconUsers />}
          title={t('calendar.team.emptyTitle')}
          text={t('calendar.team.emptyText')}
        />
      </Paper>
    );

  const visitCount = (range.data?.events ?? []).filter((e) => e.type === 'visit').length;
  const busyDays = new Set((range.data?.events ?? []).map((e) => e.day));
  const quietDays = new Set(days.filter((d) => isWeekend(d) && !busyDays.has(d)));
  return (
    <Paper withBorder radius="md" className="pc-team" data-visit-count={visitCount}>
      <ScrollArea type="auto">
        <table className="pc-team-table" aria-label={t('calendar.team.title')}>
          <thead>
            <tr>
              <th className="pc-team-rep" scope="col">
                {t('calendar.fields.rep')}
              </th>
              {days.map((day) => {
                const head = dayHead(day, i18n.language);
                return (
                  <th
                    key={day}
                    scope="col"
                    className={
                      [
                        day === today ? 'pc-team-today' : '',
                        // A weekend nobody works gives its width to the working days.
                        quietDays.has(day) ? 'pc-team-quiet' : '',
                      ].join(' ') || undefined
                    }
                    aria-label={`${head.weekday} ${head.date}`}
                  >
                    <span className="pc-team-weekday">{head.weekday}</span>{' '}
                    <span className="tabular">{head.date}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {reps.map((rep) => (
              <RepWeekRow
                key={rep.id}
                rep={rep}
                days={days}
                today={today}
                cells={cells}
                meetings={meetingsByRep}
                colorBy={colorBy}
                words={words}
                onOpenVisit={onOpenVisit}
                onOpenMeeting={onOpenMeeting}
                onOpenRoute={onOpenRoute}
                onPlan={onPlan}
              />
            ))}
          </tbody>
        </table>
      </ScrollArea>
    </Paper>
  );
}

const RepWeekRow = memo(function RepWeekRow({
  rep,
  days,
  today,
  cells,
  meetings,
  colorBy,
  words,
  onOpenVisit,
  onOpenMeeting,
  onOpenRoute,
  onPlan,
}: {
  rep: RepRow;
  days: string[];
  today: string;
  cells: Map<string, VisitEvent[]>;
  meetings: Map<string, MeetingEvent[]>;
  colorBy: ColorBy;
  words: ChipWords;
  onOpenVisit: (id: string) => void;
  onOpenMeeting: (id: string) => void;
  onOpenRoute: (ownerId: string, day: string) => void;
  onPlan: (ownerId: string, day: string) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <tr data-rep={rep.name}>
      <th scope="row" className="pc-team-rep">
        <Text size="sm" fw={600} lh={1.3}>
          {rep.name}
        </Text>
        {rep.plan && (
          <Tooltip
            label={t('calendar.team.planTooltip', {
              planned: rep.plan.planned,
              done: rep.plan.done,
              effective: rep.plan.effective,
            })}
            withArrow
          >
            <Text size="xs" c="dimmed" className="tabular" lh={1.4}>
              {t('calendar.team.planLine', {
                done: rep.plan.done,
                planned: rep.plan.planned,
                rate: formatRate(rep.plan.completionRate, i18n.language),
              })}
            </Text>
          </Tooltip>
        )}
        {rep.coaching && <CoachingBadge row={rep.coaching} />}
      </th>
      {days.map((day) => {
        const visits = cells.get(`${rep.id}|${day}`) ?? [];
        const dayMeetings = meetings.get(`${rep.id}|${day}`) ?? [];
        const empty = visits.length === 0 && !isWeekend(day);
        const conflicts = visits.some((v) => v.conflict);
        return (
          <td
            key={day}
            className={[
              'pc-team-cell',
              empty ? 'pc-team-empty' : '',
              day === today ? 'pc-team-today' : '',
              conflicts ? 'pc-team-conflict' : '',
            ].join(' ')}
            data-day={day}
          >
            <div className="pc-team-cell-tools">
              {visits.length > 0 && (
                <button
                  type="button"
                  className="pc-team-tool"
                  aria-label={t('calendar.team.routeOf', { name: rep.name, day })}
                  title={t('calendar.route.open')}
                  onClick={() => onOpenRoute(rep.id, day)}
                >
                  <IconRoute size={12} />
                </button>
              )}
              <button
                type="button"
                className="pc-team-tool"
                aria-label={t('calendar.team.planFor', { name: rep.name, day })}
                title={t('calendar.plan.open')}
                onClick={() => onPlan(rep.id, day)}
              >
                <IconPlus size={12} />
              </button>
            </div>
            {empty && dayMeetings.length === 0 && (
              <span className="pc-team-none">{t('calendar.team.noVisits')}</span>
            )}
            {shown(merge(visits, dayMeetings)).map((e) => (
              <EventChip
                key={e.id}
                event={e}
                colorBy={colorBy}
                onOpenVisit={onOpenVisit}
                onOpenMeeting={onOpenMeeting}
                words={words}
                language={i18n.language}
              />
            ))}
            {visits.length + dayMeetings.length > MAX_CHIPS && (
              <MoreChips
                events={merge(visits, dayMeetings)}
                label={t('calendar.team.moreOf', {
                  count: visits.length + dayMeetings.length,
                  name: rep.name,
                  day,
                })}
                more={t('calendar.team.more', {
                  count: visits.length + dayMeetings.length - (MAX_CHIPS - 1),
                })}
                colorBy={colorBy}
                words={words}
                language={i18n.language}
                onOpenVisit={onOpenVisit}
                onOpenMeeting={onOpenMeeting}
              />
            )}
          </td>
        );
      })}
    </tr>
  );
});

/** Chips a cell shows; beyond them a count opens the day's whole list (nothing covers a chip). */
const MAX_CHIPS = 6;
const shown = <T,>(events: T[]): T[] =>
  events.length > MAX_CHIPS ? events.slice(0, MAX_CHIPS - 1) : events;

/** "+N more" under a full cell: opens the rep's whole day as a list, names in full. */
function MoreChips({
  events,
  label,
  more,
  colorBy,
  words,
  language,
  onOpenVisit,
  onOpenMeeting,
}: {
  events: (VisitEvent | MeetingEvent)[];
  label: string;
  more: string;
  colorBy: ColorBy;
  words: ChipWords;
  language: string;
  onOpenVisit: (id: string) => void;
  onOpenMeeting: (id: string) => void;
}) {
  return (
    <Popover width={300} position="bottom-start" shadow="md" withinPortal>
      <Popover.Target>
        <button type="button" className="pc-team-more" aria-label={label}>
          {more}
        </button>
      </Popover.Target>
      <Popover.Dropdown aria-label={label} role="dialog">
        <Text size="xs" fw={600} mb={6}>
          {label}
        </Text>
        <div className="pc-team-more-list">
          {events.map((e) => (
            <EventChip
              key={e.id}
              event={e}
              colorBy={colorBy}
              onOpenVisit={onOpenVisit}
              onOpenMeeting={onOpenMeeting}
              words={words}
              language={language}
            />
          ))}
        </div>
      </Popover.Dropdown>
    </Popover>
  );
}

/** A cell's visits and meetings by start time. */
function merge(visits: VisitEvent[], meetings: MeetingEvent[]): (VisitEvent | MeetingEvent)[] {
  return meetings.length === 0
    ? visits
    : [...visits, ...meetings].sort((a, b) => a.startAt.localeCompare(b.startAt));
}

function chipStyle(color: string) {
  const p = eventPalette(color);
  return {
    '--pc-chip-bg': p.background,
    '--pc-chip-fg': p.text,
    '--pc-chip-accent': p.accent,
  } as CSSProperties;
}

/** One visit in a cell: plain markup (no hooks), as a team's week draws hundreds of them. */
/** A visit's or a meeting's chip, in a day cell and in its "more" list alike. */
function EventChip({
  event,
  onOpenVisit,
  onOpenMeeting,
  ...rest
}: {
  event: VisitEvent | MeetingEvent;
  colorBy: ColorBy;
  onOpenVisit: (id: string) => void;
  onOpenMeeting: (id: string) => void;
  words: ChipWords;
  language: string;
}) {
  return event.type === 'visit' ? (
    <VisitChip visit={event} onOpen={onOpenVisit} {...rest} />
  ) : (
    <MeetingChip
      meeting={event}
      onOpen={onOpenMeeting}
      colorBy={rest.colorBy}
      language={rest.language}
    />
  );
}

function MeetingChip({
  meeting: m,
  colorBy,
  onOpen,
  language,
}: {
  meeting: MeetingEvent;
  colorBy: ColorBy;
  onOpen: (id: string) => void;
  language: string;
}) {
  const time = formatTime(m.startAt, language, m.timeZone);
  return (
    <button
      type="button"
      className="pc-chip pc-chip-meeting"
      style={chipStyle(eventColor(m, colorBy))}
      onClick={() => onOpen(m.id)}
      title={`${time}${zoneSuffix(m.timeZone, m.startAt, language)} ${m.title}`}
    >
      <span className="pc-chip-time">{time}</span>
      <span className="pc-chip-title">{m.title}</span>
    </button>
  );
}

function VisitChip({
  visit: v,
  colorBy,
  onOpen,
  words,
  language,
}: {
  visit: VisitEvent;
  colorBy: ColorBy;
  onOpen: (id: string) => void;
  words: ChipWords;
  language: string;
}) {
  const time = formatTime(v.startAt, language, v.timeZone);
  const zone = foreignZoneLabel(v.timeZone, v.startAt, language);
  const label = [
    time,
    zone,
    v.customerName,
    words.purpose[v.purpose],
    words.status[v.status],
    v.conflict ? words.conflict : '',
    v.summaryDue ? words.summaryDue : '',
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <button
      type="button"
      className={`pc-chip pc-chip-${v.status}`}
      style={chipStyle(eventColor(v, colorBy))}
      onClick={() => onOpen(v.id)}
      title={label}
      aria-label={label}
      data-visit-id={v.id}
    >
      <span className="pc-chip-time">{time}</span>
      {zone && <span className="pc-ev-zone">{zone}</span>}
      <span className="pc-chip-title">{v.customerName}</span>
      {v.conflict && <IconAlertTriangle size={11} className="pc-chip-conflict" aria-hidden />}
      {v.summaryDue && <span className="pc-chip-due" aria-hidden />}
    </button>
  );
}

/** "Last coaching 11-12" when within two weeks; a warning when not (slide 43). */
function CoachingBadge({ row }: { row: CoachingRow }) {
  const { t, i18n } = useTranslation();
  const short = (day: string) => {
    const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
    return new Date(y, m - 1, d).toLocaleDateString(i18n.language, {
      month: 'numeric',
      day: 'numeric',
    });
  };
  const last = row.lastSession ? short(row.lastSession) : null;
  const next = row.nextSession ? short(row.nextSession) : null;
  const text = row.covered
    ? last
      ? t('calendar.coaching.last', { date: last })
      : t('calendar.coaching.next', { date: next ?? '' })
    : last
      ? t('calendar.coaching.overdue', { date: last })
      : t('calendar.coaching.never');
  return (
    <Badge
      size="xs"
      mt={4}
      radius="sm"
      variant="light"
      color={row.covered ? 'teal' : 'orange'}
      h="auto"
      py={2}
      styles={{
        label: { whiteSpace: 'normal', textTransform: 'none', fontWeight: 600, lineHeight: 1.3 },
      }}
      title={next ? t('calendar.coaching.nextHint', { date: next }) : undefined}
    >
      {text}
    </Badge>
  );
}
