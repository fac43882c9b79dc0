import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Columns every synced row carries (engineering.md §3): instants are ISO UTC strings,
 * deletes are soft, and the last writer is kept for the audit trail.
 */
const syncedColumns = () => ({
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  deletedAt: text('deleted_at'),
  updatedBy: text('updated_by'),
});

export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  managerId: text('manager_id'),
  parentId: text('parent_id'),
  ...syncedColumns(),
});

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    role: text('role', { enum: ['manager', 'rep', 'admin'] }).notNull(),
    teamId: text('team_id'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    phone: text('phone'),
    email: text('email'),
    /**
     * scrypt hash of the user's password (electron/features/app/passwords.ts), synced like any
     * field so every device can check it; never the password itself. Null: no password yet.
     */
    passwordHash: text('password_hash'),
    /** Set by a manager's reset: the password is a one-time one, to be changed at sign-in. */
    passwordTemporary: integer('password_temporary', { mode: 'boolean' }).notNull().default(false),
    ...syncedColumns(),
  },
  (t) => [index('users_team_idx').on(t.teamId)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Case-, width- and space-folded name: the uniqueness and search key. Derived, never logged. */
    nameKey: text('name_key').notNull(),
    phone: text('phone'),
    industry: text('industry'),
    region: text('region'),
    address: text('address'),
    source: text('source'),
    ownerId: text('owner_id'),
    status: text('status', { enum: ['prospect', 'customer', 'lost'] }).notNull(),
    notes: text('notes'),
    /** JSON array of strings. */
    tags: text('tags').notNull().default('[]'),
    /** Grading (domain.md §2): both 1–5, null until the customer is graded. */
    relationship: integer('relationship'),
    attractiveness: integer('attractiveness'),
    /** A manager's grade that replaces the quadrant's, with the reason. */
    gradeOverride: text('grade_override', { enum: ['key', 'potential', 'ordinary', 'ignore'] }),
    gradeOverrideReason: text('grade_override_reason'),
    /** The day the grade was last reviewed (YYYY-MM-DD); grades go stale after 90 days. */
    gradeReviewedOn: text('grade_reviewed_on'),
    /** The effective grade: the override, else the quadrant of the two scores. Derived, never logged. */
    grade: text('grade', { enum: ['key', 'potential', 'ordinary', 'ignore'] }),
    /**
     * The latest contact on the timeline (ISO instant). A cache kept by SQLite triggers on
     * the timeline's tables (migration 0001), so it is right whoever writes them — commit,
     * team sync or the demo's bulk load — and the overdue filter needs no aggregate.
     */
    lastContactAt: text('last_contact_at'),
    /**
     * The local day of the latest done visit (YYYY-MM-DD): what "overdue for a visit" counts
     * from (domain.md §2: calls, messages and notes do not reset it). A cache kept by triggers
     * on visits (migration 0010), like last_contact_at.
     */
    lastVisitOn: text('last_visit_on'),
    ...syncedColumns(),
  },
  (t) => [
    index('customers_grade_idx').on(t.grade),
    index('customers_last_contact_idx').on(t.lastContactAt),
    index('customers_last_visit_idx').on(t.lastVisitOn),
    index('customers_name_key_idx').on(t.nameKey),
    index('customers_owner_idx').on(t.ownerId, t.nameKey),
    index('customers_region_idx').on(t.region),
    index('customers_status_idx').on(t.status),
    index('customers_updated_idx').on(t.updatedAt),
    // Reports: "live customer" as NOT IN the few deleted ones (docs/reports.md).
    index('customers_deleted_idx')
      .on(t.id)
      .where(sql`${t.deletedAt} IS NOT NULL`),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    name: text('name').notNull(),
    title: text('title'),
    phone: text('phone'),
    email: text('email'),
    buyingRole: text('buying_role', {
      enum: ['decision_maker', 'purchaser', 'supporter', 'technical', 'user'],
    }),
    notes: text('notes'),
    ...syncedColumns(),
  },
  (t) => [index('contacts_customer_idx').on(t.customerId)],
);

/**
 * The communication timeline's own entries (domain.md §2): calls, messages, notes and
 * handovers. Visits, deal moves and score changes join the timeline from their own tables.
 */
