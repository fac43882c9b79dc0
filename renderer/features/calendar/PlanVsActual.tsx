import {
  Button,
  Group,
  Paper,
  Popover,
  Progress,
  ScrollArea,
  Skeleton,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanRow } from '../../../shared/contract/visits';
import type { Scope } from '../../../shared/domain/people';
import { useApiQuery } from '../../api/queries';
import { VISIT_TABLES } from './tables';
import { useNow } from './time';

/** Who a calendar view shows: a scope, narrowed to some reps when picked. */
export type Who = { scope: Scope; ownerIds: string[] };

export function whoInput(who: Who): { scope: Scope; ownerIds?: string[] } {
  return who.ownerIds.length > 0
    ? { scope: who.scope, ownerIds: who.ownerIds }
    : { scope: who.scope };
}

/** A rate as a percentage in the user's language; a dash without a base. */
export function formatRate(rate: number | null, language: string): string {
  return rate === null
    ? '—'
    : rate.toLocaleString(language, { style: 'percent', maximumFractionDigits: 0 });
}

function Figure({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: ReactNode;
  hint: string;
  testId?: string;
}) {
  return (
    <Tooltip label={hint} withArrow multiline maw={280}>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="sm" fw={650} className="tabular" data-testid={testId}>
          {value}
        </Text>
      </Group>
    </Tooltip>
  );
}

/**
 * Plan vs actual (计划与实际) of the visible ISO week on the calendar's header: planned, done,
 * effective, plan completion and effective visit rates; managers open the per-rep table.
 */
export function PlanVsActualBar({
  week,
  from,
  to,
  who,
  withTable,
}: {
  week: string;
  from: string;
  to: string;
  who: Who;
  withTable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const plan = useApiQuery(
    'visits.planVsActual',
    { from, to, ...whoInput(who), now },
    VISIT_TABLES,
    { placeholderData: (previous) => previous },
  );
  const total = plan.data?.total;
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py={8}
      component="section"
      aria-label={t('calendar.plan.vsActual')}
    >
      <Group gap="lg" wrap="wrap" justify="space-between">
        <Group gap="lg" wrap="wrap">
          <Text size="sm" fw={650}>
            {t('calendar.plan.vsActualWeek', { week: Number(week.slice(6)) })}
          </Text>
          {!total ? (
            <Skeleton height={18} width={360} />
          ) : (
            <>
              <Figure
                label={t('calendar.plan.planned')}
                value={n(total.planned)}
                hint={t('calendar.plan.plannedHint')}
              />
              <Figure
                label={t('calendar.plan.done')}
                value={n(total.done)}
                testId="plan-done"
                hint={t('calendar.plan.doneHint', { count: total.unplanned })}
              />
              <Figure
                label={t('calendar.plan.effective')}
                value={n(total.effective)}
                hint={t('calendar.plan.effectiveHint')}
              />
              <Group gap={6} wrap="nowrap">
                <Figure
                  label={t('calendar.plan.completionRate')}
                  value={formatRate(total.completionRate, i18n.language)}
                  hint={t('calendar.plan.completionHint')}
                />
                <Progress
                  value={(total.completionRate ?? 0) * 100}
                  w={60}
                  size="sm"
                  aria-hidden
                  color={(total.completionRate ?? 0) >= 0.8 ? 'teal' : 'orange'}
                />
              </Group>
              <Figure
                label={t('calendar.plan.effectiveRate')}
                value={formatRate(total.effectiveRate, i18n.language)}
                hint={t('calendar.plan.effectiveRateHint')}
              />
              {total.awaitingSummary > 0 && (
                <Text size="xs" c="orange" fw={600}>
                  {t('calendar.plan.awaiting', { count: total.awaitingSummary })}
                </Text>
              )}
            </>
          )}
        </Group>
        {withTable && plan.data && (
          <Popover position="bottom-end" shadow="md" withArrow>
            <Popover.Target>
              <Button size="compact-sm" variant="subtle" leftSection={<IconTable size={14} />}>
                {t('calendar.plan.byRep')}
              </Button>
            </Popover.Target>
            <Popover.Dropdown p={0}>
              <ScrollArea.Autosize mah={420}>
                <PlanVsActualTable rows={plan.data.rows} />
              </ScrollArea.Autosize>
            </Popover.Dropdown>
          </Popover>
        )}
      </Group>
    </Paper>
  );
}

/** The per-rep table of plan vs actual (managers). */
export function PlanVsActualTable({ rows }: { rows: PlanRow[] }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => v.toLocaleString(i18n.language);
  return (
    <Table
      aria-label={t('calendar.plan.byRep')}
      striped
      verticalSpacing={6}
      fz="sm"
      miw={560}
      className="tabular"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('calendar.fields.rep')}</Table.Th>
          <Table.Th ta="right">{t('calendar.plan.planned')}</Table.Th>
          <Table.Th ta="right">{t('calendar.plan.done')}</Table.Th>
          <Table.Th ta="right">{t('calendar.plan.unplanned')}</Table.Th>
          <Table.Th ta="right">{t('calendar.plan.effective')}</Table.Th>
          <Table.Th ta="right">{t('calendar.plan.completionRate')}</Table.Th>
          <Table.Th ta="right">{t('calendar.plan.effectiveRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 ? (
          <Table.Tr>
            <Table.Td colSpan={7}>
              <Text size="sm" c="dimmed">
                {t('calendar.plan.noRows')}
              </Text>
            </Table.Td>
          </Table.Tr>
        ) : (
          rows.map((r) => (
            <Table.Tr key={r.ownerId}>
              <Table.Td>
                <Text size="sm" fw={550}>
                  {r.name}
                </Text>
                {r.teamName && (
                  <Text size="xs" c="dimmed">
                    {r.teamName}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{n(r.planned)}</Table.Td>
              <Table.Td ta="right">{n(r.done)}</Table.Td>
              <Table.Td ta="right">{n(r.unplanned)}</Table.Td>
              <Table.Td ta="right">{n(r.effective)}</Table.Td>
              <Table.Td ta="right">
                <Text
                  size="sm"
                  span
                  c={r.completionRate !== null && r.completionRate < 0.6 ? 'red' : undefined}
                >
                  {formatRate(r.completionRate, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatRate(r.effectiveRate, i18n.language)}</Table.Td>
            </Table.Tr>
          ))
        )}
      </Table.Tbody>
    </Table>
  );
}
