/**
 * Wall-clock times in a time zone ↔ UTC instants, and ISO weeks. Visits are entered as a
 * local day and local times in the rep's time zone; they are stored as UTC instants plus the
 * local day (domain.md §5), so a DST change or a viewer in another zone never moves them.
 */

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs about 0.1 ms, formatting with one a few µs: keep
// one per zone (a user works in a handful), so saving a visit stays well under budget.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, format);
  }
  return format;
}

/** Offset (minutes east of UTC) of `zone` at the UTC instant `ms`. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const parts = formatIn(zone).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

export type ZonedResult =
  | { kind: 'ok'; iso: string }
  /** The wall-clock time is skipped by a DST change (e.g. 02:30 when clocks jump to 03:00). */
  | { kind: 'gap' };

/**
 * The UTC instant of a local day and time (`HH:mm`) in `zone`. A time repeated by a DST
 * change (autumn) resolves to its first occurrence; a time skipped by one (spring) is a gap.
 */
export function zonedToUtc(day: string, time: string, zone: string): ZonedResult {
  const [y = 0, mo = 1, d = 1] = day.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Try the offsets in force around that wall time; keep those that map back exactly.
  const candidates = new Set([
    zoneOffsetMinutes(zone, wall - DAY_MS / 2),
    zoneOffsetMinutes(zone, wall),
    zoneOffsetMinutes(zone, wall + DAY_MS / 2),
  ]);
  const hits = [...candidates]
    .map((offset) => wall - offset * 60_000)
    .filter((ms) => {
      const local = utcToZoned(ms, zone);
      return local.time === time && local.day === day;
    })
    .sort((a, b) => a - b);
  const first = hits[0];
  if (first === undefined) return { kind: 'gap' };
  return { kind: 'ok', iso: new Date(first).toISOString() };
}

/** The local day (YYYY-MM-DD) and time (HH:mm) of a UTC instant in `zone`. */
export function utcToZoned(ms: number | string, zone: string): { day: string; time: string } {
  const at = typeof ms === 'string' ? Date.parse(ms) : ms;
  const local = new Date(at + zoneOffsetMinutes(zone, at) * 60_000).toISOString();
  return { day: local.slice(0, 10), time: local.slice(11, 16) };
}

/** `HH:mm` on a 24-hour clock. */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function addDaysTo(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: string): number {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd === 0 ? 7 : wd;
}

/** The ISO week of a day, as `YYYY-Www` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(day: string): string {
  const thursday = addDaysTo(day, 4 - isoWeekday(day));
  const year = Number(thursday.slice(0, 4));
  const jan1 = Date.parse(`${year}-01-01T00:00:00Z`);
  const week = Math.floor((Date.parse(`${thursday}T00:00:00Z`) - jan1) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const ISO_WEEK_PATTERN = /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/;

/** Monday and Sunday of an ISO week `YYYY-Www`; null when the week does not exist that year. */
export function isoWeekRange(week: string): { from: string; to: string } | null {
  if (!ISO_WEEK_PATTERN.test(week)) return null;
  const year = Number(week.slice(0, 4));
  const n = Number(week.slice(6));
  // The Monday of week 1 is the Monday on or before 4 January.
  const jan4 = `${year}-01-04`;
  const monday1 = addDaysTo(jan4, 1 - isoWeekday(jan4));
  const from = addDaysTo(monday1, (n - 1) * 7);
  if (isoWeek(from) !== week) return null;
  return { from, to: addDaysTo(from, 6) };
}

/** The first day of the week in a language's convention: Monday for zh-CN, Sunday for en. */
export function firstDayOfWeek(language: string): 0 | 1 {
  return language.toLowerCase().startsWith('zh') ? 1 : 0;
}

/** The first day of the week holding `day`, in a convention (0 Sunday, 1 Monday). */
export function weekStart(day: string, firstDay: 0 | 1): string {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDaysTo(day, -((wd - firstDay + 7) % 7));
}

/**
 * A zone as people name it, with its offset at an instant: "日本时间 GMT+9", "Japan Time GMT+9".
 * Shown beside a visit's times where its zone is not the reader's (ADR 0013).
 */
export function zoneLabel(zone: string, at: string | number, language: string): string {
  const part = (timeZoneName: 'shortGeneric' | 'shortOffset') =>
    new Intl.DateTimeFormat(language, { timeZone: zone, timeZoneName })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const name = part('shortGeneric');
  const offset = part('shortOffset');
  return name && name !== offset ? `${name} ${offset}` : offset || zone;
}
