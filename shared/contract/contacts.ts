import { z } from 'zod';
import { buyingRoles } from '../domain/customers';
import { email, id, ok, optionalText, phone, requiredText } from './common';
import { contact } from './customers';
import { method } from './define';

/** The editable fields of a contact. */
export const contactFields = z
  .object({
    name: requiredText(60),
    title: optionalText(60),
    phone,
    email,
    buyingRole: z.enum(buyingRoles).nullable(),
    notes: optionalText(2000),
  })
  .strict();
export type ContactFields = z.input<typeof contactFields>;

export const contactsContract = {
  /** Adds a contact (a person at the customer, with a buying role) to a live customer. */
  'contacts.create': method(z.object({ customerId: id, fields: contactFields }).strict(), contact),
  /** Saves a contact's changed fields. */
  'contacts.update': method(z.object({ id, fields: contactFields }).strict(), contact),
  /** Removes a contact (soft delete). */
  'contacts.delete': method(z.object({ id }).strict(), ok),
} as const;
