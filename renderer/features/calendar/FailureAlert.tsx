import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../components/errors';
import { isOverlap } from './failures';

/** The overlap / failure alert under a summary form, with "plan anyway" for an overlap. */
export function FailureAlert({
  failure,
  onAnyway,
  pending,
}: {
  failure: unknown;
  onAnyway: () => void;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (failure === null) return null;
  const overlap = isOverlap(failure);
  return (
    <Alert
      color={overlap ? 'orange' : 'red'}
      variant="light"
      role="alert"
      title={overlap ? t('calendar.plan.overlapTitle') : undefined}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message(failure)}</Text>
        {overlap && (
          <Button size="xs" color="orange" variant="light" loading={pending} onClick={onAnyway}>
            {t('calendar.plan.planAnyway')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
