import type { AppContext } from '../core/context';
import { isSyncedTable, tableInfo, type SyncedTableName } from '../core/tables';
import type { Sqlite } from '../db/connection';
import { setLocal } from '../db/local-state';
import { BatchJudge } from './authorize';
import { flagClashes, refreshCaches } from './rules';
import { columnKeys, createRow, finishRow, stmt, toSql, type RowState } from './rows';
import type { Batch, BatchRecord } from './transport';

export type ApplyStats = {
  records: number;
  /** Records already in the change log (a batch read twice, or from a snapshot). */
  duplicates: number;
  /** Fields written to rows (the record was the newest for its field). */
  written: number;
  conflicts: number;
  createdRows: number;
  /** Rows whose creating records have not arrived yet (their updates are kept in the log). */
  pendingRows: number;
  /** Records for a table or column this version does not know (kept in the log). */
  unknown: number;
  /** Records whose author may not make them (docs/decisions/0024): listed, not applied. */
  refused: number;
  /** Records refused earlier that their author's role, now known, allows: applied now. */
  released: number;
  tables: Set<SyncedTableName>;
};

/** A refusal held in sync_conflicts: the record itself, to be judged again. */
type HeldRow = {
  id: number;
  table_name: string;
  row_id: string;
  column: string;
  remote_value: string | null;
  remote_hlc: string;
  remote_user_id: string;
  remote_device_id: string;
};

type LogRow = {
  seq: number;
  hlc: string;
  device_id: string;
  user_id: string | null;
  value: string | null;
};

/**
 * Did `remoteDevice` know this device's change-log record `localSeq` when it made a change
 * stamped `remoteHlc`? It knew it if it had applied the batch holding that record (or a
 * later one, after a join) before: its acknowledgement's stamp is older than the change.
 */
export function remoteKnew(
  sqlite: Sqlite,
  remoteDevice: string,
  localSeq: number,
  remoteHlc: string,
): boolean {
  const batch = stmt(
    sqlite,
    'SELECT seq FROM sync_batches WHERE first_change <= ? AND last_change >= ? ORDER BY seq LIMIT 1',
  ).get(localSeq, localSeq) as { seq: number } | undefined;
  if (!batch) return false; // never sent: nobody can have seen it
  const ack = stmt(
    sqlite,
    'SELECT min(at_hlc) AS at FROM sync_seen WHERE device_id = ? AND seq >= ?',
  ).get(remoteDevice, batch.seq) as { at: string | null };
  return ack.at !== null && ack.at < remoteHlc;
}

/**
 * Applies one batch of another device in one transaction (docs/team-folder.md):
 * every record is appended to the change log once (keyed by device, stamp, table, row and
 * column), and written to its row only when its stamp is the newest for that field — last
 * writer wins per field, ties broken by device id (both are in the stamp). A local value
 * replaced by a concurrent remote one is recorded in `sync_conflicts`.
 */
