import { describe, expect, it } from 'vitest';
import { yearErrors } from './calendar-rules.js';
import { lunarNewYear, lunarToSolar } from './lunar.js';
import { OFFICIAL_CALENDARS } from './official-calendars.js';
import { weekdayOf } from './working-time.js';

const YEARS = Object.keys(OFFICIAL_CALENDARS).map(Number);
const holidays = (year: number) => OFFICIAL_CALENDARS[year].filter((d) => d.kind === 'HOLIDAY').map((d) => d.date);
const workdays = (year: number) => OFFICIAL_CALENDARS[year].filter((d) => d.kind === 'WORKDAY').map((d) => d.date);

/** The first Monday-to-Friday date on or after `date`: where a weekend holiday's day off lands. */
function weekdayOnOrAfter(date: string): string {
  let day = new Date(`${date}T00:00:00Z`);
  while ([0, 6].includes(day.getUTCDay())) day = new Date(day.getTime() + 86_400_000);
  return day.toISOString().slice(0, 10);
}

describe('the official calendars', () => {
  it('cover 2025 to 2027', () => {
    expect(YEARS).toEqual([2025, 2026, 2027]);
  });

  it.each(YEARS)('%i follows the rules an administrator must follow, in date order', (year) => {
    const days = OFFICIAL_CALENDARS[year];
    expect(yearErrors(year, [...days])).toEqual([]);
    expect(days.map((d) => d.date)).toEqual(days.map((d) => d.date).toSorted());
  });

  it('holds 2026 exactly as DOMAIN.md gives it', () => {
    expect(holidays(2026)).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-08-31',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(workdays(2026)).toEqual(['2026-08-22']);
  });

  it('holds the 2025 schedule as announced', () => {
    expect(holidays(2025)).toEqual([
      '2025-01-01',
      '2025-01-27',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-04-07',
      '2025-04-30',
      '2025-05-01',
      '2025-05-02',
      '2025-09-01',
      '2025-09-02',
    ]);
    expect(workdays(2025)).toEqual(['2025-04-26']);
  });

  it.each(YEARS)('%i: New Year, 30 April, 1 May and 2 September are off (or their compensatory day)', (year) => {
    for (const fixed of ['01-01', '04-30', '05-01', '09-02']) expect(holidays(year)).toContain(weekdayOnOrAfter(`${year}-${fixed}`));
  });

  it.each(YEARS)('%i: Tết and the Hùng Kings’ day follow the lunar calendar computed at UTC+7', (year) => {
    const tet = lunarNewYear(year);
    expect(holidays(year)).toContain(weekdayOnOrAfter(tet));
    expect(holidays(year)).toContain(weekdayOnOrAfter(lunarToSolar(10, 3, year)));
    // Five Tết days, the lunar New Year's eve and the first four days: each of them that is a weekday is off.
    const eve = new Date(`${tet}T00:00:00Z`).getTime() - 86_400_000;
    for (let i = 0; i < 5; i++) {
      const date = new Date(eve + i * 86_400_000).toISOString().slice(0, 10);
      if (![0, 6].includes(weekdayOf(date))) expect(holidays(year)).toContain(date);
    }
  });

  it('swaps a worked Saturday for every bridge day', () => {
    expect(workdays(2025).map(weekdayOf)).toEqual([6]);
    expect(workdays(2026).map(weekdayOf)).toEqual([6]);
    expect(workdays(2027)).toEqual([]);
  });
});
