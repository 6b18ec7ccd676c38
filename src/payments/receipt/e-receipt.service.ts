import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canSee } from '../../common/access.js';
import { AccessService } from '../../common/access.service.js';
import { isUuid } from '../../common/ids.js';
import { Problem } from '../../common/problem.js';
import type { Principal } from '../../common/roles.js';
import { SigningService } from '../../signing/signing.service.js';
import type { PaymentChannel, PaymentProviderName } from '../payment-state.js';
import { renderEReceipt } from './e-receipt-pdf.js';
import { toEReceipt } from './e-receipt.js';

export interface EReceiptFile {
  fileName: string;
  pdf: Buffer;
}

/** The e-receipt of a paid fee, signed by the collecting agency; for the payer and the agency's staff. */
@Injectable()
export class EReceiptService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly signing: SigningService,
  ) {}

  async render(user: Principal, paymentId: string): Promise<EReceiptFile> {
    const [row] = isUuid(paymentId)
      ? ((await this.db.query(
          `SELECT p.id, p.receipt_series AS "receiptSeries", p.receipt_no AS "receiptNo", p.paid_at AS "paidAt",
                  p.amount::float8 AS amount, p.channel, p.provider,
                  a.id AS "agencyId", a.code AS "agencyCode", a.name AS "agencyName", pa.name AS "parentName",
                  u.full_name AS "payerName", u.citizen_id AS "citizenId", d.applicant_id AS "applicantId",
                  d.current_agency_id AS "currentAgencyId", d.code AS "dossierCode",
                  v.definition->'name'->>'vi' AS "procedureName", v.definition->'fee'->'name'->>'vi' AS "feeName"
             FROM payment p
             JOIN dossier d ON d.id = p.dossier_id
             JOIN agency a ON a.id = p.agency_id
             LEFT JOIN agency pa ON pa.id = a.parent_id
             JOIN app_user u ON u.id = d.applicant_id
             JOIN procedure_version v ON v.id = d.procedure_version_id
            WHERE p.id = $1 AND p.receipt_no IS NOT NULL`,
          [paymentId],
        )) as ReceiptRow[])
      : [];
    if (!row) throw Problem.notFound('payment.notFound');
    if (row.applicantId !== user.id) {
      // Staff of the collecting agency, or of the one holding the dossier now.
      const scope = await this.access.scopeFor(user);
      if (!canSee(scope, { agencyId: row.agencyId }) && !canSee(scope, { agencyId: row.currentAgencyId })) {
        throw Problem.notFound('payment.notFound');
      }
    }
    const receipt = toEReceipt({
      paymentId: row.id,
      receiptSeries: row.receiptSeries,
      receiptNo: row.receiptNo,
      paidAt: row.paidAt,
      amount: row.amount,
      channel: row.channel,
      provider: row.provider,
      agency: { name: row.agencyName, code: row.agencyCode, parentName: row.parentName },
      payer: { name: row.payerName, citizenId: row.citizenId },
      dossierCode: row.dossierCode,
      procedureName: row.procedureName,
      feeName: row.feeName,
    });
    const pdf = await renderEReceipt(receipt);
    const signed = await this.signing.sign(pdf, { id: row.agencyId, code: row.agencyCode, name: row.agencyName });
    return { fileName: receipt.fileName, pdf: signed };
  }
}

interface ReceiptRow {
  id: string;
  receiptSeries: string;
  receiptNo: number;
  paidAt: Date;
  amount: number;
  channel: PaymentChannel;
  provider: PaymentProviderName;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  parentName: string | null;
  payerName: string;
  citizenId: string | null;
  applicantId: string;
  currentAgencyId: string;
  dossierCode: string | null;
  procedureName: string;
  feeName: string | null;
}
