/**
 * What the deal cards read (the board, its columns and lanes, the key list, a customer's
 * deals): a commit to any of them refreshes those lists. A checklist tick is not among them,
 * so ticking does not refetch the whole board behind the move dialog.
 */
export const dealCardTables = [
  'deals',
  'deal_lines',
  'stage_history',
  'deal_scores',
  'customers',
  'contacts',
  'users',
  'teams',
  'settings',
  'products',
] as const;

/** Every table the deal page reads: the cards' tables and the checklist's ticks. */
export const dealTables = [...dealCardTables, 'deal_checks'] as const;
