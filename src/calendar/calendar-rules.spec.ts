import { describe, expect, it } from 'vitest';
import { dayErrors, parseYear, yearErrors } from './calendar-rules.js';

describe('parseYear', () => {
  it.each([
    ['2026', 2026],
    ['2000', 2000],
    ['2100', 2100],
  ])('reads %s', (raw, year) => {
    expect(parseYear(raw)).toBe(year);
  });

  it.each(['1999', '2101', '26', '02026', '2026.0', ' 2026', 'due', '', undefined, ['2026'], 2026])('refuses %j', (raw) => {
    expect(parseYear(raw)).toBeNull();
  });
});

describe('dayErrors', () => {
  it('accepts a weekday off and a weekend day worked', () => {
    expect(dayErrors({ date: '2026-02-16', kind: 'HOLIDAY' })).toEqual([]);
    expect(dayErrors({ date: '2026-08-22', kind: 'WORKDAY' }, 2026)).toEqual([]);
    expect(dayErrors({ date: '2026-08-23', kind: 'WORKDAY' })).toEqual([]); // a Sunday may be worked too
  });

  it.each([
    [{ date: '2026-02-30', kind: 'HOLIDAY' as const }, undefined, 'calendar.dateInvalid'],
    [{ date: '2027-01-01', kind: 'HOLIDAY' as const }, 2026, 'calendar.dateOutsideYear'],
    [{ date: '2026-03-04', kind: 'WORKDAY' as const }, 2026, 'calendar.workdayOnWeekday'],
    [{ date: '2026-04-26', kind: 'HOLIDAY' as const }, 2026, 'calendar.holidayOnWeekend'],
  ])('refuses %j (year %s) with %s, on the date', (day, year, code) => {
    expect(dayErrors(day, year)).toEqual([expect.objectContaining({ field: 'date', code })]);
  });

  it('names the year a date is outside of', () => {
    expect(dayErrors({ date: '2027-01-01', kind: 'HOLIDAY' }, 2026)[0].params).toEqual({ year: 2026 });
  });
});

describe('yearErrors', () => {
  it('reports each bad day at its index, and a repeated date where it repeats', () => {
    const errors = yearErrors(2026, [
      { date: '2026-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' },
      { date: '2026-01-03', kind: 'HOLIDAY', name: 'Thứ Bảy' },
      { date: '2026-01-01', kind: 'HOLIDAY', name: 'Lặp lại' },
      { date: '2025-12-31', kind: 'HOLIDAY', name: 'Năm trước' },
    ]);
    expect(errors).toEqual([
      { path: 'days.1.date', code: 'calendar.holidayOnWeekend', params: undefined },
      { path: 'days.2.date', code: 'calendar.duplicateDate' },
      { path: 'days.3.date', code: 'calendar.dateOutsideYear', params: { year: 2026 } },
    ]);
  });

  it('accepts an empty year', () => {
    expect(yearErrors(2026, [])).toEqual([]);
  });
});
