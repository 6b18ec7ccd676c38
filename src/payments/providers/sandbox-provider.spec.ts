import { describe, expect, it } from 'vitest';
import { InvalidNotification } from './payment-provider.js';
import { SandboxProvider } from './sandbox-provider.js';

const PAYMENT = '5f0c6a8e-1111-4222-8333-944455556666';
const sandbox = new SandboxProvider('a-secret-of-at-least-thirty-two-characters');

describe('SandboxProvider', () => {
  it('reads back the notifications it signs', () => {
    const { body, signature } = sandbox.notification(PAYMENT, 'succeeded');
    expect(sandbox.parseNotification(body, signature)).toMatchObject({
      eventId: expect.stringMatching(/^sbx_evt_/),
      type: 'sandbox.payment.succeeded',
      paymentId: PAYMENT,
      outcome: 'PAID',
    });
    const failed = sandbox.notification(PAYMENT, 'failed');
    expect(sandbox.parseNotification(failed.body, failed.signature).outcome).toBe('FAILED');
  });

  it('refuses a changed body, a missing or foreign signature', () => {
    const { body, signature } = sandbox.notification(PAYMENT, 'failed');
    const changed = Buffer.from(body.toString().replace('failed', 'succeeded'));
    expect(() => sandbox.parseNotification(changed, signature)).toThrow(InvalidNotification);
    expect(() => sandbox.parseNotification(body, undefined)).toThrow(InvalidNotification);
    const other = new SandboxProvider('another-secret-of-at-least-thirty-two-chars').notification(PAYMENT, 'succeeded');
    expect(() => sandbox.parseNotification(other.body, other.signature)).toThrow(InvalidNotification);
  });

  it('gives every notification its own event id', () => {
    const a = sandbox.parseNotification(...args(sandbox.notification(PAYMENT, 'succeeded')));
    const b = sandbox.parseNotification(...args(sandbox.notification(PAYMENT, 'succeeded')));
    expect(a.eventId).not.toBe(b.eventId);
  });

  it('opens its checkout on the portal itself and expires it when its time is up', async () => {
    const checkout = await sandbox.startCheckout({
      paymentId: PAYMENT,
      dossierId: PAYMENT,
      amount: 8000,
      description: 'x',
      returnUrl: '/r',
      cancelUrl: '/c',
      expiresAt: new Date('2026-11-21T03:00:00Z'),
    });
    expect(checkout.checkoutUrl).toBe(`/payments/sandbox/${PAYMENT}`);
    const payment = {
      id: PAYMENT,
      amount: 8000,
      providerRef: checkout.providerRef,
      providerPaymentRef: null,
      expiresAt: new Date('2026-11-21T03:00:00Z'),
    };
    expect((await sandbox.lookup(payment, new Date('2026-11-21T02:59:59Z'))).outcome).toBeNull();
    expect((await sandbox.lookup(payment, new Date('2026-11-21T03:00:00Z'))).outcome).toBe('EXPIRED');
    expect(await sandbox.refund(payment)).toEqual({ refundRef: `sbx_re_${PAYMENT}`, done: true });
  });
});

const args = (n: { body: Buffer; signature: string }): [Buffer, string] => [n.body, n.signature];
