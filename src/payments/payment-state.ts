/**
 * A payment's states and what a provider's notification does to each. Pure.
 *
 *   PENDING → PAID | FAILED | EXPIRED;   PAID → REFUNDED
 *
 * Notifications may arrive late, twice, or out of order: anything that does
 * not move the payment forward leaves it as it is (a "paid" after the refund,
 * an "expired" after the payment). A refund seen while still pending means
 * the payment went through and was refunded since: both steps are taken, so a
 * refunded payment has always been paid (and has its receipt).
 */
export const PAYMENT_STATUSES = ['PENDING', 'PAID', 'FAILED', 'EXPIRED', 'REFUNDED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What a notification (or a look-up at the provider) says happened. */
export const PAYMENT_OUTCOMES = ['PAID', 'FAILED', 'EXPIRED', 'REFUNDED'] as const;
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];

export const PAYMENT_CHANNELS = ['ONLINE', 'CASH'] as const;
export type PaymentChannel = (typeof PAYMENT_CHANNELS)[number];
export const PAYMENT_PROVIDERS = ['STRIPE', 'SANDBOX', 'CASH'] as const;
export type PaymentProviderName = (typeof PAYMENT_PROVIDERS)[number];

/** The statuses to pass through, in order; empty when the outcome changes nothing. */
export function stepsFor(current: PaymentStatus, outcome: PaymentOutcome): PaymentStatus[] {
  switch (current) {
    case 'PENDING':
      return outcome === 'REFUNDED' ? ['PAID', 'REFUNDED'] : [outcome];
    case 'PAID':
      return outcome === 'REFUNDED' ? ['REFUNDED'] : [];
    case 'FAILED':
    case 'EXPIRED':
    case 'REFUNDED':
      return [];
  }
}

/** The payment went through (a refund later does not undo that for the statistics). */
export function wasPaid(status: PaymentStatus): boolean {
  return status === 'PAID' || status === 'REFUNDED';
}
