import { Card, Group, Skeleton, Text, ThemeIcon, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** A dashboard tile: a figure and a line under it; the whole tile opens what is behind it. */
export function Tile({
  to,
  title,
  value,
  text,
  icon,
  color = 'teal',
  loading = false,
  children,
}: {
  to: string;
  title: string;
  value?: ReactNode;
  text?: ReactNode;
  icon: ReactNode;
  color?: string;
  loading?: boolean;
  children?: ReactNode;
}) {
  return (
    <UnstyledButton component={Link} to={to} aria-label={title} style={{ display: 'block' }}>
      <Card withBorder radius="md" padding="md" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm" fw={600} c="dimmed">
            {title}
          </Text>
          <ThemeIcon variant="light" color={color} radius="md">
            {icon}
          </ThemeIcon>
        </Group>
        {loading ? (
          <Skeleton h={28} mt={6} w="60%" />
        ) : (
          <>
            {value !== undefined && (
              <Text size="xl" fw={700} mt={2}>
                {value}
              </Text>
            )}
            {text !== undefined && (
              <Text size="sm" c="dimmed">
                {text}
              </Text>
            )}
            {children}
          </>
        )}
      </Card>
    </UnstyledButton>
  );
}
