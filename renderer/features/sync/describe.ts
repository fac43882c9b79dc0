import type { TFunction } from 'i18next';
import type { SyncConflictView } from '../../../shared/contract/sync';
import { formatDate, formatDateTime } from '../../components/format';
import { formatMoney } from '../../components/money';

/** Money columns (integer fen) per table. */
const moneyColumns: Record<string, readonly string[]> = {
  deals: ['amount'],
  deal_lines: ['unit_price'],
  products: ['list_price'],
  receivables: ['amount'],
  collections: ['amount'],
  visits: ['order_amount', 'collection_amount'],
};

/** Enum columns shown through the app's existing labels. */
const enumLabels: Record<string, Record<string, string>> = {
  customers: { status: 'customerStatus' },
  deals: { milestone: 'milestones', status: 'dealStatus' },
  contacts: { buying_role: 'buyingRoles' },
  users: { role: 'roles' },
};

/** Columns that hold a person's id. */
const userColumns = new Set([
  'owner_id',
  'user_id',
  'organizer_id',
  'by_user_id',
  'manager_id',
  'reviewed_by',
  'checked_by',
  'scored_by',
  'summarized_by',
]);

const booleanColumns = new Set(['is_key', 'active', 'checked', 'planned', 'effective', 'forced']);

/** An instant as "10:02" today, with the date otherwise. */
export function formatWhen(iso: string | null, language: string, now = new Date()): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (date.toDateString() === now.toDateString())
    return date.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
  return formatDateTime(iso, language);
}

export type Names = { users: Map<string, string> };

/** A field's value in words: money as money, dates as dates, enums by their labels, ids by name. */
export function formatValue(
  t: TFunction,
  language: string,
  table: string,
  column: string | null,
  value: unknown,
  names: Names,
): string {
  if (value === null || value === undefined || value === '') return t('sync.changes.empty');
  if (!column) return String(value);
  if (typeof value === 'number' && moneyColumns[table]?.includes(column))
    return formatMoney(value, language);
  if (booleanColumns.has(column) || typeof value === 'boolean')
    return value === true || value === 1 ? t('sync.values.yes') : t('sync.values.no');
  const enumKey = enumLabels[table]?.[column];
  if (enumKey && typeof value === 'string') {
    const label = t(`${enumKey}.${value}`, { defaultValue: '' });
    if (label) return label;
  }
  if (userColumns.has(column) && typeof value === 'string') return names.users.get(value) ?? value;
  if (typeof value === 'string') {
    if (column === 'tags') {
      try {
        const tags = JSON.parse(value) as unknown;
        if (Array.isArray(tags)) return tags.length ? tags.join('、') : t('sync.changes.empty');
      } catch {
        return value;
      }
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(`${value}T00:00:00`, language);
    if (/_at$/.test(column) && /^\d{4}-\d{2}-\d{2}T/.test(value))
      return formatDateTime(value, language);
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value as string | number);
}

/** A column's name in words ("amount"), or the column itself. */
export function fieldLabel(t: TFunction, column: string | null): string {
  if (!column) return '';
  return t(`sync.fields.${column}`, { defaultValue: column.replace(/_/g, ' ') });
}

/** "the customer 华东机电" / "客户华东机电". */
export function rowName(t: TFunction, table: string, label: string | null): string {
  const kind = t(`sync.tables.${table}`, { defaultValue: table });
  return label ? t('sync.changes.row', { kind, name: label }) : t('sync.changes.unknownRow');
}

/** One entry of "changes from the team" as a sentence. */
export function describeConflict(
  t: TFunction,
  language: string,
  conflict: SyncConflictView,
  names: Names,
): string {
  const { remote, local, table, column } = conflict;
  const row = rowName(t, table, conflict.rowLabel);
  if (conflict.kind === 'duplicate') {
    const things = t(`sync.things.${table}`, { defaultValue: t('sync.things.other') });
    const same =
      !conflict.otherRowLabel ||
      (conflict.rowLabel ?? '').trim().toLowerCase() ===
        conflict.otherRowLabel.trim().toLowerCase();
    return same
      ? t('sync.changes.duplicate', { things, row: conflict.rowLabel ?? '' })
      : t('sync.changes.duplicateOther', {
          things,
          row: conflict.rowLabel ?? '',
          other: conflict.otherRowLabel ?? '',
        });
  }
  const who =
    remote.userName ??
    (remote.deviceName
      ? t('sync.changes.someoneOn', { device: remote.deviceName })
      : t('sync.changes.someone'));
  const at = formatWhen(remote.at, language);
  if (conflict.kind === 'refused') return describeRefusal(t, conflict, who, at);
  const format = (value: unknown) => formatValue(t, language, table, column, value, names);
  if (column === 'deleted_at') {
    return remote.value === null
      ? t('sync.changes.restoredRow', { who, row, at })
      : t('sync.changes.deleted', { who, row, at });
  }
  const field = fieldLabel(t, column);
  const theirs = format(remote.value);
  const mine = format(local?.value ?? null);
  if (local?.at)
    return t('sync.changes.overwrite', {
      who,
      field,
      row,
      theirs,
      at,
      mine,
      mineAt: formatWhen(local.at, language),
    });
  return t('sync.changes.overwriteNoMine', { who, field, row, theirs, at, mine });
}

/** Book-keeping columns every write carries: not worth naming in a sentence. */
const bookkeeping = new Set(['created_at', 'updated_at', 'updated_by', 'deleted_at']);

/** "Not applied: 李四 changed the role of person “李四” at 10:02, which they may not. Only a manager…" */
function describeRefusal(
  t: TFunction,
  conflict: SyncConflictView,
  who: string,
  at: string,
): string {
  const columns = conflict.refusal?.columns ?? (conflict.column ? [conflict.column] : []);
  const reason = conflict.refusal ? t(conflict.refusal.key) : '';
  if (conflict.rowLabel === null && columns.includes('created_at'))
    return t('sync.changes.refusedNew', {
      who,
      at,
      reason,
      kind: t(`sync.tables.${conflict.table}`, { defaultValue: conflict.table }),
    });
  const named = columns.filter((c) => !bookkeeping.has(c));
  const fields = (named.length > 0 ? named : columns).map((c) => fieldLabel(t, c)).join(', ');
  const row = rowName(t, conflict.table, conflict.rowLabel);
  return t('sync.changes.refused', { who, fields, row, at, reason });
}

/** Where a row of a table is shown, if it has a page of its own. */
export function rowLink(table: string, rowId: string): string | null {
  if (table === 'customers') return `/customers/${rowId}`;
  if (table === 'deals') return `/deals/${rowId}`;
  return null;
}
