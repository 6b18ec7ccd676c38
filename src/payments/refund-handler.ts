import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUuid } from '../common/ids.js';
import { PermanentOutboxError, type OutboxRow } from '../notifications/outbox-dispatcher.js';
import { applyOutcome, lockPayment } from './payment-ledger.js';
import { PaymentProviders } from './payment-providers.js';

/**
 * Carries out a refund the lifecycle asked for (PaymentRules), from the
 * outbox: under the payment's lock, ask the provider (idempotently: a refund
 * already made is found, never made twice), and record REFUNDED once it
 * confirms. Until then the row fails and the dispatcher tries again later.
 */
@Injectable()
export class RefundHandler {
  private readonly log = new Logger('RefundHandler');

  constructor(private readonly providers: PaymentProviders) {}

  readonly handle = async (row: OutboxRow, tx: EntityManager): Promise<void> => {
    const paymentId = (row.payload as { paymentId?: unknown }).paymentId;
    if (typeof paymentId !== 'string' || !isUuid(paymentId)) throw new PermanentOutboxError('refund without a payment id');
    const payment = await lockPayment(tx, paymentId);
    if (!payment) throw new PermanentOutboxError(`payment ${paymentId} does not exist`);
    if (payment.status === 'REFUNDED') return;
    if (payment.status !== 'PAID') throw new PermanentOutboxError(`payment ${paymentId} is ${payment.status}, not PAID`);
    const result = await this.providers.of(payment.provider).refund(payment);
    if (!result.done) throw new Error(`refund ${result.refundRef} of payment ${paymentId} is still pending at the provider`);
    await applyOutcome(tx, paymentId, 'REFUNDED', new Date());
    this.log.log(`payment ${paymentId} refunded (${result.refundRef})`);
  };
}
