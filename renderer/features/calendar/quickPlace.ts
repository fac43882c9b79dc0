import type { CalendarEvent } from '../../../shared/contract/visits';
import { call } from '../../api/client';
import { timeFromMinutes } from './time';

/** The working day a one-click suggestion fills: 09:00 to 18:00, in 30-minute steps. */
const DAY_START = 9 * 60;
const DAY_END = 18 * 60;
const STEP = 30;

function localMinutes(iso: string): number {
  const d = new Date(iso);
  return d.getHours() * 60 + d.getMinutes();
}

/**
 * The first free slot of `length` minutes in a rep's day, between their visits (not the
 * cancelled ones) and the meetings they attend; null when the day is full.
 */
export function firstFreeSlot(
  events: CalendarEvent[],
  ownerId: string,
  length = 60,
  notBefore = DAY_START,
): { start: string; end: string } | null {
  const busy = events
    .filter((e) =>
      e.type === 'visit'
        ? e.ownerId === ownerId && e.status !== 'cancelled'
        : e.attendeeIds.includes(ownerId) || e.organizerId === ownerId,
    )
    .map((e) => [localMinutes(e.startAt), localMinutes(e.endAt)] as const);
  const first = Math.max(DAY_START, Math.ceil(notBefore / STEP) * STEP);
  for (let start = first; start + length <= DAY_END; start += STEP) {
    const end = start + length;
    if (busy.every(([s, e]) => end <= s || start >= e))
      return { start: timeFromMinutes(start), end: timeFromMinutes(end) };
  }
  return null;
}

/** Loads a rep's day and finds its first free hour (today: not before now). */
export async function nextFreeSlot(
  ownerId: string,
  day: string,
  now: string,
  today: string,
): Promise<{ start: string; end: string } | null> {
  const { events } = await call('calendar.range', {
    from: day,
    to: day,
    scope: 'all',
    ownerIds: [ownerId],
    meetings: true,
    now,
  });
  const notBefore = day === today ? localMinutes(new Date().toISOString()) : DAY_START;
  return firstFreeSlot(events, ownerId, 60, notBefore);
}
