import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  TargetOverview as Overview,
  TargetScopeInput,
} from '../../../shared/contract/targets';
import type { Visibility } from '../../../shared/contract/team';
import { scopeParam, showValue } from './shared';

type Line = {
  scope: TargetScopeInput;
  name: string;
  depth: number;
  value: number | null;
  sum: number | null;
  unassigned: number | null;
  /** Out of the user's data scope: the name only, as the heading of the lines below it. */
  hidden: boolean;
};

/**
 * The company, its teams and their reps with year targets and what is unassigned. Without the
 * company view (docs/data-scope.md) the company line is left out, and a team out of scope shows
 * its name only, above the reps of it the user may read.
 */
export function TargetOverview({
  overview,
  visible,
  selected,
  onSelect,
}: {
  overview: Overview;
  visible: Visibility;
  selected: TargetScopeInput;
  onSelect: (scope: TargetScopeInput) => void;
}) {
  const { t, i18n } = useTranslation();
  const seesTeam = (id: string) => visible.teamIds === null || visible.teamIds.includes(id);
  const lines: Line[] = [];
  if (visible.company)
    lines.push({
      scope: { type: 'company' },
      name: t('targets.overview.company'),
      depth: 0,
      value: overview.company.value,
      sum: overview.company.childrenSum,
      unassigned: overview.company.unassigned,
      hidden: false,
    });
  for (const team of overview.teams) {
    lines.push({
      scope: { type: 'team', id: team.id },
      name: team.name,
      depth: 1,
      value: team.value,
      sum: team.childrenSum,
      unassigned: team.unassigned,
      hidden: !seesTeam(team.id),
    });
    for (const rep of team.reps)
      lines.push({
        scope: { type: 'rep', id: rep.id },
        name: rep.name,
        depth: 2,
        value: rep.value,
        sum: null,
        unassigned: null,
        hidden: false,
      });
  }
  const show = (n: number | null) => showValue(n, overview.money, i18n.language);
  const current = scopeParam(selected);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table highlightOnHover aria-label={t('targets.overview.title')} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('targets.scope')}</Table.Th>
            <Table.Th ta="right">{t('targets.columns.target')}</Table.Th>
            <Table.Th ta="right">{t('targets.columns.children')}</Table.Th>
            <Table.Th ta="right">{t('targets.columns.unassigned')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => {
            const key = scopeParam(line.scope);
            const active = key === current;
            if (line.hidden)
              return (
                <Table.Tr key={key}>
                  <Table.Td colSpan={4} style={{ paddingLeft: 12 + line.depth * 20 }}>
                    <Text size="sm" fw={600} c="dimmed">
                      {line.name}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            return (
              <Table.Tr
                key={key}
                bg={active ? 'var(--mantine-primary-color-light)' : undefined}
                style={{ cursor: 'pointer' }}
                onClick={() => onSelect(line.scope)}
              >
                <Table.Td style={{ paddingLeft: 12 + line.depth * 20 }}>
                  <UnstyledButton
                    onClick={(e) => {
                      e.stopPropagation();
                      onSelect(line.scope);
                    }}
                    aria-current={active ? 'true' : undefined}
                  >
                    <Text size="sm" fw={line.depth < 2 ? 600 : 400}>
                      {line.name}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td ta="right">
                  {line.value === null ? (
                    <Text size="sm" c="dimmed">
                      {t('targets.noTarget')}
                    </Text>
                  ) : (
                    show(line.value)
                  )}
                </Table.Td>
                <Table.Td ta="right">{line.sum === null ? '' : show(line.sum)}</Table.Td>
                <Table.Td ta="right">
                  {line.unassigned === null ? (
                    ''
                  ) : (
                    <Badge
                      variant="light"
                      color={
                        line.unassigned === 0 ? 'teal' : line.unassigned > 0 ? 'yellow' : 'red'
                      }
                    >
                      {show(line.unassigned)}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
