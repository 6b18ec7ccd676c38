import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastClosedMonth, monthPeriod, monthsWithin, planPeriod } from './rollup-plan.js';

const at = (s: string) => new Date(s);
/** Instants from 2024 to 2027, often on a local midnight or a month's first day. */
const instant = fc.oneof(
  fc.integer({ min: Date.parse('2024-01-01T00:00:00+07:00'), max: Date.parse('2027-12-31T00:00:00+07:00') }),
  fc
    .record({ y: fc.integer({ min: 2024, max: 2027 }), m: fc.integer({ min: 0, max: 11 }), d: fc.constantFrom(0, 0, 1, -1) })
    .map(({ y, m, d }) => Date.UTC(y, m, 1) - 7 * 3_600_000 + d),
);
const period = fc
  .tuple(instant, instant)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ from: new Date(Math.min(a, b)), to: new Date(Math.max(a, b)) }));

describe('monthsWithin', () => {
  it('lists the local months wholly inside a period', () => {
    expect(monthsWithin({ from: at('2025-12-31T17:00:00Z'), to: at('2026-03-31T17:00:00Z') })).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
    ]);
    // One millisecond short at either end loses that month.
    expect(monthsWithin({ from: at('2025-12-31T17:00:00.001Z'), to: at('2026-03-31T17:00:00Z') })).toEqual(['2026-02-01', '2026-03-01']);
    expect(monthsWithin({ from: at('2025-12-31T17:00:00Z'), to: at('2026-03-31T16:59:59.999Z') })).toEqual(['2026-01-01', '2026-02-01']);
    expect(monthsWithin({ from: at('2026-01-05T00:00:00Z'), to: at('2026-01-25T00:00:00Z') })).toEqual([]);
  });

  it('gives months in local time (UTC+7), February and leap years included', () => {
    expect(monthPeriod('2028-02-01')).toEqual({ from: at('2028-01-31T17:00:00Z'), to: at('2028-02-29T17:00:00Z') });
    expect(monthPeriod('2026-12-01')).toEqual({ from: at('2026-11-30T17:00:00Z'), to: at('2026-12-31T17:00:00Z') });
  });
});

describe('planPeriod', () => {
  it('reads the rolled-up months and counts the edges and the rest live', () => {
    const p = { from: at('2026-01-10T03:00:00Z'), to: at('2026-05-15T03:00:00Z') };
    const plan = planPeriod(p, new Set(['2026-02-01', '2026-04-01', '2026-05-01']));
    expect(plan.months).toEqual(['2026-02-01', '2026-04-01']);
    expect(plan.live).toEqual([
      { from: p.from, to: at('2026-01-31T17:00:00Z') },
      { from: at('2026-02-28T17:00:00Z'), to: at('2026-03-31T17:00:00Z') },
      { from: at('2026-04-30T17:00:00Z'), to: p.to },
    ]);
  });

  it('splits any period into disjoint pieces that cover it exactly, months whole and rolled up', () => {
    fc.assert(
      fc.property(period, fc.uniqueArray(fc.integer({ min: 0, max: 47 })), (p, picks) => {
        const rolled = new Set(picks.map((i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`));
        const { months, live } = planPeriod(p, rolled);
        const pieces = [...months.map(monthPeriod), ...live].sort((a, b) => a.from.getTime() - b.from.getTime());
        expect(pieces[0].from).toEqual(p.from);
        expect(pieces.at(-1)!.to).toEqual(p.to);
        for (let i = 1; i < pieces.length; i++) expect(pieces[i].from).toEqual(pieces[i - 1].to);
        for (const piece of pieces) expect(piece.from.getTime()).toBeLessThan(piece.to.getTime());
        for (const m of months) expect(rolled.has(m)).toBe(true);
        // Every rolled-up month wholly inside the period is used.
        expect(months).toEqual(monthsWithin(p).filter((m) => rolled.has(m)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lastClosedMonth', () => {
  const HOUR = 3_600_000;
  it('is the month before the open one, a month staying open for the grace after its end', () => {
    expect(lastClosedMonth(at('2026-11-21T10:00:00+07:00'), HOUR)).toBe('2026-10-01');
    expect(lastClosedMonth(at('2026-11-01T00:59:59+07:00'), HOUR)).toBe('2026-09-01');
    expect(lastClosedMonth(at('2026-11-01T01:00:00+07:00'), HOUR)).toBe('2026-10-01');
    expect(lastClosedMonth(at('2027-01-01T00:30:00+07:00'), HOUR)).toBe('2026-11-01');
    expect(lastClosedMonth(at('2027-01-01T00:30:00+07:00'), 0)).toBe('2026-12-01');
  });
});
