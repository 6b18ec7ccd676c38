/**
 * The Vietnamese lunisolar calendar, computed for a given time zone — UTC+7 for
 * Vietnam. The Chinese calendar is the same computation at UTC+8, and the two
 * differ whenever a new moon falls between 23:00 and 24:00 Hanoi time (Tết 1985
 * and 2007, for instance): using a Chinese table would put Tết on the wrong day.
 *
 * The algorithm is Hồ Ngọc Đức's ("Âm lịch Việt Nam", public, widely used):
 * astronomical new moons and the sun's longitude after Meeus, month 11 always
 * holding the winter solstice, the first month without a major solar term
 * after it being the leap month. Pure; used to check the official calendars.
 */

export const VIETNAM_TIME_ZONE = 7;

/** The solar (Gregorian) date 'YYYY-MM-DD' of a lunar date; throws for a leap month that year does not have. */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number, leap = false, timeZone = VIETNAM_TIME_ZONE): string {
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1, timeZone), lunarMonth11(lunarYear, timeZone)]
      : [lunarMonth11(lunarYear, timeZone), lunarMonth11(lunarYear + 1, timeZone)];
  const k = Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
  let offset = (lunarMonth - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, timeZone);
    const leapMonth = (leapOffset - 2 + 12) % 12;
    if (leap && lunarMonth !== leapMonth) throw new RangeError(`lunar year ${lunarYear} has no leap month ${lunarMonth}`);
    if (leap || offset >= leapOffset) offset += 1;
  } else if (leap) {
    throw new RangeError(`lunar year ${lunarYear} has no leap month`);
  }
  return fromJulianDay(newMoonDay(k + offset, timeZone) + lunarDay - 1);
}

/** Tết Nguyên đán: the first day of the first lunar month of the lunar year that starts in `year`. */
export function lunarNewYear(year: number, timeZone = VIETNAM_TIME_ZONE): string {
  return lunarToSolar(1, 1, year, false, timeZone);
}

function toJulianDay(day: number, month: number, year: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

function fromJulianDay(jd: number): string {
  const a = jd + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  const day = e - Math.floor((153 * m + 2) / 5) + 1;
  const month = m + 3 - 12 * Math.floor(m / 10);
  const year = 100 * b + d - 4800 + Math.floor(m / 10);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const RAD = Math.PI / 180;

/** Julian day (fractional, UT) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * RAD);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * RAD) + 0.0021 * Math.sin(2 * RAD * M);
  c1 += -0.4068 * Math.sin(Mpr * RAD) + 0.0161 * Math.sin(RAD * 2 * Mpr);
  c1 += -0.0004 * Math.sin(RAD * 3 * Mpr);
  c1 += 0.0104 * Math.sin(RAD * 2 * F) - 0.0051 * Math.sin(RAD * (M + Mpr));
  c1 += -0.0074 * Math.sin(RAD * (M - Mpr)) + 0.0004 * Math.sin(RAD * (2 * F + M));
  c1 += -0.0004 * Math.sin(RAD * (2 * F - M)) - 0.0006 * Math.sin(RAD * (2 * F + Mpr));
  c1 += 0.001 * Math.sin(RAD * (2 * F - Mpr)) + 0.0005 * Math.sin(RAD * (2 * Mpr + M));
  const deltaT =
    T < -11 ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3 : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd + c1 - deltaT;
}

/** The sun's apparent longitude (radians, 0..2π) at a Julian day. */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  const DL =
    (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(RAD * M) +
    (0.019993 - 0.000101 * T) * Math.sin(RAD * 2 * M) +
    0.00029 * Math.sin(RAD * 3 * M);
  const L = (L0 + DL) * RAD;
  return L - 2 * Math.PI * Math.floor(L / (2 * Math.PI));
}

/** The local day (Julian day number) of the k-th new moon in `timeZone`. */
function newMoonDay(k: number, timeZone: number): number {
  return Math.floor(newMoon(k) + 0.5 + timeZone / 24);
}

/** Which of the 12 major solar terms (0..11) the sun is in at the start of a local day. */
function solarTerm(dayNumber: number, timeZone: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);
}

/** The first day of lunar month 11 (the one holding the winter solstice) of `year`. */
function lunarMonth11(year: number, timeZone: number): number {
  const k = Math.floor((toJulianDay(31, 12, year) - 2415021) / 29.530588853);
  const day = newMoonDay(k, timeZone);
  return solarTerm(day, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : day;
}

/** Months after month 11 before the leap month (the first without a major solar term). */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
  let i = 1;
  let term = solarTerm(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = term;
    i++;
    term = solarTerm(newMoonDay(k + i, timeZone), timeZone);
  } while (term !== last && i < 14);
  return i - 1;
}
