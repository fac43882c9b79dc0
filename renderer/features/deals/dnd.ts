import {
  KeyboardSensor,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  type KeyboardCoordinateGetter,
} from '@dnd-kit/core';
import type { KeyboardEvent } from 'react';

/**
 * Arrow keys jump a lifted card to the next drop target left or right in the same row
 * (the board, or one rep's swimlane); dnd-kit's default would nudge it 25 px at a time.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  const row = droppableContainers
    .getEnabled()
    .map((c) => droppableRects.get(c.id))
    .filter((r): r is NonNullable<typeof r> => !!r && r.top <= cy && cy <= r.top + r.height)
    .sort((a, b) => a.left - b.left);
  const current = row.findIndex((r) => r.left <= cx && cx <= r.left + r.width);
  const next =
    event.code === 'ArrowRight'
      ? current < 0
        ? row.find((r) => r.left > cx)
        : row[current + 1]
      : current < 0
        ? [...row].reverse().find((r) => r.left + r.width < cx)
        : row[current - 1];
  if (!next) return undefined;
  return { x: next.left + (next.width - collisionRect.width) / 2, y: collisionRect.top };
};

/**
 * The pointer decides where a card lands; for keyboard moves (no pointer) the centre of
 * the lifted card does, so a narrow collapsed column is still hit exactly.
 */
export const columnCollision: CollisionDetection = (args) => {
  if (args.pointerCoordinates) {
    const hits = pointerWithin(args);
    return hits.length > 0 ? hits : rectIntersection(args);
  }
  const { collisionRect } = args;
  const centre = {
    x: collisionRect.left + collisionRect.width / 2,
    y: collisionRect.top + collisionRect.height / 2,
  };
  const hits = pointerWithin({ ...args, pointerCoordinates: centre });
  return hits.length > 0 ? hits : rectIntersection(args);
};

/** Space on the card itself lifts it; keys pressed on its link or menu button do not. */
export class CardKeyboardSensor extends KeyboardSensor {
  static override activators = [
    {
      eventName: 'onKeyDown' as const,
      handler: (
        event: KeyboardEvent,
        options: Parameters<(typeof KeyboardSensor.activators)[number]['handler']>[1],
        context: Parameters<(typeof KeyboardSensor.activators)[number]['handler']>[2],
      ) => {
        if (event.target !== event.currentTarget) return false;
        const base = KeyboardSensor.activators[0];
        return base ? base.handler(event, options, context) : false;
      },
    },
  ];
}
