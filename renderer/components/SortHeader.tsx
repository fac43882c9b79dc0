import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';

/** A table header that sorts by its column; announces the order to screen readers. */
export function SortHeader({
  label,
  active,
  direction,
  onSort,
  align = 'left',
}: {
  label: string;
  active: boolean;
  direction: 'asc' | 'desc';
  onSort: () => void;
  /** Numbers are right-aligned or centred under their header. */
  align?: 'left' | 'center' | 'right';
}) {
  const Icon = active ? (direction === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector;
  return (
    <Table.Th
      ta={align}
      aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <UnstyledButton onClick={onSort}>
        <Group
          gap={4}
          wrap="nowrap"
          justify={align === 'right' ? 'flex-end' : align === 'center' ? 'center' : 'flex-start'}
        >
          <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {label}
          </Text>
          <Icon size={14} stroke={1.8} color={active ? undefined : 'var(--mantine-color-dimmed)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
