import { describe, expect, it } from 'vitest';
import { dateInWords, placeAndDate, shortDateTime, timeAndDateInWords } from './vietnamese-date.js';

describe('dates in Vietnamese documents', () => {
  it('writes the local (UTC+7) date in words', () => {
    expect(dateInWords(new Date('2026-11-21T02:00:00Z'))).toBe('ngày 21 tháng 11 năm 2026');
  });

  it('pads days below 10 and the months 1 and 2, not the others (Decree 30/2020)', () => {
    expect(dateInWords(new Date('2026-01-05T03:00:00Z'))).toBe('ngày 05 tháng 01 năm 2026');
    expect(dateInWords(new Date('2026-02-09T03:00:00Z'))).toBe('ngày 09 tháng 02 năm 2026');
    expect(dateInWords(new Date('2026-03-09T03:00:00Z'))).toBe('ngày 09 tháng 3 năm 2026');
    expect(dateInWords(new Date('2026-10-10T03:00:00Z'))).toBe('ngày 10 tháng 10 năm 2026');
    expect(dateInWords(new Date('2026-12-31T03:00:00Z'))).toBe('ngày 31 tháng 12 năm 2026');
  });

  it('moves to the next local day from 17:00 UTC, and across the new year', () => {
    expect(dateInWords(new Date('2026-11-21T16:59:59Z'))).toBe('ngày 21 tháng 11 năm 2026');
    expect(dateInWords(new Date('2026-11-21T17:00:00Z'))).toBe('ngày 22 tháng 11 năm 2026');
    expect(dateInWords(new Date('2026-12-31T17:30:00Z'))).toBe('ngày 01 tháng 01 năm 2027');
  });

  it('writes times of day in local time', () => {
    expect(timeAndDateInWords(new Date('2026-11-21T02:05:00Z'))).toBe('09 giờ 05 phút, ngày 21 tháng 11 năm 2026');
    expect(timeAndDateInWords(new Date('2026-11-20T17:00:00Z'))).toBe('00 giờ 00 phút, ngày 21 tháng 11 năm 2026');
    expect(timeAndDateInWords(new Date('2026-11-21T10:00:00Z'))).toBe('17 giờ 00 phút, ngày 21 tháng 11 năm 2026');
    expect(shortDateTime(new Date('2026-02-03T00:30:00Z'))).toBe('07:30 03/02/2026');
  });

  it('handles instants before 1970 like any other', () => {
    expect(timeAndDateInWords(new Date('1969-12-31T18:00:00Z'))).toBe('01 giờ 00 phút, ngày 01 tháng 01 năm 1970');
  });

  it('leaves the place as dots when the agency has none', () => {
    const at = new Date('2026-11-21T02:00:00Z');
    expect(placeAndDate(null, at)).toBe('……, ngày 21 tháng 11 năm 2026');
    expect(placeAndDate('An Phú', at)).toBe('An Phú, ngày 21 tháng 11 năm 2026');
  });
});
