import { z } from 'zod';
import { isoWeekRange } from '../domain/time';
import { id, day } from './common';
import { customerListInput } from './customers';
import { boardFilters } from './deals';
import { method } from './define';
import { reportInput } from './reports';
import { isoWeekKey } from './weekly';

/**
 * Excel exports (issue 8; docs/decisions/0015-excel-exports.md). The main process builds the
 * workbook, asks the host where to save it (Electron's save dialog; the browser host saves
 * into its downloads folder) and writes it atomically: a failed export never leaves a broken
 * file. Errors name an i18n key under `exports.errors` (folder missing, read-only, disk full,
 * file open in Excel: "close it in Excel and retry").
 */

export const exportLanguages = ['zh-CN', 'en'] as const;
export const exportLanguage = z.enum(exportLanguages);

/** An ISO week that exists (2026-W53 does not; 2020-W53 does). */
export const exportWeek = isoWeekKey.refine((w) => isoWeekRange(w) !== null, 'validation.invalid');

/** The weekly meeting pack is for the company or one team (with its sub-teams). */
export const packScope = z.discriminatedUnion('type', [
  z.object({ type: z.literal('company') }).strict(),
  z.object({ type: z.literal('team'), id }).strict(),
]);
export type PackScope = z.infer<typeof packScope>;

export const weeklyPackInput = z
  .object({
    week: exportWeek,
    scope: packScope,
    language: exportLanguage,
    /** The user's today: "as of" figures (stalled, overdue) are counted from it. */
    today: day,
  })
  .strict();
export type WeeklyPackInput = z.infer<typeof weeklyPackInput>;

/** A table of the app as it is on screen: a report, the customer list, the board as a list. */
export const tableExportInput = z.discriminatedUnion('table', [
  z.object({ table: z.literal('report'), language: exportLanguage, report: reportInput }).strict(),
  z
    .object({
      table: z.literal('customers'),
      language: exportLanguage,
      /** The list's filters and sort; paging is ignored (every matching customer is written). */
      query: customerListInput,
    })
    .strict(),
  z
    .object({
      table: z.literal('deals'),
      language: exportLanguage,
      /** The board's filters; every matching deal, one row each. */
      query: boardFilters,
    })
    .strict(),
]);
export type TableExportInput = z.infer<typeof tableExportInput>;

export const exportResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    /** Where the file is (shown to the user; `exports.reveal` opens its folder). */
    path: z.string(),
    fileName: z.string(),
    bytes: z.number(),
    /** Whether this host can show the file in its folder. */
    canReveal: z.boolean(),
    /** A file was at this path and was replaced (the save dialog asked the user first). */
    replaced: z.boolean(),
    /**
     * The suggested name, when a file of that name was already in the folder and was kept:
     * the browser host then saves as "name (2).xlsx", as browsers do with downloads.
     */
    keptExisting: z.string().nullable(),
  }),
  /** The user closed the save dialog: nothing was written. */
  z.object({ status: z.literal('cancelled') }),
]);
export type ExportResult = z.infer<typeof exportResult>;

export const exportsContract = {
  /** The weekly meeting pack 周会资料 (domain.md §8): nine sheets for one ISO week and scope. */
  'exports.weeklyPack': method(weeklyPackInput, exportResult),
  /** Any table of the app with the same formatting conventions as the pack. */
  'exports.table': method(tableExportInput, exportResult),
  /** Shows a file this session exported in its folder; other paths are refused (`not_found`). */
  'exports.reveal': method(
    z.object({ path: z.string().min(1).max(4096) }).strict(),
    z.object({ shown: z.boolean() }),
  ),
};
