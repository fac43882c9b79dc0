import { and, eq, isNull } from 'drizzle-orm';
import type { Contact } from '../../../shared/contract/customers';
import type { Db } from '../../db/connection';
import { contacts } from '../../db/schema';

/** A contact as the contract shows it. */
export const contactColumns = {
  id: contacts.id,
  name: contacts.name,
  title: contacts.title,
  phone: contacts.phone,
  email: contacts.email,
  buyingRole: contacts.buyingRole,
  notes: contacts.notes,
};

/** One live contact, with the customer it belongs to. */
export function getContact(db: Db, id: string): (Contact & { customerId: string }) | undefined {
  return db
    .select({ ...contactColumns, customerId: contacts.customerId })
    .from(contacts)
    .where(and(eq(contacts.id, id), isNull(contacts.deletedAt)))
    .get();
}
