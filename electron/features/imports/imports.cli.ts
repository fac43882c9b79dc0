import {
  importFields,
  type DuplicateChoice,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
} from '../../../shared/contract/imports';
import { translate } from '../../../shared/i18n/translate';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { normalizeHeader } from './guess';
import { columnLetter, commitJob, fitMapping, openSession, previewJob, runJob } from './service';
import type { ImportSession } from './cache';

/** A message of the English catalogue with its params filled in (the CLI speaks English). */
export function englishMessage(key: string, params: Record<string, string | number> = {}): string {
  const field = params.field;
  const filled =
    typeof field === 'string' && isField(field)
      ? { ...params, field: translate('en', `imports.fields.${field}`) }
      : params;
  return translate('en', key, filled);
}

function isField(value: string): value is ImportField {
  return (importFields as readonly string[]).includes(value);
}

/** A usage mistake in `--map`: the CLI prints it with a pointer to --help. */
export class MapError extends Error {}

/**
 * `--map` on top of the guess: a JSON object from a header (or a column letter) to a field
 * name, or null to leave the column out. A field given here is taken from any column the
 * guess had given it to.
 */
export function applyMapOption(session: ImportSession, json: string): ImportMapping {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new MapError(
      `--map is not JSON: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new MapError('--map must be a JSON object such as {"客户名称":"name"}');
  const mapping = [...fitMapping(session, undefined)];
  const letters = session.headers.map((_, i) => columnLetter(i));
  // Object.entries reads own keys only; a "__proto__" key from JSON.parse is just a key here.
  for (const [key, value] of Object.entries(parsed)) {
    let column = session.headers.findIndex((h) => h === key.trim());
    if (column < 0)
      column = session.headers.findIndex(
        (h) => normalizeHeader(h) !== '' && normalizeHeader(h) === normalizeHeader(key),
      );
    if (column < 0) column = letters.indexOf(key.trim().toUpperCase());
    if (column < 0)
      throw new MapError(
        `--map: the file has no column "${key}" (headers: ${session.headers.join(', ')})`,
      );
    if (value !== null && value !== 'ignore' && (typeof value !== 'string' || !isField(value))) {
      throw new MapError(
        `--map: "${String(value)}" is not a field (use one of ${importFields.join(', ')}, or null)`,
      );
    }
    const field = value === null || value === 'ignore' ? null : value;
    if (field) mapping.forEach((f, i) => (f === field ? (mapping[i] = null) : undefined));
    mapping[column] = field;
  }
  return mapping;
}

const SHOWN_ISSUES = 20;

function describePreview(preview: ImportPreview, print: (line: string) => void): void {
  const { counts } = preview;
  print(
    `${preview.fileName}, sheet "${preview.sheetName}": ${counts.rows.toLocaleString('en')} rows (headers in row ${preview.headerRow})`,
  );
  print(
    `columns: ${preview.columns
      .map((c, i) => {
        const field = preview.mapping[i];
        return `${c.letter} ${c.header || '(no header)'} → ${field ?? '(not imported)'}`;
      })
      .join('; ')}`,
  );
  for (const issue of preview.mappingIssues)
    print(`mapping: ${englishMessage(issue.key, issue.params)}`);
  if (preview.mappingIssues.length > 0) return;
  print(
    `ready ${counts.valid.toLocaleString('en')} (already customers ${counts.existing.toLocaleString('en')}), with problems ${counts.invalid.toLocaleString('en')}, blank ${counts.blank.toLocaleString('en')}`,
  );
  for (const issue of preview.issues.slice(0, SHOWN_ISSUES)) {
    const field = issue.field ? englishMessage(`imports.fields.${issue.field}`) : '';
    print(`  row ${issue.row}  ${field}: ${englishMessage(issue.key, issue.params)}`);
  }
  if (counts.issues > SHOWN_ISSUES)
    print(`  … and ${(counts.issues - SHOWN_ISSUES).toLocaleString('en')} more`);
}

export type ImportCommandOptions = {
  fileName: string;
  bytes: Uint8Array;
  map?: string;
  dryRun: boolean;
  onDuplicate: DuplicateChoice;
};

/**
 * `pacer import customers`: the wizard's steps without the window. Prints the mapping,
 * the counts and the first problems; imports the valid rows unless `dryRun`. Returns the
 * exit code: 0 done, 1 when the file or the mapping cannot be imported.
 */
export function runImportCommand(
  ctx: AppContext,
  options: ImportCommandOptions,
  print: (line: string) => void,
): number {
  let session: ImportSession;
  try {
    session = openSession(ctx, options.fileName, options.bytes);
  } catch (error) {
    if (error instanceof AppError && error.key)
      throw new Error(englishMessage(error.key, error.params), { cause: error });
    throw error;
  }
  const mapping = options.map === undefined ? undefined : applyMapOption(session, options.map);
  const preview = runJob(ctx, previewJob(ctx, session, mapping));
  describePreview(preview, print);
  if (preview.mappingIssues.length > 0) return 1;
  if (options.dryRun) {
    print('dry run: nothing was written');
    return 0;
  }
  const result = runJob(ctx, commitJob(ctx, session, preview.mapping, options.onDuplicate));
  print(
    `imported: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped (already customers), ${result.invalid} left out with problems, ${result.contactsCreated} contacts added`,
  );
  return 0;
}
