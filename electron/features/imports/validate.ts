import type { z } from 'zod';
import { contactFields } from '../../../shared/contract/contacts';
import { customerFields } from '../../../shared/contract/customers';
import type { ImportField, ImportIssue, ImportMapping } from '../../../shared/contract/imports';
import {
  customerNameKey,
  customerStatuses,
  type CustomerStatus,
} from '../../../shared/domain/customers';
import type { SheetRow } from './parse';

type CustomerValues = z.output<typeof customerFields>;
const contactInput = contactFields.pick({ name: true, title: true, phone: true });
type ContactValues = z.output<typeof contactInput>;

/** What validation compares rows with: live customers and users by folded name, and who owns a row without an owner. */
export type Lookups = {
  customers: Map<string, { id: string; name: string }>;
  users: Map<string, { id: string; name: string; active: boolean }[]>;
  defaultOwnerId: string | null;
};

/** A row that passed validation, ready to become changes. */
export type ImportRecord = {
  line: number;
  customer: CustomerValues;
  relationship: number | null;
  attractiveness: number | null;
  contact: ContactValues | null;
  /** Fields whose cell held a value: all that an update of an existing customer changes. */
  given: ReadonlySet<ImportField>;
  /** The live customer whose name folds to this row's, if any. */
  existing: { id: string; name: string } | null;
};

/** Every row checked: the records to import, the issues, and the rows left out. */
export type Analysis = {
  records: ImportRecord[];
  issues: ImportIssue[];
  invalid: number;
  blank: number;
};

const statusWords = new Map<string, CustomerStatus>([
  ['潜在客户', 'prospect'],
  ['潜在', 'prospect'],
  ['意向客户', 'prospect'],
  ['prospect', 'prospect'],
  ['lead', 'prospect'],
  ['客户', 'customer'],
  ['成交客户', 'customer'],
  ['正式客户', 'customer'],
  ['customer', 'customer'],
  ['client', 'customer'],
  ['流失', 'lost'],
  ['流失客户', 'lost'],
  ['已流失', 'lost'],
  ['lost', 'lost'],
  ['churned', 'lost'],
]);
for (const status of customerStatuses) statusWords.set(status, status);

const fold = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Tags as exports write them: one cell, separated by commas, semicolons, 、 or new lines. */
function splitTags(text: string): string[] {
  const tags = text
    .normalize('NFKC')
    .split(/[,;、|\n]/)
    .map((t) => t.trim())
    .filter(Boolean);
  return [...new Set(tags)];
}

/** customerFields' keys → the import field a message belongs to. */
const customerFieldOf: Record<string, ImportField> = { ownerId: 'owner' };
const contactFieldOf: Record<string, ImportField> = {
  name: 'contactName',
  title: 'contactTitle',
  phone: 'contactMobile',
};

/** The problems with a mapping itself; rows are only checked once there are none. */
export function mappingIssues(
  mapping: ImportMapping,
): { key: string; params: Record<string, string> }[] {
  const issues: { key: string; params: Record<string, string> }[] = [];
  if (!mapping.includes('name')) issues.push({ key: 'imports.mapping.nameMissing', params: {} });
  const seen = new Set<ImportField>();
  for (const field of mapping) {
    if (!field) continue;
    if (seen.has(field)) issues.push({ key: 'imports.mapping.twice', params: { field } });
    seen.add(field);
  }
  return issues;
}

/** A row's mapped cells, empty cells left out. */
export function mappedValues(row: SheetRow, mapping: ImportMapping): Map<ImportField, string> {
  const values = new Map<ImportField, string>();
  mapping.forEach((field, column) => {
    const text = (row.cells[column] ?? '').trim();
    if (field && text !== '') values.set(field, text);
  });
  return values;
}

type RowOutcome = { record: ImportRecord | null; issues: Omit<ImportIssue, 'row'>[] };

function parseScore(
  text: string | undefined,
  field: ImportField,
  issues: RowOutcome['issues'],
): number | null {
  if (text === undefined) return null;
  const score = Number(text.normalize('NFKC'));
  if (Number.isInteger(score) && score >= 1 && score <= 5) return score;
  issues.push({
    field,
    key: 'imports.rowErrors.score',
    params: { value: text.slice(0, 40) },
    kind: 'error',
  });
  return null;
}

function resolveOwner(
  text: string | undefined,
  lookups: Lookups,
  issues: RowOutcome['issues'],
): string | null {
  if (text === undefined) return lookups.defaultOwnerId;
  const candidates = lookups.users.get(customerNameKey(text)) ?? [];
  const active = candidates.find((u) => u.active);
  if (active) return active.id;
  const name = text.slice(0, 60);
  issues.push({
    field: 'owner',
    key:
      candidates.length > 0 ? 'imports.rowErrors.ownerInactive' : 'imports.rowErrors.ownerUnknown',
    params: { name },
    kind: 'error',
  });
  return null;
}

