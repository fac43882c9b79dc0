import { Line, Radar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ScoreEntry } from '../../../shared/contract/scores';
import {
  DIMENSION_MAX,
  TOTAL_MAX,
  dimensions,
  scoreBand,
  type Dimension,
} from '../../../shared/domain/intensity';
import { useChartColors } from '../../components/charts';
import { bandColor } from './bands';

/**
 * The score screens' charts. This module pulls in chart.js: load it with `React.lazy` so the
 * page around it shows first.
 */

function shortDay(iso: string, language: string): string {
  return new Date(iso).toLocaleDateString(language, { month: 'short', day: 'numeric' });
}

/** A deal's total over its scorings, each point in its band's colour, with the band lines. */
export function ScoreTrend({ history, height = 200 }: { history: ScoreEntry[]; height?: number }) {
  const { t, i18n } = useTranslation();
  const c = useChartColors();
  const points = history.map((h) => c.color(bandColor[scoreBand(h.total)]));
  return (
    <div style={{ position: 'relative', height }}>
      <Line
        aria-label={t('scorecards.panel.trend')}
        role="img"
        data={{
          labels: history.map((h) => shortDay(h.scoredAt, i18n.language)),
          datasets: [
            {
              label: t('scorecards.panel.total'),
              data: history.map((h) => h.total),
              borderColor: c.color('teal'),
              backgroundColor: c.fill('teal', 0.12),
              pointBackgroundColor: points,
              pointBorderColor: points,
              pointRadius: 4,
              pointHoverRadius: 6,
              fill: true,
              tension: 0.25,
            },
          ],
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: (items) => {
                  const entry = history[items[0]?.dataIndex ?? 0];
                  return entry ? new Date(entry.scoredAt).toLocaleString(i18n.language) : '';
                },
                afterLabel: (item) => history[item.dataIndex]?.scoredByName ?? '',
              },
            },
          },
          scales: {
            y: {
              min: 0,
              max: TOTAL_MAX,
              ticks: { stepSize: 20, color: c.dimmed },
              grid: {
                color: (ctx) =>
                  ctx.tick.value === 40 || ctx.tick.value === 70 ? c.dimmed : c.grid,
              },
              border: { display: false },
            },
            x: {
              ticks: { color: c.dimmed, maxRotation: 0, autoSkipPadding: 12 },
              grid: { display: false },
            },
          },
        }}
      />
    </div>
  );
}

export type RadarSeries = {
  label: string;
  /** 0–20 per dimension; null where nothing is scored. */
  values: Record<Dimension, number | null>;
  color: string;
  dashed?: boolean;
};

/** The five dimensions (0–20) as a radar: one series, or a rep's against the team's. */
export function ScoreRadar({
  series,
  label,
  height = 260,
}: {
  series: RadarSeries[];
  /** What the chart shows, for screen readers. */
  label: string;
  height?: number;
}) {
  const { t } = useTranslation();
  const c = useChartColors();
  return (
    <div style={{ position: 'relative', height }}>
      <Radar
        aria-label={label}
        role="img"
        data={{
          labels: dimensions.map((d) => t(`dimensions.${d}`)),
          datasets: series.map((s) => ({
            label: s.label,
            data: dimensions.map((d) => s.values[d]),
            borderColor: c.color(s.color),
            backgroundColor: c.fill(s.color, s.dashed ? 0.06 : 0.2),
            pointBackgroundColor: c.color(s.color),
            pointRadius: 3,
            borderWidth: 2,
            borderDash: s.dashed ? [5, 4] : [],
            spanGaps: true,
          })),
        }}
        options={{
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: {
              display: series.length > 1,
              position: 'bottom',
              labels: { color: c.text, boxWidth: 12, boxHeight: 12 },
            },
          },
          scales: {
            r: {
              min: 0,
              max: DIMENSION_MAX,
              ticks: { stepSize: 5, color: c.dimmed, backdropColor: 'transparent', z: 1 },
              grid: { color: c.grid },
              angleLines: { color: c.grid },
              pointLabels: { color: c.text, font: { size: 13, weight: 600 } },
            },
          },
        }}
      />
    </div>
  );
}
