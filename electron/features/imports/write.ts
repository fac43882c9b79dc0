import type { DuplicateChoice, ImportField } from '../../../shared/contract/imports';
import { customerNameKey } from '../../../shared/domain/customers';
import type { Change } from '../../core/commit';
import type { IdSource } from '../../core/ids';
import type { FieldsOf } from '../../core/tables';
import type { ExistingCustomer } from './imports.repo';
import type { ImportRecord } from './validate';

export type ImportPlan = {
  changes: Change[];
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  contactsCreated: number;
};

type CustomerValues = Partial<FieldsOf<'customers'>>;

/** The simple text fields an import copies as they are. */
const textFields = ['phone', 'industry', 'region', 'address', 'source', 'notes'] as const;

/** A new customer's values; empty fields are left out, so the change log holds only what the file said. */
function insertValues(record: ImportRecord): FieldsOf<'customers'> {
  const { customer } = record;
  const values: FieldsOf<'customers'> = {
    name: customer.name,
    status: customer.status,
    tags: JSON.stringify(customer.tags),
  };
  for (const field of textFields) if (customer[field] !== null) values[field] = customer[field];
  if (customer.ownerId !== null) values.ownerId = customer.ownerId;
  if (record.relationship !== null) values.relationship = record.relationship;
  if (record.attractiveness !== null) values.attractiveness = record.attractiveness;
  return values;
}

/** A new contact's values, empty fields left out. */
function contactValues(
  customerId: string,
  contact: NonNullable<ImportRecord['contact']>,
): FieldsOf<'contacts'> {
  const values: FieldsOf<'contacts'> = { customerId, name: contact.name };
  if (contact.title !== null) values.title = contact.title;
  if (contact.phone !== null) values.phone = contact.phone;
  return values;
}

/**
 * What an update changes on an existing customer: only fields the row has a value for
 * (an empty cell never erases), tags merged, the name kept as it is spelled in Pacer.
 */
function updateValues(record: ImportRecord, current: ExistingCustomer): CustomerValues {
  const { customer, given } = record;
  const has = (field: ImportField) => given.has(field);
  const values: CustomerValues = {};
  for (const field of textFields) {
    if (has(field) && customer[field] !== current[field]) values[field] = customer[field];
  }
  if (has('owner') && customer.ownerId !== current.ownerId) values.ownerId = customer.ownerId;
  if (has('status') && customer.status !== current.status) values.status = customer.status;
  if (has('relationship') && record.relationship !== current.relationship)
    values.relationship = record.relationship;
  if (has('attractiveness') && record.attractiveness !== current.attractiveness)
    values.attractiveness = record.attractiveness;
  if (has('tags')) {
    const merged = [...new Set([...current.tags, ...customer.tags])].slice(
      0,
      Math.max(20, current.tags.length),
    );
    if (merged.length !== current.tags.length) values.tags = JSON.stringify(merged);
  }
  return values;
}

/**
 * Turns validated rows into one list of changes for a single commit. `existing` maps a
 * folded name to the live customer as read just before the commit, so rows are matched
 * against the database as it is now, not as it was at preview.
 */
export function planImport(
  records: readonly ImportRecord[],
  onDuplicate: DuplicateChoice,
  existing: ReadonlyMap<string, ExistingCustomer>,
  newId: IdSource,
): ImportPlan {
  const plan: ImportPlan = {
    changes: [],
    created: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    contactsCreated: 0,
  };
  for (const record of records) {
    const match = existing.get(customerNameKey(record.customer.name));
    if (!match) {
      const id = newId();
      plan.changes.push({ op: 'insert', table: 'customers', id, values: insertValues(record) });
      plan.created += 1;
      if (record.contact) {
        plan.changes.push({
          op: 'insert',
          table: 'contacts',
          id: newId(),
          values: contactValues(id, record.contact),
        });
        plan.contactsCreated += 1;
      }
      continue;
    }
    if (onDuplicate === 'skip') {
      plan.skipped += 1;
      continue;
    }
    const values = updateValues(record, match);
    let changed = Object.keys(values).length > 0;
    if (changed) plan.changes.push({ op: 'update', table: 'customers', id: match.id, values });
    if (record.contact) {
      const contact = match.contacts.get(customerNameKey(record.contact.name));
      if (!contact) {
        plan.changes.push({
          op: 'insert',
          table: 'contacts',
          id: newId(),
          values: contactValues(match.id, record.contact),
        });
        plan.contactsCreated += 1;
        changed = true;
      } else {
        const changes: Partial<FieldsOf<'contacts'>> = {};
        if (record.given.has('contactTitle') && record.contact.title !== contact.title)
          changes.title = record.contact.title;
        if (record.given.has('contactMobile') && record.contact.phone !== contact.phone)
          changes.phone = record.contact.phone;
        if (Object.keys(changes).length > 0) {
          plan.changes.push({ op: 'update', table: 'contacts', id: contact.id, values: changes });
          changed = true;
        }
      }
    }
    if (changed) plan.updated += 1;
    else plan.unchanged += 1;
  }
  return plan;
}
