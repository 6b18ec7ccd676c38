/**
 * Reading and moving payments inside the caller's transaction. Every change of
 * a payment's status goes through `applyOutcome`, which follows the state
 * machine (payment-state.ts) under the payment row's lock, and gives the
 * e-receipt its number in the same transaction that records PAID: a rollback
 * gives the number back, so the series has no gaps.
 */
import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { localYear, receiptSeries } from './receipt-numbering.js';
import { stepsFor, type PaymentChannel, type PaymentOutcome, type PaymentProviderName, type PaymentStatus } from './payment-state.js';

/** The outbox kind of a refund to ask the provider for (refund-handler.ts). */
export const REFUND_OUTBOX_KIND = 'payment.refund';

export interface PaymentRow {
  id: string;
  dossierId: string;
  agencyId: string;
  status: PaymentStatus;
  channel: PaymentChannel;
  provider: PaymentProviderName;
  amount: number;
  providerRef: string | null;
  providerPaymentRef: string | null;
  checkoutUrl: string | null;
  expiresAt: Date | null;
  paidAt: Date | null;
  refundRequestedAt: Date | null;
  refundedAt: Date | null;
  receiptYear: number | null;
  receiptSeries: string | null;
  receiptNo: number | null;
  createdAt: Date;
}

export const PAYMENT_COLUMNS = `p.id, p.dossier_id AS "dossierId", p.agency_id AS "agencyId", p.status, p.channel, p.provider,
  p.amount::float8 AS amount, p.provider_ref AS "providerRef", p.provider_payment_ref AS "providerPaymentRef",
  p.checkout_url AS "checkoutUrl", p.expires_at AS "expiresAt", p.paid_at AS "paidAt",
  p.refund_requested_at AS "refundRequestedAt", p.refunded_at AS "refundedAt", p.receipt_year AS "receiptYear",
  p.receipt_series AS "receiptSeries", p.receipt_no AS "receiptNo", p.created_at AS "createdAt"`;

export async function lockPayment(tx: EntityManager, id: string): Promise<PaymentRow | undefined> {
  const [row] = (await tx.query(`SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE p.id = $1 FOR UPDATE`, [id])) as PaymentRow[];
  return row;
}

/** The dossier's payments, newest first. */
export async function paymentsOf(tx: EntityManager, dossierId: string): Promise<PaymentRow[]> {
  return (await tx.query(`SELECT ${PAYMENT_COLUMNS} FROM payment p WHERE p.dossier_id = $1 ORDER BY p.created_at DESC`, [
    dossierId,
  ])) as PaymentRow[];
}

/** Paid (a refunded payment no longer counts), or exempt. */
export async function feeSettled(tx: EntityManager, dossierId: string): Promise<boolean> {
  const [row] = (await tx.query(
    `SELECT EXISTS (SELECT 1 FROM payment WHERE dossier_id = $1 AND status = 'PAID' AND NOT duplicate)
         OR EXISTS (SELECT 1 FROM fee_exemption WHERE dossier_id = $1) AS settled`,
    [dossierId],
  )) as { settled: boolean }[];
  return row.settled;
}

export interface Moved {
  payment: PaymentRow;
  from: PaymentStatus;
  to: PaymentStatus;
}

/**
 * Moves the payment as `outcome` says, if the state machine lets it (else
 * nothing changes and null is returned). `refs`: what the provider told about
 * the payment, kept for the refund.
 */
export async function applyOutcome(
  tx: EntityManager,
  paymentId: string,
  outcome: PaymentOutcome,
  now: Date,
  refs: { providerPaymentRef?: string | null } = {},
): Promise<Moved | null> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment) return null;
  if (refs.providerPaymentRef && !payment.providerPaymentRef) {
    await tx.query(`UPDATE payment SET provider_payment_ref = $2 WHERE id = $1`, [paymentId, refs.providerPaymentRef]);
  }
  const steps = stepsFor(payment.status, outcome);
  if (steps[0] === 'PAID' && (await otherPaid(tx, payment))) {
    // Two checkouts of one fee both paid (the first expiring as the second opened): the money came in,
    // so it has its receipt, and goes back at once; the fee stays paid by the first.
    log.warn(`payment ${payment.id} of dossier ${payment.dossierId} paid a fee already paid: refunding it`);
    await tx.query(`UPDATE payment SET duplicate = true, refund_requested_at = $2 WHERE id = $1`, [payment.id, now]);
    await tx.query(`INSERT INTO outbox (kind, payload) VALUES ($1, $2)`, [REFUND_OUTBOX_KIND, { paymentId: payment.id }]);
  }
  for (const step of steps) {
    if (step === 'PAID') await markPaid(tx, payment, now);
    else if (step === 'REFUNDED')
      await tx.query(`UPDATE payment SET status = 'REFUNDED', refunded_at = $2, updated_at = $2 WHERE id = $1`, [paymentId, now]);
    else await tx.query(`UPDATE payment SET status = $2, closed_at = $3, updated_at = $3 WHERE id = $1`, [paymentId, step, now]);
  }
  if (steps.length === 0) return null;
  return { payment: (await lockPayment(tx, paymentId))!, from: payment.status, to: steps[steps.length - 1] };
}

const log = new Logger('PaymentLedger');

async function otherPaid(tx: EntityManager, payment: PaymentRow): Promise<boolean> {
  const rows = (await tx.query(
    `SELECT 1 FROM payment WHERE dossier_id = $1 AND id <> $2 AND status IN ('PAID', 'REFUNDED') AND NOT duplicate`,
    [payment.dossierId, payment.id],
  )) as unknown[];
  return rows.length > 0;
}

/** PAID with the next number of the collecting agency's series for the local year. */
async function markPaid(tx: EntityManager, payment: PaymentRow, now: Date): Promise<void> {
  const year = localYear(now);
  const [{ no }] = (await tx.query(
    `INSERT INTO receipt_counter (agency_id, year, last_no) VALUES ($1, $2, 1)
     ON CONFLICT (agency_id, year) DO UPDATE SET last_no = receipt_counter.last_no + 1
     RETURNING last_no AS no`,
    [payment.agencyId, year],
  )) as { no: number }[];
  await tx.query(
    `UPDATE payment SET status = 'PAID', paid_at = $2, updated_at = $2, receipt_year = $3, receipt_series = $4, receipt_no = $5 WHERE id = $1`,
    [payment.id, now, year, receiptSeries(year), no],
  );
}