export function applyBatch(ctx: AppContext, batch: Batch): ApplyStats {
  const { sqlite, deviceId } = ctx;
  const { header, records } = batch;
  const stats: ApplyStats = {
    records: records.length,
    duplicates: 0,
    written: 0,
    conflicts: 0,
    createdRows: 0,
    pendingRows: 0,
    unknown: 0,
    refused: 0,
    released: 0,
    tables: new Set(),
  };
  const detectedAt = ctx.now().toISOString();

  const run = sqlite.transaction(() => {
    const seenExists = stmt(sqlite, 'SELECT 1 FROM sync_seen WHERE device_id = ? AND seq = ?');
    const seenInsert = stmt(
      sqlite,
      'INSERT INTO sync_seen (device_id, seq, at_hlc) VALUES (?, ?, ?)',
    );
    for (const [device, seq, at] of header.acks) {
      if (device !== deviceId) continue;
      if (!seenExists.get(header.device, seq)) seenInsert.run(header.device, seq, at);
    }

    const exists = stmt(
      sqlite,
      'SELECT 1 FROM change_log WHERE hlc = ? AND device_id = ? AND table_name = ? AND row_id = ? AND "column" = ?',
    );
    const latest = stmt(
      sqlite,
      'SELECT seq, hlc, device_id, user_id, value FROM change_log WHERE table_name = ? AND row_id = ? AND "column" = ? ORDER BY hlc DESC LIMIT 1',
    );
    const latestOwn = stmt(
      sqlite,
      'SELECT seq, hlc, device_id, user_id, value FROM change_log WHERE table_name = ? AND row_id = ? AND device_id = ? ORDER BY hlc DESC LIMIT 1',
    );
    const append = stmt(
      sqlite,
      'INSERT INTO change_log (hlc, device_id, user_id, table_name, row_id, "column", value) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const conflict = stmt(
      sqlite,
      `INSERT INTO sync_conflicts (kind, table_name, row_id, "column", local_value, local_hlc, local_user_id,
        remote_value, remote_hlc, remote_user_id, remote_device_id, detected_at)
       VALUES ('overwrite', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const refusedBefore = stmt(
      sqlite,
      `SELECT id FROM sync_conflicts WHERE kind = 'refused' AND remote_hlc = ? AND remote_device_id = ?
        AND table_name = ? AND row_id = ? AND "column" = ?`,
    );
    const refusal = stmt(
      sqlite,
      `INSERT INTO sync_conflicts (kind, table_name, row_id, "column", local_value,
        remote_value, remote_hlc, remote_user_id, remote_device_id, detected_at)
       VALUES ('refused', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const release = stmt(sqlite, 'DELETE FROM sync_conflicts WHERE id = ?');
    // Most files hold no refusal: then no record needs looking up among them.
    let anyRefused =
      stmt(sqlite, "SELECT 1 FROM sync_conflicts WHERE kind = 'refused' LIMIT 1").get() !==
      undefined;
    const rows = new Map<string, RowState>();
    let maxStamp = '';
    /** Users whose role or team this batch wrote: refusals of theirs are judged again. */
    const usersChanged = new Set<string>();

    /**
     * Applies records of `device`. `held`: refusals judged again (their sync_conflicts ids by
     * index); one still refused stays listed as it was, one now allowed leaves the list.
     */
    const applyRecords = (device: string, list: BatchRecord[], held?: number[]): number => {
      const judge = new BatchJudge(ctx, list);
      let released = 0;
      for (const [index, r] of list.entries()) {
        if (r.hlc > maxStamp) maxStamp = r.hlc;
        const value = JSON.stringify(r.value ?? null);
        if (exists.get(r.hlc, device, r.table, r.row, r.column)) {
          stats.duplicates += 1;
          continue;
        }
        const heldId = held?.[index];
        if (
          heldId === undefined &&
          anyRefused &&
          refusedBefore.get(r.hlc, device, r.table, r.row, r.column)
        ) {
          stats.duplicates += 1; // refused when this batch was read before
          continue;
        }
        const verdict = judge.verdict(index);
        if (!verdict.ok) {
          if (heldId !== undefined) continue;
          anyRefused = true;
          refusal.run(
            r.table,
            r.row,
            r.column,
            JSON.stringify({ rule: verdict.rule, key: verdict.key }),
            value,
            r.hlc,
            r.user,
            device,
            detectedAt,
          );
          stats.refused += 1;
          continue;
        }
        if (heldId !== undefined) {
          release.run(heldId);
          released += 1;
        }
        if (r.table === 'users' && (r.column === 'role' || r.column === 'team_id')) {
          usersChanged.add(r.row);
          judge.forget(r.row);
        }
        const prev = latest.get(r.table, r.row, r.column) as LogRow | undefined;
        append.run(r.hlc, device, r.user, r.table, r.row, r.column, value);
        if (!isSyncedTable(r.table)) {
          stats.unknown += 1;
          continue;
        }
        const info = tableInfo[r.table];
        const property = columnKeys(info).get(r.column);
        if (property === undefined || info.derivedColumns.has(property)) {
          stats.unknown += 1;
          continue;
        }
        const key = `${r.table}\u0000${r.row}`;
        let state = rows.get(key);
        if (!state) {
          const found = stmt(sqlite, `SELECT 1 FROM "${r.table}" WHERE id = ?`).get(r.row);
          state = { table: r.table, id: r.row, exists: found !== undefined, written: new Map() };
          rows.set(key, state);
        }
        // An older change: the log keeps it (a missing row is still built from it), the row does not.
        if (prev && prev.hlc >= r.hlc) continue;
        if (
          prev &&
          prev.device_id === deviceId &&
          prev.value !== value &&
          !remoteKnew(sqlite, device, prev.seq, r.hlc)
        ) {
          conflict.run(
            r.table,
            r.row,
            r.column,
            prev.value,
            prev.hlc,
            prev.user_id,
            value,
            r.hlc,
            r.user,
            device,
            detectedAt,
          );
          stats.conflicts += 1;
        } else if (
          state.exists &&
          r.column === 'deleted_at' &&
          r.value !== null &&
          (prev === undefined || prev.value === 'null')
        ) {
          // A concurrent delete hides this device's edits of the row: never silently.
          const mine = latestOwn.get(r.table, r.row, deviceId) as LogRow | undefined;
          if (mine && !remoteKnew(sqlite, device, mine.seq, r.hlc)) {
            conflict.run(
              r.table,
              r.row,
              r.column,
              'null',
              mine.hlc,
              mine.user_id,
              value,
              r.hlc,
              r.user,
              device,
              detectedAt,
            );
            stats.conflicts += 1;
          }
        }
        if (state.exists) {
          stmt(sqlite, `UPDATE "${r.table}" SET "${r.column}" = ? WHERE id = ?`).run(
            toSql(r.value),
            r.row,
          );
        }
        state.written.set(r.column, r);
        stats.written += 1;
      }
      return released;
    };

    applyRecords(header.device, records);
    // A role or team that arrived after a change of its user decides that change anew: held
    // refusals of these users are judged again until nothing more is released (0024).
    for (let round = 0; usersChanged.size > 0 && round < 10; round++) {
      const users = [...usersChanged];
      usersChanged.clear();
      const heldRows = sqlite
        .prepare(
          `SELECT id, table_name, row_id, "column", remote_value, remote_hlc, remote_user_id, remote_device_id
           FROM sync_conflicts WHERE kind = 'refused' AND remote_user_id IN (${users.map(() => '?').join(',')})
           ORDER BY remote_device_id, remote_hlc`,
        )
        .all(...users) as HeldRow[];
      const byDevice = new Map<string, HeldRow[]>();
      for (const h of heldRows)
        byDevice.set(h.remote_device_id, [...(byDevice.get(h.remote_device_id) ?? []), h]);
      let released = 0;
      for (const [device, list] of byDevice) {
        released += applyRecords(
          device,
          list.map((h) => ({
            hlc: h.remote_hlc,
            user: h.remote_user_id,
            table: h.table_name,
            row: h.row_id,
            column: h.column,
            value: h.remote_value === null ? null : JSON.parse(h.remote_value),
          })),
          list.map((h) => h.id),
        );
      }
      stats.released += released;
      if (released === 0) break;
    }

    for (const state of rows.values()) {
      if (state.exists && state.written.size === 0) continue;
      if (state.exists) finishRow(sqlite, state);
      else if (createRow(sqlite, state)) stats.createdRows += 1;
      else {
        stats.pendingRows += 1;
        continue;
      }
      stats.tables.add(state.table);
      refreshCaches(sqlite, state.table, state.id, !state.exists);
      stats.conflicts += flagClashes(sqlite, state.table, state.id, state.written, !state.exists, {
        remoteDevice: header.device,
        detectedAt,
      });
    }

    if (maxStamp) ctx.clock.receive(maxStamp);
    const at = ctx.clock.now();
    stmt(sqlite, 'INSERT INTO sync_applied (device_id, seq, at_hlc) VALUES (?, ?, ?)').run(
      header.device,
      header.seq,
      at,
    );
    stmt(
      sqlite,
      `INSERT INTO sync_cursors (device_id, applied_seq, last_applied_at) VALUES (?, ?, ?)
       ON CONFLICT(device_id) DO UPDATE SET applied_seq = excluded.applied_seq,
         last_applied_at = excluded.last_applied_at, waiting_seq = NULL, waiting_since = NULL, problem = NULL`,
    ).run(header.device, header.seq, detectedAt);
    setLocal(sqlite, 'hlc', JSON.stringify(ctx.clock.snapshot()));
  });
  run.immediate();
  return stats;
}
