import { ActionIcon, Box, Group, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The board's row of columns. When they do not all fit (a narrow window, or "lost" opened),
 * the row scrolls sideways: a scrollbar that is always shown, the arrow keys once it has the
 * focus, and ‹ › buttons on the edges with a fade, shown only while there is more that way.
 * A button brings the next column that is cut off fully into view.
 */
export function BoardScroll({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState({ left: false, right: false });
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const left = el.scrollLeft > 1;
    const right = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
    setMore((m) => (m.left === left && m.right === right ? m : { left, right }));
  }, []);
  // The row's width follows the window; its content, the columns (lost opens and closes).
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [update]);
  useEffect(update);

  const step = (direction: 1 | -1) => {
    const el = ref.current;
    if (!el) return;
    const frame = el.getBoundingClientRect();
    const columns = Array.from(el.children).map((c) => c.getBoundingClientRect());
    const next =
      direction === 1
        ? columns.find((c) => c.right > frame.right + 1)
        : columns.findLast((c) => c.left < frame.left - 1);
    const by = next
      ? direction === 1
        ? next.right - frame.right
        : next.left - frame.left
      : direction * el.clientWidth * 0.8;
    el.scrollBy({ left: by, behavior: 'smooth' });
  };

  const edge = (side: 'left' | 'right') => {
    const label = t(side === 'left' ? 'deals.board.scrollLeft' : 'deals.board.scrollRight');
    return (
      <>
        <Box
          aria-hidden
          pos="absolute"
          top={0}
          bottom={0}
          w={40}
          style={{
            [side]: 0,
            pointerEvents: 'none',
            zIndex: 1,
            background: `linear-gradient(to ${side === 'left' ? 'right' : 'left'}, var(--mantine-color-body), transparent)`,
          }}
        />
        <Tooltip label={label} position={side === 'left' ? 'right' : 'left'}>
          <ActionIcon
            variant="default"
            radius="xl"
            size="xl"
            aria-label={label}
            onClick={() => step(side === 'left' ? -1 : 1)}
            pos="absolute"
            top="50%"
            style={{
              [side]: 4,
              zIndex: 2,
              transform: 'translateY(-50%)',
              boxShadow: 'var(--mantine-shadow-md)',
            }}
          >
            {side === 'left' ? <IconChevronLeft size={22} /> : <IconChevronRight size={22} />}
          </ActionIcon>
        </Tooltip>
      </>
    );
  };

  return (
    <Box pos="relative" style={{ flex: 1, minHeight: 360, display: 'flex' }}>
      <Group
        ref={ref}
        onScroll={update}
        gap="xs"
        wrap="nowrap"
        align="stretch"
        // The scrollbar is always shown (not the overlay one that appears only on hover).
        style={{
          flex: 1,
          minWidth: 0,
          overflowX: 'auto',
          scrollbarWidth: 'auto',
          scrollbarColor: 'var(--mantine-color-gray-5) transparent',
          paddingBottom: 8,
        }}
        aria-label={t('deals.board.columns')}
        tabIndex={0}
      >
        {children}
      </Group>
      {more.left && edge('left')}
      {more.right && edge('right')}
    </Box>
  );
}
