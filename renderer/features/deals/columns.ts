import type { TFunction } from 'i18next';
import type { BoardColumn } from '../../../shared/contract/deals';
import {
  milestoneProbability,
  milestones,
  type Milestone,
} from '../../../shared/domain/milestones';

/** The board's columns left to right: M1–M5 open, M6 won (结案), lost last. */
export const boardOrder: readonly BoardColumn[] = [...milestones, 'lost'];

export const columnColor: Record<BoardColumn, string> = {
  M1: 'gray',
  M2: 'blue',
  M3: 'indigo',
  M4: 'violet',
  M5: 'orange',
  M6: 'teal',
  lost: 'red',
};

/** The column's name: the milestone's, "Won / 结案" for M6, "Lost / 丢单". */
export function columnName(t: TFunction, column: BoardColumn): string {
  if (column === 'M6') return t('deals.column.won');
  if (column === 'lost') return t('milestones.lost');
  return t(`milestones.${column}`);
}

/** "合格潜在客户 10%": the name and the win probability of an open milestone. */
export function columnTitle(t: TFunction, column: BoardColumn): string {
  const name = columnName(t, column);
  return column === 'lost' ? name : `${name} ${milestoneProbability[column]}%`;
}

/** Where a deal is on the board: its milestone while open or won, "lost" when lost. */
export function dealColumn(deal: { milestone: Milestone; status: string }): BoardColumn {
  return deal.status === 'lost' ? 'lost' : deal.milestone;
}
