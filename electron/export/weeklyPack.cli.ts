import { existsSync } from 'node:fs';
import path from 'node:path';
import { weeklyPackInput, type WeeklyPackInput } from '../../shared/contract/exports';
import { ISO_WEEK_PATTERN, isoWeek, isoWeekRange } from '../../shared/domain/time';
import { translate } from '../../shared/i18n/translate';
import { localDate, openCurrentReadOnly, optionText, parseScope } from '../cli-args';
import { AppError } from '../core/errors';
import { wrapDrizzle } from '../db/connection';
import { getLocal } from '../db/local-state';
import { allowedPackScope } from '../features/reports/scope';
import { cliVisibility } from '../cli-user';
import { checkFolder, saveFileAtomically } from './save';
import { weeklyPack } from './weeklyPack';
import { buildWorkbook } from './workbook';

/** A usage mistake in `pacer export weekly` arguments: the CLI prints it with a pointer to --help. */
export class ExportArgError extends Error {}

/** The options `pacer export weekly` takes. */
export const exportOptions = {
  db: { type: 'string', description: 'the database file (opened read-only)' },
  week: { type: 'string', description: 'the ISO week, e.g. 2026-W47 (default: the current week)' },
  scope: { type: 'string', description: 'company (default) or team:<team id>' },
  lang: { type: 'string', description: 'zh-CN (default) or en: the workbook’s language' },
  today: {
    type: 'string',
    description: 'the day the pack is made on, YYYY-MM-DD (default: the local date)',
  },
  out: { type: 'string', description: 'the .xlsx file to write (its folder must exist)' },
  user: {
    type: 'string',
    description:
      'whose data scope the pack reads with, an id or a name (default: the file’s own user); another user’s password is asked for, or read from PACER_PASSWORD',
  },
} as const;

export type ExportCommand = {
  db: string;
  out: string;
  input: WeeklyPackInput;
  /** `--user`: whose data scope (docs/data-scope.md); the file's own user when absent. */
  user?: string | undefined;
};

/**
 * The arguments of `pacer export weekly --db F --week W [--scope …] [--lang …] [--today …]
 * --out FILE.xlsx`, checked with the contract's own schema; a mistake is an ExportArgError
 * naming the option.
 */
export function exportCommandInput(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
  now: Date = new Date(),
): ExportCommand {
  const [what, ...extra] = positionals;
  if (what !== 'weekly')
    throw new ExportArgError(
      what ? `unknown export "${what}": only weekly` : 'say what to export: pacer export weekly …',
    );
  if (extra.length > 0)
    throw new ExportArgError(`one export at a time (got ${positionals.join(' ')})`);
  const text = (key: keyof typeof exportOptions) => optionText(values, key);
  const db = text('db');
  if (!db) throw new ExportArgError('--db FILE is required');
  if (!existsSync(db)) throw new ExportArgError(`no database at ${db}`);
  const out = text('out');
  if (!out) throw new ExportArgError('--out FILE.xlsx is required');
  if (path.extname(out).toLowerCase() !== '.xlsx')
    throw new ExportArgError(`--out must name an .xlsx file, got "${out}"`);
  const today = text('today') ?? localDate(now);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`)))
    throw new ExportArgError(`--today must be a real date YYYY-MM-DD, got "${today}"`);
  const week = text('week') ?? isoWeek(today);
  if (!ISO_WEEK_PATTERN.test(week))
    throw new ExportArgError(`--week must be an ISO week like 2026-W47, got "${week}"`);
  if (isoWeekRange(week) === null)
    throw new ExportArgError(`--week ${week} does not exist (that year has fewer weeks)`);
  const scopeText = text('scope') ?? 'company';
  const scope: WeeklyPackInput['scope'] = parseScope(
    scopeText,
    ['team'],
    (message) => new ExportArgError(message),
  );
  const language = text('lang') ?? 'zh-CN';
  if (language !== 'zh-CN' && language !== 'en')
    throw new ExportArgError(`--lang must be zh-CN or en, got "${language}"`);
  const parsed = weeklyPackInput.safeParse({ week, scope, language, today });
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
    throw new ExportArgError(
      where === 'scope.id'
        ? `--scope needs a team id (a UUID), got "${scopeText}"`
        : where === 'today'
          ? `--today must be a real date YYYY-MM-DD (2000–2099), got "${today}"`
          : `invalid ${where || 'arguments'}`,
    );
  }
  return { db: path.resolve(db), out: path.resolve(out), input: parsed.data, user: text('user') };
}

/**
 * Builds the weekly meeting pack from a database file opened read-only (nothing is written to
 * it) and saves it atomically at `out`. Answers the exit code; problems the user can fix (an
 * unknown team, a missing or read-only folder, an old schema) are one line on `fail`.
 */
export async function runExportCommand(
  command: ExportCommand,
  print: (line: string) => void,
  fail: (line: string) => void,
  now: Date = new Date(),
): Promise<number> {
  const { db: file, out, user } = command;
  let input = command.input;
  try {
    checkFolder(path.dirname(out));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    fail(translate('en', error.key ?? '', error.params));
    return 1;
  }
  const sqlite = openCurrentReadOnly(file, fail);
  if (!sqlite) return 1;
  try {
    const db = wrapDrizzle(sqlite);
    const v = await cliVisibility(db, user, getLocal(sqlite, 'current_user_id'), fail);
    if (!v) return 1;
    input = { ...input, scope: allowedPackScope(v, input.scope) };
    const pack = weeklyPack(db, input, now);
    const { sheets, title } = await pack.build();
    const data = await buildWorkbook(sheets, { creator: 'Pacer', created: now, title });
    const { replaced } = saveFileAtomically(out, data);
    const figures = `${sheets.length} sheets, ${data.length.toLocaleString('en')} bytes`;
    print(`${out}: ${figures}${replaced ? ' (replaced the file that was there)' : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      if (error.code === 'not_found' && input.scope.type === 'team') {
        fail(`no team with id ${input.scope.id} (or it was deleted)`);
        return 1;
      }
      if (error.key?.startsWith('exports.errors.')) {
        fail(translate('en', error.key, error.params));
        return 1;
      }
    }
    throw error;
  } finally {
    sqlite.close();
  }
}
