import { useTranslation } from 'react-i18next';
import type { HandoverGrade } from '../../../shared/domain/handover';

/** How the wizard names a region bucket (`''`: no region) and a grade bucket. */
export function useBucketLabels() {
  const { t } = useTranslation();
  return {
    regionLabel: (region: string) => (region === '' ? t('handover.noRegion') : region),
    gradeLabel: (grade: HandoverGrade) => t(`handover.grades.${grade}`),
  };
}