export const activities = sqliteTable(
  'activities',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    contactId: text('contact_id'),
    /** Who had the contact (not necessarily who typed it). */
    userId: text('user_id'),
    kind: text('kind', { enum: ['call', 'message', 'note', 'handover'] }).notNull(),
    /** For the activity split report (domain.md §5). */
    category: text('category', { enum: ['development', 'negotiation', 'maintenance'] }),
    /** When it happened: an ISO UTC instant. */
    at: text('at').notNull(),
    body: text('body').notNull(),
    ...syncedColumns(),
  },
  (t) => [
    index('activities_customer_at_idx').on(t.customerId, t.at),
    index('activities_at_idx').on(t.at),
    // Reports: covering, in (UTC day, user) order, so a year groups without a sort.
    index('activities_report_idx').on(
      sql`substr(${t.at}, 1, 10)`,
      t.userId,
      t.category,
      t.kind,
      t.customerId,
      t.deletedAt,
      t.at,
    ),
  ],
);

/** A dated to-do on a customer ("call back Tuesday"). */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    ownerId: text('owner_id').notNull(),
    /** YYYY-MM-DD */
    dueOn: text('due_on').notNull(),
    text: text('text').notNull(),
    /** When it was completed (ISO instant), null while open. */
    doneAt: text('done_at'),
    ...syncedColumns(),
  },
  (t) => [
    index('follow_ups_owner_idx').on(t.ownerId, t.doneAt, t.dueOn),
    index('follow_ups_customer_idx').on(t.customerId),
  ],
);

/**
 * A customer visit (domain.md §5): the plan (拜访计划) and, once it happened, its summary
 * (拜访总结). Instants are UTC; `day` is the rep's local date of the visit, so a day's
 * route and the week's plan vs actual never shift with the viewer's time zone.
 */
export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    customerId: text('customer_id').notNull(),
    /** JSON array of contact ids met (or to meet). */
    contactIds: text('contact_ids').notNull().default('[]'),
    /** YYYY-MM-DD, local to the rep. */
    day: text('day').notNull(),
    /** ISO instants (UTC); end after start, on the same local day. */
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    /** The IANA time zone the times were entered in (for the summary's wall-clock times). */
    timeZone: text('time_zone').notNull(),
    /** Position in the day's route (拜访路线), 1-based; ties fall back to start time. */
    routeOrder: integer('route_order').notNull().default(0),
    area: text('area'),
    purpose: text('purpose', {
      enum: ['develop', 'info', 'collect', 'service', 'problem', 'order', 'other'],
    }).notNull(),
    goal: text('goal'),
    /** false: logged without a plan (counts as done, not as planned). */
    planned: integer('planned', { mode: 'boolean' }).notNull().default(true),
    status: text('status', { enum: ['planned', 'done', 'cancelled', 'missed'] }).notNull(),
    /** Summary (拜访总结), filled after the visit. */
    actualStartAt: text('actual_start_at'),
    actualEndAt: text('actual_end_at'),
    outcome: text('outcome'),
    problemsHandled: text('problems_handled'),
    /** fen */
    orderAmount: integer('order_amount'),
    /** fen; booked as a collection against a receivable. */
    collectionAmount: integer('collection_amount'),
    competitorInfo: text('competitor_info'),
    customerFeedback: text('customer_feedback'),
    customerNews: text('customer_news'),
    learnings: text('learnings'),
    effective: integer('effective', { mode: 'boolean' }),
    nextAction: text('next_action'),
    summarizedAt: text('summarized_at'),
    summarizedBy: text('summarized_by'),
    ...syncedColumns(),
  },
  (t) => [
    index('visits_owner_day_idx').on(t.ownerId, t.day, t.startAt),
    index('visits_day_idx').on(t.day),
    index('visits_customer_idx').on(t.customerId, t.startAt),
    // Pending summaries and missed visits (status planned/missed, by day) across a team.
    // Partial: only the planned visits (summary due, suggestions). A (status, day) index was
    // picked by the last-contact triggers for "status = 'done'" and read every done visit.
    index('visits_planned_day_idx')
      .on(t.day)
      .where(sql`${t.status} = 'planned'`),
    // Reports: covering, in (day, owner) order (plan vs actual, activity split, customer visits).
    index('visits_report_idx').on(
      t.day,
      t.ownerId,
      t.status,
      t.planned,
      t.effective,
      t.purpose,
      t.customerId,
      t.deletedAt,
    ),
  ],
);

