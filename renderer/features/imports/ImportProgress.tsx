import { Progress as Bar, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Progress } from '../../../shared/contract/bridge';

/**
 * A bar for import work: determinate while rows are checked (the main process counts
 * them), moving stripes while the file is read or the one transaction runs (no numbers
 * to show there, and the bar does not pretend otherwise).
 */
export function ImportProgress({ progress }: { progress: Progress | null }) {
  const { t } = useTranslation();
  const counted = progress?.task === 'imports.progress.check' && progress.total > 0;
  const finished =
    progress?.task === 'imports.progress.write' &&
    progress.total > 0 &&
    progress.done >= progress.total;
  const value = counted ? (progress.done / progress.total) * 100 : 100;
  let label = t('imports.progress.read');
  if (progress?.task === 'imports.progress.check')
    label = t('imports.progress.check', { done: progress.done, total: progress.total });
  if (progress?.task === 'imports.progress.write')
    label = finished
      ? t('imports.progress.writeDone')
      : t('imports.progress.write', { total: progress.total });
  return (
    <Stack gap={6} py="md" role="status" aria-live="polite">
      <Text size="sm" className="tabular">
        {label}
      </Text>
      <Bar
        value={value}
        animated={!counted && !finished}
        size="lg"
        radius="xl"
        aria-label={label}
        transitionDuration={200}
      />
    </Stack>
  );
}
