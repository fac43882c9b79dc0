import type { Progress } from '../../../shared/contract/bridge';
import {
  MAX_IMPORT_ROWS,
  MAX_PREVIEW_ISSUES,
  type DuplicateChoice,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/contract/imports';
import { customerNameKey } from '../../../shared/domain/customers';
import type { AppContext } from '../../core/context';
import { AppError } from '../../core/errors';
import { currentUser } from '../team/current-user';
import { forgetSession, rememberSession, type ImportSession } from './cache';
import { findHeaderRow, guessMapping } from './guess';
import { loadExisting, loadLookups } from './imports.repo';
import { columnLetter, readSpreadsheet, tooManyRows } from './parse';
import { analyzeRows, mappedValues, mappingIssues, type Analysis } from './validate';
import { planImport } from './write';

/** Long work as steps: each yield is a progress report, after which the app may breathe. */
export type Job<T> = Generator<Progress, T>;

const SHOWN = 120;
const shorten = (text: string, max = SHOWN) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export { columnLetter };

/** Reads a file, finds its header row and keeps it for preview and commit. */
export function openSession(ctx: AppContext, fileName: string, bytes: Uint8Array): ImportSession {
  const table = readSpreadsheet(bytes);
  const headerIndex = findHeaderRow(table.rows);
  const header = table.rows[headerIndex];
  const rows = table.rows.slice(headerIndex + 1);
  if (!header || rows.length === 0)
    throw new AppError(
      'invalid_input',
      'the sheet has no rows below its header',
      'imports.errors.noRows',
    );
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  const width = rows.reduce((max, row) => Math.max(max, row.cells.length), header.cells.length);
  const headers = Array.from({ length: width }, (_, i) => (header.cells[i] ?? '').trim());
  const session: ImportSession = {
    id: ctx.newId(),
    fileName,
    sheetName: table.sheetName,
    headerLine: header.line,
    headers,
    rows,
    touchedAt: Date.now(),
  };
  rememberSession(ctx, session);
  return session;
}

/** A mapping with one entry per column: the guess when none is given, padded or cut to fit. */
export function fitMapping(
  session: ImportSession,
  mapping: ImportMapping | undefined,
): ImportMapping {
  const chosen = mapping ?? guessMapping(session.headers);
  return session.headers.map((_, i) => chosen[i] ?? null);
}

function* analyze(ctx: AppContext, session: ImportSession, mapping: ImportMapping): Job<Analysis> {
  // A row without an owner goes to whoever imports it, as a new customer in the form does.
  const lookups = loadLookups(ctx.db, currentUser(ctx)?.id ?? null);
  const total = session.rows.length;
  const steps = analyzeRows(session.rows, mapping, lookups);
  yield { task: 'imports.progress.check', done: 0, total };
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    yield { task: 'imports.progress.check', done: step.value, total };
  }
}

/** Validates every row against the mapping and the database; writes nothing. */
export function* previewJob(
  ctx: AppContext,
  session: ImportSession,
  requested: ImportMapping | undefined,
): Job<ImportPreview> {
  const mapping = fitMapping(session, requested);
  const problems = mappingIssues(mapping);
  const analysis: Analysis =
    problems.length > 0
      ? { records: [], issues: [], invalid: 0, blank: 0 }
      : yield* analyze(ctx, session, mapping);
  const existing = analysis.records.filter((r) => r.existing).length;
  return {
    importId: session.id,
    fileName: session.fileName,
    sheetName: session.sheetName,
    headerRow: session.headerLine,
    columns: session.headers.map((header, i) => ({
      header: shorten(header, 60),
      letter: columnLetter(i),
      samples: session.rows
        .slice(0, 30)
        .map((row) => (row.cells[i] ?? '').trim())
        .filter(Boolean)
        .slice(0, 3)
        .map((text) => shorten(text, 60)),
    })),
    mapping,
    mappingIssues: problems,
    sample: session.rows.slice(0, 5).map((row) => ({
      row: row.line,
      values: [...mappedValues(row, mapping)].map(([field, value]) => ({
        field,
        value: shorten(value),
      })),
    })),
    issues: analysis.issues.slice(0, MAX_PREVIEW_ISSUES),
    counts: {
      rows: session.rows.length - analysis.blank,
      valid: analysis.records.length,
      invalid: analysis.invalid,
      existing,
      blank: analysis.blank,
      issues: analysis.issues.length,
    },
  };
}

/**
 * Imports every valid row in one commit: all or nothing. Rows are validated again, then
 * matched against the customers as they are at that moment, in the same synchronous turn
 * as the commit.
 */
export function* commitJob(
  ctx: AppContext,
  session: ImportSession,
  requested: ImportMapping,
  onDuplicate: DuplicateChoice,
): Job<ImportResult> {
  const mapping = fitMapping(session, requested);
  const problems = mappingIssues(mapping);
  if (problems.length > 0) {
    throw new AppError(
      'invalid_input',
      `the mapping cannot be imported: ${problems.map((p) => p.key).join(', ')}`,
      'imports.errors.mappingInvalid',
    );
  }
  const analysis = yield* analyze(ctx, session, mapping);
  const total = analysis.records.length;
  yield { task: 'imports.progress.write', done: 0, total };

  const existing = loadExisting(
    ctx.db,
    analysis.records.map((r) => customerNameKey(r.customer.name)),
  );
  const plan = planImport(analysis.records, onDuplicate, existing, ctx.newId);
  if (plan.changes.length > 0) ctx.commit(plan.changes);
  forgetSession(ctx, session.id);
  yield { task: 'imports.progress.write', done: total, total };
  return {
    created: plan.created,
    updated: plan.updated,
    unchanged: plan.unchanged,
    skipped: plan.skipped,
    invalid: analysis.invalid,
    contactsCreated: plan.contactsCreated,
  };
}

/** Runs a job to its end in one go (the CLI), still reporting its progress. */
export function runJob<T>(ctx: AppContext, job: Job<T>): T {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    ctx.reportProgress(step.value);
  }
}

/** Gives the event loop a turn: queued progress events go out and other calls are answered. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs a job, reporting progress and yielding to the event loop between steps (handlers). */
export async function runJobAsync<T>(ctx: AppContext, job: Job<T>): Promise<T> {
  for (;;) {
    const step = job.next();
    if (step.done) return step.value;
    ctx.reportProgress(step.value);
    await breathe();
  }
}
