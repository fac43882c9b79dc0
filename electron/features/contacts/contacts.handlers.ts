import type { contactsContract } from '../../../shared/contract/contacts';
import type { HandlersOf } from '../../ipc/dispatch';

export const contactsHandlers: HandlersOf<typeof contactsContract> = {};
