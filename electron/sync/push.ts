import type { AppContext } from '../core/context';
import type { Sqlite } from '../db/connection';
import { getLocal, setLocal } from '../db/local-state';
import { localNumber, setLocalNumber } from './state';
import {
  FORMAT_VERSION,
  isRefusal,
  prefixMatches,
  TransportError,
  type Ack,
  type Batch,
  type BatchRecord,
  type DeviceInfo,
  type Transport,
} from './transport';

export type PushResult = {
  batches: number;
  changes: number;
  /** Own slots passed over this push: they held a file this device did not sign. */
  skipped: number[];
};

/**
 * Slots one push passes over before it stops with an error (a forger could fill thousands):
 * each skip is saved, so the next push goes on from there and no push runs without end.
 */
export const MAX_SKIPS = 1000;

/** Own batch slots this device passed over (listed in its device file for the readers). */
export function skippedSlots(sqlite: Sqlite): number[] {
  try {
    const list = JSON.parse(getLocal(sqlite, 'sync_skipped') ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((n): n is number => Number.isSafeInteger(n)) : [];
  } catch {
    return [];
  }
}

type LogRow = {
  seq: number;
  hlc: string;
  user_id: string | null;
  table_name: string;
  row_id: string;
  column: string;
  value: string | null;
};

/** A change-log row's fields that a batch record carries (push and repair read them). */
export type RecordRow = Omit<LogRow, 'seq'>;

/** A change-log row as the record a batch carries. */
export function toRecord(r: RecordRow): BatchRecord {
  return {
    hlc: r.hlc,
    user: r.user_id,
    table: r.table_name,
    row: r.row_id,
    column: r.column,
    value: r.value === null ? null : (JSON.parse(r.value) as unknown),
  };
}

/** Records per batch: big enough for an import, small enough to read and apply in one go. */
export const MAX_BATCH_RECORDS = 5000;

/** How many of this device's change-log records have not been written to the team folder. */
export function pendingChanges(ctx: Pick<AppContext, 'sqlite' | 'deviceId'>): number {
  const pushed = localNumber(ctx.sqlite, 'sync_pushed_change');
  return (
    ctx.sqlite
      .prepare('SELECT count(*) AS n FROM change_log WHERE device_id = ? AND seq > ?')
      .get(ctx.deviceId, pushed) as { n: number }
  ).n;
}

/**
 * Writes this device's unsent change-log records as its next batches. Crash-safe without a
 * second writer: a batch is derived from the saved cursor, so if the process died after the
 * rename but before saving the cursor, the next push finds the batch already there with the
 * same first record and adopts it instead of writing the records again.
 *
 * In a sealed folder (decision 0021) a slot holding a file this device did not sign — refused,
 * or torn (a torn sealed file shows no header to recognise) — is passed over: the seq is saved
 * as skipped and as the last one used, and the batch goes to the next slot. A torn file that
 * was in fact this device's own (renamed before a crash, then torn by the drive) is safe to
 * pass over too: its records go again in the next batch, and applying is idempotent.
 */
export function push(
  ctx: AppContext,
  transport: Transport,
  options: { maxRecords?: number } = {},
): PushResult {
  const { sqlite, deviceId } = ctx;
  const max = options.maxRecords ?? MAX_BATCH_RECORDS;
  const select = sqlite.prepare(
    'SELECT seq, hlc, user_id, table_name, row_id, "column", value FROM change_log WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?',
  );
  const selectAcks = sqlite.prepare(
    'SELECT id, device_id, seq, at_hlc FROM sync_applied WHERE id > ? ORDER BY id',
  );
  const record = sqlite.transaction(
    (seq: number, from: number, to: number, ackTo: number, at: string) => {
      sqlite
        .prepare(
          'INSERT OR REPLACE INTO sync_batches (seq, first_change, last_change, written_at) VALUES (?, ?, ?, ?)',
        )
        .run(seq, from, to, at);
      setLocalNumber(sqlite, 'sync_batch', seq);
      setLocalNumber(sqlite, 'sync_pushed_change', to);
      setLocalNumber(
        sqlite,
        'sync_acks_sent',
        Math.max(ackTo, localNumber(sqlite, 'sync_acks_sent')),
      );
    },
  );

  const skip = sqlite.transaction((seq: number) => {
    setLocal(sqlite, 'sync_skipped', JSON.stringify([...skippedSlots(sqlite), seq]));
    setLocalNumber(sqlite, 'sync_batch', seq);
  });

  let batches = 0;
  let changes = 0;
  const skipped: number[] = [];
  for (;;) {
    const pushed = localNumber(sqlite, 'sync_pushed_change');
    const rows = select.all(deviceId, pushed, max) as LogRow[];
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) break;
    const next = localNumber(sqlite, 'sync_batch') + 1;

    const existing = transport.readBatch(deviceId, next);
    if (isRefusal(existing) || (existing === 'torn' && transport.sealed)) {
      if (skipped.length >= MAX_SKIPS)
        throw new TransportError(
          'io',
          `${MAX_SKIPS} of this device's batch slots in the team folder (up to ${next - 1}) hold files it did not sign: someone writes into its slots. The next sync goes on from there`,
        );
      skip(next);
      skipped.push(next);
      continue;
    }
    if (existing === 'torn') {
      // Renamed into place before a crash, then torn by the drive: if its header and the
      // records that survived are these records, write it again whole and adopt it; otherwise
      // it is not ours to replace (a copy of this database wrote it, as another device).
      const prefix = transport.readBatchPrefix(deviceId, next);
      const header = prefix?.header;
      const notOurs = () =>
        new TransportError(
          'exists',
          `this device's batch ${next} in the team folder is damaged and does not hold its next changes: is this database a copy of another device's?`,
        );
      if (!prefix || !header || header.from !== first.seq || header.to < header.from)
        throw notOurs();
      const records = (
        sqlite
          .prepare(
            'SELECT seq, hlc, user_id, table_name, row_id, "column", value FROM change_log WHERE device_id = ? AND seq >= ? AND seq <= ? ORDER BY seq',
          )
          .all(deviceId, header.from, header.to) as LogRow[]
      ).map(toRecord);
      if (!prefixMatches(prefix, records)) throw notOurs();
      transport.replaceBatch(deviceId, next, {
        header: { ...header, count: records.length },
        records,
      });
      record(next, header.from, header.to, header.ackTo, header.writtenAt);
      batches += 1;
      changes += records.length;
      continue;
    }
    if (existing !== 'missing') {
      if (existing.header.from !== first.seq)
        throw new TransportError(
          'exists',
          `batch ${next} of this device already holds other changes: is this database a copy of another device's?`,
        );
      // Written before a crash; the cursor was not saved. Adopt it.
      record(
        next,
        existing.header.from,
        existing.header.to,
        existing.header.ackTo,
        existing.header.writtenAt,
      );
      batches += 1;
      changes += existing.header.count;
      continue;
    }

    const ackRows = selectAcks.all(localNumber(sqlite, 'sync_acks_sent')) as {
      id: number;
      device_id: string;
      seq: number;
      at_hlc: string;
    }[];
    const acks: Ack[] = ackRows.map((a) => [a.device_id, a.seq, a.at_hlc]);
    const ackTo = ackRows.length > 0 ? (ackRows[ackRows.length - 1]?.id ?? 0) : 0;
    const writtenAt = ctx.now().toISOString();
    const records: BatchRecord[] = rows.map(toRecord);
    const batch: Batch = {
      header: {
        format: FORMAT_VERSION,
        device: deviceId,
        seq: next,
        from: first.seq,
        to: last.seq,
        count: records.length,
        acks,
        ackTo,
        writtenAt,
      },
      records,
    };
    transport.writeBatch(deviceId, next, batch);
    record(next, first.seq, last.seq, ackTo, writtenAt);
    batches += 1;
    changes += records.length;
  }
  if (batches > 0 || skipped.length > 0) registerDevice(ctx, transport);
  return { batches, changes, skipped };
}

