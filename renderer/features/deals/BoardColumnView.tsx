import { Badge, Button, Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { IconChevronsLeft, IconChevronsRight } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  BoardColumn,
  BoardColumnData,
  BoardFilters,
  DealCard,
} from '../../../shared/contract/deals';
import { call } from '../../api/client';
import { BoardCard } from './BoardCard';
import { columnColor, columnTitle } from './columns';
import { formatMoney } from '../../components/money';
import { dealCardTables } from './tables';

const PAGE = 50;
/** The narrowest a column gets before the board scrolls sideways. */
export const COLUMN_MIN = 172;

/** The column's header: name and probability, then count, amount and weighted amount. */
export function ColumnHeader({
  column,
  count,
  amount,
  weighted,
}: {
  column: BoardColumn;
  count: number;
  amount: number;
  weighted: number;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap={2} px="xs" pt="xs" pb={6}>
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Text
          size="sm"
          fw={700}
          c={`var(--mantine-color-${columnColor[column]}-text)`}
          lh={1.3}
          miw={0}
        >
          {columnTitle(t, column)}
        </Text>
        <Badge
          size="sm"
          variant="light"
          color={columnColor[column]}
          circle={count < 10}
          style={{ flexShrink: 0 }}
        >
          {count.toLocaleString(i18n.language)}
        </Badge>
      </Group>
      {/* Amount and weighted on lines of their own: every column's header is as tall and
          nothing is cut off in a narrow column. */}
      <Text size="xs" c="dimmed" title={t('deals.column.amount')} className="tabular">
        {formatMoney(amount, i18n.language)}
      </Text>
      {column !== 'lost' && (
        <Text size="xs" fw={600} title={t('deals.column.weighted')} className="tabular">
          {t('deals.column.weighted')} {formatMoney(weighted, i18n.language)}
        </Text>
      )}
    </Stack>
  );
}

/**
 * One board column: a drop target whose cards are virtualised; the first 50 come with the
 * board, the rest page in from `deals.column` as the user scrolls (or presses "load more").
 */
export function BoardColumnView({
  data,
  filters,
  onMove,
  collapsed,
  onToggle,
}: {
  data: BoardColumnData;
  filters: BoardFilters;
  onMove: (card: DealCard, to: BoardColumn) => void;
  collapsed?: boolean;
  onToggle?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: data.column, data: { column: data.column } });
  const [wantMore, setWantMore] = useState(false);
  const first = data.cards.length;
  const more = useInfiniteQuery({
    queryKey: ['deals.column', { ...filters, column: data.column, first }],
    queryFn: ({ pageParam }) =>
      call('deals.column', { ...filters, column: data.column, offset: pageParam, limit: PAGE }),
    initialPageParam: first,
    getNextPageParam: (last, pages) =>
      last.hasMore ? first + pages.reduce((n, p) => n + p.cards.length, 0) : undefined,
    enabled: wantMore && data.hasMore,
    meta: { tables: dealCardTables },
  });
  const seen = new Set<string>();
  const cards = [...data.cards, ...(more.data?.pages.flatMap((p) => p.cards) ?? [])].filter(
    (c) => !seen.has(c.id) && seen.add(c.id),
  );
  const hasMore = more.data ? more.hasNextPage : data.hasMore;
  const loadMore = () => {
    if (!wantMore) setWantMore(true);
    else if (more.hasNextPage && !more.isFetchingNextPage) void more.fetchNextPage();
  };

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: cards.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 128,
    overscan: 6,
    gap: 8,
    getItemKey: (i) => cards[i]?.id ?? i,
  });
  const items = virtual.getVirtualItems();
  const lastIndex = items[items.length - 1]?.index ?? -1;
  // Scrolling near the end pages the next 50 in.
  useEffect(() => {
    if (hasMore && lastIndex >= cards.length - 3 && cards.length > 0 && !more.isFetching) {
      if (!wantMore) setWantMore(true);
      else if (more.hasNextPage) void more.fetchNextPage();
    }
  }, [lastIndex, cards.length, hasMore, wantMore, more]);

  const name = columnTitle(t, data.column);
  const frame = {
    border: isOver
      ? `2px dashed var(--mantine-color-${columnColor[data.column]}-5)`
      : '1px solid var(--mantine-color-default-border)',
    background: 'var(--mantine-color-default-hover)',
  };

  if (collapsed) {
    return (
      <Paper
        ref={setNodeRef}
        radius="md"
        component="section"
        aria-label={t('deals.column.region', { name })}
        style={{ ...frame, width: 52, flex: '0 0 52px' }}
      >
        <UnstyledButton
          onClick={onToggle}
          aria-label={t('deals.column.expand')}
          h="100%"
          w="100%"
          py="sm"
        >
          <Stack align="center" gap="xs">
            <IconChevronsLeft size={16} />
            <Badge size="sm" color="red" variant="light" circle={data.count < 10}>
              {data.count.toLocaleString(i18n.language)}
            </Badge>
            <Text size="sm" fw={700} c="red.7" style={{ writingMode: 'vertical-rl' }}>
              {name}
            </Text>
          </Stack>
        </UnstyledButton>
      </Paper>
    );
  }

  return (
    <Paper
      ref={setNodeRef}
      radius="md"
      component="section"
      aria-label={t('deals.column.region', { name })}
      style={{
        ...frame,
        // Equal shares of the row, down to a width at which M1–M6 and the folded "lost" fit a
        // 1440 px window beside the navigation; narrower, the row scrolls (BoardScroll).
        flex: `1 1 ${COLUMN_MIN}px`,
        minWidth: COLUMN_MIN,
        display: 'flex',
        flexDirection: 'column',
      }}
    >
      <Group gap={0} wrap="nowrap" align="flex-start">
        <div style={{ flex: 1, minWidth: 0 }}>
          <ColumnHeader
            column={data.column}
            count={data.count}
            amount={data.amount}
            weighted={data.weighted}
          />
        </div>
        {onToggle && (
          <UnstyledButton onClick={onToggle} aria-label={t('deals.column.collapse')} p={8}>
            <IconChevronsRight size={16} />
          </UnstyledButton>
        )}
      </Group>
      <div
        ref={scrollRef}
        style={{ flex: 1, overflowY: 'auto', scrollbarWidth: 'thin', padding: '0 6px 6px' }}
      >
        {cards.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="lg">
            {t('deals.column.empty')}
          </Text>
        ) : (
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const card = cards[item.index];
              if (!card) return null;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtual.measureElement}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <BoardCard card={card} onMove={onMove} />
                </div>
              );
            })}
          </div>
        )}
        {hasMore && (
          <Group justify="center" pt="xs">
            {more.isFetching ? (
              <Loader size="xs" />
            ) : (
              <Button size="compact-xs" variant="subtle" onClick={loadMore}>
                {t('deals.column.loadMore')}
              </Button>
            )}
          </Group>
        )}
      </div>
    </Paper>
  );
}
