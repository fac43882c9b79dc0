import {
  ActionIcon,
  Anchor,
  Avatar,
  Badge,
  Box,
  Group,
  Menu,
  Paper,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { IconAlertTriangle, IconDots, IconHourglassLow, IconStarFilled } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardColumn, DealCard } from '../../../shared/contract/deals';
import { formatShortDay } from '../../components/dates';
import { boardOrder, columnColor, columnTitle, dealColumn } from './columns';
import { formatMoney } from '../../components/money';
import { CalibrationText, ScoreFlags, cardFlags } from '../scores/ScoreFlags';

/** What a card looks like, on the board and under the pointer while dragged. */
export function BoardCardView({
  card,
  onMove,
  lifted = false,
  style,
}: {
  card: DealCard;
  onMove?: (card: DealCard, to: BoardColumn) => void;
  lifted?: boolean;
  style?: CSSProperties;
}) {
  const { t, i18n } = useTranslation();
  const here = dealColumn(card);
  return (
    <Paper
      withBorder
      radius="md"
      p={8}
      shadow={lifted ? 'lg' : 'xs'}
      style={{
        borderLeft: `3px solid var(--mantine-color-${card.stalled ? 'orange' : columnColor[here]}-${card.stalled ? 6 : 4})`,
        cursor: lifted ? 'grabbing' : 'grab',
        ...style,
      }}
    >
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Text size="xs" c="dimmed" truncate title={card.customerName}>
            {card.customerName}
          </Text>
          <Group gap={2} wrap="nowrap">
            {card.isKey && (
              <Tooltip label={t('deals.card.key')}>
                <IconStarFilled
                  size={14}
                  color="var(--mantine-color-yellow-6)"
                  aria-label={t('deals.card.key')}
                />
              </Tooltip>
            )}
            {onMove && (
              <Menu position="bottom-end" withinPortal shadow="md">
                <Menu.Target>
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="gray"
                    aria-label={t('deals.card.menu', { title: card.title })}
                    // The card is the drag handle: a press on its menu must not lift it.
                    onPointerDown={(e) => e.stopPropagation()}
                    onKeyDown={(e) => e.stopPropagation()}
                  >
                    <IconDots size={14} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item component={Link} to={`/deals/${card.id}`}>
                    {t('deals.card.open')}
                  </Menu.Item>
                  {card.status === 'open' && (
                    <Menu.Item component={Link} to={`/deals/${card.id}?score=1`}>
                      {t('scorecards.board.score')}
                    </Menu.Item>
                  )}
                  <Menu.Label>{t('deals.card.moveTo')}</Menu.Label>
                  {boardOrder
                    .filter((c) => c !== here)
                    .map((c) => (
                      <Menu.Item key={c} onClick={() => onMove(card, c)}>
                        {columnTitle(t, c)}
                      </Menu.Item>
                    ))}
                </Menu.Dropdown>
              </Menu>
            )}
          </Group>
        </Group>
        <Anchor
          component={Link}
          to={`/deals/${card.id}`}
          size="sm"
          fw={600}
          c="var(--mantine-color-text)"
          lineClamp={2}
          onPointerDown={(e) => e.stopPropagation()}
        >
          {card.title}
        </Anchor>
        <Group justify="space-between" wrap="wrap" gap={4}>
          <Text size="sm" fw={700} className="tabular">
            {formatMoney(card.amount, i18n.language)}
          </Text>
          {card.status === 'open' && (
            <Box ml="auto">
              <CalibrationText probability={card.probability} total={card.scoreTotal} />
            </Box>
          )}
        </Group>
        <Group gap={4} wrap="wrap">
          {card.stalled && (
            <Badge
              size="xs"
              color="orange"
              variant="light"
              leftSection={<IconHourglassLow size={10} />}
            >
              {t('deals.card.stalled')}
            </Badge>
          )}
          {card.closeOverdue && (
            <Badge
              size="xs"
              color="red"
              variant="light"
              leftSection={<IconAlertTriangle size={10} />}
            >
              {t('deals.card.overdue')}
            </Badge>
          )}
          <ScoreFlags deal={cardFlags(card)} />
        </Group>
        {/* Days in stage and the close date are never cut off: in a narrow column the date
            goes to a line of its own, on the right. */}
        <Group justify="space-between" wrap="wrap" gap="2px 6px" data-card-footer>
          <Group gap={6} wrap="nowrap">
            <Tooltip label={card.ownerName ?? ''} disabled={!card.ownerName}>
              <Avatar size={20} radius="xl" color="teal">
                {(card.ownerName ?? '?').slice(0, 1)}
              </Avatar>
            </Tooltip>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {card.status === 'open'
                ? t('deals.card.daysInStage', { count: card.daysInStage })
                : card.closedOn
                  ? formatShortDay(card.closedOn, i18n.language)
                  : ''}
            </Text>
          </Group>
          {card.status === 'open' && (
            <Text
              size="xs"
              c={card.closeOverdue ? 'red' : 'dimmed'}
              ml="auto"
              title={t('deals.fields.expectedClose')}
              style={{ whiteSpace: 'nowrap' }}
            >
              {formatShortDay(card.expectedCloseOn, i18n.language)}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

/** A card that can be dragged with the pointer or lifted with space and moved with the arrows. */
export function BoardCard({
  card,
  onMove,
}: {
  card: DealCard;
  onMove: (card: DealCard, to: BoardColumn) => void;
}) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: card.id,
    data: { card },
  });
  return (
    <div
      ref={setNodeRef}
      {...attributes}
      {...listeners}
      aria-label={`${card.title} · ${card.customerName}`}
      data-deal-id={card.id}
      style={{ opacity: isDragging ? 0.35 : 1, outlineOffset: 2, borderRadius: 8 }}
    >
      <BoardCardView card={card} onMove={onMove} />
    </div>
  );
}
