import { describe, expect, it } from 'vitest';
import { formatBytes, formatLocalDate, formatLocalDateTime } from './local-time.js';

describe('local time', () => {
  it('writes an instant in Vietnam time, day first, 24-hour clock', () => {
    expect(formatLocalDateTime(new Date('2026-02-16T02:00:00Z'))).toBe('16/02/2026 09:00');
    expect(formatLocalDateTime(new Date('2026-02-16T10:05:00Z'))).toBe('16/02/2026 17:05');
  });

  it('moves to the next local day after 17:00 UTC', () => {
    expect(formatLocalDateTime(new Date('2025-12-31T17:30:00Z'))).toBe('01/01/2026 00:30');
    expect(formatLocalDate(new Date('2025-12-31T17:30:00Z'))).toBe('01/01/2026');
    expect(formatLocalDate(new Date('2025-12-31T16:59:59Z'))).toBe('31/12/2025');
  });

  it('writes nothing for no instant', () => {
    expect(formatLocalDateTime(null)).toBe('');
    expect(formatLocalDate(undefined)).toBe('');
  });
});

describe('file sizes', () => {
  it('uses bytes, kilobytes rounded up, then megabytes as each language writes decimals', () => {
    expect(formatBytes(820, 'vi')).toBe('820 B');
    expect(formatBytes(1025, 'vi')).toBe('2 KB');
    expect(formatBytes(2.4 * 1024 * 1024, 'vi')).toBe('2,4 MB');
    expect(formatBytes(2.4 * 1024 * 1024, 'en')).toBe('2.4 MB');
  });
});
