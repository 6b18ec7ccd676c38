import { describe, expect, it } from 'vitest';
import { FIGURE_BASE, FIGURE_KEYS, summaryOf, zeroCounts } from './figures.js';
import { bind, countQuery, listQuery } from './stats-sql.js';

describe('figures', () => {
  it('answers null rates when there is nothing to divide by, and the shape of API.md', () => {
    expect(summaryOf(zeroCounts())).toMatchObject({
      received: { total: 0, online: 0, counter: 0 },
      onlineRate: null,
      resolved: { total: 0, early: 0, onTime: 0, late: 0 },
      onTimeRate: null,
      inProgress: 0,
      overdue: 0,
      onlinePaymentRate: null,
      digitisedRate: null,
      reuseRate: null,
      satisfaction: { count: 0, average: null, satisfiedRate: null },
      avgProcessingDays: null,
    });
  });

  it('computes the rates and the average from the counts, and null for data not kept', () => {
    const c = { ...zeroCounts(), received: 4, online: 3, counter: 1, resolved: 4, early: 1, onTime: 2, late: 1, processingHours: 64 };
    const s = summaryOf({ ...c, withFee: 2, paidOnline: 1, ratings: 2, scoreSum: 9, satisfied: 2 }, { payments: false, reuse: true });
    expect([s.onlineRate, s.onTimeRate, s.avgProcessingDays, s.onlinePaymentRate]).toEqual([0.75, 0.75, 2, null]);
    expect(s.satisfaction).toEqual({ count: 2, average: 4.5, satisfiedRate: 1 });
  });

  it('gives every figure a count query and a drill-down list', () => {
    const f = { from: new Date('2026-01-01'), to: new Date('2026-02-01'), agencyIds: ['00000000-0000-0000-0000-000000000001'] };
    const asOf = { dayStart: new Date('2026-01-31T17:00:00Z'), current: false };
    for (const k of FIGURE_KEYS) {
      expect(countQuery(FIGURE_BASE[k], f, 'agency', asOf).text).toContain(`AS "${k}"`);
      const list = listQuery(k, f, asOf, { limit: 10, offset: 0 });
      expect(list.text).not.toMatch(/(?<!:):[a-z]/i); // every named parameter bound (casts are ::type)
    }
  });

  it('binds named parameters to positions, once each, and leaves casts alone', () => {
    expect(bind('SELECT :a::uuid, :b, :a', { a: 1, b: 2, c: 3 })).toEqual({ text: 'SELECT $1::uuid, $2, $1', values: [1, 2] });
    expect(() => bind('SELECT :missing', {})).toThrow(/missing/);
  });
});
