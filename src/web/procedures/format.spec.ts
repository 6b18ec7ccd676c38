import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatFee,
  formatFileTypes,
  formatInstant,
  formatMegabytes,
  formatNumber,
  formatProcessingTime,
  formatWorkingHours,
} from './format.js';

describe('formatNumber', () => {
  it('writes Vietnamese numbers with dot thousands and comma decimals, English the other way', () => {
    expect(formatNumber(50000, 'vi')).toBe('50.000');
    expect(formatNumber(0.5, 'vi')).toBe('0,5');
    expect(formatNumber(1234567.25, 'vi')).toBe('1.234.567,25');
    expect(formatNumber(50000, 'en')).toBe('50,000');
    expect(formatNumber(0.5, 'en')).toBe('0.5');
  });
});

describe('formatFee', () => {
  it('says free for 0', () => {
    expect(formatFee(0, 'vi')).toBe('Miễn phí');
    expect(formatFee(0, 'en')).toBe('Free');
  });

  it('writes whole đồng', () => {
    expect(formatFee(50000, 'vi')).toBe('50.000 đồng');
    expect(formatFee(8000, 'vi')).toBe('8.000 đồng');
    expect(formatFee(1500000, 'vi')).toBe('1.500.000 đồng');
    expect(formatFee(50000, 'en')).toBe('50,000 VND');
  });
});

describe('formatProcessingTime', () => {
  it('counts working days, fractions with a comma in Vietnamese', () => {
    expect(formatProcessingTime({ workingDays: 1 }, 'vi')).toBe('1 ngày làm việc');
    expect(formatProcessingTime({ workingDays: 0.5 }, 'vi')).toBe('0,5 ngày làm việc');
    expect(formatProcessingTime({ workingDays: 15 }, 'vi')).toBe('15 ngày làm việc');
    expect(formatProcessingTime({ workingDays: 1 }, 'en')).toBe('1 working day');
    expect(formatProcessingTime({ workingDays: 0.5 }, 'en')).toBe('0.5 working days');
  });

  it('counts working hours', () => {
    expect(formatProcessingTime({ workingHours: 4 }, 'vi')).toBe('4 giờ làm việc');
    expect(formatProcessingTime({ workingHours: 1 }, 'en')).toBe('1 working hour');
    expect(formatProcessingTime({ workingHours: 4 }, 'en')).toBe('4 working hours');
  });
});

describe('formatWorkingHours', () => {
  it('uses hours below a day and days from a day on', () => {
    expect(formatWorkingHours(2, 'vi')).toBe('2 giờ làm việc');
    expect(formatWorkingHours(0.8, 'vi')).toBe('0,8 giờ làm việc');
    expect(formatWorkingHours(8, 'vi')).toBe('1 ngày làm việc');
    expect(formatWorkingHours(12, 'vi')).toBe('1,5 ngày làm việc');
    expect(formatWorkingHours(8 * 0.3 * 10, 'en')).toBe('3 working days');
  });
});

describe('files and dates', () => {
  it('names the accepted file types', () => {
    expect(formatFileTypes(['application/pdf', 'image/jpeg', 'image/png'])).toBe('PDF, JPEG, PNG');
    expect(formatFileTypes(['image/webp'])).toBe('WebP');
  });

  it('gives size limits in MB', () => {
    expect(formatMegabytes(10 * 1024 * 1024, 'vi')).toBe('10 MB');
    expect(formatMegabytes(2.5 * 1024 * 1024, 'vi')).toBe('2,5 MB');
    expect(formatMegabytes(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
  });

  it('writes instants as every page does, day first, the same in both languages', () => {
    const at = new Date('2026-11-21T12:39:00Z'); // 19:39 in Vietnam
    expect(formatInstant(at, 'vi')).toBe('21/11/2026 19:39');
    expect(formatInstant(at, 'en')).toBe('21/11/2026 19:39');
  });

  it('writes ISO dates day first', () => {
    expect(formatDate('2026-02-16')).toBe('16/02/2026');
    expect(formatDate('today')).toBe('today');
  });
});
