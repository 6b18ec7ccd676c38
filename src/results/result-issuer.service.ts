import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Problem } from '../common/problem.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { FILE_STORAGE, type FileStorage } from '../dossiers/files/storage.js';
import { localized, type ProcedureDefinition } from '../procedures/forms/definition.js';
import { SigningService } from '../signing/signing.service.js';
import { documentNumber, seriesYear } from './document-number.js';
import { renderResult } from './pdf/render-result.js';
import { renderResultBody } from './result-template.js';
import { toResultView } from './result-view.js';

export interface IssueRequest {
  dossier: {
    id: string;
    agencyId: string;
    applicantId: string;
    procedureCode: string;
    code: string | null;
    formData: Record<string, unknown>;
  };
  definition: ProcedureDefinition;
  signer: { id: string | null; fullName: string };
  now: Date;
}

export interface IssuedResult {
  id: string;
  documentNo: string;
  verifyToken: string;
  sha256: string;
}

/**
 * Issues a dossier's result inside the caller's transaction: the next number
 * of the agency's yearly series (the series row stays locked until commit,
 * so numbers are unique and gap-free: a rolled-back approval gives its
 * number back), the document rendered from the version's template, signed
 * by the agency, stored, and recorded with its hash and verification token.
 */
@Injectable()
export class ResultIssuer {
  constructor(
    private readonly signing: SigningService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async issue(tx: EntityManager, req: IssueRequest): Promise<IssuedResult> {
    const { dossier, definition, signer, now } = req;
    const [agency] = (await tx.query(
      `SELECT a.id, a.code, a.name, p.name AS "parentName" FROM agency a LEFT JOIN agency p ON p.id = a.parent_id WHERE a.id = $1`,
      [dossier.agencyId],
    )) as { id: string; code: string; name: string; parentName: string | null }[];
    const [holder] = (await tx.query(`SELECT full_name AS "fullName", citizen_id AS "citizenId" FROM app_user WHERE id = $1`, [
      dossier.applicantId,
    ])) as { fullName: string; citizenId: string | null }[];

    const year = seriesYear(now);
    const [{ seq }] = (await tx.query(
      `INSERT INTO result_number_series (agency_id, year, last_no) VALUES ($1, $2, 1)
       ON CONFLICT (agency_id, year) DO UPDATE SET last_no = result_number_series.last_no + 1
       RETURNING last_no AS seq`,
      [agency.id, year],
    )) as { seq: number }[];
    const documentNo = documentNumber(seq, year, agency.code);
    const verifyToken = randomBytes(24).toString('base64url'); // 192 bits: not guessable, not enumerable

    const title = localized(definition.resultTemplate.title, 'vi');
    const bodyLines = renderResultBody(definition.resultTemplate.body, {
      formData: dossier.formData,
      applicant: { fullName: holder.fullName, citizenId: holder.citizenId },
      dossier: { code: dossier.code },
      documentNo,
      agency: { name: agency.name },
    });
    if (!bodyLines) throw Problem.conflict('results.templateBroken');
    const view = toResultView({
      title,
      agency: { name: agency.name, parentName: agency.parentName },
      documentNo,
      dossierCode: dossier.code,
      issuedAt: now,
      bodyLines,
      signerName: signer.fullName,
      publicUrl: this.config.publicUrl,
      verifyToken,
    });
    const signed = await this.signing.sign(await renderResult(view), { id: agency.id, code: agency.code, name: agency.name });
    const stored = await this.storage.put(signed);

    const [{ id }] = (await tx.query(
      `INSERT INTO result_document (dossier_id, agency_id, holder_id, procedure_code, series_year, series_no, document_no, title,
                                    issued_at, signer_id, signer_name, storage_key, sha256, size_bytes, verify_token, verify_url)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
      [
        dossier.id,
        agency.id,
        dossier.applicantId,
        dossier.procedureCode,
        year,
        seq,
        documentNo,
        title,
        now,
        signer.id,
        signer.fullName,
        stored.key,
        stored.sha256,
        signed.length,
        verifyToken,
        view.verifyUrl,
      ],
    )) as { id: string }[];
    return { id, documentNo, verifyToken, sha256: stored.sha256 };
  }
}
