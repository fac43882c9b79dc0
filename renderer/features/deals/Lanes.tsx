import { Avatar, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BoardColumn, BoardFilters, DealCard, Lane } from '../../../shared/contract/deals';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { BoardCard } from './BoardCard';
import { boardOrder, columnColor, columnTitle } from './columns';
import { formatMoney } from '../../components/money';
import { dealCardTables } from './tables';

const CELL = 212;

type Cell = Lane['cells'][number];

function LaneCell({
  ownerId,
  cell,
  onMove,
}: {
  ownerId: string;
  cell: Cell;
  onMove: (card: DealCard, to: BoardColumn) => void;
}) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({
    id: `${ownerId}|${cell.column}`,
    data: { column: cell.column },
  });
  const narrow = cell.column === 'lost';
  return (
    <Box
      ref={setNodeRef}
      p={6}
      style={{
        flex: narrow ? '0 0 64px' : `1 0 ${CELL}px`,
        minWidth: narrow ? 64 : CELL,
        borderRadius: 8,
        background: 'var(--mantine-color-default-hover)',
        border: isOver
          ? `2px dashed var(--mantine-color-${columnColor[cell.column]}-5)`
          : '1px solid transparent',
      }}
    >
      <Stack gap={6}>
        <Group gap={4} justify="space-between" wrap="nowrap">
          <Badge size="xs" variant="light" color={columnColor[cell.column]}>
            {cell.count}
          </Badge>
          {!narrow && cell.count > 0 && (
            <Text size="xs" c="dimmed">
              {formatMoney(cell.weighted, i18n.language)}
            </Text>
          )}
        </Group>
        {!narrow &&
          cell.cards.map((card) => <BoardCard key={card.id} card={card} onMove={onMove} />)}
        {!narrow && cell.count > cell.cards.length && (
          <Text size="xs" c="dimmed" ta="center">
            +{cell.count - cell.cards.length}
          </Text>
        )}
        {narrow && (
          <Text size="xs" c="dimmed">
            {t('milestones.lost')}
          </Text>
        )}
      </Stack>
    </Box>
  );
}

/** Swimlanes by rep (a manager's coaching view): where each rep's deals pile up. */
export function Lanes({
  filters,
  onMove,
}: {
  filters: BoardFilters;
  onMove: (card: DealCard, to: BoardColumn) => void;
}) {
  const { t, i18n } = useTranslation();
  const lanes = useApiQuery('deals.lanes', filters, dealCardTables, {
    placeholderData: (previous) => previous,
  });
  if (lanes.isPending) return <PageLoader />;
  if (lanes.isError) return <ErrorState error={lanes.error} onRetry={() => void lanes.refetch()} />;
  if (lanes.data.length === 0)
    return (
      <EmptyState
        icon={<IconUsers />}
        title={t('deals.empty.filteredTitle')}
        text={t('deals.lanes.empty')}
      />
    );
  return (
    <Box style={{ flex: 1, overflow: 'auto', minHeight: 0 }}>
      <Stack gap="sm" miw={6 * CELL + 64 + 160}>
        <Group
          gap="xs"
          wrap="nowrap"
          pl={168}
          style={{ position: 'sticky', top: 0, zIndex: 2 }}
          bg="var(--mantine-color-body)"
        >
          {boardOrder.map((c) => (
            <Text
              key={c}
              size="sm"
              fw={700}
              c={`${columnColor[c]}.7`}
              style={{
                flex: c === 'lost' ? '0 0 64px' : `1 0 ${CELL}px`,
                minWidth: c === 'lost' ? 64 : CELL,
              }}
              truncate
            >
              {columnTitle(t, c)}
            </Text>
          ))}
        </Group>
        {lanes.data.map((lane) => {
          const open = lane.cells.filter((c) => c.column !== 'M6' && c.column !== 'lost');
          const name = lane.ownerName ?? t('deals.lanes.unassigned');
          return (
            <Paper
              key={lane.ownerId}
              withBorder
              radius="md"
              p="xs"
              component="section"
              aria-label={name}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Stack gap={4} w={160} style={{ flex: '0 0 160px' }}>
                  <Group gap={6} wrap="nowrap">
                    <Avatar size={24} radius="xl" color="teal">
                      {name.slice(0, 1)}
                    </Avatar>
                    <Text size="sm" fw={650} truncate>
                      {name}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('deals.lanes.total', {
                      count: open.reduce((n, c) => n + c.count, 0),
                      amount: formatMoney(
                        open.reduce((n, c) => n + c.amount, 0),
                        i18n.language,
                      ),
                      weighted: formatMoney(
                        open.reduce((n, c) => n + c.weighted, 0),
                        i18n.language,
                      ),
                    })}
                  </Text>
                </Stack>
                {boardOrder.map((column) => {
                  const cell = lane.cells.find((c) => c.column === column) ?? {
                    column,
                    count: 0,
                    amount: 0,
                    weighted: 0,
                    cards: [],
                  };
                  return (
                    <LaneCell key={column} ownerId={lane.ownerId} cell={cell} onMove={onMove} />
                  );
                })}
              </Group>
            </Paper>
          );
        })}
      </Stack>
    </Box>
  );
}
