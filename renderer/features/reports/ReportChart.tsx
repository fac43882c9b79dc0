import { ArcElement, BarController, BarElement, Chart, DoughnutController } from 'chart.js';
import { Text } from '@mantine/core';
import { Bar, Doughnut, Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReportOutput } from '../../../shared/contract/reports';
import { useChartColors, type ChartColors } from '../../components/charts';
import { formatMoney } from '../../components/money';
import { attainmentSeries } from './attainmentSeries';
import { formatCount, percent } from './fields';

/**
 * A report's chart: bars for comparisons, lines for trends, bars per milestone for the funnel
 * and stalled deals, a doughnut for the activity split. Loaded lazily with chart.js.
 */
Chart.register(BarController, BarElement, ArcElement, DoughnutController);

type Series = { label: string; data: (number | null)[]; color: string; dashed?: boolean };
type Spec = {
  type: 'bar' | 'line' | 'doughnut';
  labels: string[];
  series: Series[];
  money: boolean;
  horizontal?: boolean;
  /** A line under the chart saying what it shows at a glance. */
  note?: { text: string; color: string };
};

function bucketLabel(key: string, language: string): string {
  const [y, m, d] = key.split('-').map(Number);
  if (!y || !m) return key;
  return d
    ? new Date(y, m - 1, d).toLocaleDateString(language, { month: 'numeric', day: 'numeric' })
    : new Date(y, m - 1, 1).toLocaleDateString(language, { year: '2-digit', month: 'short' });
}

function specOf(data: ReportOutput, t: TFunction, language: string): Spec | null {
  const f = (k: string) => t(`reportsui.f.${k}`);
  switch (data.report) {
    case 'attainment': {
      const s = attainmentSeries(data);
      return {
        type: 'line',
        money: true,
        labels: data.trend.map((b) => bucketLabel(b.key, language)),
        series: [
          // The line stops at the figures' date: days still to come have no sales yet.
          { label: f('cumulativeSales'), data: s.actual, color: 'teal' },
          ...(s.target
            ? [{ label: f('targetToDate'), data: s.target, color: 'red', dashed: true }]
            : []),
        ],
        ...(s.gap !== null
          ? {
              note: {
                text: t(s.gap >= 0 ? 'reportsui.f.aheadOfTarget' : 'reportsui.f.behindTarget', {
                  amount: formatMoney(Math.abs(s.gap), language),
                }),
                color: s.gap >= 0 ? 'teal' : 'red',
              },
            }
          : {}),
      };
    }
    case 'performance':
      return {
        type: 'bar',
        money: true,
        labels: data.trend.map((b) => bucketLabel(b.key, language)),
        series: [
          { label: f('sales'), data: data.trend.map((b) => b.sales), color: 'teal' },
          {
            label: f('lastYearSales'),
            data: data.trend.map((b) => b.lastYearSales),
            color: 'gray',
          },
        ],
      };
    case 'execution':
      return {
        type: 'bar',
        money: false,
        labels: data.trend.map((b) => bucketLabel(b.key, language)),
        series: [
          { label: f('planned'), data: data.trend.map((b) => b.planned), color: 'gray' },
          { label: f('done'), data: data.trend.map((b) => b.done), color: 'blue' },
          { label: f('effective'), data: data.trend.map((b) => b.effective), color: 'teal' },
        ],
      };
    case 'customerVisits':
      return {
        type: 'line',
        money: false,
        labels: data.trend.map((b) => bucketLabel(b.key, language)),
        series: [{ label: f('visits'), data: data.trend.map((b) => b.visits), color: 'blue' }],
      };
    case 'funnel':
      return {
        type: 'bar',
        money: true,
        horizontal: true,
        labels: data.keyFigures.stages.map(
          (s) => `${s.milestone} ${t(`milestones.${s.milestone}`)}`,
        ),
        series: [
          {
            label: f('openAmount'),
            data: data.keyFigures.stages.map((s) => s.openAmount),
            color: 'blue',
          },
          {
            label: f('openWeighted'),
            data: data.keyFigures.stages.map((s) => s.openWeighted),
            color: 'teal',
          },
        ],
      };
    case 'forecast':
      return {
        type: 'bar',
        money: true,
        labels: data.trend.map((b) => bucketLabel(b.key, language)),
        series: [
          { label: f('amount'), data: data.trend.map((b) => b.amount), color: 'gray' },
          { label: f('weighted'), data: data.trend.map((b) => b.weighted), color: 'blue' },
          {
            label: f('intensityWeighted'),
            data: data.trend.map((b) => b.intensityWeighted),
            color: 'teal',
          },
        ],
      };
    case 'stalled':
      return {
        type: 'bar',
        money: false,
        labels: data.trend.map((s) => `${s.milestone} ${t(`milestones.${s.milestone}`)}`),
        series: [
          { label: f('openDeals'), data: data.trend.map((s) => s.openDeals), color: 'gray' },
          {
            label: f('stalledDeals'),
            data: data.trend.map((s) => s.stalledDeals),
            color: 'orange',
          },
        ],
      };
    case 'abnormalCustomers':
      return {
        type: 'bar',
        money: false,
        horizontal: true,
        labels: [f('overdueVisit'), f('overdueCollection'), f('orderDrop')],
        series: [
          {
            label: f('abnormalCustomers'),
            data: [
              data.keyFigures.overdueVisit,
              data.keyFigures.overdueCollection,
              data.keyFigures.orderDrop,
            ],
            color: 'orange',
          },
        ],
      };
    case 'activitySplit': {
      const total = data.keyFigures.total;
      if (total.development + total.negotiation + total.maintenance === 0) return null;
      return {
        type: 'doughnut',
        money: false,
        labels: [f('development'), f('negotiation'), f('maintenance')],
        series: [
          {
            label: f('visits'),
            data: [total.development, total.negotiation, total.maintenance],
            color: 'blue',
          },
        ],
      };
    }
    case 'productSales':
      if (data.keyFigures.products.length === 0) return null;
      return {
        type: 'bar',
        money: true,
        horizontal: true,
        labels: data.keyFigures.products.map((p) => p.name),
        series: [
          {
            label: f('amount'),
            data: data.keyFigures.products.map((p) => p.amount),
            color: 'teal',
          },
        ],
      };
  }
}

