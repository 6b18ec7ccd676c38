import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar } from './lunar.js';

describe('the Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2028, '2028-01-26'],
  ])('puts Tết %i on %s', (year, date) => {
    expect(lunarNewYear(year)).toBe(date);
  });

  it.each([
    // Years when a new moon fell between 23:00 and midnight Hanoi time: a UTC+8 (Chinese) table is a day or a month off.
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
  ])('differs from the Chinese calendar where it must: Tết %i is %s, not %s', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarNewYear(year, 8)).toBe(china);
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
    [2027, '2027-04-16'],
  ])("puts the Hùng Kings' day (10/3) of %i on %s", (year, date) => {
    expect(lunarToSolar(10, 3, year)).toBe(date);
  });

  it('knows the leap months', () => {
    expect(lunarToSolar(1, 2, 2023, true)).toBe('2023-03-22'); // Quý Mão: leap 2nd month
    expect(lunarToSolar(1, 3, 2023)).toBe('2023-04-20');
    expect(lunarToSolar(1, 6, 2025, true)).toBe('2025-07-25'); // Ất Tỵ: leap 6th month
    expect(lunarToSolar(1, 7, 2025)).toBe('2025-08-23');
    expect(() => lunarToSolar(1, 3, 2023, true)).toThrow(RangeError);
    expect(() => lunarToSolar(1, 3, 2024, true)).toThrow(RangeError);
  });

  it('ends a lunar year on the eve of Tết', () => {
    expect(lunarToSolar(30, 12, 2025)).toBe('2026-02-17'); // the 12th month of Ất Tỵ has 29 days
    expect(lunarToSolar(29, 12, 2025)).toBe('2026-02-16');
    expect(lunarToSolar(15, 8, 2026)).toBe('2026-09-25'); // Mid-Autumn
  });
});
