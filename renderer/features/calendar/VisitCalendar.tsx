import type {
  DateSelectArg,
  DatesSetArg,
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
} from '@fullcalendar/core';
import zhCn from '@fullcalendar/core/locales/zh-cn';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type EventResizeDoneArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconPencilExclamation,
  IconUsers,
} from '@tabler/icons-react';
import { useMemo, type CSSProperties, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarEvent } from '../../../shared/contract/visits';
import { firstDayOfWeek } from '../../../shared/domain/time';
import { eventColor, eventPalette, type ColorBy } from './colors';
import { dayOf, foreignZoneLabel, timeOf, wallDateTime } from './time';

export const calendarViews = ['timeGridDay', 'timeGridWeek', 'dayGridMonth', 'listWeek'] as const;
export type CalendarView = (typeof calendarViews)[number];

/** Where a dragged or resized event lands, in the contract's local terms. */
export type Landing = { day: string; start: string; end: string };

const plugins = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin];
const HOUR = 3_600_000;

function sameDay(a: Date, b: Date): boolean {
  return dayOf(a) === dayOf(b);
}

/** A drop or resize as the contract's move, or null when it would cross midnight. */
function landing(start: Date | null, end: Date | null): Landing | null {
  if (!start) return null;
  const until = end ?? new Date(start.getTime() + HOUR);
  // End exactly at midnight is the end of the day before, which the contract cannot express.
  if (!sameDay(start, new Date(until.getTime() - 1)) || !sameDay(start, until)) return null;
  return { day: dayOf(start), start: timeOf(start), end: timeOf(until) };
}

/**
 * The calendar itself (FullCalendar 6, MIT packages): day, week, month and agenda views in the
 * user's language and week convention, slot selection to plan, drag to move and resize to
 * change a planned visit's time. Everything it draws inside an event is ours (eventContent),
 * coloured from Mantine's variables so light and dark mode match the app.
 */
