import { isoWeek, isoWeekday } from '../../../shared/domain/time';
import { shiftWeek } from '../weekly/week';

/** The week the meeting reviews: this one, but on Monday (meeting day) the one just ended. */
export function defaultPackWeek(today: string): { week: string; monday: boolean } {
  const monday = isoWeekday(today) === 1;
  const week = isoWeek(today);
  return { week: monday ? shiftWeek(week, -1) : week, monday };
}

/** The folder of a saved file's path, whichever separator the host's system uses. */
export function folderOf(file: { path: string; fileName: string }): string {
  const { path, fileName } = file;
  const cut = path.endsWith(fileName) ? path.length - fileName.length : path.length;
  const folder = path.slice(0, cut);
  // A file at the root keeps its separator: "/", "C:\\".
  return (/^[a-zA-Z]:[\\/]$/.test(folder) ? folder : folder.replace(/[\\/]+$/, '')) || folder;
}