/**
 * Meetings and coaching sessions (晨会/周会/月度会议/季度会议/年度会议, 角色扮演): calendar
 * events with attendees, not tied to a customer.
 */
export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    kind: text('kind', {
      enum: ['morning', 'weekly', 'monthly', 'quarterly', 'annual', 'coaching'],
    }).notNull(),
    title: text('title').notNull(),
    organizerId: text('organizer_id').notNull(),
    teamId: text('team_id'),
    /** JSON array of user ids. */
    attendeeIds: text('attendee_ids').notNull().default('[]'),
    day: text('day').notNull(),
    startAt: text('start_at').notNull(),
    endAt: text('end_at').notNull(),
    timeZone: text('time_zone').notNull(),
    location: text('location'),
    notes: text('notes'),
    ...syncedColumns(),
  },
  (t) => [index('meetings_day_idx').on(t.day)],
);

/** The product catalogue (Settings): what product lines on a deal pick from. */
export const products = sqliteTable('products', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  unit: text('unit'),
  /** List price in fen. */
  listPrice: integer('list_price').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  ...syncedColumns(),
});

/** A sales opportunity (domain.md §3). Money is integer fen. */
export const deals = sqliteTable(
  'deals',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull(),
    ownerId: text('owner_id').notNull(),
    title: text('title').notNull(),
    amount: integer('amount').notNull(),
    /** YYYY-MM-DD */
    expectedCloseOn: text('expected_close_on').notNull(),
    milestone: text('milestone', { enum: ['M1', 'M2', 'M3', 'M4', 'M5', 'M6'] }).notNull(),
    status: text('status', { enum: ['open', 'won', 'lost'] }).notNull(),
    /** When the deal entered its current milestone (ISO instant): days in stage, stalled. */
    stageEnteredAt: text('stage_entered_at').notNull(),
    lostReason: text('lost_reason'),
    /** YYYY-MM-DD the deal was won or lost. */
    closedOn: text('closed_on'),
    nextStep: text('next_step'),
    isKey: integer('is_key', { mode: 'boolean' }).notNull().default(false),
    /** Key opportunity brief (slide 33): the 经办人 and the 决策者 and what each sees. */
    contactId: text('contact_id'),
    contactProblem: text('contact_problem'),
    contactCause: text('contact_cause'),
    contactVision: text('contact_vision'),
    contactValue: text('contact_value'),
    deciderId: text('decider_id'),
    deciderProblem: text('decider_problem'),
    deciderCause: text('decider_cause'),
    deciderVision: text('decider_vision'),
    deciderValue: text('decider_value'),
    /** Cached by triggers from deal_scores (docs/decisions/0012): the latest scoring. */
    scoreId: text('score_id'),
    scoreTotal: integer('score_total'),
    scoredAt: text('scored_at'),
    /** The visit whose summary took this order (订货): the won deal it keeps (decision 0019). */
    visitId: text('visit_id'),
    ...syncedColumns(),
  },
  (t) => [
    index('deals_board_idx').on(t.status, t.milestone, t.stageEnteredAt),
    index('deals_owner_idx').on(t.ownerId, t.status),
    index('deals_customer_idx').on(t.customerId),
    index('deals_close_idx').on(t.expectedCloseOn),
    index('deals_closed_idx').on(t.status, t.closedOn),
    // Reports (covering): won/lost by close day; created by day; an event's deal owner; won by customer.
    index('deals_won_report_idx').on(
      t.status,
      t.closedOn,
      t.ownerId,
      t.customerId,
      t.amount,
      t.deletedAt,
      t.createdAt,
    ),
    index('deals_created_idx').on(t.createdAt, t.ownerId, t.deletedAt, t.milestone, t.id),
    index('deals_owner_of_idx').on(t.id, t.ownerId, t.status, t.deletedAt),
    index('deals_customer_won_idx').on(t.customerId, t.status, t.closedOn, t.deletedAt),
    // Partial: only the few deals a visit summary's order made.
    index('deals_visit_idx')
      .on(t.visitId)
      .where(sql`${t.visitId} IS NOT NULL`),
  ],
);

