/** Every table the deal screens read: a commit to any of them refreshes the board and pages. */
export const dealTables = [
  'deals',
  'deal_lines',
  'deal_checks',
  'stage_history',
  'deal_scores',
  'customers',
  'contacts',
  'users',
  'teams',
  'settings',
  'products',
] as const;
