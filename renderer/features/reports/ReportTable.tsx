import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { DrillTarget, ReportPeriod, ReportName } from '../../../shared/contract/reports';
import { SortHeader } from '../../components/SortHeader';
import { useSorted } from '../scores/useSorted';
import { rowTitle, type Field } from '../../../shared/reports/views';
import { numericFmts, renderField, sortValue } from './fields';
import { reportSearch } from './params';

type Row = Record<string, unknown>;

/** Where a row's drill target leads: the same report a level down, or the record's page. */
export function drillHref(row: Row, report: ReportName, period: ReportPeriod): string | null {
  const drill = row.drill as DrillTarget | undefined;
  if (!drill) return null;
  switch (drill.kind) {
    case 'scope':
      return `/reports/${report}${reportSearch(period, drill.scope)}`;
    case 'deal':
      return `/deals/${drill.id}`;
    case 'customer':
      return `/customers/${drill.id}`;
    case 'visit':
      return typeof row.customerId === 'string' ? `/customers/${row.customerId}` : null;
  }
}

/** The rows below the scope, sortable; a click drills down. */
export function ReportTable({
  rows,
  columns,
  report,
  period,
  label,
}: {
  rows: Row[];
  columns: Field[];
  report: ReportName;
  period: ReportPeriod;
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const getters: Record<string, (row: Row) => number | string | null> = {
    name: (row) => rowTitle(row),
  };
  for (const c of columns) getters[c.path] = (row) => sortValue(row, c);
  const { sorted, sortProps } = useSorted<Row, string>(
    rows,
    getters,
    { key: 'name', direction: 'asc' },
    i18n.language,
  );
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover striped="even" aria-label={label} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <SortHeader label={t('reportsui.f.name')} {...sortProps('name')} />
            {columns.map((c) => (
              <SortHeader
                key={c.path}
                label={t(`reportsui.f.${c.label}`)}
                align={numericFmts.includes(c.fmt) ? 'right' : 'left'}
                {...sortProps(c.path)}
              />
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => {
            const href = drillHref(row, report, period);
            const title = rowTitle(row);
            const kind = typeof row.kind === 'string' ? row.kind : '';
            return (
              <Table.Tr
                key={`${kind}:${String(row.id)}`}
                style={href ? { cursor: 'pointer' } : undefined}
                onClick={(e) => {
                  if (href && !(e.target as HTMLElement).closest('a')) void navigate(href);
                }}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={6} wrap="nowrap">
                    {href ? (
                      <Anchor component={Link} to={href} size="sm" fw={500}>
                        {title}
                      </Anchor>
                    ) : (
                      <Text size="sm">{title}</Text>
                    )}
                    {(kind === 'team' || kind === 'activity') && (
                      <Badge size="xs" variant="light" color="gray" style={{ flexShrink: 0 }}>
                        {t(`reportsui.kinds.${kind}`)}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                {columns.map((c) => (
                  <Table.Td
                    key={c.path}
                    ta={numericFmts.includes(c.fmt) ? 'right' : 'left'}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {renderField(row, c, t, i18n.language)}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A small table held in the key figures (funnel stages, grades, products). */
export function FigureTable({
  rows,
  columns,
  label,
}: {
  rows: unknown[];
  columns: Field[];
  label: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped="even" aria-label={label} verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.path} ta={numericFmts.includes(c.fmt) ? 'right' : 'left'}>
                {t(`reportsui.f.${c.label}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={i}>
              {columns.map((c) => (
                <Table.Td key={c.path} ta={numericFmts.includes(c.fmt) ? 'right' : 'left'}>
                  {renderField(row, c, t, i18n.language)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
