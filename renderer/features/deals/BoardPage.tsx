import { Button, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconLayoutKanban, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { BoardColumn, DealCard } from '../../../shared/contract/deals';
import { useApiQuery } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { ExportButton } from '../exports/ExportButton';
import { BoardColumnView } from './BoardColumnView';
import { BoardFilterBar, useBoardFilters } from './BoardFilterBar';
import { BoardScroll } from './BoardScroll';
import { DealDnd } from './DealDnd';
import { DealFormModal } from './DealFormModal';
import { Lanes } from './Lanes';
import { formatMoney } from '../../components/money';
import { dealCardTables } from './tables';
import { useMoveFlow } from './useMoveFlow';

/** The funnel board (销售漏斗看板): a column per milestone, won and lost; drag to move. */
export function BoardPage() {
  const { t, i18n } = useTranslation();
  const filters = useBoardFilters();
  const [lanes, setLanes] = useState(false);
  const [lostOpen, setLostOpen] = useState(false);
  const [params, setParams] = useSearchParams();
  // `?new=1` (the command palette, Ctrl/⌘+Shift+D) opens "new deal" at once.
  const [creating, setCreatingState] = useState(() => params.get('new') === '1');
  const setCreating = (open: boolean) => {
    setCreatingState(open);
    if (!open && params.has('new')) {
      setParams(
        (p) => {
          const next = new URLSearchParams(p);
          next.delete('new');
          return next;
        },
        { replace: true },
      );
    }
  };
  const board = useApiQuery('deals.board', { ...filters.input, perColumn: 50 }, dealCardTables, {
    enabled: !lanes,
    placeholderData: (previous) => previous,
  });
  const move = useMoveFlow();
  const onMove = (card: DealCard, to: BoardColumn) => move.request(card, to);

  const columns = board.data?.columns ?? [];
  const open = columns.filter((c) => c.column !== 'M6' && c.column !== 'lost');
  const pipeline = open.reduce((n, c) => n + c.amount, 0);
  const weighted = open.reduce((n, c) => n + c.weighted, 0);
  const total = columns.reduce((n, c) => n + c.count, 0);
  const filtered =
    filters.input.search !== '' ||
    filters.state.teamId !== null ||
    filters.state.ownerId !== null ||
    filters.state.stalledOnly ||
    filters.state.keyOnly ||
    filters.state.scoreFlag !== null ||
    filters.state.close.some(Boolean) ||
    filters.state.min !== '' ||
    filters.state.max !== '';

  return (
    <Stack gap="md" h="calc(100dvh - 56px - 2 * var(--mantine-spacing-lg))">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Title order={2}>{t('deals.title')}</Title>
          {board.data && !lanes && (
            <Text size="sm" c="dimmed">
              {t('deals.lanes.total', {
                count: open.reduce((n, c) => n + c.count, 0),
                amount: formatMoney(pipeline, i18n.language),
                weighted: formatMoney(weighted, i18n.language),
              })}
            </Text>
          )}
        </Stack>
        <Group gap="md">
          <Switch
            label={t('deals.filters.swimlanes')}
            checked={lanes}
            onChange={(e) => setLanes(e.currentTarget.checked)}
          />
          <ExportButton table={{ table: 'deals', query: filters.input }} />
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('deals.newDeal')}
          </Button>
        </Group>
      </Group>
      <BoardFilterBar state={filters.state} set={filters.set} />
      {lanes ? (
        <DealDnd onMove={onMove}>
          <Lanes filters={filters.input} onMove={onMove} />
        </DealDnd>
      ) : board.isPending ? (
        <PageLoader />
      ) : board.isError ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : total === 0 ? (
        <EmptyState
          icon={<IconLayoutKanban />}
          title={filtered ? t('deals.empty.filteredTitle') : t('deals.empty.title')}
          text={filtered ? t('deals.empty.filteredText') : t('deals.empty.text')}
          action={
            !filtered && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('deals.newDeal')}
              </Button>
            )
          }
        />
      ) : (
        <DealDnd onMove={onMove}>
          <BoardScroll>
            {columns.map((c) => (
              <BoardColumnView
                key={c.column}
                data={c}
                filters={filters.input}
                onMove={onMove}
                {...(c.column === 'lost'
                  ? { collapsed: !lostOpen, onToggle: () => setLostOpen((v) => !v) }
                  : {})}
              />
            ))}
          </BoardScroll>
        </DealDnd>
      )}
      {move.modal}
      {creating && <DealFormModal onClose={() => setCreating(false)} />}
    </Stack>
  );
}
