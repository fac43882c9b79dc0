import { alias } from 'drizzle-orm/sqlite-core';
import type { DealBrief } from '../../../shared/contract/deals';
import { contacts, deals } from '../../db/schema';

/** The brief's two people, joined by `deals.contact_id` and `deals.decider_id`. */
export const contactPerson = alias(contacts, 'contact_person');
export const deciderPerson = alias(contacts, 'decider_person');

/** The key opportunity brief's columns (slide 33), for a select that joins both people. */
export const briefColumns = {
  contactId: deals.contactId,
  contactName: contactPerson.name,
  contactTitle: contactPerson.title,
  contactProblem: deals.contactProblem,
  contactCause: deals.contactCause,
  contactVision: deals.contactVision,
  contactValue: deals.contactValue,
  deciderId: deals.deciderId,
  deciderName: deciderPerson.name,
  deciderTitle: deciderPerson.title,
  deciderProblem: deals.deciderProblem,
  deciderCause: deals.deciderCause,
  deciderVision: deals.deciderVision,
  deciderValue: deals.deciderValue,
};

type BriefRow = {
  [K in keyof typeof briefColumns]: string | null;
};

/** A selected row's brief columns as the contract's brief (a person only while their contact exists). */
export function toBrief(row: BriefRow): DealBrief {
  return {
    contact:
      row.contactId && row.contactName
        ? { id: row.contactId, name: row.contactName, title: row.contactTitle }
        : null,
    contactProblem: row.contactProblem,
    contactCause: row.contactCause,
    contactVision: row.contactVision,
    contactValue: row.contactValue,
    decider:
      row.deciderId && row.deciderName
        ? { id: row.deciderId, name: row.deciderName, title: row.deciderTitle }
        : null,
    deciderProblem: row.deciderProblem,
    deciderCause: row.deciderCause,
    deciderVision: row.deciderVision,
    deciderValue: row.deciderValue,
  };
}
