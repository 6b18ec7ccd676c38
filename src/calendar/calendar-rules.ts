import type { FieldError } from '../common/problem.js';
import type { MessageKey } from '../i18n/messages.js';
import { isLocalDate, weekdayOf } from './working-time.js';

export const DAY_KINDS = ['HOLIDAY', 'WORKDAY'] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
}

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** A year in a path, or null: four digits within the range the portal keeps calendars for. */
export function parseYear(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

export interface DayError {
  field: 'date' | 'kind';
  code: MessageKey;
  params?: Record<string, string | number>;
}

/**
 * What a day must be beyond its shape. A `WORKDAY` is a weekend day worked in
 * exchange for a bridge holiday (a weekday already works). A `HOLIDAY` must
 * fall on a weekday: a holiday on a weekend changes nothing by itself, and the
 * law moves it to the next working day, which is the date to enter. Refusing
 * it keeps the list equal to the days that actually change the clock.
 */
export function dayErrors(day: { date: string; kind: DayKind }, year?: number): DayError[] {
  if (!isLocalDate(day.date)) return [{ field: 'date', code: 'calendar.dateInvalid' }];
  if (year !== undefined && !day.date.startsWith(`${year}-`))
    return [{ field: 'date', code: 'calendar.dateOutsideYear', params: { year } }];
  const weekend = [0, 6].includes(weekdayOf(day.date));
  if (day.kind === 'WORKDAY' && !weekend) return [{ field: 'date', code: 'calendar.workdayOnWeekday' }];
  if (day.kind === 'HOLIDAY' && weekend) return [{ field: 'date', code: 'calendar.holidayOnWeekend' }];
  return [];
}

/** Every problem of a year's list, with paths like `days.3.date`; a repeated date is reported where it repeats. */
export function yearErrors(year: number, days: readonly CalendarDay[]): FieldError[] {
  const seen = new Set<string>();
  return days.flatMap((day, i) => {
    const errors: FieldError[] = dayErrors(day, year).map((e) => ({ path: `days.${i}.${e.field}`, code: e.code, params: e.params }));
    if (errors.length === 0 && seen.has(day.date)) errors.push({ path: `days.${i}.date`, code: 'calendar.duplicateDate' });
    seen.add(day.date);
    return errors;
  });
}
