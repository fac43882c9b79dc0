import { z } from 'zod';
import { method } from './define';
import { id, ok } from './common';

/**
 * The customer fields a spreadsheet column can fill. `owner` is matched to a user by
 * name; the three `contact*` fields create a contact on the customer.
 */
export const importFields = [
  'name',
  'phone',
  'industry',
  'region',
  'address',
  'source',
  'owner',
  'status',
  'tags',
  'notes',
  'contactName',
  'contactTitle',
  'contactMobile',
  'relationship',
  'attractiveness',
] as const;
export type ImportField = (typeof importFields)[number];

/** Files larger than this are refused before parsing (the renderer checks first, main again). */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;
/**
 * What an .xlsx (a zip) may unpack to, checked on the declared sizes and again while it is
 * really inflated: a zip bomb is refused before the parser sees it. See
 * docs/decisions/0018-import-limits.md for how these keep an import under 500 MB.
 */
export const MAX_ARCHIVE_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Unpacked size over file size beyond which an archive (over 10 MB unpacked) is refused. */
export const MAX_ARCHIVE_RATIO = 100;
/** Cells the sheets of one .xlsx may hold (about 50,000 rows × 21 columns); memory follows cells. */
export const MAX_SHEET_CELLS = 1_050_000;
/** Data rows one import takes; larger files are refused with a message to split them. */
export const MAX_IMPORT_ROWS = 50_000;
/** Columns read from a sheet; wider sheets are cut here (nothing a CRM export needs). */
export const MAX_IMPORT_COLUMNS = 100;
/** Row issues sent with a preview; the counts cover all of them. */
export const MAX_PREVIEW_ISSUES = 500;

const field = z.enum(importFields);

/** Column i of the sheet → the field it fills, or null to ignore it. */
export const importMapping = z.array(field.nullable()).max(MAX_IMPORT_COLUMNS);
export type ImportMapping = z.infer<typeof importMapping>;

export const duplicateChoices = ['skip', 'update'] as const;
export type DuplicateChoice = (typeof duplicateChoices)[number];

const params = z.record(z.string(), z.union([z.string(), z.number()]));

/** One problem with one row: `key` and `params` name an i18n message. */
export const importIssue = z.object({
  /** The row number as the spreadsheet shows it (1-based, header included). */
  row: z.number(),
  field: field.nullable(),
  key: z.string(),
  params,
  /** `error` rows are left out; `existing` rows match a customer and are skipped or updated. */
  kind: z.enum(['error', 'existing']),
});
export type ImportIssue = z.infer<typeof importIssue>;

export const importColumn = z.object({
  header: z.string(),
  /** The column's letter as the spreadsheet shows it (A, B, … AA). */
  letter: z.string(),
  /** A few non-empty values from the first rows, shortened. */
  samples: z.array(z.string()),
});

/** A mapped row as it will be stored (values shortened for display). */
export const importSampleRow = z.object({
  row: z.number(),
  values: z.array(z.object({ field, value: z.string() })),
});

export const importPreview = z.object({
  importId: id,
  fileName: z.string(),
  sheetName: z.string(),
  /** The sheet row that holds the headers. */
  headerRow: z.number(),
  columns: z.array(importColumn),
  mapping: importMapping,
  /** Problems with the mapping itself (no name column, a field chosen twice): import is refused until fixed. */
  mappingIssues: z.array(z.object({ key: z.string(), params })),
  sample: z.array(importSampleRow),
  issues: z.array(importIssue),
  counts: z.object({
    /** Data rows with at least one value. */
    rows: z.number(),
    /** Rows that will be imported (new or matching an existing customer). */
    valid: z.number(),
    invalid: z.number(),
    /** Valid rows whose name matches an existing customer. */
    existing: z.number(),
    /** Rows left out because every mapped cell is empty. */
    blank: z.number(),
    /** All issues, of which `issues` holds the first MAX_PREVIEW_ISSUES. */
    issues: z.number(),
  }),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importResult = z.object({
  created: z.number(),
  /** Existing customers the file changed (update chosen). */
  updated: z.number(),
  /** Existing customers the file matched with nothing new to say. */
  unchanged: z.number(),
  /** Existing customers left alone (skip chosen). */
  skipped: z.number(),
  invalid: z.number(),
  contactsCreated: z.number(),
});
export type ImportResult = z.infer<typeof importResult>;

// base64 is 4 characters for every 3 bytes.
const maxBase64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

export const importsContract = {
  /** Reads a spreadsheet (xlsx, xls, csv), guesses the column mapping and validates every row; nothing is written. */
  'imports.previewCustomers': method(
    z
      .object({
        fileName: z.string().trim().min(1).max(255),
        dataBase64: z.string().max(maxBase64, 'validation.tooLong'),
        mapping: importMapping.optional(),
      })
      .strict(),
    importPreview,
  ),
  /** Validates a previewed file again with another mapping. */
  'imports.remapCustomers': method(
    z.object({ importId: id, mapping: importMapping }).strict(),
    importPreview,
  ),
  /** Imports every valid row of a previewed file in one transaction: all of them or none. */
  'imports.commitCustomers': method(
    z
      .object({ importId: id, mapping: importMapping, onDuplicate: z.enum(duplicateChoices) })
      .strict(),
    importResult,
  ),
  /** Forgets a previewed file (the wizard was closed); unknown ids are fine. */
  'imports.discard': method(z.object({ importId: id }).strict(), ok),
} as const;
