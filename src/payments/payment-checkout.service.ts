import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DossierContextService } from '../dossiers/dossier-context.service.js';
import { lockDossier } from '../dossiers/dossier-recording.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import { FINAL } from '../dossiers/lifecycle.js';
import { localized } from '../procedures/forms/definition.js';
import { paymentsOf } from './payment-ledger.js';
import { PaymentProviders } from './payment-providers.js';

/** How long a checkout stays open (Stripe wants at least 30 minutes). */
export const CHECKOUT_TTL_MS = 60 * 60_000;
/** An open checkout is handed out again rather than a second one opened, unless it closes sooner than this. */
const REUSE_MARGIN_MS = 10 * 60_000;

export interface StartedCheckout {
  paymentId: string;
  checkoutUrl: string;
}

/** The citizen's "Pay": a checkout at the active provider for the dossier's fee. */
@Injectable()
export class PaymentCheckoutService {
  private readonly log = new Logger('PaymentCheckout');

  constructor(
    private readonly db: DataSource,
    private readonly providers: PaymentProviders,
    private readonly context: DossierContextService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Refused for a fee already paid or waived, a dossier with nothing to pay or
   * closed. The payment row is committed before the provider is called (so a
   * notification always finds it) and closed as FAILED if the call fails.
   */
  async start(user: Principal, dossierId: string, now = new Date()): Promise<StartedCheckout> {
    const opened = await this.db.transaction(async (tx) => {
      const d = await lockDossier(tx, dossierId);
      if (d.applicantId !== user.id) throw Problem.notFound('dossier.notFound');
      assertPayable(d);
      const [exempt] = (await tx.query(`SELECT 1 FROM fee_exemption WHERE dossier_id = $1`, [d.id])) as unknown[];
      if (exempt) throw Problem.conflict('payment.exempt');
      const payments = await paymentsOf(tx, d.id);
      if (payments.some((p) => p.status === 'PAID' || p.status === 'REFUNDED')) throw Problem.conflict('payment.alreadyPaid');
      const open = payments.find((p) => p.status === 'PENDING' && p.channel === 'ONLINE' && p.provider === this.providers.active.name);
      if (open?.checkoutUrl && open.expiresAt && open.expiresAt.getTime() - now.getTime() > REUSE_MARGIN_MS) {
        return { reuse: { paymentId: open.id, checkoutUrl: open.checkoutUrl } };
      }
      const definition = await this.context.definition(d.procedureVersionId, tx);
      const expiresAt = new Date(now.getTime() + CHECKOUT_TTL_MS);
      const [row] = (await tx.query(
        `INSERT INTO payment (dossier_id, agency_id, status, channel, provider, amount, expires_at, created_at, updated_at)
         VALUES ($1, $2, 'PENDING', 'ONLINE', $3, $4, $5, $6, $6) RETURNING id`,
        [d.id, d.agencyId, this.providers.active.name, d.feeAmount, expiresAt, now],
      )) as { id: string }[];
      const feeName = localized(definition.fee.name ?? definition.name, 'vi');
      return { created: { paymentId: row.id, amount: d.feeAmount, expiresAt, description: d.code ? `${feeName} — ${d.code}` : feeName } };
    });
    if (opened.reuse) return opened.reuse;
    const p = opened.created!;
    const dossierPage = `${this.config.publicUrl}/dossiers/${dossierId}`;
    try {
      const checkout = await this.providers.active.startCheckout({
        paymentId: p.paymentId,
        dossierId,
        amount: p.amount,
        description: p.description,
        returnUrl: `${dossierPage}/payment-return?payment=${p.paymentId}`,
        cancelUrl: dossierPage,
        expiresAt: p.expiresAt,
      });
      await this.db.query(`UPDATE payment SET provider_ref = $2, checkout_url = $3, updated_at = now() WHERE id = $1`, [
        p.paymentId,
        checkout.providerRef,
        checkout.checkoutUrl,
      ]);
      return { paymentId: p.paymentId, checkoutUrl: checkout.checkoutUrl };
    } catch (err) {
      await this.db.query(
        `UPDATE payment SET status = 'FAILED', closed_at = now(), updated_at = now() WHERE id = $1 AND status = 'PENDING'`,
        [p.paymentId],
      );
      this.log.error(`checkout of payment ${p.paymentId} failed: ${err instanceof Error ? err.message : String(err)}`);
      throw new Problem(503, 'payment.providerUnavailable');
    }
  }
}

/** A fee to pay, on a dossier still on its way. */
export function assertPayable(d: Pick<DossierEntity, 'feeAmount' | 'status'>): void {
  if (d.feeAmount <= 0) throw Problem.conflict('payment.noFee');
  if (FINAL.has(d.status)) throw Problem.conflict('payment.closedDossier');
}
