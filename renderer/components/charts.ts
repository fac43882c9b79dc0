import {
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  RadarController,
  RadialLinearScale,
  Tooltip,
} from 'chart.js';
import { useComputedColorScheme, useMantineTheme } from '@mantine/core';

/**
 * chart.js with only the parts Pacer draws (line and radar charts), so the bundle carries no
 * unused controllers. Import this module from lazily loaded screens only: chart.js is not
 * part of the first screen.
 */
Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  CategoryScale,
  RadarController,
  RadialLinearScale,
  Filler,
  Tooltip,
  Legend,
);

export type ChartColors = {
  text: string;
  dimmed: string;
  grid: string;
  body: string;
  /** A Mantine palette colour at the shade that reads on this scheme's background. */
  color: (name: string) => string;
  /** The same colour, translucent, for filled areas. */
  fill: (name: string, alpha?: number) => string;
};

function withAlpha(hex: string, alpha: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/**
 * The theme's colours as plain values: a canvas cannot read CSS variables, so charts take the
 * same shades the variables resolve to, for the scheme in use (dark mode follows the system).
 */
export function useChartColors(): ChartColors {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const shade = (name: string, light: number, darkShade: number) =>
    theme.colors[name]?.[dark ? darkShade : light] ?? theme.colors.gray[6];
  return {
    text: dark ? theme.colors.dark[0] : theme.black,
    dimmed: dark ? theme.colors.dark[2] : theme.colors.gray[6],
    grid: dark ? theme.colors.dark[4] : theme.colors.gray[3],
    body: dark ? theme.colors.dark[7] : theme.white,
    color: (name) => shade(name, 7, 4),
    fill: (name, alpha = 0.18) => withAlpha(shade(name, 6, 5), alpha),
  };
}
