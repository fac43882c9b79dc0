import { Anchor, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import {
  reportNames,
  type ReportName,
  type ReportOutput,
  type ReportPeriod,
  type ReportScope,
} from '../../../shared/contract/reports';
import { useApiQuery } from '../../api/queries';
import { useCurrentUser } from '../../app/status';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { PageLoader } from '../../components/PageLoader';
import { localToday } from '../../components/dates';
import { ExportButton } from '../exports/ExportButton';
import { reportViews } from '../../../shared/reports/views';
import { shortDay } from './fields';
import { AttainmentFigures, KeyFigures } from './KeyFigures';
import { readPeriod, readScope, reportSearch } from './params';
import { PeriodPicker } from './PeriodPicker';
import { FigureTable, ReportTable } from './ReportTable';
import { ScopePicker, ScopeTrail } from './ScopeTrail';
import { reportTables } from './tables';

const ReportChart = lazy(async () => ({ default: (await import('./ReportChart')).ReportChart }));

function isReportName(name: string | undefined): name is ReportName {
  return (reportNames as readonly string[]).includes(name ?? '');
}

/** One report: period and scope (kept in the URL), key figures, chart, then the rows. */
export function ReportPage() {
  const { name } = useParams();
  if (!isReportName(name)) return <Navigate to="/reports" replace />;
  return <ReportView name={name} />;
}

function ReportView({ name }: { name: ReportName }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const today = localToday();
  const period = readPeriod(params, today);
  const me = useCurrentUser();
  // Without a scope in the link: a rep sees their own figures, a manager their team's.
  const scope = params.has('scope')
    ? readScope(params)
    : me.role === 'rep'
      ? { type: 'rep' as const, id: me.id }
      : me.role === 'manager' && me.teamId
        ? { type: 'team' as const, id: me.teamId }
        : readScope(params);
  const report = useApiQuery('reports.run', { report: name, period, scope, today }, reportTables, {
    placeholderData: (previous) => (previous?.report === name ? previous : undefined),
  });
  // The scope the report was run for: asked wider than the user may read, it was clamped
  // (docs/data-scope.md), and the picker and trail show where it landed.
  const ran = report.data?.scope;
  const shown: ReportScope =
    ran && ran.type !== 'company' && ran.id ? { type: ran.type, id: ran.id } : scope;
  const go = (p: ReportPeriod, s: ReportScope) =>
    setParams(new URLSearchParams(reportSearch(p, s).slice(1)));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Anchor component={Link} to="/reports" size="sm">
            {t('reportsui.allReports')}
          </Anchor>
          <Title order={2}>{t(`reportsui.names.${name}`)}</Title>
          <Text c="dimmed" size="sm" maw={720}>
            {t(`reportsui.descriptions.${name}`)}
          </Text>
        </div>
        <ExportButton table={{ table: 'report', report: { report: name, period, scope, today } }} />
      </Group>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <PeriodPicker value={period} onChange={(p) => go(p, scope)} />
        <ScopePicker scope={shown} onChange={(s) => go(period, s)} />
      </Group>
      <Group justify="space-between" wrap="wrap">
        <ScopeTrail scope={shown} name={report.data?.scope.name ?? null} period={period} />
        {report.data && (
          <Text size="sm" c="dimmed">
            {t('reportsui.asOf', {
              from: shortDay(report.data.period.from, i18n.language),
              to: shortDay(report.data.period.to, i18n.language),
              day: shortDay(report.data.asOf, i18n.language),
            })}
          </Text>
        )}
      </Group>
      {report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <ReportBody data={report.data} period={period} />
      )}
    </Stack>
  );
}

function ReportBody({ data, period }: { data: ReportOutput; period: ReportPeriod }) {
  const { t } = useTranslation();
  const view = reportViews[data.report];
  const rows = data.rows as unknown as Record<string, unknown>[];
  const columns = data.rowKind === 'scope' ? view.scopeColumns : view.recordColumns;
  const extraRows = view.extra
    ? ((data.keyFigures as Record<string, unknown>)[view.extra.path] as unknown[] | undefined)
    : undefined;
  const rowsLabel = t(`reportsui.rowKinds.${data.rowKind}`);
  return (
    <Stack gap="md">
      <section aria-label={t('reportsui.keyFigures')}>
        {data.report === 'attainment' ? (
          <AttainmentFigures figures={data.keyFigures} />
        ) : (
          <KeyFigures figures={view.figures} values={data.keyFigures} />
        )}
      </section>
      <Card withBorder radius="md" padding="md">
        <Text fw={600} size="sm" mb="xs">
          {t('reportsui.chart')}
        </Text>
        <Suspense fallback={<Skeleton h={280} />}>
          <ReportChart data={data} />
        </Suspense>
      </Card>
      {view.extra && extraRows && extraRows.length > 0 && (
        <Card withBorder radius="md" padding="md">
          <FigureTable
            rows={extraRows}
            columns={view.extra.columns}
            label={t(`reportsui.f.${view.extra.title}`)}
          />
        </Card>
      )}
      <Card withBorder radius="md" padding="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {t('reportsui.details')} · {rowsLabel}
          </Text>
          {data.rowsTotal > rows.length && (
            <Text size="xs" c="dimmed">
              {t('reportsui.rowsShown', { shown: rows.length, total: data.rowsTotal })}
            </Text>
          )}
        </Group>
        {rows.length === 0 ? (
          <EmptyState
            icon={<IconChartBar />}
            title={t('reportsui.noRows')}
            text={t('reportsui.noRowsHint')}
          />
        ) : (
          <ReportTable
            rows={rows}
            columns={columns}
            report={data.report}
            period={period}
            label={rowsLabel}
          />
        )}
      </Card>
    </Stack>
  );
}
