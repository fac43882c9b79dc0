import type { TFunction } from 'i18next';
import type { TargetScopeInput } from '../../../shared/contract/targets';
import { formatMoney } from '../../components/money';

/** Every table the target screens read. */
export const targetTables = [
  'targets',
  'teams',
  'users',
  'team_memberships',
  'calendar_days',
] as const;

/** A target value as shown: money in yuan, counts as numbers, nothing as a dash. */
export function showValue(value: number | null, money: boolean, language: string): string {
  if (value === null) return '—';
  return money
    ? formatMoney(value, language)
    : value.toLocaleString(language, { maximumFractionDigits: 1 });
}

/** "Reps sum to ¥1.2M, team target ¥1.5M: ¥0.3M unassigned" (or over), null without a target. */
export function unassignedSentence(
  t: TFunction,
  parent: string,
  children: string,
  target: number | null,
  sum: number,
  money: boolean,
  language: string,
): string | null {
  if (target === null) return null;
  const left = target - sum;
  const v = (n: number) => showValue(n, money, language);
  return left >= 0
    ? t('targets.unassignedSentence', {
        children,
        sum: v(sum),
        parent,
        target: v(target),
        left: v(left),
      })
    : t('targets.overAssignedSentence', {
        children,
        sum: v(sum),
        parent,
        target: v(target),
        over: v(-left),
      });
}

export function scopeParam(scope: TargetScopeInput): string {
  return scope.type === 'company' ? 'company' : `${scope.type}:${scope.id}`;
}

export function readTargetScope(
  raw: string | null,
  fallback: TargetScopeInput = { type: 'company' },
): TargetScopeInput {
  if (raw === null) return fallback;
  const [type, id] = raw.split(':');
  if ((type === 'team' || type === 'rep') && id) return { type, id };
  return type === 'company' ? { type: 'company' } : fallback;
}
