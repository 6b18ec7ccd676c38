import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketsOf, currentMonth, currentQuarter, currentYear, localDate, localDayStart, parseInstant, resolvePeriod } from './period.js';

describe('periods in local time (UTC+7)', () => {
  it('takes the local month, also in the first hours of a month that is still the previous one in UTC', () => {
    // 1 December 2026 03:00 local = 30 November 20:00 UTC.
    expect(currentMonth(new Date('2026-11-30T20:00:00Z'))).toEqual({
      from: new Date('2026-11-30T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
    });
    expect(currentMonth(new Date('2026-12-31T16:59:59.999Z')).from).toEqual(new Date('2026-11-30T17:00:00Z'));
    expect(currentQuarter(new Date('2026-11-21T03:00:00Z'))).toEqual({
      from: new Date('2026-09-30T17:00:00Z'),
      to: new Date('2026-12-31T17:00:00Z'),
    });
    expect(currentYear(new Date('2026-12-31T18:00:00Z')).from).toEqual(new Date('2026-12-31T17:00:00Z')); // already 2027 locally
  });

  it('puts every instant inside its month, and the local day start on the same local date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (d) => {
        const m = currentMonth(d);
        expect(m.from.getTime()).toBeLessThanOrEqual(d.getTime());
        expect(d.getTime()).toBeLessThan(m.to.getTime());
        const start = localDayStart(d);
        expect(localDate(start)).toBe(localDate(d));
        expect(d.getTime() - start.getTime()).toBeLessThan(86_400_000);
      }),
    );
  });

  it('reads ISO instants and bare local dates, and nothing else', () => {
    expect(parseInstant('2026-03-01')).toEqual(new Date('2026-02-28T17:00:00Z'));
    expect(parseInstant('2026-03-01T09:00:00+07:00')).toEqual(new Date('2026-03-01T02:00:00Z'));
    for (const bad of ['2026-02-30', '2026-13-01', 'yesterday', '1700000000', '2026-03-01T99:00']) expect(parseInstant(bad)).toBeNull();
  });

  it('fills in the current month, and refuses a period that ends before it starts or is too long', () => {
    const now = new Date('2026-11-21T03:00:00Z');
    expect(resolvePeriod(undefined, undefined, now)).toEqual(currentMonth(now));
    expect(resolvePeriod('2026-01-01', '2026-02-01', now)).toEqual({
      from: new Date('2025-12-31T17:00:00Z'),
      to: new Date('2026-01-31T17:00:00Z'),
    });
    expect(resolvePeriod('2026-03-01', '2026-02-01', now)).toEqual({ error: 'order' });
    expect(resolvePeriod('bad', undefined, now)).toEqual({ error: 'from' });
    expect(resolvePeriod('2026-01-01', 'bad', now)).toEqual({ error: 'to' });
    expect(resolvePeriod('2000-01-01', '2026-01-01', now)).toEqual({ error: 'length' });
  });
});

describe('bucketsOf', () => {
  const p = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
  it('lists every local month a period overlaps, empty ones included', () => {
    expect(bucketsOf(p('2025-12-01T00:00:00+07:00', '2026-12-01T00:00:00+07:00'), 'month')).toEqual([
      '2025-12-01',
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
    ]);
    expect(bucketsOf(p('2026-01-31T23:00:00+07:00', '2026-02-01T00:00:00.001+07:00'), 'month')).toEqual(['2026-01-01', '2026-02-01']);
  });

  it('lists every local week from its Monday, the first one even when the period starts mid-week', () => {
    // Wednesday 4 November 2026 to Monday 16 November 2026 00:00 (exclusive).
    expect(bucketsOf(p('2026-11-04T10:00:00+07:00', '2026-11-16T00:00:00+07:00'), 'week')).toEqual(['2026-11-02', '2026-11-09']);
    // A Sunday late in the evening, local time, is still in the week of the Monday before.
    expect(bucketsOf(p('2026-11-08T23:30:00+07:00', '2026-11-09T00:00:00+07:00'), 'week')).toEqual(['2026-11-02']);
  });
});
