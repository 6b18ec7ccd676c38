import type { CalendarDay } from './calendar-rules.js';

/**
 * The official days off (and swapped working days) for civil servants, loaded at
 * start-up into years an administrator has not edited (see CalendarSeeder).
 *
 * Only days that change the clock are listed: weekdays off (`HOLIDAY`) and
 * weekend days worked (`WORKDAY`). A holiday falling on a weekend appears as
 * the compensatory weekday off (Labour Code 2019, art. 111–112; Decree
 * 145/2020/NĐ-CP). Lunar dates are computed in UTC+7 (src/calendar/lunar.ts,
 * checked by official-calendars.spec.ts), never taken from a UTC+8 Chinese table.
 */
export const OFFICIAL_CALENDARS: Readonly<Record<number, readonly CalendarDay[]>> = deepFreeze({
  2025: [
    { date: '2025-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' },
    // Tết Ất Tỵ: 1/1 lunar = Wed 29 Jan 2025. Announced: off Sat 25 Jan – Sun 2 Feb
    // (26 tháng Chạp to mùng 5), the five Tết days being Mon 27 – Fri 31 Jan, no swap.
    { date: '2025-01-27', kind: 'HOLIDAY', name: 'Tết Nguyên đán (28 tháng Chạp)' },
    { date: '2025-01-28', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { date: '2025-01-29', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 1)' },
    { date: '2025-01-30', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 2)' },
    { date: '2025-01-31', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3)' },
    // 10/3 lunar = Mon 7 Apr 2025.
    { date: '2025-04-07', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    // Announced: Fri 2 May swapped with Sat 26 Apr, for five days off 30 Apr – 4 May.
    { date: '2025-04-26', kind: 'WORKDAY', name: 'Làm bù cho ngày nghỉ 2/5' },
    { date: '2025-04-30', kind: 'HOLIDAY', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
    { date: '2025-05-01', kind: 'HOLIDAY', name: 'Ngày Quốc tế Lao động' },
    { date: '2025-05-02', kind: 'HOLIDAY', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' },
    { date: '2025-09-01', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2025-09-02', kind: 'HOLIDAY', name: 'Quốc khánh' },
  ],
  // As DOMAIN.md gives it.
  2026: [
    { date: '2026-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' },
    // Tết Bính Ngọ: 1/1 lunar = Tue 17 Feb 2026; Mon 16 Feb is 29 tháng Chạp (the last day of the year).
    { date: '2026-02-16', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { date: '2026-02-17', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 1)' },
    { date: '2026-02-18', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 2)' },
    { date: '2026-02-19', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3)' },
    { date: '2026-02-20', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 4)' },
    // 10/3 lunar = Sun 26 Apr 2026: the compensatory day off is Mon 27 Apr.
    { date: '2026-04-27', kind: 'HOLIDAY', name: 'Nghỉ bù Giỗ Tổ Hùng Vương (10/3 âm lịch rơi vào Chủ nhật 26/4)' },
    { date: '2026-04-30', kind: 'HOLIDAY', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
    { date: '2026-05-01', kind: 'HOLIDAY', name: 'Ngày Quốc tế Lao động' },
    { date: '2026-08-22', kind: 'WORKDAY', name: 'Làm bù cho ngày nghỉ 31/8' },
    { date: '2026-08-31', kind: 'HOLIDAY', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 22/8)' },
    { date: '2026-09-01', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền kề)' },
    { date: '2026-09-02', kind: 'HOLIDAY', name: 'Quốc khánh' },
  ],
  // Provisional: the statutory days only, until the government announces 2027 (check any swap then).
  2027: [
    { date: '2027-01-01', kind: 'HOLIDAY', name: 'Tết Dương lịch' },
    // Tết Đinh Mùi: 1/1 lunar = Sat 6 Feb 2027; Fri 5 Feb is 29 tháng Chạp. Five Tết days
    // 5–9 Feb, of which Sat 6 and Sun 7 are weekly rest days: compensated Wed 10 and Thu 11 Feb.
    { date: '2027-02-05', kind: 'HOLIDAY', name: 'Tết Nguyên đán (29 tháng Chạp)' },
    { date: '2027-02-08', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 3)' },
    { date: '2027-02-09', kind: 'HOLIDAY', name: 'Tết Nguyên đán (mùng 4)' },
    { date: '2027-02-10', kind: 'HOLIDAY', name: 'Nghỉ bù Tết Nguyên đán (mùng 1 rơi vào thứ Bảy)' },
    { date: '2027-02-11', kind: 'HOLIDAY', name: 'Nghỉ bù Tết Nguyên đán (mùng 2 rơi vào Chủ nhật)' },
    // 10/3 lunar = Fri 16 Apr 2027.
    { date: '2027-04-16', kind: 'HOLIDAY', name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
    { date: '2027-04-30', kind: 'HOLIDAY', name: 'Ngày Giải phóng miền Nam, thống nhất đất nước' },
    // 1 May 2027 is a Saturday: compensated Mon 3 May.
    { date: '2027-05-03', kind: 'HOLIDAY', name: 'Nghỉ bù Ngày Quốc tế Lao động (1/5 rơi vào thứ Bảy)' },
    // Thu 2 Sep plus an adjacent day: Fri 3 Sep assumed (the government picks the day before or after).
    { date: '2027-09-02', kind: 'HOLIDAY', name: 'Quốc khánh' },
    { date: '2027-09-03', kind: 'HOLIDAY', name: 'Quốc khánh (ngày liền kề)' },
  ],
});

/** Reference data: frozen, so no library can write into it by accident. */
function deepFreeze<T extends Record<number, CalendarDay[]>>(calendars: T): T {
  for (const days of Object.values(calendars)) {
    days.forEach((d) => Object.freeze(d));
    Object.freeze(days);
  }
  return Object.freeze(calendars);
}
