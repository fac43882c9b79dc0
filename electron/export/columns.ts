import type { MessageParams } from '../../shared/i18n/translate';
import type { Column, Format } from './workbook';

/**
 * What the weekly meeting pack (weeklyPack.ts) and the table exports (tables.ts) say alike:
 * the generated-at line under a title, a customer's grade, a deal's calibration flags.
 */

type Tr = (key: string, params?: MessageParams) => string;

const pad = (n: number) => String(n).padStart(2, '0');

/** A local wall time as `YYYY-MM-DD HH:mm`. */
export function localMinute(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The line under a sheet's title: "Generated 2026-11-23 08:00". */
export function generatedLine(t: Tr, now: Date): string {
  return t('exportPack.generatedAt', { at: localMinute(now) });
}

/** A customer grade in words (no grade: "ungraded"). */
export function gradeLabel(t: Tr, grade: string | null): string {
  return t(grade === null ? 'grades.ungraded' : `grades.${grade}`);
}

/** A deal's calibration flags (盈率校准). */
export type ScoreFlags = { overClaimed: boolean; stale: boolean; unscored: boolean };

/**
 * A deal's calibration flags in words, joined by `separator`, filled red when over-claimed and
 * amber for a stale or missing score.
 */
export function scoreFlagsColumn<R>(
  t: Tr,
  header: string,
  separator: string,
  flagsOf: (row: R) => ScoreFlags,
): Column<R> {
  return {
    header,
    format: 'text',
    value: (row) => {
      const f = flagsOf(row);
      const words: string[] = [];
      if (f.overClaimed) words.push(t('flags.overClaimed'));
      if (f.stale) words.push(t('flags.stale'));
      if (f.unscored) words.push(t('flags.unscored'));
      return words.length > 0 ? words.join(separator) : null;
    },
    status: (row) => {
      const f = flagsOf(row);
      return f.overClaimed ? 'bad' : f.stale || f.unscored ? 'warn' : null;
    },
  };
}

/** Count targets derived for a week or a custom range hold fractions (2.1 of 9): one decimal. */
export function targetFormat(format: Format): Format {
  return format === 'integer' ? 'decimal' : format;
}
