import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TargetGrid, TargetScopeInput } from '../../../shared/contract/targets';
import { useApiMutation } from '../../api/queries';
import { useErrorMessage } from '../../components/errors';
import { fenToYuan, yuanToFen } from '../../components/money';

/**
 * Splits a yearly total over the months (equally or by twelve weights), and from them into
 * quarters and weeks; for a team, optionally the same for each of its reps in one commit.
 */
export function DecomposeModal({
  opened,
  onClose,
  grid,
  scope,
}: {
  opened: boolean;
  onClose: () => void;
  grid: TargetGrid;
  scope: TargetScopeInput;
}) {
  const { t, i18n } = useTranslation();
  const message = useErrorMessage();
  const one = useApiMutation('targets.decompose');
  const many = useApiMutation('targets.decomposeMany');
  const toInput = (v: number | null) => (v === null ? '' : grid.money ? fenToYuan(v) : v);
  const [total, setTotal] = useState<number | string>(toInput(grid.total.value));
  const [weighted, setWeighted] = useState(false);
  const [weights, setWeights] = useState<(number | string)[]>(Array(12).fill(1));
  const reps = grid.children.filter((c) => c.type === 'rep' && c.id);
  const [forReps, setForReps] = useState(false);
  const [perRep, setPerRep] = useState<number | string>('');
  const [error, setError] = useState<string | null>(null);

  const value = (v: number | string) =>
    v === '' ? null : grid.money ? yuanToFen(v) : Math.round(Number(v));
  const monthName = (m: number) =>
    new Date(2026, m, 1).toLocaleDateString(i18n.language, { month: 'short' });

  const submit = async () => {
    setError(null);
    const yearTotal = value(total);
    if (yearTotal === null) return setError(t('validation.required'));
    const w = weighted ? weights.map((x) => Number(x) || 0) : undefined;
    const base = { scope, total: yearTotal, ...(w ? { weights: w } : {}) };
    try {
      if (forReps && reps.length > 0) {
        const repTotal = value(perRep);
        if (repTotal === null) return setError(t('validation.required'));
        const items = [
          base,
          ...reps.map((r) => ({
            scope: { type: 'rep' as const, id: r.id ?? '' },
            total: repTotal,
            ...(w ? { weights: w } : {}),
          })),
        ];
        const result = await many.mutateAsync({ metric: grid.metric, year: grid.year, items });
        notifications.show({
          message: t('targetsui.decomposedMany', { count: result.scopes }),
          color: 'teal',
        });
      } else {
        const result = await one.mutateAsync({ metric: grid.metric, year: grid.year, ...base });
        notifications.show({
          message: t('targets.decompose.done', {
            count: result.quarters.length + result.months.length + result.weeks.length + 1,
          }),
          color: 'teal',
        });
      }
      onClose();
    } catch (e) {
      setError(message(e));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('targets.decompose.title')} size="lg">
      <Stack gap="sm">
        <NumberInput
          label={t('targets.decompose.total')}
          value={total}
          onChange={setTotal}
          min={0}
          thousandSeparator=","
          prefix={grid.money ? '¥' : undefined}
          decimalScale={grid.money ? 2 : 0}
          data-autofocus
        />
        <Radio.Group
          label={t('targets.decompose.split')}
          value={weighted ? 'weighted' : 'equal'}
          onChange={(v) => setWeighted(v === 'weighted')}
        >
          <Group mt={4}>
            <Radio value="equal" label={t('targets.decompose.equal')} />
            <Radio value="weighted" label={t('targets.decompose.weighted')} />
          </Group>
        </Radio.Group>
        {weighted && (
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('targets.decompose.weights')}
            </Text>
            <SimpleGrid cols={6} spacing="xs">
              {weights.map((w, i) => (
                <NumberInput
                  key={i}
                  label={monthName(i)}
                  aria-label={monthName(i)}
                  value={w}
                  onChange={(v) => setWeights((all) => all.map((x, j) => (j === i ? v : x)))}
                  min={0}
                  max={1000}
                  size="xs"
                  hideControls
                />
              ))}
            </SimpleGrid>
          </div>
        )}
        {scope.type === 'team' && reps.length > 0 && (
          <>
            <Checkbox
              label={t('targetsui.forAllReps')}
              description={t('targetsui.forAllRepsHelp', { count: reps.length })}
              checked={forReps}
              onChange={(e) => setForReps(e.currentTarget.checked)}
            />
            {forReps && (
              <NumberInput
                label={t('targetsui.perRep')}
                value={perRep}
                onChange={setPerRep}
                min={0}
                thousandSeparator=","
                prefix={grid.money ? '¥' : undefined}
                decimalScale={grid.money ? 2 : 0}
              />
            )}
          </>
        )}
        <Text size="xs" c="dimmed">
          {t('targets.decompose.explain')}
        </Text>
        <Alert color="yellow" variant="light" py={6}>
          {t('targets.decompose.replaceWarning')}
        </Alert>
        {error && (
          <Alert color="red" variant="light" role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={one.isPending || many.isPending}>
            {t('targets.decompose.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
