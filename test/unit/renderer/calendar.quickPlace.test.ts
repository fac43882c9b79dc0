import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../shared/contract/visits';
import { firstFreeSlot } from '../../../renderer/features/calendar/quickPlace';

/** A local wall time today as an ISO instant (the helper reads local hours, like the calendar). */
function at(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const d = new Date(2026, 10, 24, h, m);
  return d.toISOString();
}

function visit(owner: string, start: string, end: string, status = 'planned'): CalendarEvent {
  return {
    type: 'visit',
    id: `${owner}-${start}`,
    ownerId: owner,
    ownerName: null,
    customerId: 'c',
    customerName: 'C',
    customerGrade: null,
    day: '2026-11-24',
    startAt: at(start),
    endAt: at(end),
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    routeOrder: 0,
    area: null,
    purpose: 'service',
    planned: true,
    status: status as 'planned',
    effective: null,
    summaryDue: false,
    conflict: false,
    updatedAt: '',
  };
}

describe('plan the week: the first free hour of a day', () => {
  it('is 09:00 on an empty day', () => {
    expect(firstFreeSlot([], 'rep')).toEqual({ start: '09:00', end: '10:00' });
  });

  it('skips the rep’s visits and the meetings they attend, not others’ or cancelled ones', () => {
    const events: CalendarEvent[] = [
      visit('rep', '09:00', '10:15'),
      visit('other', '10:30', '11:30'),
      visit('rep', '11:30', '12:00', 'cancelled'),
      {
        type: 'meeting',
        id: 'm',
        kind: 'weekly',
        title: 'Weekly',
        organizerId: 'boss',
        organizerName: null,
        teamId: null,
        attendeeIds: ['rep'],
        day: '2026-11-24',
        startAt: at('10:30'),
        endAt: at('11:15'),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        location: null,
        updatedAt: '',
      },
    ];
    expect(firstFreeSlot(events, 'rep')).toEqual({ start: '11:30', end: '12:30' });
  });

  it('starts no earlier than asked (today: after now), on the half hour', () => {
    expect(firstFreeSlot([], 'rep', 60, 14 * 60 + 10)).toEqual({ start: '14:30', end: '15:30' });
  });

  it('is null when no hour is free before 18:00', () => {
    expect(firstFreeSlot([visit('rep', '09:00', '17:30')], 'rep')).toBeNull();
  });
});
