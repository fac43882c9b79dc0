import type { CalendarOverrides } from '../../../shared/domain/periods';

/**
 * China's 2025 National Day and Mid-Autumn break (国务院办公厅, November 2024): 1–8 October off,
 * made up by working Sunday 28 September and Saturday 11 October (调休).
 */
export const nationalDay2025: CalendarOverrides = new Map([
  ...['01', '02', '03', '04', '05', '06', '07', '08'].map(
    (d) => [`2025-10-${d}`, 'holiday'] as const,
  ),
  ['2025-09-28', 'workday'],
  ['2025-10-11', 'workday'],
]);

/** No exceptions: Monday to Friday. */
export const weekdaysOnly: CalendarOverrides = new Map();