/** Product lines of a deal; when a deal has lines, its amount is their sum. */
export const dealLines = sqliteTable(
  'deal_lines',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id').notNull(),
    productId: text('product_id').notNull(),
    quantity: integer('quantity').notNull(),
    /** Unit price in fen. */
    unitPrice: integer('unit_price').notNull(),
    ...syncedColumns(),
  },
  (t) => [index('deal_lines_deal_idx').on(t.dealId)],
);

/** One exit criterion of a deal, ticked (or unticked) by someone at some time. */
export const dealChecks = sqliteTable(
  'deal_checks',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id').notNull(),
    criterion: text('criterion').notNull(),
    checked: integer('checked', { mode: 'boolean' }).notNull(),
    checkedBy: text('checked_by'),
    checkedAt: text('checked_at'),
    ...syncedColumns(),
  },
  (t) => [index('deal_checks_deal_idx').on(t.dealId, t.criterion)],
);

/** Every milestone move: insert-only history (from, to, at, by, forced, reason). */
export const stageHistory = sqliteTable(
  'stage_history',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id').notNull(),
    customerId: text('customer_id').notNull(),
    /** null for the deal's creation. */
    fromMilestone: text('from_milestone'),
    fromStatus: text('from_status'),
    toMilestone: text('to_milestone').notNull(),
    toStatus: text('to_status').notNull(),
    at: text('at').notNull(),
    byUserId: text('by_user_id'),
    forced: integer('forced', { mode: 'boolean' }).notNull().default(false),
    reason: text('reason'),
    ...syncedColumns(),
  },
  (t) => [
    index('stage_history_deal_idx').on(t.dealId, t.at),
    index('stage_history_customer_idx').on(t.customerId, t.at),
    index('stage_history_at_idx').on(t.at),
    // Reports (covering): moves out of a stage by time (dwell); a deal's path (reached, previous move).
    index('stage_history_exit_idx').on(t.at, t.fromStatus, t.fromMilestone, t.dealId, t.deletedAt),
    index('stage_history_path_idx').on(t.dealId, t.at, t.toMilestone, t.deletedAt),
  ],
);

/**
 * One sales intensity scoring of a deal (domain.md §4): insert-only, the latest is the
 * deal's current score. Levels are rubric keys; the points are derived from them in `commit`.
 */
export const dealScores = sqliteTable(
  'deal_scores',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id').notNull(),
    /** ISO instant. */
    scoredAt: text('scored_at').notNull(),
    scoredBy: text('scored_by'),
    problemLevel: text('problem_level').notNull(),
    problemWith: text('problem_with', { enum: ['contact', 'decider'] }).notNull(),
    powerLevel: text('power_level').notNull(),
    visionLevel: text('vision_level').notNull(),
    visionWith: text('vision_with', { enum: ['contact', 'decider'] }).notNull(),
    valueLevel: text('value_level').notNull(),
    valueWith: text('value_with', { enum: ['contact', 'decider'] }).notNull(),
    controlLevel: text('control_level').notNull(),
    note: text('note'),
    /** Derived from the levels (rubric points, 0–20 each; total 0–100). */
    problemPoints: integer('problem_points').notNull(),
    powerPoints: integer('power_points').notNull(),
    visionPoints: integer('vision_points').notNull(),
    valuePoints: integer('value_points').notNull(),
    controlPoints: integer('control_points').notNull(),
    totalPoints: integer('total_points').notNull(),
    ...syncedColumns(),
  },
  (t) => [
    index('deal_scores_deal_idx').on(t.dealId, t.scoredAt),
    // Reports: scorings recorded in a period (covering).
    index('deal_scores_scored_idx').on(t.scoredAt, t.dealId, t.deletedAt),
  ],
);

/** What a won deal's customer owes: one row per instalment. */
export const receivables = sqliteTable(
  'receivables',
  {
    id: text('id').primaryKey(),
    dealId: text('deal_id').notNull(),
    customerId: text('customer_id').notNull(),
    amount: integer('amount').notNull(),
    /** YYYY-MM-DD */
    dueOn: text('due_on').notNull(),
    ...syncedColumns(),
  },
  (t) => [
    index('receivables_deal_idx').on(t.dealId),
    index('receivables_customer_idx').on(t.customerId, t.dueOn),
  ],
);