/** Writes `devices/<this device>.json`: who it is and its last batch (so readers can tell a gap). */
export function registerDevice(ctx: AppContext, transport: Transport): void {
  const { sqlite } = ctx;
  const device = sqlite.prepare('SELECT name FROM devices WHERE id = ?').get(ctx.deviceId) as
    { name: string } | undefined;
  const userId = ctx.currentUserId();
  const user = userId
    ? (sqlite.prepare('SELECT name FROM users WHERE id = ?').get(userId) as
        { name: string } | undefined)
    : undefined;
  const waitingFor = waitingForOf(ctx);
  const skipped = skippedSlots(sqlite);
  transport.writeDevice({
    deviceId: ctx.deviceId,
    name: device?.name ?? ctx.deviceId,
    userName: user?.name ?? null,
    appVersion: ctx.appVersion,
    lastSeenAt: ctx.now().toISOString(),
    lastSeq: localNumber(sqlite, 'sync_batch'),
    ...(waitingFor.length > 0 ? { waitingFor } : {}),
    ...(skipped.length > 0 ? { skipped } : {}),
  });
}

/** Other devices' batches this device waits for because they are missing or torn (for their author). */
export function waitingForOf(ctx: AppContext): NonNullable<DeviceInfo['waitingFor']> {
  const rows = ctx.sqlite
    .prepare(
      "SELECT device_id, waiting_seq, problem FROM sync_cursors WHERE waiting_seq IS NOT NULL AND problem IN ('missing', 'torn') ORDER BY device_id",
    )
    .all() as { device_id: string; waiting_seq: number; problem: 'missing' | 'torn' }[];
  return rows.map((r) => [r.device_id, r.waiting_seq, r.problem]);
}
