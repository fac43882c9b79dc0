import { describe, expect, it } from 'vitest';
import {
  addDaysTo,
  firstDayOfWeek,
  isTimeZone,
  isoWeek,
  isoWeekRange,
  utcToZoned,
  weekStart,
  zonedToUtc,
} from '../../../shared/domain/time';

describe('local times ↔ UTC', () => {
  it('converts a Shanghai visit (no DST) both ways', () => {
    expect(zonedToUtc('2026-11-23', '09:00', 'Asia/Shanghai')).toEqual({
      kind: 'ok',
      iso: '2026-11-23T01:00:00.000Z',
    });
    expect(utcToZoned('2026-11-23T01:00:00.000Z', 'Asia/Shanghai')).toEqual({
      day: '2026-11-23',
      time: '09:00',
    });
    // Early morning local is the previous UTC day: the local day is what we keep.
    expect(zonedToUtc('2026-11-23', '07:30', 'Asia/Shanghai')).toEqual({
      kind: 'ok',
      iso: '2026-11-22T23:30:00.000Z',
    });
  });

  it('refuses a wall time skipped by a spring-forward change (New York, Berlin)', () => {
    expect(zonedToUtc('2026-03-08', '02:30', 'America/New_York')).toEqual({ kind: 'gap' });
    expect(zonedToUtc('2026-03-29', '02:30', 'Europe/Berlin')).toEqual({ kind: 'gap' });
    // Either side of the gap exists, one hour of offset apart.
    expect(zonedToUtc('2026-03-08', '01:30', 'America/New_York')).toEqual({
      kind: 'ok',
      iso: '2026-03-08T06:30:00.000Z',
    });
    expect(zonedToUtc('2026-03-08', '03:30', 'America/New_York')).toEqual({
      kind: 'ok',
      iso: '2026-03-08T07:30:00.000Z',
    });
  });

  it('resolves a time repeated by a fall-back change to its first occurrence', () => {
    expect(zonedToUtc('2026-11-01', '01:30', 'America/New_York')).toEqual({
      kind: 'ok',
      iso: '2026-11-01T05:30:00.000Z',
    });
    expect(zonedToUtc('2026-10-25', '02:30', 'Europe/Berlin')).toEqual({
      kind: 'ok',
      iso: '2026-10-25T00:30:00.000Z',
    });
  });

  it('keeps the wall clock across a DST change: 09:00 stays 09:00 local', () => {
    const before = zonedToUtc('2026-10-24', '09:00', 'Europe/Berlin');
    const after = zonedToUtc('2026-10-26', '09:00', 'Europe/Berlin');
    expect(before).toEqual({ kind: 'ok', iso: '2026-10-24T07:00:00.000Z' });
    expect(after).toEqual({ kind: 'ok', iso: '2026-10-26T08:00:00.000Z' });
  });

  it('knows time zones', () => {
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('weeks', () => {
  it('numbers ISO weeks, including week 53 and the year edge', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
    expect(isoWeek('2026-11-30')).toBe('2026-W49');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2025-12-29')).toBe('2026-W01');
    expect(isoWeekRange('2026-W48')).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(isoWeekRange('2026-W53')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
    expect(isoWeekRange('2025-W53')).toBeNull();
    expect(isoWeekRange('2026-W54')).toBeNull();
    expect(isoWeekRange('2026-48')).toBeNull();
  });

  it('starts the week on Monday in Chinese and on Sunday in English', () => {
    expect(firstDayOfWeek('zh-CN')).toBe(1);
    expect(firstDayOfWeek('en')).toBe(0);
    // Wednesday 25 November 2026.
    expect(weekStart('2026-11-25', 1)).toBe('2026-11-23');
    expect(weekStart('2026-11-25', 0)).toBe('2026-11-22');
    // A Sunday belongs to the week before in the Monday convention, starts one in the other.
    expect(weekStart('2026-11-29', 1)).toBe('2026-11-23');
    expect(weekStart('2026-11-29', 0)).toBe('2026-11-29');
    expect(addDaysTo('2026-12-31', 1)).toBe('2027-01-01');
  });
});
