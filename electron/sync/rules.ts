import type { SyncedTableName } from '../core/tables';
import type { Sqlite } from '../db/connection';
import type { BatchRecord } from './transport';

/**
 * Rules two devices can break together without either knowing: two customers with the same
 * name, two weekly reports for one rep and week, two targets for one cell, two entries for one
 * calendar day. The schema has no unique index for them (it would block the sync); sync
 * applies both rows and flags the pair for a person to merge.
 */
const clashRules: Partial<Record<SyncedTableName, { columns: string[]; triggers: string[] }>> = {
  customers: { columns: ['name_key'], triggers: ['name', 'deleted_at'] },
  weekly_reports: { columns: ['user_id', 'week'], triggers: ['user_id', 'week', 'deleted_at'] },
  targets: {
    columns: ['year', 'metric', 'scope_type', 'scope_id', 'period_key'],
    triggers: ['year', 'metric', 'scope_type', 'scope_id', 'period_key', 'deleted_at'],
  },
  calendar_days: { columns: ['day'], triggers: ['day', 'deleted_at'] },
};

/**
 * Flags live rows that now clash with `rowId` by a rule (once per pair, while unresolved).
 * Returns how many it flagged.
 */
export function flagClashes(
  sqlite: Sqlite,
  table: SyncedTableName,
  rowId: string,
  written: Map<string, BatchRecord>,
  created: boolean,
  context: { remoteDevice: string; detectedAt: string },
): number {
  const rule = clashRules[table];
  if (!rule) return 0;
  if (!created && !rule.triggers.some((c) => written.has(c))) return 0;
  const row = sqlite.prepare(`SELECT * FROM "${table}" WHERE id = ?`).get(rowId) as
    Record<string, unknown> | undefined;
  if (!row || row.deleted_at !== null) return 0;
  const others = sqlite
    .prepare(
      `SELECT id FROM "${table}" WHERE deleted_at IS NULL AND id <> ? AND ${rule.columns
        .map((c) => `"${c}" IS ?`)
        .join(' AND ')}`,
    )
    .all(rowId, ...rule.columns.map((c) => row[c])) as { id: string }[];
  let flagged = 0;
  for (const other of others) {
    const known = sqlite
      .prepare(
        `SELECT 1 FROM sync_conflicts WHERE kind = 'duplicate' AND table_name = ? AND resolved_at IS NULL
         AND ((row_id = ? AND other_row_id = ?) OR (row_id = ? AND other_row_id = ?))`,
      )
      .get(table, rowId, other.id, other.id, rowId);
    if (known) continue;
    sqlite
      .prepare(
        `INSERT INTO sync_conflicts (kind, table_name, row_id, other_row_id, remote_device_id, detected_at)
         VALUES ('duplicate', ?, ?, ?, ?, ?)`,
      )
      .run(table, rowId, other.id, context.remoteDevice, context.detectedAt);
    flagged += 1;
  }
  return flagged;
}

/**
 * Caches kept by triggers on other tables (docs/decisions/0007, 0012) are right for rows that
 * existed when their sources arrived; a customer or deal created by sync after its timeline or
 * scorings (devices read in another order) gets them recomputed the way the triggers would.
 */
export function refreshCaches(
  sqlite: Sqlite,
  table: SyncedTableName,
  rowId: string,
  created: boolean,
): void {
  if (!created) return;
  if (table === 'customers') {
    sqlite
      .prepare(
        `UPDATE customers SET last_contact_at = (
          SELECT max(x) FROM (
            SELECT max(a.at) AS x FROM activities a
            WHERE a.customer_id = customers.id AND a.deleted_at IS NULL AND a.kind <> 'handover'
            UNION ALL
            SELECT max(coalesce(v.actual_start_at, v.start_at)) FROM visits v
            WHERE v.customer_id = customers.id AND v.deleted_at IS NULL AND v.status = 'done'
          )
        ), last_visit_on = (
          SELECT max(v.day) FROM visits v
          WHERE v.customer_id = customers.id AND v.deleted_at IS NULL AND v.status = 'done'
        ) WHERE id = ?`,
      )
      .run(rowId);
  } else if (table === 'deals') {
    sqlite
      .prepare(
        `UPDATE deals SET (score_id, score_total, scored_at) = (
          SELECT s.id, s.total_points, s.scored_at FROM deal_scores s
          WHERE s.deal_id = deals.id AND s.deleted_at IS NULL
          ORDER BY s.scored_at DESC, s.id DESC LIMIT 1
        ) WHERE id = ?`,
      )
      .run(rowId);
  }
}