/** Checks one row with the same schemas the customer and contact forms use. */
function checkRow(values: Map<ImportField, string>, lookups: Lookups): RowOutcome {
  const issues: RowOutcome['issues'] = [];
  const statusText = values.get('status');
  const status = statusText === undefined ? 'prospect' : statusWords.get(fold(statusText));
  if (!status)
    issues.push({
      field: 'status',
      key: 'imports.rowErrors.status',
      params: { value: (statusText ?? '').slice(0, 40) },
      kind: 'error',
    });
  const ownerId = resolveOwner(values.get('owner'), lookups, issues);
  const relationship = parseScore(values.get('relationship'), 'relationship', issues);
  const attractiveness = parseScore(values.get('attractiveness'), 'attractiveness', issues);

  // A mobile without a contact name is the customer's own number when it has no other.
  const contactName = values.get('contactName');
  const mobileAsPhone =
    values.get('phone') === undefined && contactName === undefined && values.has('contactMobile');
  const phone = mobileAsPhone ? values.get('contactMobile') : values.get('phone');
  const parsed = customerFields.safeParse({
    name: values.get('name') ?? '',
    phone: phone?.normalize('NFKC') ?? null,
    industry: values.get('industry') ?? null,
    region: values.get('region') ?? null,
    address: values.get('address') ?? null,
    source: values.get('source') ?? null,
    ownerId,
    status: status ?? 'prospect',
    notes: values.get('notes') ?? null,
    tags: splitTags(values.get('tags') ?? ''),
  });
  const flagged = new Set(issues.map((i) => i.field));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'name');
      const field = customerFieldOf[key] ?? (key as ImportField);
      if (flagged.has(field)) continue;
      flagged.add(field);
      const message = issue.message.startsWith('validation.')
        ? issue.message
        : 'validation.invalid';
      issues.push({ field, key: message, params: {}, kind: 'error' });
    }
  }

  let contact: ContactValues | null = null;
  if (contactName !== undefined) {
    const parsedContact = contactInput.safeParse({
      name: contactName,
      title: values.get('contactTitle') ?? null,
      phone: values.get('contactMobile')?.normalize('NFKC') ?? null,
    });
    if (parsedContact.success) contact = parsedContact.data;
    else {
      for (const issue of parsedContact.error.issues) {
        const field = contactFieldOf[String(issue.path[0])] ?? 'contactName';
        if (flagged.has(field)) continue;
        flagged.add(field);
        issues.push({
          field,
          key: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
          params: {},
          kind: 'error',
        });
      }
    }
  }
  if (issues.length > 0 || !parsed.success) return { record: null, issues };
  const given = new Set(values.keys());
  if (mobileAsPhone) given.add('phone');
  return {
    record: {
      line: 0,
      customer: parsed.data,
      relationship,
      attractiveness,
      contact,
      given,
      existing: null,
    },
    issues,
  };
}

const CHUNK = 500;

/**
 * Validates every data row, a chunk at a time: yields how many rows are done after each
 * chunk (the caller reports progress and lets the event loop breathe), returns the result.
 * A name seen earlier in the file, or already a customer's, is flagged here.
 */
export function* analyzeRows(
  rows: readonly SheetRow[],
  mapping: ImportMapping,
  lookups: Lookups,
): Generator<number, Analysis> {
  const records: ImportRecord[] = [];
  const issues: ImportIssue[] = [];
  const firstLine = new Map<string, number>();
  let invalid = 0;
  let blank = 0;
  for (let start = 0; start < rows.length; start += CHUNK) {
    for (const row of rows.slice(start, start + CHUNK)) {
      const values = mappedValues(row, mapping);
      if (values.size === 0) {
        blank += 1;
        continue;
      }
      const outcome = checkRow(values, lookups);
      const record = outcome.record;
      if (record) {
        const key = customerNameKey(record.customer.name);
        const earlier = firstLine.get(key);
        if (earlier !== undefined) {
          outcome.issues.push({
            field: 'name',
            key: 'imports.rowErrors.duplicateInFile',
            params: { row: earlier, name: record.customer.name.slice(0, 120) },
            kind: 'error',
          });
        } else {
          firstLine.set(key, row.line);
          record.line = row.line;
          record.existing = lookups.customers.get(key) ?? null;
          records.push(record);
          if (record.existing) {
            outcome.issues.push({
              field: 'name',
              key: 'imports.rowErrors.existing',
              params: { name: record.existing.name },
              kind: 'existing',
            });
          }
        }
      }
      if (!record || outcome.issues.some((i) => i.kind === 'error')) invalid += 1;
      for (const issue of outcome.issues) issues.push({ row: row.line, ...issue });
    }
    yield Math.min(rows.length, start + CHUNK);
  }
  return { records, issues, invalid, blank };
}
