import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { InvalidNotification } from './payment-provider.js';
import { StripeProvider } from './stripe-provider.js';

const SECRET = 'whsec_unit_test_secret';
const PAYMENT = '5f0c6a8e-1111-4222-8333-944455556666';
const provider = new StripeProvider(new Stripe('sk_test_unit'), SECRET);

function signed(type: string, object: object, secret = SECRET) {
  const payload = JSON.stringify({ id: 'evt_1', object: 'event', type, data: { object } });
  return [Buffer.from(payload), Stripe.webhooks.generateTestHeaderString({ payload, secret })] as const;
}

const session = (over: object = {}) => ({
  id: 'cs_1',
  object: 'checkout.session',
  payment_status: 'paid',
  payment_intent: 'pi_1',
  client_reference_id: PAYMENT,
  metadata: { paymentId: PAYMENT, dossierId: 'd' },
  ...over,
});

describe('StripeProvider.parseNotification', () => {
  it.each([
    ['checkout.session.completed', session(), 'PAID'],
    ['checkout.session.completed', session({ payment_status: 'unpaid' }), null],
    ['checkout.session.async_payment_succeeded', session(), 'PAID'],
    ['checkout.session.async_payment_failed', session({ payment_status: 'unpaid' }), 'FAILED'],
    ['checkout.session.expired', session({ payment_status: 'unpaid', payment_intent: null }), 'EXPIRED'],
    ['charge.refunded', { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', refunded: true, metadata: {} }, 'REFUNDED'],
    ['charge.refunded', { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', refunded: false, metadata: {} }, null],
    ['customer.created', { id: 'cus_1', object: 'customer' }, null],
  ])('%s → %s', (type, object, outcome) => {
    expect(provider.parseNotification(...signed(type, object)).outcome).toBe(outcome);
  });

  it('finds the payment in the metadata, else in the client reference; ignores what is not a payment id', () => {
    expect(provider.parseNotification(...signed('checkout.session.completed', session()))).toMatchObject({
      eventId: 'evt_1',
      paymentId: PAYMENT,
      providerRef: 'cs_1',
      providerPaymentRef: 'pi_1',
    });
    expect(provider.parseNotification(...signed('checkout.session.completed', session({ metadata: {} }))).paymentId).toBe(PAYMENT);
    expect(
      provider.parseNotification(
        ...signed('checkout.session.completed', session({ metadata: { paymentId: "x' OR 1=1" }, client_reference_id: null })),
      ).paymentId,
    ).toBeNull();
  });

  it('refuses a bad signature', () => {
    const [body, header] = signed('checkout.session.completed', session());
    expect(() => provider.parseNotification(body, 'nope')).toThrow(InvalidNotification);
    expect(() => provider.parseNotification(body, undefined)).toThrow(InvalidNotification);
    expect(() => provider.parseNotification(Buffer.from(body.toString().replace('paid', 'PAID')), header)).toThrow(InvalidNotification);
    expect(() => provider.parseNotification(...signed('checkout.session.completed', session(), 'whsec_other'))).toThrow(
      InvalidNotification,
    );
  });
});
