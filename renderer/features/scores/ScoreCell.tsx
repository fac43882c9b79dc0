import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { heatStyle, pointsBand, totalBand } from './bands';

const cell = { textAlign: 'center', fontVariantNumeric: 'tabular-nums' } as const;

/**
 * A heat-map table cell: centred tabular figures on the band's colour (dimmed when unscored).
 * `value` picks the band, a dimension's points (0–20) or, with `total`, a total (0–100) shown
 * in bold; the children are what the cell reads.
 */
export function ScoreCell({
  value,
  total = false,
  children,
}: {
  value: number | null;
  total?: boolean;
  children: ReactNode;
}) {
  const style = total
    ? { ...cell, ...heatStyle(totalBand(value)), fontWeight: 700 }
    : { ...cell, ...heatStyle(pointsBand(value)) };
  return <Table.Td style={style}>{children}</Table.Td>;
}
