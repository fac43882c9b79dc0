import type { HandoverInput, HandoverPreview } from '../../../shared/contract/handover';
import type { User } from '../../../shared/contract/team';
import {
  receiverOf,
  type HandoverGrade,
  type HandoverMode,
  type HandoverRouting,
} from '../../../shared/domain/handover';

/** What the assign step holds: the mode, the default colleague, and both maps (only the mode's is sent). */
export type Assignment = {
  mode: HandoverMode;
  defaultTo: string | null;
  byRegion: Record<string, string>;
  byGrade: Partial<Record<HandoverGrade, string>>;
};

export const emptyAssignment: Assignment = {
  mode: 'all',
  defaultTo: null,
  byRegion: {},
  byGrade: {},
};

/** The routing the chosen mode means; null until a default colleague is picked (everything must be assigned). */
export function routingOf(a: Assignment): HandoverRouting | null {
  if (!a.defaultTo) return null;
  if (a.mode === 'region') return { defaultToUserId: a.defaultTo, byRegion: a.byRegion };
  if (a.mode === 'grade') return { defaultToUserId: a.defaultTo, byGrade: a.byGrade };
  return { defaultToUserId: a.defaultTo };
}

/** The execute call for an assignment. */
export function executeInput(fromUserId: string, routing: HandoverRouting): HandoverInput {
  return {
    fromUserId,
    defaultToUserId: routing.defaultToUserId,
    ...(routing.byRegion && Object.keys(routing.byRegion).length
      ? { byRegion: { ...routing.byRegion } }
      : {}),
    ...(routing.byGrade && Object.keys(routing.byGrade).length
      ? { byGrade: { ...routing.byGrade } }
      : {}),
    deactivate: true,
  };
}

/**
 * Customers each colleague receives, computed from the preview's breakdown with the same
 * rule the main process applies. Exact, because the wizard splits by one dimension only.
 */
export function receiverTotals(
  preview: HandoverPreview,
  routing: HandoverRouting,
): Map<string, number> {
  const totals = new Map<string, number>();
  const add = (userId: string, n: number) => totals.set(userId, (totals.get(userId) ?? 0) + n);
  if (routing.byRegion) {
    for (const row of preview.byRegion)
      add(receiverOf(routing, { region: row.region, grade: null }), row.customers);
  } else if (routing.byGrade) {
    for (const row of preview.byGrade)
      add(
        receiverOf(routing, { region: null, grade: row.grade === 'ungraded' ? null : row.grade }),
        row.customers,
      );
  } else {
    add(
      routing.defaultToUserId,
      preview.byRegion.reduce((sum, row) => sum + row.customers, 0),
    );
  }
  return totals;
}

/** Colleagues for a Select, grouped by team (Mantine's grouped data). */
export function colleagueOptions(
  users: User[],
  noTeam: string,
): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const u of users) {
    const team = u.teamName ?? noTeam;
    const items = groups.get(team) ?? [];
    items.push({ value: u.id, label: u.name });
    groups.set(team, items);
  }
  return [...groups].map(([group, items]) => ({ group, items }));
}
