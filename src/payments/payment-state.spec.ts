import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAYMENT_OUTCOMES, PAYMENT_STATUSES, stepsFor, wasPaid, type PaymentOutcome, type PaymentStatus } from './payment-state.js';

const expected: Record<PaymentStatus, Record<PaymentOutcome, PaymentStatus[]>> = {
  PENDING: { PAID: ['PAID'], FAILED: ['FAILED'], EXPIRED: ['EXPIRED'], REFUNDED: ['PAID', 'REFUNDED'] },
  PAID: { PAID: [], FAILED: [], EXPIRED: [], REFUNDED: ['REFUNDED'] },
  FAILED: { PAID: [], FAILED: [], EXPIRED: [], REFUNDED: [] },
  EXPIRED: { PAID: [], FAILED: [], EXPIRED: [], REFUNDED: [] },
  REFUNDED: { PAID: [], FAILED: [], EXPIRED: [], REFUNDED: [] },
};

/** The statuses a payment may go to from each, per the lifecycle. */
const ALLOWED: Record<PaymentStatus, PaymentStatus[]> = {
  PENDING: ['PAID', 'FAILED', 'EXPIRED'],
  PAID: ['REFUNDED'],
  FAILED: [],
  EXPIRED: [],
  REFUNDED: [],
};

describe('stepsFor', () => {
  for (const status of PAYMENT_STATUSES) {
    for (const outcome of PAYMENT_OUTCOMES) {
      it(`${status} + ${outcome} → [${expected[status][outcome].join(', ')}]`, () => {
        expect(stepsFor(status, outcome)).toEqual(expected[status][outcome]);
      });
    }
  }

  it('only ever takes allowed steps, and a repeated notification changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PAYMENT_OUTCOMES), { maxLength: 12 }), (outcomes) => {
        let status: PaymentStatus = 'PENDING';
        let paidSeen = 0;
        for (const outcome of outcomes) {
          for (const next of stepsFor(status, outcome)) {
            expect(ALLOWED[status]).toContain(next);
            if (next === 'PAID') paidSeen += 1;
            status = next;
          }
          // The same notification again: no further change.
          expect(stepsFor(status, outcome)).toEqual([]);
        }
        expect(paidSeen).toBeLessThanOrEqual(1);
        if (status === 'REFUNDED') expect(paidSeen).toBe(1);
      }),
    );
  });
});

describe('wasPaid', () => {
  it('is true for a paid payment, also once refunded', () => {
    expect(PAYMENT_STATUSES.filter(wasPaid)).toEqual(['PAID', 'REFUNDED']);
  });
});
