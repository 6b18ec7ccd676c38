import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MAX_ATTEMPTS } from '../notifications/backoff.js';
import { PAYMENT_COLUMNS, REFUND_OUTBOX_KIND, type PaymentRow } from './payment-ledger.js';
import { PaymentNotificationsService } from './payment-notifications.service.js';
import { PaymentProviders } from './payment-providers.js';

/** A checkout still pending after this long is asked about: its notification may have been lost. */
export const RECHECK_AFTER_MS = 30 * 60_000;

export interface RecheckResult {
  checked: number;
  settled: number;
  /** Refunds asked for again: their outbox row had used all its attempts. */
  refundsRetried: number;
}

/**
 * Asks the provider about online payments still PENDING 30 minutes after they
 * started. What it answers is applied through the same path as a
 * notification, as an event named after the payment and the outcome, so a
 * look-up and the late notification it anticipated count once between them.
 *
 * Also keeps a refund going until the provider confirms it: a refund whose
 * outbox row gave up (a long outage) gets a new row.
 */
@Injectable()
export class PaymentRecheckJob {
  static readonly NAME = 'payments-recheck';
  private readonly log = new Logger('PaymentRecheck');

  constructor(
    private readonly db: DataSource,
    private readonly providers: PaymentProviders,
    private readonly notifications: PaymentNotificationsService,
  ) {}

  async runOnce(now = new Date()): Promise<RecheckResult> {
    const rows = (await this.db.query(
      `SELECT ${PAYMENT_COLUMNS} FROM payment p
        WHERE p.status = 'PENDING' AND p.channel = 'ONLINE' AND p.created_at < $1
        ORDER BY p.created_at LIMIT 200`,
      [new Date(now.getTime() - RECHECK_AFTER_MS)],
    )) as PaymentRow[];
    const result: RecheckResult = { checked: 0, settled: 0, refundsRetried: await this.retryRefunds() };
    for (const p of rows) {
      result.checked += 1;
      try {
        const found = await this.providers.of(p.provider).lookup(p, now);
        if (!found.outcome) continue;
        const applied = await this.notifications.apply(
          p.provider,
          {
            eventId: `lookup:${p.id}:${found.outcome}`,
            type: 'lookup',
            paymentId: p.id,
            providerRef: p.providerRef,
            providerPaymentRef: found.providerPaymentRef,
            outcome: found.outcome,
          },
          now,
        );
        if (applied === 'applied') result.settled += 1;
      } catch (err) {
        // One provider hiccup must not stop the others: the next run asks again.
        this.log.warn(`look-up of payment ${p.id} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return result;
  }

  private async retryRefunds(): Promise<number> {
    const rows = (await this.db.query(
      `INSERT INTO outbox (kind, payload)
       SELECT $1::varchar, json_build_object('paymentId', p.id) FROM payment p
        WHERE p.status = 'PAID' AND p.refund_requested_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = $1::varchar AND o.payload->>'paymentId' = p.id::text
                            AND o.processed_at IS NULL AND o.attempts < $2)
       RETURNING id`,
      [REFUND_OUTBOX_KIND, MAX_ATTEMPTS],
    )) as unknown[];
    return rows.length;
  }
}
