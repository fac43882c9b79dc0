import { useEffect, useState } from 'react';
import { utcToZoned, zoneLabel, zoneOffsetMinutes } from '../../../shared/domain/time';
import { localToday } from '../../components/dates';

/** The user's IANA time zone: what visit times are entered in (shared/contract/visits.ts). */
export function userTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** A local `Date` as the contract's local day (YYYY-MM-DD). */
export function dayOf(date: Date): string {
  return localToday(date);
}

/** A local `Date` as the contract's local time (HH:mm, 24-hour). */
export function timeOf(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** `HH:mm` → minutes since midnight. */
export function minutesOf(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Minutes since midnight → `HH:mm` (clamped to the day). */
export function timeFromMinutes(minutes: number): string {
  const clamped = Math.max(0, Math.min(23 * 60 + 59, minutes));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(clamped / 60))}:${pad(clamped % 60)}`;
}

/**
 * "Now" for the calendar's queries (what summary-due counts from), to the minute: the query
 * keys stay stable between ticks, and a visit's summary falls due within a minute of its end.
 */
export function useNow(): string {
  const [now, setNow] = useState(() => minuteOf(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(minuteOf(new Date())), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function minuteOf(date: Date): string {
  const copy = new Date(date);
  copy.setSeconds(0, 0);
  return copy.toISOString();
}

/**
 * A time of day on the 24-hour clock the forms and the calendar use (09:30), with the
 * language's digits and separators; in `zone` when given (a visit's own zone, ADR 0013),
 * else the user's.
 */
export function formatTime(iso: string, language: string, zone?: string): string {
  return timeFormat(language, zone).format(new Date(iso));
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per language and zone: a team's week formats a thousand times per render. */
function timeFormat(language: string, zone?: string): Intl.DateTimeFormat {
  const key = `${language}|${zone ?? ''}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(zone ? { timeZone: zone } : {}),
    });
    timeFormats.set(key, format);
  }
  return format;
}

/** A time range on one day: 09:30–10:30 (in `zone` when given). */
export function formatTimeRange(
  startIso: string,
  endIso: string,
  language: string,
  zone?: string,
): string {
  return `${formatTime(startIso, language, zone)}–${formatTime(endIso, language, zone)}`;
}

/**
 * The one rule for visit times (ADR 0013): a visit is drawn and printed at the wall time of
 * the zone it was planned in, on its stored day, wherever the reader is. This is that wall
 * time as a floating local date-time (no offset), which the calendar places as is.
 */
export function wallDateTime(iso: string, zone: string): string {
  const { day, time } = utcToZoned(iso, zone);
  return `${day}T${time}:00`;
}

/** The zone's label when it is not the user's (null when it is: nothing to say). */
export function foreignZoneLabel(zone: string, iso: string, language: string): string | null {
  const at = Date.parse(iso);
  if (zone === userTimeZone()) return null;
  try {
    return zoneOffsetMinutes(zone, at) === zoneOffsetMinutes(userTimeZone(), at)
      ? null
      : zoneLabel(zone, iso, language);
  } catch {
    return zone;
  }
}

/** The days from `from` to `to` inclusive (YYYY-MM-DD). */
export function daysBetweenInclusive(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let at = Date.parse(`${from}T00:00:00Z`);
    at <= Date.parse(`${to}T00:00:00Z`);
    at += 86_400_000
  )
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
}

/** The next working day (Monday–Friday) after `day`. */
export function nextWorkingDay(day: string): string {
  let at = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  while ([0, 6].includes(new Date(at).getUTCDay())) at += 86_400_000;
  return new Date(at).toISOString().slice(0, 10);
}

/** Whether a day is Saturday or Sunday. */
export function isWeekend(day: string): boolean {
  return [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
}

/** An instant's local wall-clock time (HH:mm) in the user's zone. */
export function wallTimeOf(iso: string): string {
  return timeOf(new Date(iso));
}

/** An hour ending at the last full quarter before now: when a just-finished visit most likely was. */
export function justNow(): { day: string; start: string; end: string } {
  const now = new Date();
  const end = Math.max(60, Math.floor((now.getHours() * 60 + now.getMinutes()) / 15) * 15);
  return { day: localToday(now), start: timeFromMinutes(end - 60), end: timeFromMinutes(end) };
}

/** " (日本时间 GMT+9)" after a time in another zone than the user's; empty otherwise. */
export function zoneSuffix(zone: string, iso: string, language: string): string {
  const label = foreignZoneLabel(zone, iso, language);
  return label ? ` (${label})` : '';
}
