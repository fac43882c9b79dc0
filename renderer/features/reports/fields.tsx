import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { formatMoney } from '../../components/money';
import { formatDate } from '../../components/format';
import { get, type Field, type Fmt } from '../../../shared/reports/views';

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function percent(v: number | null, language: string): string {
  if (v === null) return '—';
  return v.toLocaleString(language, { style: 'percent', maximumFractionDigits: 1 });
}

export function formatCount(v: number, language: string): string {
  return v.toLocaleString(language, { maximumFractionDigits: 1 });
}

/** A calendar day (YYYY-MM-DD) as a short date. */
export function shortDay(day: string, language: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Date(y, m - 1, d).toLocaleDateString(language, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  });
}

/** Money with the sign before the ¥: −¥2,194,664 rather than ¥-2,194,664. */
export function signedMoney(fen: number, language: string): string {
  return fen < 0 ? `−${formatMoney(-fen, language)}` : formatMoney(fen, language);
}

/** Sorting value of a field: numbers as numbers, the rest as text. */
export function sortValue(row: unknown, field: Field): number | string | null {
  const v = get(row, field.path);
  if (field.fmt === 'metricMoney' || field.fmt === 'metricCount')
    return num(get(v, 'attainment')) ?? num(get(v, 'actual'));
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (Array.isArray(v)) return v.length;
  return null;
}

export const numericFmts: readonly Fmt[] = [
  'money',
  'count',
  'rate',
  'change',
  'days',
  'avgMedian',
  'rank',
  'metricMoney',
  'metricCount',
  'ofExpected',
];

/** One figure of a row (or of the key figures) in the user's language. */
export function renderField(row: unknown, field: Field, t: TFunction, language: string): ReactNode {
  const v = get(row, field.path);
  const dash = t('common.none');
  switch (field.fmt) {
    case 'money':
      return typeof v === 'number' ? signedMoney(v, language) : dash;
    case 'count':
    case 'days':
      return typeof v === 'number' ? formatCount(v, language) : dash;
    case 'rate':
      return percent(num(v), language);
    case 'change': {
      const n = num(v);
      if (n === null) return dash;
      const sign = n > 0 ? '+' : '';
      return (
        <Text span inherit c={n < 0 ? 'red' : n > 0 ? 'teal' : undefined}>
          {sign}
          {percent(n, language)}
        </Text>
      );
    }
    case 'avgMedian': {
      const a = num(v);
      const m = num(get(row, field.path2 ?? ''));
      if (a === null) return dash;
      return `${formatCount(a, language)} / ${m === null ? dash : formatCount(m, language)}`;
    }
    case 'ofExpected': {
      const n = num(v);
      const of = num(get(row, field.path2 ?? ''));
      return n === null ? dash : `${formatCount(n, language)} / ${of ?? dash}`;
    }
    case 'day':
      return typeof v === 'string' ? shortDay(v, language) : dash;
    case 'instant':
      return typeof v === 'string' ? formatDate(v, language) : dash;
    case 'text':
      return typeof v === 'string' && v ? v : dash;
    case 'milestone':
      return typeof v === 'string' ? `${v} · ${t(`milestones.${v}`)}` : dash;
    case 'dealStatus':
      return typeof v === 'string' ? t(`dealStatus.${v}`) : dash;
    case 'grade':
      return typeof v === 'string' ? t(`grades.${v}`) : t('grades.ungraded');
    case 'purpose':
      return typeof v === 'string' ? t(`visitPurpose.${v}`) : dash;
    case 'visitStatus':
      return typeof v === 'string' ? t(`visitStatus.${v}`) : dash;
    case 'category':
      return typeof v === 'string' ? t(`timeline.categories.${v}`) : dash;
    case 'what': {
      if (typeof v !== 'string') return dash;
      const kind = get(row, 'kind');
      return kind === 'visit' ? t(`visitPurpose.${v}`) : t(`timeline.kinds.${v}`);
    }
    case 'reasons':
      return Array.isArray(v) ? (
        <Group gap={4} wrap="nowrap">
          {v.map((r) => (
            <Badge key={String(r)} size="sm" variant="light" color="orange">
              {t(`reportsui.reasons.${String(r)}`)}
            </Badge>
          ))}
        </Group>
      ) : (
        dash
      );
    case 'bool':
      return v === null || v === undefined ? dash : v ? t('reportsui.yes') : t('reportsui.no');
    case 'rank': {
      const rank = num(v);
      const peers = num(get(row, 'peers'));
      return rank === null || peers === null ? dash : t('reportsui.rankOf', { rank, peers });
    }
    case 'metricMoney':
    case 'metricCount': {
      const actual = num(get(v, 'actual')) ?? 0;
      const target = num(get(v, 'target'));
      const rate = num(get(v, 'attainment'));
      const behind = get(v, 'behind') === true;
      const show = (n: number) =>
        field.fmt === 'metricMoney' ? formatMoney(n, language) : formatCount(n, language);
      return (
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <Text span size="sm">
            {show(actual)}
          </Text>
          {target !== null && (
            <Text span size="xs" c={behind ? 'red' : 'dimmed'} fw={behind ? 600 : undefined}>
              {percent(rate, language)}
            </Text>
          )}
        </Group>
      );
    }
  }
}
