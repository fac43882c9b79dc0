import type { CalendarImportError } from '../../../shared/contract/targets';

export type ParsedCalendarDay = { day: string; kind: 'holiday' | 'workday'; name: string | null };

/** Lines an import may hold: a calendar needs a few dozen a year. */
export const CALENDAR_IMPORT_MAX_LINES = 3000;
const NAME_MAX = 60;

/** Words for a day off and a day at work, in both languages (lower case). */
const kindWords: Record<string, 'holiday' | 'workday'> = {
  holiday: 'holiday',
  off: 'holiday',
  rest: 'holiday',
  休: 'holiday',
  假: 'holiday',
  休息: 'holiday',
  放假: 'holiday',
  假日: 'holiday',
  节假日: 'holiday',
  法定节假日: 'holiday',
  workday: 'workday',
  work: 'workday',
  working: 'workday',
  班: 'workday',
  上班: 'workday',
  补班: 'workday',
  工作日: 'workday',
  调休上班: 'workday',
};

const delimiters = /[\s,，;；|\t]+/;

/** A date typed as 2026-10-01, 2026/10/1, 2026.10.1, 2026年10月1日 or 20261001, if it exists (2000–2099). */
export function parseDay(text: string): string | null {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ??
    /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return null;
  if (y < 2000 || y > 2099) return null;
  return date.toISOString().slice(0, 10);
}

function unquote(token: string): string {
  return token.replace(/^["'“”‘’]+|["'“”‘’]+$/g, '').trim();
}

/**
 * Reads a typed or pasted calendar, one day a line — date, kind, optional name, separated by
 * spaces, tabs, commas or semicolons (a spreadsheet's CSV works). Blank lines, `#` comments
 * and a header row are skipped. Every bad line is reported with its number; a day listed
 * twice must say the same both times.
 */
export function parseCalendarText(text: string): {
  days: ParsedCalendarDay[];
  errors: CalendarImportError[];
} {
  const lines = text.split(/\r\n|\r|\n/);
  const days: ParsedCalendarDay[] = [];
  const errors: CalendarImportError[] = [];
  if (lines.length > CALENDAR_IMPORT_MAX_LINES) {
    errors.push({
      line: CALENDAR_IMPORT_MAX_LINES + 1,
      text: '',
      key: 'targets.calendar.errors.tooManyLines',
      message: `more than ${CALENDAR_IMPORT_MAX_LINES} lines`,
      params: { max: CALENDAR_IMPORT_MAX_LINES },
    });
    return { days, errors };
  }
  const seen = new Map<string, { line: number; kind: string; name: string | null }>();
  let sawContent = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
    const tokens = trimmed
      .split(delimiters)
      .map(unquote)
      .filter((t) => t !== '');
    if (tokens.length === 0) return;
    const first = tokens[0] ?? '';
    const isHeader = !sawContent && !/^\d/.test(first) && /date|day|日期/i.test(trimmed);
    sawContent = true;
    if (isHeader) return;
    const fail = (key: string, message: string, params?: Record<string, string | number>) =>
      errors.push({ line, text: trimmed, key, message, ...(params ? { params } : {}) });
    const day = parseDay(first);
    if (!day) {
      fail('targets.calendar.errors.date', `“${first}” is not a date (YYYY-MM-DD)`, {
        value: first,
      });
      return;
    }
    const word = (tokens[1] ?? '').toLowerCase();
    const kind = kindWords[word];
    if (!kind) {
      fail(
        'targets.calendar.errors.kind',
        word
          ? `“${tokens[1] ?? ''}” is neither holiday nor workday`
          : 'say holiday or workday after the date',
        { value: tokens[1] ?? '' },
      );
      return;
    }
    const name = tokens.slice(2).join(' ').trim() || null;
    if (name && name.length > NAME_MAX) {
      fail('targets.calendar.errors.nameTooLong', `name longer than ${NAME_MAX} characters`, {
        max: NAME_MAX,
      });
      return;
    }
    const before = seen.get(day);
    if (before) {
      if (before.kind !== kind || before.name !== name)
        fail('targets.calendar.errors.duplicate', `${day} is already on line ${before.line}`, {
          day,
          other: before.line,
        });
      return;
    }
    seen.set(day, { line, kind, name });
    days.push({ day, kind, name });
  });
  if (days.length === 0 && errors.length === 0)
    errors.push({
      line: 0,
      text: '',
      key: 'targets.calendar.errors.empty',
      message: 'no days in the text',
    });
  return { days, errors };
}
