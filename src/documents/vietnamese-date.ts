/**
 * Dates as Vietnamese administrative documents write them, in local time
 * (Asia/Ho_Chi_Minh, a fixed UTC+7 like the working-time calendar). Pure: no Intl,
 * so the text does not depend on the ICU data of the machine that renders it.
 */
import { localDateOf } from '../calendar/working-time.js';

const OFFSET_MS = 7 * 3_600_000;

const two = (n: number) => String(n).padStart(2, '0');

function parts(instant: Date) {
  const [year, month, day] = localDateOf(instant).split('-').map(Number);
  const minutesOfDay = Math.floor((((instant.getTime() + OFFSET_MS) % 86_400_000) + 86_400_000) / 60_000) % 1440;
  return { year, month, day, hour: Math.floor(minutesOfDay / 60), minute: minutesOfDay % 60 };
}

/**
 * "ngày 05 tháng 01 năm 2026", "ngày 21 tháng 11 năm 2026". Decree 30/2020/NĐ-CP:
 * a day below 10 and the months 1 and 2 take a leading zero (so "tháng 01" is
 * never read as "tháng 10"), the other months do not.
 */
export function dateInWords(instant: Date): string {
  const { year, month, day } = parts(instant);
  return `ngày ${two(day)} tháng ${month <= 2 ? two(month) : month} năm ${year}`;
}

/** "09 giờ 05 phút, ngày 21 tháng 11 năm 2026": the reception and appointment lines of Form 01. */
export function timeAndDateInWords(instant: Date): string {
  const { hour, minute } = parts(instant);
  return `${two(hour)} giờ ${two(minute)} phút, ${dateInWords(instant)}`;
}

/** "09:05 21/11/2026": compact, for tables. */
export function shortDateTime(instant: Date): string {
  const { year, month, day, hour, minute } = parts(instant);
  return `${two(hour)}:${two(minute)} ${two(day)}/${two(month)}/${year}`;
}

/** The place-and-date line under the national motto: "An Phú, ngày 21 tháng 11 năm 2026". */
export function placeAndDate(place: string | null, instant: Date): string {
  // Agencies have no locality field yet: a printed form leaves the place blank as dots.
  return `${place?.trim() || '……'}, ${dateInWords(instant)}`;
}
