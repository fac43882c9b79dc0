/** What the calendar's queries read: a commit to any of these refreshes them by themselves. */
export const VISIT_TABLES = [
  'visits',
  'meetings',
  'customers',
  'contacts',
  'users',
  'teams',
  'collections',
  'receivables',
] as const;

/** Plan-the-week suggestions also read deals and follow-ups. */
export const SUGGESTION_TABLES = [...VISIT_TABLES, 'deals', 'follow_ups', 'activities'] as const;
