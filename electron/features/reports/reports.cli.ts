import {
  fixedPeriodKinds,
  reportInput,
  reportNames,
  type ReportInput,
  type ReportName,
} from '../../../shared/contract/reports';
import { periodKinds } from '../../../shared/domain/periods';
import { localDate, openCurrentReadOnly, optionText, parseScope } from '../../cli-args';
import { AppError } from '../../core/errors';
import { wrapDrizzle } from '../../db/connection';
import { getLocal } from '../../db/local-state';
import { cliVisibility } from '../../cli-user';
import { runReport } from './run';
import { allowedReportScope } from './scope';

/** A usage mistake in `pacer report` arguments: the CLI prints it with a pointer to --help. */
export class ReportArgError extends Error {}

/** The options `pacer report` takes (besides --db). */
export const reportOptions = {
  period: {
    type: 'string',
    description: 'week, month (default), quarter, year or custom (then --from and --to)',
  },
  date: {
    type: 'string',
    description: 'a day in the period, YYYY-MM-DD (default: --today)',
  },
  from: { type: 'string', description: 'first day of a custom period, YYYY-MM-DD' },
  to: { type: 'string', description: 'last day of a custom period, YYYY-MM-DD' },
  scope: {
    type: 'string',
    description: 'company (default), team:<team id> or rep:<user id>',
  },
  today: {
    type: 'string',
    description: 'the day the report is run on, YYYY-MM-DD (default: the local date)',
  },
  json: { type: 'boolean', description: 'print the report as JSON (the only output format)' },
  user: {
    type: 'string',
    description:
      'whose data scope the report reads with, an id or a name (default: the file’s own user); another user’s password is asked for, or read from PACER_PASSWORD',
  },
} as const;

/**
 * The `reports.run` input of `pacer report NAME [options]`, checked by the contract's own
 * schema; a mistake is a ReportArgError naming the option.
 */
export function reportCommandInput(
  values: Record<string, string | boolean | undefined>,
  positionals: string[],
  now: Date = new Date(),
): ReportInput {
  const [name, ...extra] = positionals;
  const valid = reportNames.join(', ');
  if (!name) throw new ReportArgError(`say which report: one of ${valid}`);
  if (!(reportNames as readonly string[]).includes(name))
    throw new ReportArgError(`unknown report "${name}": one of ${valid}`);
  if (extra.length > 0)
    throw new ReportArgError(`one report at a time (got ${positionals.join(' ')})`);
  const text = (key: keyof typeof reportOptions) => optionText(values, key);
  const today = text('today') ?? localDate(now);
  const kind = text('period') ?? 'month';
  if (!(periodKinds as readonly string[]).includes(kind))
    throw new ReportArgError(`--period must be one of ${periodKinds.join(', ')}, got "${kind}"`);
  let period: unknown;
  if (kind === 'custom') {
    if (!text('from') || !text('to'))
      throw new ReportArgError('--period custom needs --from and --to (YYYY-MM-DD)');
    if (text('date')) throw new ReportArgError('--date does not go with --period custom');
    period = { kind, from: text('from'), to: text('to') };
  } else {
    if (text('from') || text('to'))
      throw new ReportArgError(`--from and --to go with --period custom, not ${kind}`);
    period = { kind: kind as (typeof fixedPeriodKinds)[number], date: text('date') ?? today };
  }
  const parsed = reportInput.safeParse({
    report: name as ReportName,
    period,
    scope: parseScope(
      text('scope') ?? 'company',
      ['team', 'rep'],
      (message) => new ReportArgError(message),
    ),
    today,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    const option: Record<string, string> = {
      'period.date': '--date',
      'period.from': '--from',
      'period.to': '--to',
      'scope.id': '--scope',
      today: '--today',
    };
    const what =
      issue?.message === 'validation.range' && path === 'period.to'
        ? 'must not be before --from, and the period at most 3660 days'
        : 'must be a real date YYYY-MM-DD (2000–2099)';
    throw new ReportArgError(
      path === 'scope.id'
        ? `--scope needs a team or user id (a UUID), got "${text('scope') ?? ''}"`
        : `${option[path] ?? path} ${what}`,
    );
  }
  return parsed.data;
}

/**
 * Runs a report on a database file opened read-only (nothing is written, nothing migrated)
 * and prints it as JSON. A file at an older schema is refused: the app upgrades it on open.
 * `--user` other than the file's own user takes that person's password (electron/cli-user.ts).
 * Answers the exit code.
 */
export async function runReportCommand(
  file: string,
  input: ReportInput,
  print: (line: string) => void,
  fail: (line: string) => void,
  user?: string,
): Promise<number> {
  const sqlite = openCurrentReadOnly(file, fail);
  if (!sqlite) return 1;
  try {
    const db = wrapDrizzle(sqlite);
    const v = await cliVisibility(db, user, getLocal(sqlite, 'current_user_id'), fail);
    if (!v) return 1;
    const scope = allowedReportScope(v, input.scope);
    print(JSON.stringify(runReport(db, { ...input, scope }), null, 2));
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      fail(
        `no ${input.scope.type === 'team' ? 'team' : 'person'} with id ${'id' in input.scope ? input.scope.id : ''}`,
      );
      return 1;
    }
    throw error;
  } finally {
    sqlite.close();
  }
}
