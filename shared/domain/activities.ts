import type { CustomerStatus } from './customers';

/** Timeline entries a user adds by hand (domain.md §2), plus the handover record. */
export const activityKinds = ['call', 'message', 'note', 'handover'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const loggableKinds = ['call', 'message', 'note'] as const;

/** The three kinds of sales work for the activity split (domain.md §5, slides 46–47). */
export const activityCategories = ['development', 'negotiation', 'maintenance'] as const;
export type ActivityCategory = (typeof activityCategories)[number];

/**
 * The category a new timeline entry starts with: work on a prospect (or a lost customer
 * being won back) is development; on a customer, maintenance. The user can change it.
 */
export function defaultActivityCategory(status: CustomerStatus): ActivityCategory {
  return status === 'customer' ? 'maintenance' : 'development';
}

/** Where timeline entries come from; a later issue adds score changes. */
export const timelineSources = ['activity', 'deal_move', 'collection', 'visit'] as const;
export type TimelineSource = (typeof timelineSources)[number];

/**
 * Every kind of timeline entry: the activities' own kinds plus the entries other tables
 * contribute. A deal move and a collection are bookkeeping, not contact with the customer:
 * they never count as the customer's last contact. A visit's summary is on the timeline
 * whatever became of it (done, cancelled, missed); only a done visit is contact.
 */
export const timelineKinds = [...activityKinds, 'deal_move', 'collection', 'visit'] as const;
export type TimelineKind = (typeof timelineKinds)[number];