/** Money collected against a receivable (货款回收). */
export const collections = sqliteTable(
  'collections',
  {
    id: text('id').primaryKey(),
    /**
     * Null with `deal_id`: an unallocated receipt (预收款) — money the customer paid while
     * nothing was owed; the customer's next receivable takes it (docs/decisions/0019).
     */
    receivableId: text('receivable_id'),
    dealId: text('deal_id'),
    customerId: text('customer_id').notNull(),
    amount: integer('amount').notNull(),
    /** YYYY-MM-DD */
    collectedOn: text('collected_on').notNull(),
    byUserId: text('by_user_id'),
    note: text('note'),
    /** The visit whose summary booked it, if any. */
    visitId: text('visit_id'),
    ...syncedColumns(),
  },
  (t) => [
    index('collections_receivable_idx').on(t.receivableId),
    index('collections_customer_idx').on(t.customerId, t.collectedOn),
    index('collections_on_idx').on(t.collectedOn),
  ],
);

/**
 * Who was in which team when (domain.md §1; issue 7): reports credit an event to the rep's
 * team at the time of the event. A row holds for days `from_day` ≤ d < `to_day` (open-ended
 * when null); `users.team_id` is the current one.
 */
export const teamMemberships = sqliteTable(
  'team_memberships',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    teamId: text('team_id').notNull(),
    /** YYYY-MM-DD */
    fromDay: text('from_day').notNull(),
    toDay: text('to_day'),
    ...syncedColumns(),
  },
  (t) => [index('team_memberships_user_idx').on(t.userId, t.fromDay)],
);

/**
 * Targets 销售目标 (domain.md §6): one row per metric, scope and period cell — the year
 * (`2026`), its quarters (`2026-Q1`), months (`2026-03`) and ISO weeks (`2026-W12`). Money in
 * fen, other metrics in counts. Days are derived from weeks and months by working days.
 */
export const targets = sqliteTable(
  'targets',
  {
    id: text('id').primaryKey(),
    metric: text('metric', {
      enum: ['sales', 'collections', 'newCustomers', 'visits', 'effectiveVisits'],
    }).notNull(),
    scopeType: text('scope_type', { enum: ['company', 'team', 'rep'] }).notNull(),
    /** Team or user id; null for the company. */
    scopeId: text('scope_id'),
    year: integer('year').notNull(),
    periodKey: text('period_key').notNull(),
    value: integer('value').notNull(),
    ...syncedColumns(),
  },
  (t) => [index('targets_lookup_idx').on(t.year, t.metric, t.scopeType, t.scopeId, t.periodKey)],
);

/** The working-day calendar's exceptions: holidays on weekdays, 调休 make-up workdays on weekends. */
export const calendarDays = sqliteTable(
  'calendar_days',
  {
    id: text('id').primaryKey(),
    /** YYYY-MM-DD */
    day: text('day').notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name'),
    ...syncedColumns(),
  },
  (t) => [index('calendar_days_day_idx').on(t.day)],
);

/**
 * The weekly report 销售周报 (domain.md §8): one per rep per ISO week. The written fields are
 * the rep's; the figures are computed live while a draft and frozen (JSON) on submission.
 */
export const weeklyReports = sqliteTable(
  'weekly_reports',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    /** YYYY-Www */
    week: text('week').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'reviewed'] }).notNull(),
    competition: text('competition'),
    abnormalCustomers: text('abnormal_customers'),
    nextWeekPlan: text('next_week_plan'),
    helpNeeded: text('help_needed'),
    /** JSON: the auto-filled figures as they were when submitted. */
    figures: text('figures'),
    submittedAt: text('submitted_at'),
    reviewedAt: text('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    reviewComment: text('review_comment'),
    ...syncedColumns(),
  },
  (t) => [index('weekly_reports_week_idx').on(t.week, t.userId)],
);

/** Team-wide settings (currency, later frequency rules…): synced, one row per key. */
export const settings = sqliteTable('settings', {
  id: text('id').primaryKey(),
  value: text('value').notNull(),
  ...syncedColumns(),
});

