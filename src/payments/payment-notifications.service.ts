import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../common/ids.js';
import { Problem } from '../common/problem.js';
import { applyOutcome, type Moved } from './payment-ledger.js';
import { PaymentProviders } from './payment-providers.js';
import { InvalidNotification, type OnlineProviderName, type PaymentNotification } from './providers/payment-provider.js';

export type NotificationResult = 'applied' | 'unchanged' | 'replayed' | 'ignored';

/**
 * The one way a payment learns its fate: a provider's signed notification
 * (Stripe's webhook, the sandbox page's button), or the provider's answer to
 * a look-up. Verify → store the event once (its id is the key) → move the
 * payment by the state machine, in one transaction: the caller answers 2xx
 * only once this has committed, and a replay finds the event and does nothing.
 */
@Injectable()
export class PaymentNotificationsService {
  constructor(
    private readonly db: DataSource,
    private readonly providers: PaymentProviders,
  ) {}

  /** 404 for a provider not in use here; 400 when the signature does not prove the body. */
  async receive(
    providerName: OnlineProviderName,
    body: Buffer,
    signature: string | undefined,
    now = new Date(),
  ): Promise<NotificationResult> {
    const provider = this.providers.notifier(providerName);
    if (!provider) throw Problem.notFound();
    let notification: PaymentNotification;
    try {
      notification = provider.parseNotification(body, signature);
    } catch (err) {
      if (err instanceof InvalidNotification) throw Problem.badRequest('payment.badNotification');
      throw err;
    }
    return this.apply(provider.name, notification, now);
  }

  apply(provider: string, n: PaymentNotification, now = new Date()): Promise<NotificationResult> {
    return this.db.transaction(async (tx) => {
      // Of parallel copies of one event, the first insert wins; the others wait for it, then find it.
      const stored = (await tx.query(
        `INSERT INTO payment_event (id, provider, type, outcome, received_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [n.eventId.slice(0, 255), provider, n.type.slice(0, 80), n.outcome, now],
      )) as unknown[];
      if (stored.length === 0) return 'replayed';
      const paymentId = await this.paymentOf(tx, provider, n);
      if (!paymentId) return 'ignored';
      await tx.query(`UPDATE payment_event SET payment_id = $2 WHERE id = $1`, [n.eventId.slice(0, 255), paymentId]);
      if (!n.outcome) return 'unchanged';
      const moved: Moved | null = await applyOutcome(tx, paymentId, n.outcome, now, { providerPaymentRef: n.providerPaymentRef });
      return moved ? 'applied' : 'unchanged';
    });
  }

  /** By the id in the metadata, else by the checkout's or the payment's id at the provider; always of this provider. */
  private async paymentOf(tx: EntityManager, provider: string, n: PaymentNotification): Promise<string | null> {
    const [row] = (await tx.query(
      `SELECT id FROM payment
        WHERE provider = $1 AND (id = $2::uuid OR provider_ref = $3 OR provider_payment_ref = $4)
        ORDER BY (id = $2::uuid) DESC NULLS LAST LIMIT 1`,
      [provider, n.paymentId && isUuid(n.paymentId) ? n.paymentId : null, n.providerRef, n.providerPaymentRef],
    )) as { id: string }[];
    return row?.id ?? null;
  }
}
