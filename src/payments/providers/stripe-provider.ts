import Stripe from 'stripe';
import type { StripeConfig } from '../../config/config.js';
import { isUuid } from '../../common/ids.js';
import type { PaymentOutcome } from '../payment-state.js';
import {
  InvalidNotification,
  type Checkout,
  type CheckoutRequest,
  type LookupResult,
  type PaymentNotification,
  type PaymentProvider,
  type ProviderPayment,
  type RefundResult,
} from './payment-provider.js';

/** The SDK pointed at `apiBase` (a local fake or stripe-mock in tests), else at Stripe. */
export function stripeClient(config: StripeConfig): Stripe {
  if (!config.apiBase) return new Stripe(config.secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
  const url = new URL(config.apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(config.secretKey, {
    host: url.hostname,
    port: url.port || (protocol === 'http' ? 80 : 443),
    protocol,
    maxNetworkRetries: 2,
    timeout: 20_000,
  });
}

const SESSION_OUTCOMES: Record<string, (s: Stripe.Checkout.Session) => PaymentOutcome | null> = {
  // A bank transfer completes the checkout unpaid: the async events say how it ends.
  'checkout.session.completed': (s) => (s.payment_status === 'paid' || s.payment_status === 'no_payment_required' ? 'PAID' : null),
  'checkout.session.async_payment_succeeded': () => 'PAID',
  'checkout.session.async_payment_failed': () => 'FAILED',
  'checkout.session.expired': () => 'EXPIRED',
};

const idOf = (ref: string | { id: string } | null | undefined): string | null => (typeof ref === 'string' ? ref : (ref?.id ?? null));
const paymentIdOf = (metadata: Stripe.Metadata | null | undefined, fallback?: string | null): string | null => {
  const id = metadata?.paymentId ?? fallback ?? null;
  return id && isUuid(id) ? id : null;
};

/**
 * Stripe Checkout in VND, a zero-decimal currency: `unit_amount` is whole
 * đồng. The dossier and payment ids ride in the session's and the
 * PaymentIntent's metadata; each attempt (payment row) has its own
 * idempotency key, so a retried request never opens a second session.
 */
export class StripeProvider implements PaymentProvider {
  readonly name = 'STRIPE' as const;

  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
  ) {}

  async startCheckout(r: CheckoutRequest): Promise<Checkout> {
    const metadata = { dossierId: r.dossierId, paymentId: r.paymentId };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [{ quantity: 1, price_data: { currency: 'vnd', unit_amount: r.amount, product_data: { name: r.description } } }],
        metadata,
        payment_intent_data: { metadata },
        client_reference_id: r.paymentId,
        success_url: r.returnUrl,
        cancel_url: r.cancelUrl,
        expires_at: Math.floor(r.expiresAt.getTime() / 1000),
        locale: 'vi',
      },
      { idempotencyKey: `checkout-${r.paymentId}` },
    );
    if (!session.url) throw new Error(`Stripe gave checkout session ${session.id} no URL`);
    return { providerRef: session.id, checkoutUrl: session.url };
  }

  parseNotification(body: Buffer, signature: string | undefined): PaymentNotification {
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(body, signature ?? '', this.webhookSecret);
    } catch (err) {
      throw new InvalidNotification(err instanceof Error ? err.message : 'bad Stripe signature');
    }
    const base = { eventId: event.id, type: event.type };
    const sessionOutcome = SESSION_OUTCOMES[event.type];
    if (sessionOutcome) {
      const s = event.data.object as Stripe.Checkout.Session;
      return {
        ...base,
        paymentId: paymentIdOf(s.metadata, s.client_reference_id),
        providerRef: s.id,
        providerPaymentRef: idOf(s.payment_intent),
        outcome: sessionOutcome(s),
      };
    }
    if (event.type === 'charge.refunded') {
      const c = event.data.object;
      // Only a full refund refunds the fee; a partial one is recorded and changes nothing.
      return {
        ...base,
        paymentId: paymentIdOf(c.metadata),
        providerRef: null,
        providerPaymentRef: idOf(c.payment_intent),
        outcome: c.refunded ? 'REFUNDED' : null,
      };
    }
    return { ...base, paymentId: null, providerRef: null, providerPaymentRef: null, outcome: null };
  }

  async refund(p: ProviderPayment): Promise<RefundResult> {
    const paymentIntent = p.providerPaymentRef ?? (await this.paymentIntentOf(p));
    if (!paymentIntent) throw new Error(`payment ${p.id} has no PaymentIntent at Stripe to refund`);
    // A refund already asked for (an earlier try whose answer was lost) is followed, never doubled.
    const earlier = await this.stripe.refunds.list({ payment_intent: paymentIntent, limit: 10 });
    const refund =
      earlier.data.find((r) => r.status !== 'failed' && r.status !== 'canceled') ??
      (await this.stripe.refunds.create(
        { payment_intent: paymentIntent, metadata: { paymentId: p.id } },
        { idempotencyKey: `refund-${p.id}` },
      ));
    return { refundRef: refund.id, done: refund.status === 'succeeded' };
  }

  async lookup(p: ProviderPayment): Promise<LookupResult> {
    if (!p.providerRef) return { outcome: null, providerPaymentRef: null };
    const s = await this.stripe.checkout.sessions.retrieve(p.providerRef);
    const outcome: PaymentOutcome | null = s.payment_status === 'paid' ? 'PAID' : s.status === 'expired' ? 'EXPIRED' : null;
    return { outcome, providerPaymentRef: idOf(s.payment_intent) };
  }

  private async paymentIntentOf(p: ProviderPayment): Promise<string | null> {
    return p.providerRef ? idOf((await this.stripe.checkout.sessions.retrieve(p.providerRef)).payment_intent) : null;
  }
}
