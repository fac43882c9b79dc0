import { Badge, Box, Group, Radio, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DIMENSION_MAX,
  levelPoints,
  reachedWith,
  rubric,
  type Dimension,
  type ReachedWith,
} from '../../../shared/domain/intensity';
import { bandColor, pointsBand } from './bands';

/** Height of the contact / decision-maker switch, kept empty on one-column ladders so rows line up. */
const SWITCH_HEIGHT = 30;

/**
 * One dimension's ladder in plain words, lowest level first, each with the points it scores;
 * for Problem, Vision and Value a switch says whether the level was reached with the contact or
 * with the decision maker, and the points follow it.
 */
export function Ladder({
  dimension,
  level,
  by,
  onLevel,
  onBy,
}: {
  dimension: Dimension;
  level: string;
  by: ReachedWith | null;
  onLevel: (level: string) => void;
  onBy: (by: ReachedWith) => void;
}) {
  const { t } = useTranslation();
  const spec = rubric[dimension];
  const points = levelPoints(dimension, level, by);
  const band = pointsBand(points);
  const name = t(`dimensions.${dimension}`);
  return (
    <Stack gap={6} component="section" aria-label={name} miw={0}>
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text fw={700}>{name}</Text>
        <Badge
          variant="light"
          color={band ? bandColor[band] : 'gray'}
          className="tabular"
          aria-label={t('scorecards.modal.points', { points, max: DIMENSION_MAX })}
        >
          {points}/{DIMENSION_MAX}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" lh={1.35} mih={32}>
        {t(`dimensionHelp.${dimension}`)}
      </Text>
      {spec.twoColumn && by ? (
        <SegmentedControl
          size="xs"
          fullWidth
          aria-label={t('scorecards.modal.reachedWith', { dimension: name })}
          value={by}
          onChange={(v) => onBy(v as ReachedWith)}
          data={reachedWith.map((w) => ({ value: w, label: t(`reachedWithShort.${w}`) }))}
          h={SWITCH_HEIGHT}
        />
      ) : (
        <Box h={SWITCH_HEIGHT} />
      )}
      <Radio.Group value={level} onChange={onLevel}>
        <Stack gap={4}>
          {spec.levels.map((l) => {
            const p = levelPoints(dimension, l.key, by);
            return (
              <Radio.Card
                key={l.key}
                value={l.key}
                radius="sm"
                px={8}
                py={6}
                style={
                  l.key === level
                    ? {
                        background: 'var(--mantine-primary-color-light)',
                        borderColor: 'var(--mantine-primary-color-filled)',
                      }
                    : undefined
                }
              >
                <Group wrap="nowrap" align="flex-start" gap={8}>
                  <Radio.Indicator size="xs" mt={2} />
                  <Text size="xs" lh={1.35} style={{ flex: 1 }}>
                    {t(`levels.${dimension}.${l.key}`)}
                  </Text>
                  <Text size="xs" fw={700} c="dimmed" className="tabular">
                    {p}
                  </Text>
                </Group>
              </Radio.Card>
            );
          })}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
