import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Problem } from '../common/problem.js';
import { hasRole, type Principal } from '../common/roles.js';
import { DossierCommandsService } from '../dossiers/dossier-commands.service.js';
import { DossierContextService } from '../dossiers/dossier-context.service.js';
import { DossierQueriesService } from '../dossiers/dossier-queries.service.js';
import { FILE_STORAGE, sha256, type FileStorage } from '../dossiers/files/storage.js';
import { ResultIssuer } from './result-issuer.service.js';
import { latestResultOf, resultById, resultsOfHolder, type ResultRecord } from './result-records.js';

export interface ResultFile {
  fileName: string;
  pdf: Buffer;
}

export type StatusChange = 'revoke' | 'supersede';

/** Downloading a result, the citizen's wallet, and a leader's revocation or replacement of a result. */
@Injectable()
export class ResultsService {
  constructor(
    private readonly db: DataSource,
    private readonly queries: DossierQueriesService,
    private readonly commands: DossierCommandsService,
    private readonly context: DossierContextService,
    private readonly issuer: ResultIssuer,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /**
   * The signed file as issued. The owner downloading a result that waits to be
   * handed back receives it: the dossier moves to RETURNED first (refused,
   * with the veto's reason, while a fee due before the result is unpaid).
   * Staff downloads change nothing.
   */
  async download(user: Principal, dossierId: string): Promise<ResultFile> {
    const detail = await this.queries.get(user, dossierId);
    const result = await latestResultOf(this.db.manager, detail.dossier.id);
    if (!result) throw Problem.notFound('results.notIssued');
    if (detail.dossier.applicantId === user.id && detail.dossier.status === 'RESULT_READY' && result.status === 'ISSUED') {
      await this.commands.act(user, detail.dossier.id, 'return-result', {});
    }
    const pdf = Buffer.from(await this.storage.get(result.storageKey));
    // A file changed in storage must never be handed out as the issued one.
    if (sha256(pdf) !== result.sha256) throw new Error(`result ${result.id}: stored file does not match its recorded hash`);
    return { fileName: `${(detail.dossier.code ?? detail.dossier.id.slice(0, 8)).replace(/[^\w.-]/g, '_')}-ket-qua.pdf`, pdf };
  }

  /** Every result issued to the citizen, newest first (revoked ones too, marked as such). */
  wallet(user: Principal) {
    return resultsOfHolder(this.db.manager, user.id);
  }

  /** A result as its issuing agency's leader sees it (the revocation form); 404 for anyone else. */
  async forLeader(user: Principal, resultId: string): Promise<ResultRecord> {
    const found = /^[0-9a-f-]{36}$/i.test(resultId) ? await resultById(this.db.manager, resultId) : null;
    if (!found || !user.agency || found.agencyId !== user.agency.id || !hasRole(user, 'LEADER')) throw Problem.notFound('results.notFound');
    return found;
  }

  /**
   * A leader of the issuing agency revokes a result, or replaces it with a new
   * one (a new number, rendered from the dossier's data and signed now). The
   * verification page shows the change at once. Another agency's result is 404.
   */
  async changeStatus(user: Principal, resultId: string, change: StatusChange, reason: string): Promise<ResultRecord> {
    const text = reason.trim();
    return this.db.transaction(async (tx) => {
      const found = /^[0-9a-f-]{36}$/i.test(resultId) ? await resultById(tx, resultId, true) : null;
      if (!found || !user.agency || found.agencyId !== user.agency.id || !hasRole(user, 'RECEPTIONIST', 'SPECIALIST', 'LEADER', 'MANAGER'))
        throw Problem.notFound('results.notFound');
      if (!hasRole(user, 'LEADER')) throw Problem.forbidden('results.leaderOnly');
      if (!text) throw Problem.validation([{ path: 'reason', code: 'results.reasonRequired' }]);
      if (text.length > 1000) throw Problem.validation([{ path: 'reason', code: 'results.reasonTooLong' }]);
      if (found.status !== 'ISSUED') throw Problem.conflict('results.notInForce');
      const now = new Date();
      await tx.query(
        `UPDATE result_document SET status = $2, status_reason = $3, status_changed_at = $4, status_changed_by = $5 WHERE id = $1`,
        [found.id, change === 'revoke' ? 'REVOKED' : 'SUPERSEDED', text, now, user.id],
      );
      if (change === 'supersede') {
        const [d] = (await tx.query(
          `SELECT id, agency_id AS "agencyId", applicant_id AS "applicantId", procedure_code AS "procedureCode", code,
                  form_data AS "formData", procedure_version_id AS "versionId"
             FROM dossier WHERE id = $1`,
          [found.dossierId],
        )) as {
          id: string;
          agencyId: string;
          applicantId: string;
          procedureCode: string;
          code: string | null;
          formData: Record<string, unknown>;
          versionId: string;
        }[];
        const definition = await this.context.definition(d.versionId, tx);
        const next = await this.issuer.issue(tx, { dossier: d, definition, signer: { id: user.id, fullName: user.fullName }, now });
        await tx.query(`UPDATE result_document SET superseded_by = $2 WHERE id = $1`, [found.id, next.id]);
      }
      return (await resultById(tx, found.id))!;
    });
  }
}
