import { useTranslation } from 'react-i18next';
import type { ContradictionOut } from '../../../shared/contract/scores';

/**
 * A contradiction in words: the ticked criterion, what the score says instead, and what the
 * criterion needs (e.g. "“Decision maker admits the pain” is ticked, but Problem is scored at
 * “Customer admits the need” with the contact").
 */
export function useContradictionWords(): (c: ContradictionOut) => {
  says: string;
  needs: string;
  short: string;
} {
  const { t } = useTranslation();
  const who = (w: 'contact' | 'decider' | null) =>
    w ? t('contradictionWho', { with: t(`scorecards.who.${w}`) }) : '';
  return (c) => {
    const dimension = t(`dimensions.${c.dimension}`);
    const level = t(`levels.${c.dimension}.${c.level}`);
    return {
      says: t('contradiction', {
        criterion: t(`criteria.${c.criterion}`),
        dimension,
        level,
        who: who(c.with),
      }),
      needs: t('contradictionNeeds', {
        level: t(`levels.${c.dimension}.${c.needsLevel}`),
        who: c.needsDecider ? who('decider') : '',
      }),
      short: t('scorecards.panel.contradictsShort', { dimension, level, who: who(c.with) }),
    };
  };
}
