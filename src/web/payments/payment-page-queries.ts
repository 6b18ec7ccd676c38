import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import type { PaymentProviderName, PaymentStatus } from '../../payments/payment-state.js';
import type { LocalizedText } from '../../procedures/forms/definition.js';

export interface OwnPayment {
  id: string;
  dossierId: string;
  dossierCode: string | null;
  dossierStatus: string;
  /** Both languages: the page picks its own. */
  procedureName: LocalizedText;
  status: PaymentStatus;
  provider: PaymentProviderName;
  amount: number;
  expiresAt: Date | null;
}

/** A payment of the signed-in citizen's own dossier; anyone else's is not found. */
@Injectable()
export class PaymentPageQueries {
  constructor(private readonly db: DataSource) {}

  async own(user: Principal, paymentId: unknown): Promise<OwnPayment> {
    const [row] =
      typeof paymentId === 'string' && isUuid(paymentId)
        ? ((await this.db.query(
            `SELECT p.id, p.dossier_id AS "dossierId", d.code AS "dossierCode", d.status AS "dossierStatus", v.definition->'name' AS "procedureName",
                    p.status, p.provider, p.amount::float8 AS amount, p.expires_at AS "expiresAt"
               FROM payment p JOIN dossier d ON d.id = p.dossier_id JOIN procedure_version v ON v.id = d.procedure_version_id
              WHERE p.id = $1 AND d.applicant_id = $2`,
            [paymentId, user.id],
          )) as OwnPayment[])
        : [];
    if (!row) throw Problem.notFound('payment.notFound');
    return row;
  }
}
