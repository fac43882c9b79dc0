import type { contactsContract } from '../../../shared/contract/contacts';
import type { AppContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { hidden } from '../team/visibility';
import type { HandlersOf } from '../../ipc/dispatch';
import { liveCustomer } from '../timeline/timeline.repo';
import { getContact } from './contacts.repo';

function requireContact(ctx: AppContext, id: string) {
  const contact = getContact(ctx.db, id);
  if (!contact || hidden(ctx, 'contact', id)) throw notFound('contact', id);
  return contact;
}

/** A contact's public shape (without the customer id the repo adds). */
function shape({ customerId: _customerId, ...contact }: ReturnType<typeof requireContact>) {
  return contact;
}

export const contactsHandlers: HandlersOf<typeof contactsContract> = {
  'contacts.create': (input, ctx) => {
    if (!liveCustomer(ctx.db, input.customerId) || hidden(ctx, 'customer', input.customerId))
      throw notFound('customer', input.customerId);
    const id = ctx.newId();
    ctx.commit([
      {
        op: 'insert',
        table: 'contacts',
        id,
        values: { ...input.fields, customerId: input.customerId },
      },
    ]);
    return shape(requireContact(ctx, id));
  },

  'contacts.update': (input, ctx) => {
    requireContact(ctx, input.id);
    ctx.commit([{ op: 'update', table: 'contacts', id: input.id, values: input.fields }]);
    return shape(requireContact(ctx, input.id));
  },

  'contacts.delete': (input, ctx) => {
    requireContact(ctx, input.id);
    ctx.commit([{ op: 'delete', table: 'contacts', id: input.id }]);
    return { ok: true as const };
  },
};
