import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardColumn, DealCard } from '../../../shared/contract/deals';
import { BoardCardView } from './BoardCard';
import { columnTitle } from './columns';
import { CardKeyboardSensor, columnCollision, columnCoordinates } from './dnd';

function cardOf(data: unknown): DealCard | null {
  return (data as { card?: DealCard } | undefined)?.card ?? null;
}
function columnOf(data: unknown): BoardColumn | null {
  return (data as { column?: BoardColumn } | undefined)?.column ?? null;
}

/**
 * The drag-and-drop frame of the board and the swimlanes: pointer and keyboard sensors,
 * announcements in the user's language, and a floating copy of the card while it moves.
 * A drop asks `onMove` — which opens the dialog the move needs; nothing moves before it.
 */
export function DealDnd({
  onMove,
  children,
}: {
  onMove: (card: DealCard, to: BoardColumn) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [active, setActive] = useState<DealCard | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(CardKeyboardSensor, { coordinateGetter: columnCoordinates }),
  );
  const name = (data: unknown) => {
    const column = columnOf(data);
    return column ? columnTitle(t, column) : '';
  };
  const announcements: Announcements = {
    onDragStart: ({ active: a }) =>
      t('deals.move.picked', { title: cardOf(a.data.current)?.title }),
    onDragOver: ({ active: a, over }) =>
      over
        ? t('deals.move.over', {
            title: cardOf(a.data.current)?.title,
            column: name(over.data.current),
          })
        : undefined,
    onDragEnd: ({ active: a, over }) =>
      over
        ? t('deals.move.dropped', {
            title: cardOf(a.data.current)?.title,
            column: name(over.data.current),
          })
        : t('deals.move.cancelled', { title: cardOf(a.data.current)?.title }),
    onDragCancel: ({ active: a }) =>
      t('deals.move.cancelled', { title: cardOf(a.data.current)?.title }),
  };
  const start = (event: DragStartEvent) => setActive(cardOf(event.active.data.current));
  const end = (event: DragEndEvent) => {
    setActive(null);
    const card = cardOf(event.active.data.current);
    const to = columnOf(event.over?.data.current);
    if (card && to) onMove(card, to);
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={columnCollision}
      onDragStart={start}
      onDragEnd={end}
      onDragCancel={() => setActive(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: { draggable: t('deals.move.keyboardHint') },
      }}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {active ? <BoardCardView card={active} lifted style={{ width: 220 }} /> : null}
      </DragOverlay>
    </DndContext>
  );
}
