import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { isUuid } from '../../common/ids.js';
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

export type SandboxResult = 'succeeded' | 'failed';

const TYPES: Record<string, PaymentNotification['outcome']> = {
  'sandbox.payment.succeeded': 'PAID',
  'sandbox.payment.failed': 'FAILED',
};

/**
 * The payment provider of development, demonstrations and tests: a checkout
 * page on the portal itself (marked THANH TOÁN THỬ NGHIỆM / TEST PAYMENT),
 * whose "pay" and "fail" buttons produce a notification signed with a key
 * derived from the app secret. It reaches the app through the same
 * verify-and-apply path as Stripe's, so the flow under test is the real one.
 * Never takes money; not used when Stripe is configured.
 */
export class SandboxProvider implements PaymentProvider {
  readonly name = 'SANDBOX' as const;
  private readonly key: Buffer;

  constructor(appSecret: string) {
    this.key = createHmac('sha256', appSecret).update('sandbox-payment-notifications').digest();
  }

  static checkoutPath(paymentId: string): string {
    return `/payments/sandbox/${paymentId}`;
  }

  startCheckout(request: CheckoutRequest): Promise<Checkout> {
    return Promise.resolve({ providerRef: `sbx_cs_${request.paymentId}`, checkoutUrl: SandboxProvider.checkoutPath(request.paymentId) });
  }

  /** The notification the sandbox page sends when the payer presses a button. */
  notification(paymentId: string, result: SandboxResult): { body: Buffer; signature: string } {
    const body = Buffer.from(JSON.stringify({ id: `sbx_evt_${randomUUID()}`, type: `sandbox.payment.${result}`, paymentId }));
    return { body, signature: this.sign(body) };
  }

  parseNotification(body: Buffer, signature: string | undefined): PaymentNotification {
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new InvalidNotification('bad sandbox signature');
    let event: { id?: unknown; type?: unknown; paymentId?: unknown };
    try {
      event = JSON.parse(body.toString('utf8')) as typeof event;
    } catch {
      throw new InvalidNotification('not JSON');
    }
    if (typeof event.id !== 'string' || typeof event.type !== 'string' || !(typeof event.paymentId === 'string' && isUuid(event.paymentId)))
      throw new InvalidNotification('not an event');
    return {
      eventId: event.id,
      type: event.type,
      paymentId: event.paymentId as string,
      providerRef: `sbx_cs_${event.paymentId as string}`,
      providerPaymentRef: null,
      outcome: TYPES[event.type] ?? null,
    };
  }

  refund(payment: ProviderPayment): Promise<RefundResult> {
    return Promise.resolve({ refundRef: `sbx_re_${payment.id}`, done: true });
  }

  /** A sandbox checkout left alone is over once it expires. */
  lookup(payment: ProviderPayment, now: Date): Promise<LookupResult> {
    const expired = payment.expiresAt !== null && payment.expiresAt <= now;
    return Promise.resolve({ outcome: expired ? 'EXPIRED' : null, providerPaymentRef: null });
  }

  private sign(body: Buffer): string {
    return createHmac('sha256', this.key).update(body).digest('hex');
  }
}
