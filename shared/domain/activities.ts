/** Timeline entries a user adds by hand (domain.md §2), plus the handover record. */
export const activityKinds = ['call', 'message', 'note', 'handover'] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const loggableKinds = ['call', 'message', 'note'] as const;

/** The three kinds of sales work for the activity split (domain.md §5, slides 46–47). */
export const activityCategories = ['development', 'negotiation', 'maintenance'] as const;
export type ActivityCategory = (typeof activityCategories)[number];
