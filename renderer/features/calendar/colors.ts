import type { MeetingKind, VisitPurpose, VisitStatus } from '../../../shared/domain/visits';
import type { CalendarEvent } from '../../../shared/contract/visits';

/** What the calendar colours events by. */
export type ColorBy = 'purpose' | 'status';

/** One Mantine colour per purpose: development cool, money green, trouble warm. */
export const purposeColors: Record<VisitPurpose, string> = {
  develop: 'indigo',
  info: 'cyan',
  collect: 'green',
  service: 'teal',
  problem: 'orange',
  order: 'grape',
  other: 'gray',
};

export const statusColors: Record<VisitStatus, string> = {
  planned: 'blue',
  done: 'teal',
  cancelled: 'gray',
  missed: 'red',
};

export const meetingColors: Record<MeetingKind, string> = {
  morning: 'yellow',
  weekly: 'yellow',
  monthly: 'yellow',
  quarterly: 'yellow',
  annual: 'yellow',
  coaching: 'pink',
};

/** The Mantine colour an event is drawn in. */
export function eventColor(event: CalendarEvent, by: ColorBy): string {
  if (event.type === 'meeting') return meetingColors[event.kind];
  return by === 'purpose' ? purposeColors[event.purpose] : statusColors[event.status];
}

/**
 * Light background, readable text and a strong accent, from Mantine's variables: they follow
 * the colour scheme, so the calendar matches in light and dark mode.
 */
export function eventPalette(color: string): { background: string; text: string; accent: string } {
  return {
    background: `var(--mantine-color-${color}-light)`,
    text: `var(--mantine-color-${color}-light-color)`,
    accent: `var(--mantine-color-${color}-filled)`,
  };
}
