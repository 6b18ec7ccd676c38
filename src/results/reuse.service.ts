import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Problem } from '../common/problem.js';
import type { Principal } from '../common/roles.js';
import { DossierContextService } from '../dossiers/dossier-context.service.js';
import type { Acting } from '../dossiers/dossier-hooks.js';
import type { DossierEntity } from '../dossiers/dossier.entity.js';
import type { ProcedureDefinition } from '../procedures/forms/definition.js';
import { candidatesFor, chosenResult, resultProcedureOf, type WalletEntry } from './reuse-plan.js';
import { recordReuse } from './reuse-record.js';

/** Statuses in which the citizen still chooses what stands in for a component. */
const EDITABLE = new Set(['DRAFT', 'RECEPTION_SUPPLEMENT', 'SUPPLEMENT_REQUESTED']);

export interface ReuseOption {
  componentCode: string;
  procedureCode: string;
  candidates: (WalletEntry & { documentNo: string; title: string })[];
  chosenId: string | null;
}

/** The wallet results a citizen picks for a dossier's components, and the record of every reuse at submission. */
@Injectable()
export class ReuseService {
  constructor(
    private readonly db: DataSource,
    private readonly context: DossierContextService,
  ) {}

  /** For each component a result may stand in for: the citizen's results of that procedure in force, and the one that will be used. */
  async options(
    dossier: Pick<DossierEntity, 'id' | 'applicantId'>,
    definition: ProcedureDefinition,
    db: EntityManager = this.db.manager,
  ): Promise<ReuseOption[]> {
    const components = definition.components.filter((c) => resultProcedureOf(c) !== null);
    if (components.length === 0) return [];
    const wallet = await this.walletOf(db, dossier.applicantId);
    const choices = await this.choicesOf(db, dossier.id);
    return components.map((c) => {
      const procedureCode = resultProcedureOf(c)!;
      return {
        componentCode: c.code,
        procedureCode,
        candidates: candidatesFor(procedureCode, wallet) as ReuseOption['candidates'],
        chosenId: chosenResult(procedureCode, wallet, choices.get(c.code))?.id ?? null,
      };
    });
  }

  /** The owner picks which of their results stands in for a component, while the dossier is still theirs to change. */
  async choose(user: Principal, dossierId: string, componentCode: string, resultId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [d] = (await tx.query(
        `SELECT id, applicant_id AS "applicantId", status, procedure_version_id AS "versionId" FROM dossier WHERE id = $1 FOR UPDATE`,
        [dossierId],
      )) as { id: string; applicantId: string; status: string; versionId: string }[];
      if (!d || d.applicantId !== user.id) throw Problem.notFound('dossier.notFound');
      if (!EDITABLE.has(d.status)) throw Problem.conflict('dossier.notAllowedNow');
      const definition = await this.context.definition(d.versionId, tx);
      const component = definition.components.find((c) => c.code === componentCode);
      const procedureCode = component ? resultProcedureOf(component) : null;
      if (!procedureCode) throw Problem.validation([{ path: 'componentCode', code: 'results.notReusable' }]);
      const wallet = await this.walletOf(tx, user.id);
      if (!candidatesFor(procedureCode, wallet).some((r) => r.id === resultId))
        throw Problem.validation([{ path: 'resultId', code: 'results.notInWallet' }]);
      await tx.query(
        `INSERT INTO result_reuse_choice (dossier_id, component_code, result_id) VALUES ($1, $2, $3)
         ON CONFLICT (dossier_id, component_code) DO UPDATE SET result_id = EXCLUDED.result_id, chosen_at = now()`,
        [d.id, componentCode, resultId],
      );
    });
  }

  /**
   * At (re)submission, in its transaction: one row per component satisfied by data, replacing any earlier record.
   * `by` is who submits: when it is the applicant, their citizen ID comes with them.
   */
  async record(
    tx: EntityManager,
    dossier: Pick<DossierEntity, 'id' | 'applicantId'>,
    definition: ProcedureDefinition,
    by: Acting,
  ): Promise<void> {
    if (!definition.components.some((c) => c.satisfiedBy)) return;
    const known = by !== 'SYSTEM' && by.id === dossier.applicantId ? { citizenId: by.citizenId } : undefined;
    const held = await this.context.applicantData(tx, dossier, definition, known);
    await recordReuse(tx, dossier, definition, held.profileFacts);
  }

  private async walletOf(db: EntityManager, holderId: string): Promise<(WalletEntry & { documentNo: string; title: string })[]> {
    const rows = (await db.query(
      `SELECT id, procedure_code AS "procedureCode", issued_at AS "issuedAt", status, document_no AS "documentNo", title
         FROM result_document WHERE holder_id = $1`,
      [holderId],
    )) as (WalletEntry & { documentNo: string; title: string })[];
    return rows.map((r) => ({ ...r, issuedAt: new Date(r.issuedAt) }));
  }

  private async choicesOf(db: EntityManager, dossierId: string): Promise<Map<string, string>> {
    const rows = (await db.query(`SELECT component_code AS code, result_id AS "resultId" FROM result_reuse_choice WHERE dossier_id = $1`, [
      dossierId,
    ])) as { code: string; resultId: string }[];
    return new Map(rows.map((r) => [r.code, r.resultId]));
  }
}
