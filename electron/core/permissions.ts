import type { UserRole } from '../../shared/domain/people';

/**
 * Who may change what (docs/decisions/0024): the one rule set that the handlers ask before a
 * local write and that sync asks again before it applies another device's change, so the two
 * can never drift. Pure: the caller reads the rows; this only judges.
 */

/** The person a change is made as, as they were when they made it. */
export type Author = {
  /** Null: nobody chosen (the CLI, an import, a file with no people yet). */
  id: string | null;
  /** Null when `id` is null. */
  role: UserRole | null;
  /** Their data scope (features/team/visibility.ts): the owners whose rows they may touch; null: all. */
  owners: ReadonlySet<string> | null;
};

/** One row's proposed change, with SQL column names. */
export type ProposedChange = {
  table: string;
  rowId: string;
  /** The row as it is before the change; null for a new row. */
  before: Record<string, unknown> | null;
  /** The changed columns and their new values. */
  after: Record<string, unknown>;
  /**
   * For customers, deals and visits: the row's owner and its customer's owner before the change
   * (a deal or visit is in scope if either is).
   */
  owners?: { own: string | null; customer: string | null };
};

export type Verdict =
  | { ok: true }
  | { ok: false; rule: RuleName; key: string; message: string; params?: Record<string, string> };

export type RuleName =
  | 'targetsNeedManager'
  | 'settingsNeedManager'
  | 'teamNeedsManager'
  | 'forceNeedsManager'
  | 'reopenNeedsManager'
  | 'passwordNotYours'
  | 'outOfScope';

const allowed: Verdict = { ok: true };

/** The rules' message keys (shared/i18n) and their English text for logs and the CLI. */
const rules: Record<RuleName, { key: string; message: string }> = {
  targetsNeedManager: {
    key: 'targets.errors.needManager',
    message: 'only a manager can change targets and the working-day calendar',
  },
  settingsNeedManager: {
    key: 'errors.settingsNeedManager',
    message: 'only a manager can change team settings',
  },
  teamNeedsManager: {
    key: 'errors.teamNeedsManager',
    message: 'only a manager can change roles, teams and the team structure',
  },
  forceNeedsManager: {
    key: 'dealErrors.forceNeedsManager',
    message: 'only a manager can force a move',
  },
  reopenNeedsManager: {
    key: 'dealErrors.reopenNeedsManager',
    message: 'only a manager can reopen a closed deal',
  },
  passwordNotYours: {
    key: 'signIn.errors.passwordNotYours',
    message: "only the person or their manager can set a person's password",
  },
  outOfScope: {
    key: 'errors.outOfScope',
    message: 'this row belongs to someone outside your data scope',
  },
};

export function refuse(rule: RuleName): Verdict {
  return { ok: false, rule, ...rules[rule] };
}

/** A rep may not; a manager or admin may; nobody chosen may (the CLI acts as nobody). */
export const isRep = (author: Author): boolean => author.role === 'rep';

/** Only a manager or admin: nobody chosen may not (forced moves and reopening a deal). */
export const isManager = (author: Author): boolean => author.role !== null && author.role !== 'rep';

/** Whether a row owned by these people lies in the author's data scope. */
export function inScope(
  author: Pick<Author, 'owners'>,
  owners: { own: string | null; customer: string | null },
  pool: boolean,
): boolean {
  const scope = author.owners;
  if (scope === null) return true;
  // A customer with no owner is the shared pool (公海客户) every rep may see and claim.
  if (pool && owners.own === null) return true;
  return (
    (owners.own !== null && scope.has(owners.own)) ||
    (owners.customer !== null && scope.has(owners.customer))
  );
}

const managerTables: Partial<Record<string, RuleName>> = {
  targets: 'targetsNeedManager',
  calendar_days: 'targetsNeedManager',
  settings: 'settingsNeedManager',
  teams: 'teamNeedsManager',
};

const passwordColumns = ['password_hash', 'password_temporary'];
const closed = new Set(['won', 'lost']);
const ownedTables = new Set(['customers', 'deals', 'visits']);

/** Whether any rule looks at changes of `table` (the others are anyone's: sync skips them). */
export function hasRules(table: string): boolean {
  return (
    managerTables[table] !== undefined ||
    table === 'users' ||
    table === 'stage_history' ||
    ownedTables.has(table)
  );
}

/**
 * Whether judging `author`'s change of `table` needs the row as it was (`before`, `owners`):
 * sync skips those look-ups for everyone else (a manager's 100,000 changes apply at full speed).
 */
export function needsBefore(table: string, author: Author): boolean {
  if (table === 'users') return isRep(author);
  if (table === 'stage_history') return !isManager(author);
  if (ownedTables.has(table)) return author.owners !== null;
  return false;
}

/** Judges one row's change by `author`: allowed, or the rule it breaks. */
export function judgeChange(change: ProposedChange, author: Author): Verdict {
  const { table, before, after } = change;
  const managerOnly = managerTables[table];
  if (managerOnly) return isRep(author) ? refuse(managerOnly) : allowed;

  if (table === 'users') {
    if (!isRep(author)) return allowed;
    // A rep may add themselves (or another rep) but not make anyone a manager, nor move a
    // person between teams or change a role.
    if (before === null) return after.role === 'rep' ? allowed : refuse('teamNeedsManager');
    const moved = ['role', 'team_id'].some((c) => c in after && after[c] !== before[c]);
    if (moved) return refuse('teamNeedsManager');
    // A password is its person's (app.changePassword) or their manager's to reset (decision 0022).
    if (change.rowId !== author.id && passwordColumns.some((c) => c in after))
      return refuse('passwordNotYours');
    // Another person's name, phone, e-mail or active flag: a manager's call.
    return change.rowId === author.id ? allowed : refuse('teamNeedsManager');
  }

  if (table === 'stage_history' && before === null) {
    if (after.forced === true || after.forced === 1)
      return isManager(author) ? allowed : refuse('forceNeedsManager');
    if (closed.has(String(after.from_status)) && after.to_status === 'open')
      return isManager(author) ? allowed : refuse('reopenNeedsManager');
    return allowed;
  }

  if (
    ownedTables.has(table) &&
    before !== null &&
    change.owners &&
    !inScope(author, change.owners, table === 'customers')
  )
    return refuse('outOfScope');

  return allowed;
}
