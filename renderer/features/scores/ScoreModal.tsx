import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBigUpLines } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScoreEntry, ScoreLevelsInput } from '../../../shared/contract/scores';
import {
  OVER_CLAIM_GAP,
  TOTAL_MAX,
  dimensions,
  scoreBand,
  scorePoints,
  scoreTotal,
  type Dimension,
  type ReachedWith,
} from '../../../shared/domain/intensity';
import { useApiMutation } from '../../api/queries';
import { localToday } from '../../components/dates';
import { useErrorMessage } from '../../components/errors';
import { bandColor, textColor } from './bands';
import { Ladder } from './Ladder';

/** A first scoring starts at the bottom of every ladder, with the contact. */
const lowest: ScoreLevelsInput = {
  problem: { level: 'cannot_describe', with: 'contact' },
  power: { level: 'dm_unknown' },
  vision: { level: 'none_or_competitor', with: 'contact' },
  value: { level: 'not_identified', with: 'contact' },
  control: { level: 'nothing_written' },
};

/**
 * Scoring a deal (销售强度评分) in under a minute: the five ladders side by side, the total
 * live with its band, and the calibration against the milestone's probability. It starts from
 * the latest scoring, since a re-score is usually a small change.
 */
export function ScoreModal({
  deal,
  latest,
  onClose,
}: {
  deal: { id: string; title: string; probability: number };
  latest: ScoreEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const add = useApiMutation('scores.add');
  const [levels, setLevels] = useState<ScoreLevelsInput>(latest?.levels ?? lowest);
  const [note, setNote] = useState('');

  const points = scorePoints(levels);
  const total = scoreTotal(points);
  const band = scoreBand(total);
  const overClaimed = deal.probability - total >= OVER_CLAIM_GAP;
  const delta = latest ? total - latest.total : null;

  const set = (dimension: Dimension, patch: { level?: string; with?: ReachedWith }) =>
    setLevels((l) => ({ ...l, [dimension]: { ...l[dimension], ...patch } }) as ScoreLevelsInput);

  const save = () =>
    add.mutate(
      { dealId: deal.id, levels, note, today: localToday() },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('scorecards.modal.saved', { total }) });
          onClose();
        },
      },
    );

  return (
    <Modal
      opened
      onClose={onClose}
      size={1240}
      title={
        <Stack gap={0}>
          <Text fw={700} size="lg">
            {t('scorecards.modal.title', { title: deal.title })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('scorecards.modal.text')}
          </Text>
        </Stack>
      }
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" verticalSpacing="lg">
          {dimensions.map((d) => {
            const chosen = levels[d] as { level: string; with?: ReachedWith };
            return (
              <Ladder
                key={d}
                dimension={d}
                level={chosen.level}
                by={chosen.with ?? null}
                onLevel={(level) => set(d, { level })}
                onBy={(by) => set(d, { with: by })}
              />
            );
          })}
        </SimpleGrid>
        <Group align="flex-end" gap="lg" wrap="wrap">
          <Textarea
            label={t('scorecards.modal.note')}
            placeholder={t('scorecards.modal.notePlaceholder')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={4}
            maxLength={1000}
            style={{ flex: 1, minWidth: 280 }}
          />
          <Stack gap={4} align="flex-end">
            <Group gap="xs" align="baseline" wrap="nowrap">
              <Text size="sm" c="dimmed">
                {t('scorecards.modal.total')}
              </Text>
              <Text
                fz={36}
                fw={800}
                lh={1}
                className="tabular"
                c={textColor(bandColor[band])}
                aria-label={t('scorecards.modal.totalLabel', { total })}
              >
                {total}
              </Text>
              <Text size="sm" c="dimmed">
                /{TOTAL_MAX}
              </Text>
              <Badge color={bandColor[band]} variant="light">
                {t(`bands.${band}`)}
              </Badge>
            </Group>
            <Group gap={6} wrap="nowrap">
              <Text size="xs" c="dimmed">
                {t('scorecards.modal.calibration', { probability: deal.probability, total })}
                {delta !== null &&
                  ` · ${t('scorecards.modal.delta', { previous: latest?.total ?? 0, delta: delta > 0 ? `+${delta}` : delta < 0 ? String(delta) : '±0' })}`}
              </Text>
              {overClaimed && (
                <Tooltip
                  label={t('flagHelp.overClaimed', { probability: deal.probability, total })}
                  multiline
                  w={260}
                >
                  <Badge
                    size="xs"
                    color="pink"
                    variant="light"
                    leftSection={<IconArrowBigUpLines size={10} />}
                  >
                    {t('flags.overClaimed')}
                  </Badge>
                </Tooltip>
              )}
            </Group>
          </Stack>
        </Group>
        {add.isError && (
          <Alert color="red" variant="light">
            {message(add.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={add.isPending} onClick={save}>
            {t('scorecards.modal.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
