import type { CSSProperties } from 'react';
import { dimensionBand, scoreBand, type ScoreBand } from '../../../shared/domain/intensity';

/** Weak, developing, strong: red, yellow, green wherever a score is shown. */
export const bandColor: Record<ScoreBand, string> = {
  weak: 'red',
  developing: 'yellow',
  strong: 'green',
};

/**
 * A palette colour for text and figures that reads on the page in both schemes: a dark shade
 * on light, a light one on dark (Mantine's "light color" is nearly white in dark mode).
 */
export function textColor(color: string): string {
  const light = color === 'yellow' ? 9 : 8;
  return `light-dark(var(--mantine-color-${color}-${light}), var(--mantine-color-${color}-4))`;
}

/**
 * A heat-map cell's background: the band's colour mixed into the page's background, so the
 * default text colour reads on it in light and dark mode alike.
 */
export function heatStyle(band: ScoreBand | null): CSSProperties {
  if (!band) return { color: 'var(--mantine-color-dimmed)' };
  return {
    background: `color-mix(in srgb, var(--mantine-color-${bandColor[band]}-6) 26%, var(--mantine-color-body))`,
    // A thin gap in the page's colour keeps neighbouring cells of one band apart.
    boxShadow: 'inset 0 0 0 1px var(--mantine-color-body)',
  };
}

/** The band of a total (0–100) or of one dimension's points (0–20); none when unscored. */
export function totalBand(total: number | null): ScoreBand | null {
  return total === null ? null : scoreBand(total);
}
export function pointsBand(points: number | null): ScoreBand | null {
  return points === null ? null : dimensionBand(points);
}

/** An average in the user's language (`digits` decimals); a dash when nothing is scored. */
export function formatAverage(value: number | null, language: string, digits = 1): string {
  if (value === null) return '—';
  return value.toLocaleString(language, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}
