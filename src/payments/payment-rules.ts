import { Injectable } from '@nestjs/common';
import { Problem } from '../common/problem.js';
import type { DossierHook, TransitionEvent } from '../dossiers/dossier-hooks.js';
import { feeSettled, REFUND_OUTBOX_KIND } from './payment-ledger.js';

/**
 * The fee's say in the dossier lifecycle (DOMAIN.md, "Fees and payment"),
 * attached through DossierHooks inside the action's transaction:
 * - an `ON_SUBMIT` fee must be paid (or waived) before the submission;
 * - a `BEFORE_RESULT` fee before the result is handed over;
 * - a refusal at reception refunds an online payment: an outbox row, so the
 *   provider is called after the refusal commits, and retried until it confirms.
 */
@Injectable()
export class PaymentRules implements DossierHook {
  async beforeTransition({ tx, dossier, action }: TransitionEvent): Promise<void> {
    if (dossier.feeAmount <= 0) return;
    const gate =
      (action === 'submit' && dossier.feePayWhen === 'ON_SUBMIT') || (action === 'return-result' && dossier.feePayWhen === 'BEFORE_RESULT');
    if (!gate || (await feeSettled(tx, dossier.id))) return;
    // On submission it is one more thing missing, listed with the form's; at the return, the action is not possible yet.
    throw action === 'submit' ? Problem.validation([{ path: 'payment', code: 'payment.required' }]) : Problem.conflict('payment.required');
  }

  async afterTransition({ tx, dossier, action, from, now }: TransitionEvent): Promise<void> {
    if (action !== 'reject' || from !== 'SUBMITTED') return;
    const paid = (await tx.query(
      `UPDATE payment SET refund_requested_at = $2, updated_at = $2
        WHERE dossier_id = $1 AND status = 'PAID' AND channel = 'ONLINE' AND refund_requested_at IS NULL RETURNING id`,
      [dossier.id, now],
    )) as [{ id: string }[], number] | { id: string }[];
    for (const row of rowsOf(paid)) {
      await tx.query(`INSERT INTO outbox (kind, payload) VALUES ($1, $2)`, [REFUND_OUTBOX_KIND, { paymentId: row.id }]);
    }
  }
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]. */
function rowsOf<T>(result: [T[], number] | T[]): T[] {
  return Array.isArray(result[0]) ? (result as [T[], number])[0] : (result as T[]);
}
