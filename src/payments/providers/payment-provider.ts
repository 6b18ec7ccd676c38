/**
 * The port every payment provider implements (Stripe, the local sandbox): start
 * a checkout, verify and read a notification, refund, look a payment up. The
 * rest of the portal sees only this, so a national gateway could join later.
 */
import type { PaymentOutcome } from '../payment-state.js';

export type OnlineProviderName = 'STRIPE' | 'SANDBOX';

export interface CheckoutRequest {
  paymentId: string;
  dossierId: string;
  /** Whole đồng (VND has no minor unit). */
  amount: number;
  /** What is paid for, as the payer sees it at checkout. */
  description: string;
  /** Where the payer comes back to: the dossier's page (never a proof of payment). */
  returnUrl: string;
  cancelUrl: string;
  /** The checkout cannot be paid after this (Stripe: at least 30 minutes ahead). */
  expiresAt: Date;
}

export interface Checkout {
  /** The provider's id of the checkout (Stripe: the Checkout Session). */
  providerRef: string;
  checkoutUrl: string;
}

/** A verified notification, read into what the portal needs. */
export interface PaymentNotification {
  /** The provider's event id: the same event twice is applied once. */
  eventId: string;
  type: string;
  /** Found in the checkout's metadata when the provider carries it. */
  paymentId: string | null;
  providerRef: string | null;
  providerPaymentRef: string | null;
  /** Null: an event that changes nothing (an unpaid completion waiting for a bank transfer, an unknown type). */
  outcome: PaymentOutcome | null;
}

/** A payment as the providers need it. */
export interface ProviderPayment {
  id: string;
  amount: number;
  providerRef: string | null;
  providerPaymentRef: string | null;
  expiresAt: Date | null;
}

export interface RefundResult {
  refundRef: string;
  /** The provider confirms the money went back; false while it is still pending. */
  done: boolean;
}

export interface LookupResult {
  outcome: PaymentOutcome | null;
  providerPaymentRef: string | null;
}

/** The signature did not match, or the body is not a notification: answered 400, nothing applied. */
export class InvalidNotification extends Error {
  override name = 'InvalidNotification';
}

export interface PaymentProvider {
  readonly name: OnlineProviderName;
  startCheckout(request: CheckoutRequest): Promise<Checkout>;
  /** Throws InvalidNotification unless `signature` proves the provider sent exactly `body`. */
  parseNotification(body: Buffer, signature: string | undefined): PaymentNotification;
  /** Idempotent: asking twice never refunds twice. */
  refund(payment: ProviderPayment): Promise<RefundResult>;
  lookup(payment: ProviderPayment, now: Date): Promise<LookupResult>;
}
