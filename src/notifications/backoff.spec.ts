import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailure, BACKOFF_MAX_MS, backoffDelayMs, MAX_ATTEMPTS } from './backoff.js';

const S = 1000;
const MIN = 60 * S;

describe('backoffDelayMs', () => {
  it('waits 30 s after the first failure and doubles each time', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(backoffDelayMs)).toEqual([
      30 * S,
      1 * MIN,
      2 * MIN,
      4 * MIN,
      8 * MIN,
      16 * MIN,
      32 * MIN,
      64 * MIN,
      128 * MIN,
      256 * MIN,
    ]);
  });

  it('never waits more than 6 hours, however many failures', () => {
    expect(backoffDelayMs(11)).toBe(BACKOFF_MAX_MS);
    expect(backoffDelayMs(1000)).toBe(BACKOFF_MAX_MS);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 10_000 }), (n) => {
        const d = backoffDelayMs(n);
        expect(d).toBeGreaterThanOrEqual(30 * S);
        expect(d).toBeLessThanOrEqual(BACKOFF_MAX_MS);
        expect(backoffDelayMs(n + 1)).toBeGreaterThanOrEqual(d);
      }),
    );
  });
});

describe('afterFailure', () => {
  const now = new Date('2026-03-02T02:00:00Z');

  it('counts the attempt and schedules the next one', () => {
    expect(afterFailure(0, now)).toEqual({ attempts: 1, nextAttemptAt: new Date(now.getTime() + 30 * S) });
    expect(afterFailure(3, now)).toEqual({ attempts: 4, nextAttemptAt: new Date(now.getTime() + 4 * MIN) });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts`, () => {
    expect(afterFailure(MAX_ATTEMPTS - 2, now).nextAttemptAt).not.toBeNull();
    expect(afterFailure(MAX_ATTEMPTS - 1, now)).toEqual({ attempts: MAX_ATTEMPTS, nextAttemptAt: null });
  });
});