export function VisitCalendar({
  calendarRef,
  initialView,
  initialDate,
  events,
  colorBy,
  showOwner,
  onRange,
  onSelect,
  onOpen,
  onMove,
}: {
  calendarRef: RefObject<FullCalendar | null>;
  initialView: CalendarView;
  initialDate: string;
  events: CalendarEvent[];
  colorBy: ColorBy;
  showOwner: boolean;
  onRange: (range: {
    from: string;
    to: string;
    title: string;
    view: CalendarView;
    date: string;
  }) => void;
  onSelect: (slot: Landing) => void;
  onOpen: (event: CalendarEvent) => void;
  onMove: (event: CalendarEvent, to: Landing, revert: () => void) => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const inputs = useMemo<EventInput[]>(
    () =>
      events.map((e) => ({
        id: `${e.type}:${e.id}`,
        title: e.type === 'visit' ? e.customerName : e.title,
        // Each event at its own zone's wall time on its stored day (ADR 0013), wherever the
        // laptop is: a floating date-time the calendar places as is.
        start: wallDateTime(e.startAt, e.timeZone),
        end: wallDateTime(e.endAt, e.timeZone),
        editable: e.type === 'visit' && e.status === 'planned',
        classNames: [
          `pc-ev-${e.type}`,
          ...(e.type === 'visit'
            ? [
                `pc-ev-${e.status}`,
                e.conflict ? 'pc-ev-conflict' : '',
                e.summaryDue ? 'pc-ev-due' : '',
              ]
            : []),
        ].filter(Boolean),
        extendedProps: { source: e },
      })),
    [events],
  );

  const content = (arg: EventContentArg) => {
    const e = arg.event.extendedProps.source as CalendarEvent | undefined;
    // The selection's mirror (a slot being picked) has no event behind it.
    if (!e)
      return (
        <div className="pc-ev pc-ev-selecting">
          <span className="pc-ev-time">{arg.timeText}</span>
        </div>
      );
    const p = eventPalette(eventColor(e, colorBy));
    const style = {
      '--pc-chip-bg': p.background,
      '--pc-chip-fg': p.text,
      '--pc-chip-accent': p.accent,
    } as CSSProperties;
    const list = arg.view.type.startsWith('list');
    const markers =
      e.type === 'visit' ? (
        <>
          {e.conflict && (
            <IconAlertTriangle
              size={12}
              className="pc-ev-mark pc-ev-mark-conflict"
              aria-label={t('calendar.markers.conflict')}
            />
          )}
          {e.summaryDue && (
            <IconPencilExclamation
              size={12}
              className="pc-ev-mark pc-ev-mark-due"
              aria-label={t('calendar.markers.summaryDue')}
            />
          )}
          {e.status === 'done' && e.effective && (
            <IconCircleCheck
              size={12}
              className="pc-ev-mark"
              aria-label={t('calendar.markers.effective')}
            />
          )}
        </>
      ) : (
        <IconUsers size={12} className="pc-ev-mark" aria-hidden />
      );
    const zone = foreignZoneLabel(e.timeZone, e.startAt, i18n.language);
    const sub =
      e.type === 'visit'
        ? [showOwner ? e.ownerName : null, t(`visitPurpose.${e.purpose}`), e.area]
            .filter(Boolean)
            .join(' · ')
        : t(`meetingKind.${e.kind}`);
    const label =
      e.type === 'visit'
        ? [
            arg.timeText,
            zone,
            e.customerName,
            e.ownerName,
            t(`visitPurpose.${e.purpose}`),
            t(`visitStatus.${e.status}`),
            e.conflict ? t('calendar.markers.conflict') : null,
            e.summaryDue ? t('calendar.markers.summaryDue') : null,
          ]
            .filter(Boolean)
            .join(' · ')
        : [arg.timeText, zone, e.title, t(`meetingKind.${e.kind}`)].filter(Boolean).join(' · ');
    if (list)
      return (
        <div className="pc-ev-list" style={style} aria-label={label} data-event-id={e.id}>
          <span className="pc-ev-dot" />
          <span className="pc-ev-title">{arg.event.title}</span>
          {zone && <span className="pc-ev-zone">{zone}</span>}
          <span className="pc-ev-sub">{sub}</span>
          {markers}
        </div>
      );
    return (
      <div className="pc-ev" style={style} aria-label={label} title={label} data-event-id={e.id}>
        <div className="pc-ev-head">
          <span className="pc-ev-time">{arg.timeText}</span>
          {zone && <span className="pc-ev-zone">{zone}</span>}
          {markers}
        </div>
        <div className="pc-ev-title">{arg.event.title}</div>
        <div className="pc-ev-sub">{sub}</div>
      </div>
    );
  };

  const select = (arg: DateSelectArg) => {
    arg.view.calendar.unselect();
    if (arg.allDay) {
      onSelect({ day: dayOf(arg.start), start: '09:00', end: '10:00' });
      return;
    }
    // A click selects one slot; a visit lasts an hour unless a longer range was dragged.
    const end =
      arg.end.getTime() - arg.start.getTime() <= 30 * 60_000
        ? new Date(Math.min(arg.start.getTime() + HOUR, new Date(arg.start).setHours(23, 59, 0, 0)))
        : arg.end;
    onSelect(
      landing(arg.start, end) ?? { day: dayOf(arg.start), start: timeOf(arg.start), end: '23:59' },
    );
  };

  const change = (arg: EventDropArg | EventResizeDoneArg) => {
    const e = arg.event.extendedProps.source as CalendarEvent;
    const to = landing(arg.event.start, arg.event.end);
    if (!to) {
      arg.revert();
      return;
    }
    onMove(e, to, arg.revert);
  };

  return (
    <FullCalendar
      ref={calendarRef}
      plugins={plugins}
      initialView={initialView}
      initialDate={initialDate}
      headerToolbar={false}
      locale={zh ? zhCn : 'en'}
      firstDay={firstDayOfWeek(i18n.language)}
      timeZone="local"
      height="100%"
      events={inputs}
      eventContent={content}
      eventClick={(arg: EventClickArg) => {
        arg.jsEvent.preventDefault();
        onOpen(arg.event.extendedProps.source as CalendarEvent);
      }}
      datesSet={(arg: DatesSetArg) => {
        const range = {
          from: dayOf(arg.start),
          to: dayOf(new Date(arg.end.getTime() - 1)),
          title: arg.view.title,
          view: arg.view.type as CalendarView,
          date: dayOf(arg.view.calendar.getDate()),
        };
        // FullCalendar reports its first range while React renders it: tell the page after.
        queueMicrotask(() => onRange(range));
      }}
      selectable
      selectMirror
      select={select}
      selectAllow={(span) => span.allDay || sameDay(span.start, new Date(span.end.getTime() - 1))}
      editable
      eventDurationEditable
      eventStartEditable
      eventDrop={change}
      eventResize={change}
      eventDisplay="block"
      slotEventOverlap={false}
      allDaySlot={false}
      slotMinTime="07:00:00"
      slotMaxTime="21:00:00"
      scrollTime="07:30:00"
      slotDuration="00:30:00"
      snapDuration="00:15:00"
      nowIndicator
      dayMaxEvents
      navLinks
      weekNumbers={false}
      businessHours={{ daysOfWeek: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '18:00' }}
      slotLabelFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hour12: false }}
      views={{
        timeGrid: {
          // A team's week stacks many visits at the same hour: three abreast, then "+N more".
          eventMaxStack: 3,
          dayHeaderFormat: { weekday: 'short', month: 'numeric', day: 'numeric', omitCommas: true },
        },
        dayGridMonth: { dayHeaderFormat: { weekday: 'short' } },
      }}
      listDayFormat={{ weekday: 'long', month: 'long', day: 'numeric' }}
      listDaySideFormat={false}
      noEventsContent={t('calendar.noEvents')}
      moreLinkContent={(arg) => t('calendar.more', { count: arg.num })}
      fixedWeekCount={false}
    />
  );
}
