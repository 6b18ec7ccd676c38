import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../common/access.service.js';
import { Problem } from '../common/problem.js';
import { hasRole, type Principal } from '../common/roles.js';
import { DossierContextService } from '../dossiers/dossier-context.service.js';
import { lockDossier } from '../dossiers/dossier-recording.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import { assertPayable } from './payment-checkout.service.js';
import { applyOutcome, paymentsOf, type PaymentRow } from './payment-ledger.js';

/** Officers who take cash and grant exemptions at the counter. */
const COUNTER_ROLES = ['RECEPTIONIST', 'SPECIALIST', 'LEADER'] as const;

/** What the one-stop counter does about a fee: take it in cash, or waive it for an exempt applicant. */
@Injectable()
export class PaymentCounterService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly context: DossierContextService,
  ) {}

  /** Cash handed over at the counter: PAID at once, with its e-receipt number. */
  async recordCash(user: Principal, dossierId: string, now = new Date()): Promise<PaymentRow> {
    return this.db.transaction(async (tx) => {
      const d = await this.lockForStaff(tx, user, dossierId);
      assertPayable(d);
      await assertNotSettled(tx, d.id);
      const [row] = (await tx.query(
        `INSERT INTO payment (dossier_id, agency_id, status, channel, provider, amount, recorded_by, created_at, updated_at)
         VALUES ($1, $2, 'PENDING', 'CASH', 'CASH', $3, $4, $5, $5) RETURNING id`,
        [d.id, d.agencyId, d.feeAmount, user.id, now],
      )) as { id: string }[];
      const moved = await applyOutcome(tx, row.id, 'PAID', now);
      if (!moved) throw Problem.conflict('payment.alreadyPaid');
      return moved.payment;
    });
  }

  /** The applicant belongs to a category the procedure version exempts; the officer says why. */
  async grantExemption(user: Principal, dossierId: string, input: { category: string; reason: string }, now = new Date()): Promise<void> {
    await this.db.transaction(async (tx) => {
      const d = await this.lockForStaff(tx, user, dossierId);
      assertPayable(d);
      const definition = await this.context.definition(d.procedureVersionId, tx);
      if (!(definition.fee.exemptions ?? []).some((e) => e.code === input.category)) {
        throw Problem.validation([{ path: 'category', code: 'payment.exemption.unknownCategory' }]);
      }
      await assertNotSettled(tx, d.id);
      await tx.query(`INSERT INTO fee_exemption (dossier_id, category, reason, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5)`, [
        d.id,
        input.category,
        input.reason,
        user.id,
        now,
      ]);
    });
  }

  /** Officers of the agency holding the dossier; anyone else finds no such dossier. */
  private async lockForStaff(tx: EntityManager, user: Principal, dossierId: string): Promise<DossierEntity> {
    const d = await lockDossier(tx, dossierId);
    await this.access.assertCanSee(user, { agencyId: d.currentAgencyId }, tx, 'dossier.notFound');
    if (!hasRole(user, ...COUNTER_ROLES)) throw Problem.forbidden();
    return d;
  }
}

async function assertNotSettled(tx: EntityManager, dossierId: string): Promise<void> {
  const [exempt] = (await tx.query(`SELECT 1 FROM fee_exemption WHERE dossier_id = $1`, [dossierId])) as unknown[];
  if (exempt) throw Problem.conflict('payment.exempt');
  if ((await paymentsOf(tx, dossierId)).some((p) => p.status === 'PAID' || p.status === 'REFUNDED')) {
    throw Problem.conflict('payment.alreadyPaid');
  }
}