/** Devices known to this database; this device is recorded on first open. */
export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  appVersion: text('app_version'),
  createdAt: text('created_at').notNull(),
  lastSeenAt: text('last_seen_at').notNull(),
});

/** Per-device state that is never synced: who is using this laptop, language, clock. */
export const localState = sqliteTable('local_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * One row per changed field, appended by `commit` in the same transaction as the change.
 * `seq` is a local ordering only; a change's identity across devices is (device_id, hlc).
 */
export const changeLog = sqliteTable(
  'change_log',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    hlc: text('hlc').notNull(),
    deviceId: text('device_id').notNull(),
    userId: text('user_id'),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    column: text('column').notNull(),
    /** JSON-encoded new value. */
    value: text('value'),
  },
  (t) => [
    index('change_log_row_idx').on(t.tableName, t.rowId),
    index('change_log_hlc_idx').on(t.hlc),
  ],
);

/*
 * Team sync through a folder (issue 9, docs/team-folder.md). These tables are local to one
 * device, never synced and never written by `commit`: they are the sync engine's own book-keeping.
 */

/** This device's batches in the team folder: which change-log records each one carries. */
export const syncBatches = sqliteTable('sync_batches', {
  seq: integer('seq').primaryKey(),
  /** change_log.seq range (inclusive) of this device's records in the batch. */
  firstChange: integer('first_change').notNull(),
  lastChange: integer('last_change').notNull(),
  writtenAt: text('written_at').notNull(),
});

/** How far this device has applied each other device's batches, and what it waits for. */
export const syncCursors = sqliteTable('sync_cursors', {
  deviceId: text('device_id').primaryKey(),
  /** The last batch applied (0: none yet). */
  appliedSeq: integer('applied_seq').notNull().default(0),
  /** A batch that should exist (the device says so) but cannot be read yet: missing or torn. */
  waitingSeq: integer('waiting_seq'),
  waitingSince: text('waiting_since'),
  problem: text('problem', { enum: ['missing', 'torn', 'newer_format', 'invalid'] }),
  lastAppliedAt: text('last_applied_at'),
});

/**
 * Batches this device applied, with its own clock stamp at that moment: sent with its next
 * batch, so the other device knows which of its changes this device had seen (the conflict rule).
 */
export const syncApplied = sqliteTable('sync_applied', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  deviceId: text('device_id').notNull(),
  seq: integer('seq').notNull(),
  atHlc: text('at_hlc').notNull(),
});

/** Other devices' acknowledgements of this device's batches: `device_id` applied `seq` at `at_hlc`. */
export const syncSeen = sqliteTable(
  'sync_seen',
  {
    deviceId: text('device_id').notNull(),
    seq: integer('seq').notNull(),
    atHlc: text('at_hlc').notNull(),
  },
  (t) => [index('sync_seen_idx').on(t.deviceId, t.seq)],
);

/**
 * What sync found for a person to look at ("changes from the team"): a local value replaced by
 * a concurrent remote one (`overwrite`), two rows that break a rule together (`duplicate`), or a
 * remote change refused by the permission rules (`refused`).
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `refused`: a remote record its author may not make (decision 0024), held here, not applied. */
    kind: text('kind', { enum: ['overwrite', 'duplicate', 'refused'] }).notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    column: text('column'),
    /** JSON values, as in change_log; for `refused`, the rule broken: `{ rule, key }`. */
    localValue: text('local_value'),
    localHlc: text('local_hlc'),
    localUserId: text('local_user_id'),
    remoteValue: text('remote_value'),
    remoteHlc: text('remote_hlc'),
    remoteUserId: text('remote_user_id'),
    remoteDeviceId: text('remote_device_id'),
    /** For `duplicate`: the row this one clashes with. */
    otherRowId: text('other_row_id'),
    detectedAt: text('detected_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolution: text('resolution', { enum: ['restored', 'dismissed'] }),
  },
  (t) => [
    index('sync_conflicts_open_idx').on(t.resolvedAt, t.detectedAt),
    index('sync_conflicts_row_idx').on(t.tableName, t.rowId),
  ],
);
