import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERVICE_INDEX_V1, type Measure } from './config-v1.js';
import { configProblems, serviceIndex, type Measures } from './service-index.js';

const MEASURES: Measure[] = [
  'publishedProcedures',
  'timeliness',
  'fullOnlineProcedures',
  'usedOnlineProcedures',
  'onlineRate',
  'onlinePaymentRate',
  'satisfiedRate',
  'electronicResults',
  'digitisedRate',
  'reuseRate',
];
const all = (v: number | null) => Object.fromEntries(MEASURES.map((m) => [m, v])) as Measures;

describe('service index (Decision 766)', () => {
  it('has the six groups and weights of the decision, adding up to 100', () => {
    expect(configProblems(SERVICE_INDEX_V1)).toEqual([]);
    expect(SERVICE_INDEX_V1.groups.map((g) => [g.key, g.weight])).toEqual([
      ['transparency', 18],
      ['timeliness', 20],
      ['onlineService', 12],
      ['onlinePayment', 10],
      ['satisfaction', 18],
      ['digitisation', 22],
    ]);
  });

  it('gives every point for perfect measures and none without data', () => {
    expect(serviceIndex(SERVICE_INDEX_V1, all(1))).toMatchObject({ total: 100, band: { key: 'excellent' } });
    expect(serviceIndex(SERVICE_INDEX_V1, all(null))).toMatchObject({ total: 0, band: null });
    expect(serviceIndex(SERVICE_INDEX_V1, { ...all(null), timeliness: 0 })).toMatchObject({ total: 0, band: { key: 'weak' } });
  });

  it('bands at 90, 80, 70 and 50', () => {
    const at = (timeliness: number) => serviceIndex(SERVICE_INDEX_V1, { ...all(1), timeliness }).band?.key;
    expect(at(0.5)).toBe('excellent'); // 90
    expect(at(0.45)).toBe('good'); // 89
    expect(serviceIndex(SERVICE_INDEX_V1, { ...all(1), timeliness: 0 }).band?.key).toBe('good'); // 80
    expect(serviceIndex(SERVICE_INDEX_V1, { ...all(1), timeliness: 0, satisfiedRate: 0.5 }).band?.key).toBe('fairlyGood'); // 71
    expect(serviceIndex(SERVICE_INDEX_V1, { ...all(1), timeliness: 0, satisfiedRate: 0 }).band?.key).toBe('average'); // 62
    expect(serviceIndex(SERVICE_INDEX_V1, all(0.499)).band?.key).toBe('weak'); // 49.9
  });

  it('keeps each group within its weight and the total the sum of the groups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: -1, max: 2, noNaN: true })), { minLength: MEASURES.length, maxLength: MEASURES.length }),
        (values) => {
          const m = Object.fromEntries(MEASURES.map((k, i) => [k, values[i]])) as Measures;
          const index = serviceIndex(SERVICE_INDEX_V1, m);
          for (const g of index.groups) {
            expect(g.points).toBeGreaterThanOrEqual(0);
            expect(g.points).toBeLessThanOrEqual(g.max);
          }
          expect(index.total).toBeCloseTo(
            index.groups.reduce((s, g) => s + g.points, 0),
            6,
          );
          expect(index.band === null).toBe(m.timeliness === null);
          if (index.band) expect(index.total).toBeGreaterThanOrEqual(index.band.min);
        },
      ),
    );
  });
});