const doughnutColors = ['blue', 'grape', 'teal'];

function tickOf(money: boolean, language: string) {
  return (value: string | number) => {
    const n = Number(value);
    return money ? formatMoney(Math.round(n / 100) * 100, language) : formatCount(n, language);
  };
}

function datasets(spec: Spec, c: ChartColors) {
  return spec.series.map((s) =>
    s.dashed
      ? {
          // A reference drawn against the series (the target as it accrues): no fill, no points.
          label: s.label,
          data: s.data,
          borderColor: c.color(s.color),
          backgroundColor: c.color(s.color),
          borderDash: [6, 4],
          borderRadius: 0,
          fill: false,
          tension: 0,
          pointRadius: 0,
        }
      : {
          label: s.label,
          data: s.data,
          borderColor: c.color(s.color),
          // Grey is the series compared against (planned, last year): muted on either scheme.
          backgroundColor:
            spec.type === 'line'
              ? c.fill(s.color, 0.14)
              : s.color === 'gray'
                ? c.fill('gray', 0.45)
                : c.color(s.color),
          borderRadius: spec.type === 'bar' ? 4 : 0,
          maxBarThickness: 36,
          fill: spec.type === 'line',
          cubicInterpolationMode: 'monotone' as const,
          pointRadius: spec.type === 'line' ? 2 : 0,
        },
  );
}

export function ReportChart({ data, height = 280 }: { data: ReportOutput; height?: number }) {
  const { t, i18n } = useTranslation();
  const c = useChartColors();
  const spec = specOf(data, t, i18n.language);
  if (!spec || spec.labels.length === 0) return null;
  const label = t(`reportsui.names.${data.report}`);
  const tick = tickOf(spec.money, i18n.language);
  const legend = {
    display: spec.series.length > 1 || spec.type === 'doughnut',
    position: 'bottom' as const,
    labels: { color: c.text, boxWidth: 12, boxHeight: 12 },
  };
  if (spec.type === 'doughnut') {
    const values = spec.series[0]?.data ?? [];
    const sum = values.reduce<number>((a, b) => a + (b ?? 0), 0);
    return (
      <div style={{ position: 'relative', height }}>
        <Doughnut
          role="img"
          aria-label={label}
          data={{
            labels: spec.labels,
            datasets: [
              {
                data: values,
                backgroundColor: doughnutColors.map((n) => c.color(n)),
                borderColor: c.body,
                borderWidth: 2,
              },
            ],
          }}
          options={{
            maintainAspectRatio: false,
            animation: false,
            plugins: {
              legend: { ...legend, position: 'right' },
              tooltip: {
                callbacks: {
                  label: (item) =>
                    `${item.label}: ${formatCount(Number(item.raw), i18n.language)} (${percent(sum ? Number(item.raw) / sum : null, i18n.language)})`,
                },
              },
            },
          }}
        />
      </div>
    );
  }
  const valueAxis = {
    ticks: { color: c.dimmed, callback: tick },
    grid: { color: c.grid },
    border: { display: false },
    beginAtZero: true,
  };
  const categoryAxis = {
    ticks: { color: c.dimmed, maxRotation: 0, autoSkipPadding: 10 },
    grid: { display: false },
  };
  const scales = spec.horizontal
    ? { x: valueAxis, y: categoryAxis }
    : { x: categoryAxis, y: valueAxis };
  const tooltip = {
    callbacks: {
      label: (item: { dataset: { label?: string }; raw: unknown }) =>
        `${item.dataset.label ?? ''}: ${tick(Number(item.raw))}`,
    },
  };
  if (spec.type === 'line') {
    return (
      <>
        <div style={{ position: 'relative', height }}>
          <Line
            role="img"
            aria-label={label}
            data={{ labels: spec.labels, datasets: datasets(spec, c) }}
            options={{
              maintainAspectRatio: false,
              animation: false,
              plugins: { legend, tooltip },
              scales,
            }}
          />
        </div>
        {spec.note && (
          <Text size="sm" c={spec.note.color} ta="center" mt={4}>
            {spec.note.text}
          </Text>
        )}
      </>
    );
  }
  return (
    <div style={{ position: 'relative', height }}>
      <Bar
        role="img"
        aria-label={label}
        data={{ labels: spec.labels, datasets: datasets(spec, c) }}
        options={{
          indexAxis: spec.horizontal ? 'y' : 'x',
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend, tooltip },
          scales,
        }}
      />
    </div>
  );
}
