import { describe, expect, it } from 'vitest';
import { formatReceiptNo, localYear, receiptSeries } from './receipt-numbering.js';

describe('receipt numbering', () => {
  it('takes the year in Vietnam (UTC+7): the new year starts at 17:00 UTC on 31 December', () => {
    expect(localYear(new Date('2026-12-31T16:59:59.999Z'))).toBe(2026);
    expect(localYear(new Date('2026-12-31T17:00:00.000Z'))).toBe(2027);
    expect(localYear(new Date('2027-01-01T00:00:00+07:00'))).toBe(2027);
  });

  it('names the series after the year', () => {
    expect(receiptSeries(2026)).toBe('BL-26E');
    expect(receiptSeries(2100)).toBe('BL-00E');
  });

  it('prints seven digits', () => {
    expect(formatReceiptNo(1)).toBe('0000001');
    expect(formatReceiptNo(1234567)).toBe('1234567');
  });
});
