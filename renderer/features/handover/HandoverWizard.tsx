import { Button, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { AssignStep } from './AssignStep';
import { ConfirmStep } from './ConfirmStep';
import { OwnedStep } from './OwnedStep';
import { PickStep } from './PickStep';
import { emptyAssignment, executeInput, routingOf, type Assignment } from './assignment';

const LAST = 3;

/**
 * The handover wizard (人员交接): pick the leaving rep, see what they own, assign it, confirm.
 * Opened with a rep already chosen (the row action) it starts at step 2.
 */
export function HandoverWizard({
  initialFromUserId,
  onClose,
}: {
  initialFromUserId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [step, setStep] = useState(initialFromUserId ? 1 : 0);
  const [fromUserId, setFromUserId] = useState<string | null>(initialFromUserId ?? null);
  const [assignment, setAssignment] = useState<Assignment>(emptyAssignment);
  const users = useApiQuery('team.listUsers', {}, ['users', 'teams']);
  const preview = useApiQuery(
    'handover.preview',
    { fromUserId: fromUserId ?? '' },
    ['customers', 'follow_ups', 'users'],
    { enabled: fromUserId !== null },
  );
  const execute = useApiMutation('handover.execute');

  const active = users.data ?? [];
  const candidates = active.filter((u) => u.id !== me.id && u.role !== 'admin');
  const receivers = active.filter((u) => u.id !== fromUserId);
  const routing = routingOf(assignment);

  const pick = (id: string | null) => {
    setFromUserId(id);
    // A new leaving rep has other regions and grades: start the assignment over.
    setAssignment(emptyAssignment);
    execute.reset();
  };
  const run = () => {
    if (!fromUserId || !routing || !preview.data) return;
    const name = preview.data.user.name;
    execute.mutate(executeInput(fromUserId, routing), {
      onSuccess: (result) => {
        const moved = (part: string) => result.parts.find((p) => p.part === part)?.count ?? 0;
        notifications.show({
          color: 'teal',
          message: t('handover.done', {
            name,
            customers: moved('customers'),
            openDeals: moved('openDeals'),
            followUps: moved('followUps'),
          }),
        });
        onClose();
      },
    });
  };

  const canContinue =
    [fromUserId !== null, preview.data !== undefined, routing !== null, false][step] ?? false;
  // Later steps read the preview; until it arrives (or if it fails) show that instead.
  const needsPreview = step >= 1 && !preview.data;

  return (
    <Modal
      opened
      onClose={onClose}
      size="xl"
      title={<Text fw={650}>{t('handover.title')}</Text>}
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="lg">
        <Stepper active={step} onStepClick={setStep} allowNextStepsSelect={false} size="sm">
          <Stepper.Step label={t('handover.steps.pick')} />
          <Stepper.Step label={t('handover.steps.owned')} />
          <Stepper.Step label={t('handover.steps.assign')} />
          <Stepper.Step label={t('handover.steps.confirm')} />
        </Stepper>
        <div style={{ minHeight: 220 }}>
          {users.isError ? (
            <ErrorState error={users.error} onRetry={() => void users.refetch()} />
          ) : step === 0 ? (
            <PickStep candidates={candidates} value={fromUserId} onChange={pick} />
          ) : needsPreview ? (
            preview.isError ? (
              <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />
            ) : (
              <PageLoader />
            )
          ) : preview.data && step === 1 ? (
            <OwnedStep preview={preview.data} />
          ) : preview.data && step === 2 ? (
            <AssignStep
              preview={preview.data}
              receivers={receivers}
              value={assignment}
              onChange={setAssignment}
            />
          ) : preview.data && routing ? (
            <ConfirmStep
              preview={preview.data}
              routing={routing}
              receivers={receivers}
              error={execute.error}
            />
          ) : null}
        </div>
        <Group justify="space-between">
          <Button variant="default" onClick={step === 0 ? onClose : () => setStep(step - 1)}>
            {step === 0 ? t('common.cancel') : t('common.back')}
          </Button>
          {step < LAST ? (
            <Button onClick={() => setStep(step + 1)} disabled={!canContinue}>
              {t('common.continue')}
            </Button>
          ) : (
            <Button
              color="red"
              onClick={run}
              loading={execute.isPending}
              disabled={!routing || !preview.data}
            >
              {t('handover.execute')}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
