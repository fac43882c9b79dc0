import { describe, expect, it } from 'vitest';
import { defaultPackWeek, folderOf } from '../../../renderer/features/exports/helpers';

describe('the weekly pack dialog', () => {
  it('defaults to the current ISO week, but to last week on Monday', () => {
    expect(defaultPackWeek('2026-11-23')).toEqual({ week: '2026-W47', monday: true });
    expect(defaultPackWeek('2026-11-24')).toEqual({ week: '2026-W48', monday: false });
    expect(defaultPackWeek('2026-11-29')).toEqual({ week: '2026-W48', monday: false });
    // Across the year: Monday 4 January 2027 reviews 2026-W53.
    expect(defaultPackWeek('2027-01-04')).toEqual({ week: '2026-W53', monday: true });
    expect(defaultPackWeek('2026-01-01')).toEqual({ week: '2026-W01', monday: false });
  });
});

describe('an export result', () => {
  it('names the folder of the saved file on any system', () => {
    expect(
      folderOf({
        path: '/home/li/Downloads/周会资料_2026-W47.xlsx',
        fileName: '周会资料_2026-W47.xlsx',
      }),
    ).toBe('/home/li/Downloads');
    expect(folderOf({ path: 'C:\\Users\\li\\Desktop\\a.xlsx', fileName: 'a.xlsx' })).toBe(
      'C:\\Users\\li\\Desktop',
    );
    expect(folderOf({ path: '/a.xlsx', fileName: 'a.xlsx' })).toBe('/');
    expect(folderOf({ path: 'D:\\a.xlsx', fileName: 'a.xlsx' })).toBe('D:\\');
  });
});
