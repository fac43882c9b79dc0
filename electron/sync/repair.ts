import type { AppContext } from '../core/context';
import { skippedSlots, toRecord, type RecordRow } from './push';
import { localNumber, setLocalNumber } from './state';
import {
  FORMAT_VERSION,
  isRefusal,
  prefixMatches,
  type Ack,
  type Batch,
  type BatchHeader,
  type BatchRecord,
  type Transport,
} from './transport';

/** How much of its own batches a device reads per round to check they are whole in the folder. */
export const AUDIT_RECORDS = 5000;
export const AUDIT_FILES = 16;

export type RepairResult = {
  /** Own batches read this round. */
  checked: number;
  /** Own batches found torn or missing and written again. */
  repaired: number[];
};

/**
 * Own batch `seq` rebuilt from the change log: the records of its `sync_batches` range, in
 * log order, exactly as push wrote them; null when there is no such batch, or when what
 * survived of the file holds other records (not this database's to mend). The header is the
 * file's own when its first line survived (then the file comes out byte for byte as it was);
 * otherwise its acks are every
 * acknowledgement sent so far from the previous batch's on — each ack is a fact (this device
 * applied batch s of d at stamp t), so sending one again or earlier changes no one's verdict
 * except to make it better informed.
 */
export function rebuildBatch(ctx: AppContext, transport: Transport, seq: number): Batch | null {
  const { sqlite, deviceId } = ctx;
  const range = sqlite
    .prepare('SELECT first_change, last_change, written_at FROM sync_batches WHERE seq = ?')
    .get(seq) as { first_change: number; last_change: number; written_at: string } | undefined;
  if (!range || seq < 1) return null;
  const rows = sqlite
    .prepare(
      'SELECT hlc, user_id, table_name, row_id, "column", value FROM change_log WHERE device_id = ? AND seq >= ? AND seq <= ? ORDER BY seq',
    )
    .all(deviceId, range.first_change, range.last_change) as RecordRow[];
  const records: BatchRecord[] = rows.map(toRecord);
  const kept = transport.readBatchPrefix(deviceId, seq);
  if (kept) {
    // What survived must be these records: else this file is not this database's to mend.
    const same = kept.header.from === range.first_change && kept.header.to === range.last_change;
    if (!same || !prefixMatches(kept, records)) return null;
    return { header: { ...kept.header, count: records.length }, records };
  }
  // The previous batch written (slots skipped in a sealed folder hold none of this device's).
  const previous = sqlite
    .prepare('SELECT max(seq) AS seq FROM sync_batches WHERE seq < ? AND seq >= 1')
    .get(seq) as { seq: number | null };
  const after =
    previous.seq === null
      ? 0
      : (transport.readBatchPrefix(deviceId, previous.seq)?.header.ackTo ?? 0);
  const upTo = localNumber(sqlite, 'sync_acks_sent');
  const ackRows = sqlite
    .prepare(
      'SELECT id, device_id, seq, at_hlc FROM sync_applied WHERE id > ? AND id <= ? ORDER BY id',
    )
    .all(after, upTo) as { id: number; device_id: string; seq: number; at_hlc: string }[];
  const acks: Ack[] = ackRows.map((a) => [a.device_id, a.seq, a.at_hlc]);
  const header: BatchHeader = {
    format: FORMAT_VERSION,
    device: deviceId,
    seq,
    from: range.first_change,
    to: range.last_change,
    count: records.length,
    acks,
    ackTo: ackRows[ackRows.length - 1]?.id ?? 0,
    writtenAt: range.written_at,
  };
  return { header, records };
}

/**
 * The author's repair of its own batches in the folder (issue 16): a batch a drive tore or lost
 * is written again, atomically, with the same records; readers wait on it meanwhile (they never
 * apply past a batch they cannot read). Checked each round: first the batches other devices say
 * they wait for (`waitingFor` in their registry), then a rolling window of the others, up to
 * about `budget` records, resuming where the last round stopped. In a sealed folder a file at
 * one of its slots that it did not sign (refused: forged, replayed, altered) is rewritten the
 * same way; a slot it skipped (push.ts) holds nothing of its own and is left alone.
 */
export function repairOwnBatches(
  ctx: AppContext,
  transport: Transport,
  asked: number[] = [],
  budget = AUDIT_RECORDS,
): RepairResult {
  const { sqlite, deviceId } = ctx;
  const result: RepairResult = { checked: 0, repaired: [] };
  const last = localNumber(sqlite, 'sync_batch');
  if (last < 1) return result;
  let read = 0;
  const done = new Set<number>(skippedSlots(sqlite));
  const check = (seq: number) => {
    done.add(seq);
    result.checked += 1;
    const found = transport.readBatch(deviceId, seq);
    if (found !== 'missing' && found !== 'torn' && !isRefusal(found)) {
      read += found.header.count + 1;
      return;
    }
    const batch = rebuildBatch(ctx, transport, seq);
    if (!batch) return;
    transport.replaceBatch(deviceId, seq, batch);
    read += batch.records.length + 1;
    result.repaired.push(seq);
  };
  for (const seq of new Set(asked)) if (seq >= 1 && seq <= last && !done.has(seq)) check(seq);
  const previous = localNumber(sqlite, 'sync_audit_batch');
  let seq = previous + 1;
  if (seq > last) seq = 1;
  const start = seq;
  let audited: number;
  do {
    if (!done.has(seq)) check(seq);
    audited = seq;
    seq = seq >= last ? 1 : seq + 1;
  } while (read < budget && result.checked < AUDIT_FILES && seq !== start);
  // An idle round that checked everything ends where it began: nothing to save.
  if (audited !== previous) setLocalNumber(sqlite, 'sync_audit_batch', audited);
  return result;
}
