import { Accordion, Alert, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type {
  TargetCell,
  TargetGrid as Grid,
  TargetScopeInput,
} from '../../../shared/contract/targets';
import { useApiMutation } from '../../api/queries';
import { useErrorMessage } from '../../components/errors';
import { shortDay } from '../reports/fields';
import { CellInput } from './CellInput';
import { showValue } from './shared';

/** A scope's year, quarters, months and weeks, each target editable in place. */
export function TargetGrid({
  grid,
  scope,
  canEdit,
}: {
  grid: Grid;
  scope: TargetScopeInput;
  canEdit: boolean;
}) {
  const { t, i18n } = useTranslation();
  const setCell = useApiMutation('targets.setCell');
  const message = useErrorMessage();
  const show = (n: number | null) => showValue(n, grid.money, i18n.language);
  const save = (key: string, value: number | null) =>
    setCell.mutate(
      { metric: grid.metric, year: grid.year, scope, key, value },
      {
        onSuccess: () => notifications.show({ message: t('targetsui.cellSaved'), color: 'teal' }),
        onError: (error) => notifications.show({ message: message(error), color: 'red' }),
      },
    );
  const table = (cells: TargetCell[], label: string, showParts: boolean) => (
    <Table.ScrollContainer minWidth={640}>
      <Table aria-label={label} verticalSpacing={4} striped="even">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('targets.columns.period')}</Table.Th>
            <Table.Th ta="right">{t('targets.columns.target')}</Table.Th>
            {showParts && <Table.Th ta="right">{t('targets.columns.parts')}</Table.Th>}
            {showParts && <Table.Th ta="right">{t('targets.columns.partsDiff')}</Table.Th>}
            {grid.scope.type !== 'rep' && (
              <Table.Th ta="right">{t('targets.columns.children')}</Table.Th>
            )}
            {grid.scope.type !== 'rep' && (
              <Table.Th ta="right">{t('targets.columns.unassigned')}</Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((cell) => (
            <Table.Tr key={cell.key}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {cell.key}
                </Text>
                <Text size="xs" c="dimmed">
                  {shortDay(cell.from, i18n.language)} – {shortDay(cell.to, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">
                <CellInput
                  value={cell.value}
                  money={grid.money}
                  label={t('targetsui.cellLabel', { key: cell.key })}
                  disabled={!canEdit || setCell.isPending}
                  onCommit={(value) => save(cell.key, value)}
                />
              </Table.Td>
              {showParts && (
                <Table.Td ta="right">{cell.partsSum === null ? '' : show(cell.partsSum)}</Table.Td>
              )}
              {showParts && (
                <Table.Td ta="right" c={cell.partsDiff ? 'orange' : undefined}>
                  {cell.partsDiff === null ? '' : show(cell.partsDiff)}
                </Table.Td>
              )}
              {grid.scope.type !== 'rep' && (
                <Table.Td ta="right">
                  {cell.childrenSum === null ? '' : show(cell.childrenSum)}
                </Table.Td>
              )}
              {grid.scope.type !== 'rep' && (
                <Table.Td
                  ta="right"
                  c={
                    cell.unassigned === null || cell.unassigned === 0
                      ? undefined
                      : cell.unassigned > 0
                        ? 'yellow.8'
                        : 'red'
                  }
                >
                  {cell.unassigned === null ? '' : show(cell.unassigned)}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
  return (
    <>
      {grid.weeksDiff !== null && grid.weeksDiff !== 0 && grid.weeksSum !== null && (
        <Alert color="yellow" variant="light">
          {t('targetsui.weeksDiff', { sum: show(grid.weeksSum), diff: show(grid.weeksDiff) })}
        </Alert>
      )}
      {table([grid.total, ...grid.quarters], t('targetsui.quarters'), true)}
      <Accordion multiple defaultValue={['months']} variant="separated">
        <Accordion.Item value="months">
          <Accordion.Control>{t('targetsui.months')}</Accordion.Control>
          <Accordion.Panel>{table(grid.months, t('targetsui.months'), false)}</Accordion.Panel>
        </Accordion.Item>
        <Accordion.Item value="weeks">
          <Accordion.Control>{t('targetsui.weeks')}</Accordion.Control>
          <Accordion.Panel>{table(grid.weeks, t('targetsui.weeks'), false)}</Accordion.Panel>
        </Accordion.Item>
      </Accordion>
    </>
  );
}
